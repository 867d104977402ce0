package ai.worldforge.provider.http;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request as handed to an {@link HttpTransport}: absolute URI, upper-case method, headers in
 * insertion order, optional body and the timeout of this attempt. Immutable and thread-safe (the
 * body array is copied in and out).
 */
public final class TransportRequest {
    private final String method;
    private final URI uri;
    private final Map<String, String> headers;
    private final byte @Nullable [] body;
    private final Duration timeout;

    /**
     * Creates a request.
     *
     * @param method HTTP method, such as {@code GET}
     * @param uri absolute {@code http} or {@code https} URI
     * @param headers request headers (copied; order kept)
     * @param body request body, or {@code null} for none (copied)
     * @param timeout timeout of this attempt, positive
     */
    public TransportRequest(
            String method, URI uri, Map<String, String> headers, byte @Nullable [] body, Duration timeout) {
        this.method = Objects.requireNonNull(method, "method");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body == null ? null : body.clone();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Upper-case method. */
    public String method() {
        return method;
    }

    /** Absolute URI, query string included (never log it: use the event target instead). */
    public URI uri() {
        return uri;
    }

    /** Headers in insertion order (unmodifiable). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The value of header {@code name} (case-insensitive), when present. */
    public Optional<String> header(String name) {
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** A copy of the body, when there is one. */
    public Optional<byte[]> body() {
        return Optional.ofNullable(body == null ? null : body.clone());
    }

    /** The body without copying, for transports ({@code null} when there is none). */
    byte @Nullable [] bodyUnsafe() {
        return body;
    }

    /** Timeout of this attempt. */
    public Duration timeout() {
        return timeout;
    }

    /** Method and URI without query or credentials, for debugging. */
    @Override
    public String toString() {
        return method + " " + ai.worldforge.event.Redaction.sanitizeTarget(uri.toString());
    }
}
