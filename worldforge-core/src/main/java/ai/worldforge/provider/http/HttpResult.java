package ai.worldforge.provider.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful (2xx) buffered response with the attempt bookkeeping that later validation events
 * carry: which attempt succeeded, of how many, and how long it took. Immutable and thread-safe.
 */
public final class HttpResult {
    private final int statusCode;
    private final Map<String, String> headers;
    private final byte[] body;
    private final int attempt;
    private final int maxAttempts;
    private final double durationMs;

    HttpResult(
            int statusCode, Map<String, String> headers, byte[] body, int attempt, int maxAttempts, double durationMs) {
        this.statusCode = statusCode;
        this.headers = Map.copyOf(headers);
        this.body = Objects.requireNonNull(body);
        this.attempt = attempt;
        this.maxAttempts = maxAttempts;
        this.durationMs = durationMs;
    }

    /** HTTP status code. */
    public int statusCode() {
        return statusCode;
    }

    /** The value of header {@code name} (case-insensitive), when present. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** A copy of the body. */
    public byte[] body() {
        return body.clone();
    }

    /** The body without copying (callers must not modify it). */
    byte[] bodyUnsafe() {
        return body;
    }

    /** The body decoded as UTF-8 (malformed input replaced). */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The attempt that succeeded, from 1. */
    public int attempt() {
        return attempt;
    }

    /** The policy's maximum attempts. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Duration of the successful attempt in milliseconds. */
    public double durationMs() {
        return durationMs;
    }
}
