package ai.worldforge.server;

import ai.worldforge.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The server's error handler: answers every request Jetty refuses before a route runs (a bad
 * request line, header, {@code Content-Length} or chunk, headers too large, headers too slow) with
 * the host's JSON error body, and closes the connection. Jetty's own pages are HTML and may name
 * exception classes; here the message is one of a fixed set chosen from the status and the kind
 * of refusal, so no parser text or class name ever reaches the client. Also the last resort for a
 * failure Jetty sees after the host's handler (status 500, {@code request failed}). Thread-safe.
 */
final class ProtocolErrors implements Request.Handler {
    /** Request header limit in bytes, request line included (Jetty's default, fixed here). */
    static final int MAX_HEADER_BYTES = 8192;

    private final RequestIds requestIds;
    private final ServiceConfig config;
    private final Outcomes outcomes;

    /** Where the answered refusals are counted. */
    interface Outcomes {
        /** One refusal of {@code status} to a request with {@code method}, taking {@code nanos}. */
        void refused(String method, int status, long nanos);

        /** A failure after the host's handler ended request {@code requestId} with a 500. */
        void failed(String requestId, Throwable cause);
    }

    ProtocolErrors(RequestIds requestIds, ServiceConfig config, Outcomes outcomes) {
        this.requestIds = requestIds;
        this.config = config;
        this.outcomes = outcomes;
    }

    /** The status, public type and message of one refusal. */
    record Refusal(int status, String type, String message) {}

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        int status = response.getStatus();
        String reason = "";
        Object cause = request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
        if (cause instanceof HttpException http) {
            status = http.getCode();
            reason = http.getReason() == null ? "" : http.getReason();
        } else if (request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code) {
            status = code;
        }
        Refusal refusal = describe(status, reason);
        String requestId = requestIds.choose(request.getHeaders().get(Exchange.REQUEST_ID_HEADER));
        if (refusal.status() >= 500 && cause instanceof Throwable failure && !(cause instanceof HttpException)) {
            outcomes.failed(requestId, failure);
        }
        byte[] body = Json.writeSpacedSorted(ServicePayloads.publicErrorPayload(
                        new ServiceException(refusal.status(), refusal.type(), refusal.message(), null),
                        requestId,
                        refusal.status()))
                .getBytes(StandardCharsets.US_ASCII);
        response.setStatus(refusal.status());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        headers.put(Exchange.REQUEST_ID_HEADER, requestId);
        headers.put(HttpHeader.SERVER, ServiceHost.SERVER_HEADER);
        headers.put(HttpHeader.CONNECTION, "close");
        String method = request.getMethod();
        int answered = refusal.status();
        response.write(true, ByteBuffer.wrap(body), new Callback() {
            @Override
            public void succeeded() {
                try {
                    callback.succeeded();
                } finally {
                    outcomes.refused(method, answered, System.nanoTime() - started);
                }
            }

            @Override
            public void failed(Throwable x) {
                try {
                    callback.failed(x);
                } finally {
                    outcomes.refused(method, answered, System.nanoTime() - started);
                }
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        });
        return true;
    }

    /**
     * The answer to a refusal of {@code status} for {@code reason} (Jetty's text, read only to
     * pick one of the fixed messages).
     */
    Refusal describe(int status, @Nullable String reason) {
        String why = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return switch (status) {
            case 400 -> new Refusal(400, ServiceException.VALIDATION_ERROR, badRequest(why));
            case 408 ->
                new Refusal(
                        408,
                        ServiceException.TIMEOUT_ERROR,
                        "request headers not received within "
                                + config.readTimeout().toMillis() + " ms");
            case 413 -> new Refusal(413, ServiceException.VALIDATION_ERROR, "request body chunk too large");
            case 414 ->
                new Refusal(
                        414,
                        ServiceException.VALIDATION_ERROR,
                        "request target exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
            case 417 -> new Refusal(417, ServiceException.VALIDATION_ERROR, "unsupported Expect header");
            case 426 -> new Refusal(426, ServiceException.VALIDATION_ERROR, "HTTP/2 is not supported; use HTTP/1.1");
            case 431 ->
                new Refusal(
                        431,
                        ServiceException.VALIDATION_ERROR,
                        "request headers exceed the limit of " + MAX_HEADER_BYTES + " bytes");
            case 501 -> new Refusal(501, ServiceException.VALIDATION_ERROR, "unsupported Transfer-Encoding");
            case 505 -> new Refusal(505, ServiceException.VALIDATION_ERROR, "unsupported HTTP version");
            default ->
                status >= 400 && status < 500
                        ? new Refusal(status, ServiceException.VALIDATION_ERROR, "malformed HTTP request")
                        : new Refusal(500, "internal_error", ServicePayloads.INTERNAL_MESSAGE);
        };
    }

    private static String badRequest(String why) {
        // Jetty's reasons name the header when they know it ("Multiple Content-Lengths", "Bad
        // Transfer-Encoding, chunked not last", "No Host", "Illegal Path Character"); a bare "Bad
        // Request" (e.g. a Content-Length that overflows, a bad percent-escape) stays generic.
        if (why.contains("transfer-encoding") || why.contains("chunked")) {
            return "invalid Transfer-Encoding header";
        }
        if (why.contains("content-length")) {
            return "invalid Content-Length header";
        }
        if (why.contains("uri") || why.contains("path")) {
            return "invalid request target";
        }
        if (why.contains("host") || why.contains("authority")) {
            return "invalid Host header";
        }
        return "malformed HTTP request";
    }
}
