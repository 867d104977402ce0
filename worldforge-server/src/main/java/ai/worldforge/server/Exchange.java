package ai.worldforge.server;

import ai.worldforge.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * One request in flight, shared by the HTTP thread that received it, the timers that may answer
 * it (read timeout, deadline) and the worker that runs it. Exactly one of them answers: each
 * first claims the exchange, and only the claimant writes the response. Thread-safe.
 */
final class Exchange {
    /** What a deadline found when it fired. */
    enum Expiry {
        /** The request was already answered: nothing to do. */
        ANSWERED,
        /** No worker had started the request: answer 503. */
        QUEUED,
        /** A worker is running it and has been interrupted: answer 504. */
        RUNNING
    }

    /** The request and response header carrying the request id. */
    static final String REQUEST_ID_HEADER = "X-Request-Id";

    final String requestId;
    final String method;
    final String target;
    final @Nullable Route route;
    final long startedNanos;
    private final Response response;
    private final Callback callback;
    private final Consumer<Exchange> onComplete;
    private final AtomicBoolean completed = new AtomicBoolean();

    private boolean answered; // guarded by this
    private @Nullable Thread worker; // guarded by this
    private volatile int status;
    private volatile long deadlineNanos;

    Exchange(
            String requestId,
            String method,
            String target,
            @Nullable Route route,
            long startedNanos,
            Response response,
            Callback callback,
            Consumer<Exchange> onComplete) {
        this.requestId = requestId;
        this.method = method;
        this.target = target;
        this.route = route;
        this.startedNanos = startedNanos;
        this.response = response;
        this.callback = callback;
        this.onComplete = onComplete;
    }

    /** Claims the right to answer; false when someone else already did. */
    synchronized boolean claim() {
        if (answered) {
            return false;
        }
        answered = true;
        return true;
    }

    synchronized boolean isAnswered() {
        return answered;
    }

    /** Records the worker about to run the request; false when it was answered meanwhile. */
    synchronized boolean startWork(Thread thread) {
        if (answered) {
            return false;
        }
        worker = thread;
        return true;
    }

    /**
     * The worker is done: claims the answer for it, or returns false when the deadline answered
     * first (the work overran).
     */
    synchronized boolean finishWork() {
        worker = null;
        return claim();
    }

    /** The deadline fired: claims the answer and interrupts the worker running the request. */
    synchronized Expiry expire() {
        if (answered) {
            return Expiry.ANSWERED;
        }
        answered = true;
        Thread running = worker;
        if (running == null) {
            return Expiry.QUEUED;
        }
        running.interrupt();
        return Expiry.RUNNING;
    }

    /** When the deadline fires (nanoTime), once the request has been queued for a worker. */
    long deadlineNanos() {
        return deadlineNanos;
    }

    void deadlineNanos(long value) {
        deadlineNanos = value;
    }

    /** The status answered (0 until then). */
    int status() {
        return status;
    }

    /**
     * Sends {@code body} as the answer; only the claimant calls this, once. Never throws: when the
     * response cannot even be prepared (e.g. the heap is exhausted), the exchange is aborted and
     * Jetty closes the connection.
     */
    void send(int code, byte[] body, String contentType, @Nullable String allow, boolean close) {
        try {
            status = code;
            response.setStatus(code);
            HttpFields.Mutable headers = response.getHeaders();
            headers.put(HttpHeader.CONTENT_TYPE, contentType);
            headers.put(HttpHeader.CONTENT_LENGTH, body.length);
            headers.put(REQUEST_ID_HEADER, requestId);
            headers.put(HttpHeader.SERVER, ServiceHost.SERVER_HEADER);
            if (allow != null) {
                headers.put(HttpHeader.ALLOW, allow);
            }
            if (close) {
                headers.put(HttpHeader.CONNECTION, "close");
            }
            response.write(true, ByteBuffer.wrap(body), new Completion());
        } catch (Throwable e) {
            abort(e);
        }
    }

    /**
     * Sends the public error body of {@code error} with {@code code}; only the claimant calls this.
     * Never throws.
     */
    void sendError(int code, Throwable error, @Nullable String allow, boolean close) {
        byte[] body;
        try {
            body = Json.writeSpacedSorted(ServicePayloads.publicErrorPayload(error, requestId, code))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (Throwable e) {
            abort(e);
            return;
        }
        send(code, body, "application/json", allow, close);
    }

    /** Gives up on answering: Jetty answers what it still can and closes the connection. */
    void abort(Throwable cause) {
        if (status == 0) {
            status = 500;
        }
        try {
            callback.failed(cause);
        } finally {
            complete();
        }
    }

    private void complete() {
        if (completed.compareAndSet(false, true)) {
            onComplete.accept(this);
        }
    }

    /** Completes Jetty's callback, then reports the exchange done. */
    private final class Completion implements Callback {
        @Override
        public void succeeded() {
            try {
                callback.succeeded();
            } finally {
                complete();
            }
        }

        @Override
        public void failed(Throwable x) {
            try {
                callback.failed(x);
            } finally {
                complete();
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return callback.getInvocationType();
        }
    }
}
