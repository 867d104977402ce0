package ai.worldforge.provider.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@link HttpTransport} on the JDK {@link HttpClient}: redirects are never followed (like httpx's
 * default), the per-attempt timeout is the request timeout (time to response headers) and also the
 * deadline of every single body read, which {@code HttpClient} does not enforce by itself: a
 * watchdog closes a body whose read has been blocked longer than the timeout, and the read then
 * fails with {@link HttpTimeoutException} ({@code read timed out}).
 *
 * <p>One instance holds one {@code HttpClient} (its connection pool and selector thread); share it
 * for the lifetime of a provider. Thread-safe.
 */
public final class JdkHttpTransport implements HttpTransport {
    /** One daemon thread watches every body read of the process; its tasks are tiny. */
    private static final class Watchdog {
        static final ScheduledThreadPoolExecutor EXECUTOR = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "worldforge-http-read-deadline");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }

    private final HttpClient client;

    /** A transport with a 30-second connect timeout and HTTP/1.1. */
    public JdkHttpTransport() {
        this(Duration.ofSeconds(30));
    }

    /** A transport whose client uses {@code connectTimeout} and HTTP/1.1. */
    public JdkHttpTransport(Duration connectTimeout) {
        this(HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .version(HttpClient.Version.HTTP_1_1)
                .build());
    }

    /**
     * A transport over a caller-configured client (proxy, TLS, executor).
     *
     * @throws IllegalArgumentException when the client follows redirects
     */
    public JdkHttpTransport(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("WorldForge provider clients must not follow redirects");
        }
    }

    @Override
    public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        byte[] body = request.bodyUnsafe();
        builder.method(
                request.method(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new JdkResponse(response, request.timeout());
    }

    private static final class JdkResponse implements TransportResponse {
        private final HttpResponse<InputStream> response;
        private final DeadlineInputStream body;

        JdkResponse(HttpResponse<InputStream> response, Duration readTimeout) {
            this.response = response;
            this.body = new DeadlineInputStream(response.body(), readTimeout.toNanos());
        }

        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public void close() {
            body.closeQuietly();
        }
    }

    /**
     * Bounds every read: while a read is in progress, a watchdog task checks whether it has been
     * blocked for the timeout and, if so, closes the underlying stream (which wakes the reader).
     */
    static final class DeadlineInputStream extends FilterInputStream {
        private final long timeoutNanos;
        private volatile long readStartedNanos;
        private volatile boolean reading;
        private volatile boolean timedOut;
        private volatile boolean closed;
        private ScheduledFuture<?> watchdog;

        DeadlineInputStream(InputStream in, long timeoutNanos) {
            super(in);
            this.timeoutNanos = timeoutNanos;
            this.watchdog = Watchdog.EXECUTOR.schedule(this::check, timeoutNanos, TimeUnit.NANOSECONDS);
        }

        private void check() {
            if (closed) {
                return;
            }
            long now = System.nanoTime();
            if (reading && now - readStartedNanos >= timeoutNanos) {
                timedOut = true;
                closeQuietly();
                return;
            }
            long wait = reading ? timeoutNanos - (now - readStartedNanos) : timeoutNanos;
            synchronized (this) {
                if (!closed) {
                    watchdog = Watchdog.EXECUTOR.schedule(this::check, Math.max(1L, wait), TimeUnit.NANOSECONDS);
                }
            }
        }

        private void begin() throws IOException {
            if (timedOut) {
                throw timeout();
            }
            readStartedNanos = System.nanoTime();
            reading = true;
        }

        private int end(int result) throws IOException {
            reading = false;
            if (timedOut) {
                throw timeout();
            }
            return result;
        }

        private HttpTimeoutException timeout() {
            return new HttpTimeoutException("read timed out");
        }

        @Override
        public int read() throws IOException {
            begin();
            try {
                return end(super.read());
            } catch (IOException e) {
                reading = false;
                throw timedOut ? timeout() : e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            begin();
            try {
                return end(super.read(b, off, len));
            } catch (IOException e) {
                reading = false;
                throw timedOut ? timeout() : e;
            }
        }

        @Override
        public void close() throws IOException {
            closeQuietly();
        }

        void closeQuietly() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                watchdog.cancel(false);
            }
            try {
                in.close();
            } catch (IOException ignored) {
                // Releasing the connection is best effort.
            }
        }
    }
}
