package ai.worldforge.provider.http;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A response whose body has not been read yet. Closing it releases the connection; closing twice
 * is harmless. Not thread-safe: one caller reads and closes it.
 */
public interface TransportResponse extends Closeable {
    /** HTTP status code. */
    int statusCode();

    /** The first value of header {@code name} (case-insensitive), when present. */
    Optional<String> header(String name);

    /** The body stream (the same instance on every call). */
    InputStream body();

    /** Closes the body stream; never throws. */
    @Override
    void close();

    /**
     * An in-memory response, handy for fakes: {@code headers} keys are matched case-insensitively
     * and the body is served from {@code body}.
     */
    static TransportResponse of(int statusCode, Map<String, String> headers, InputStream body) {
        Objects.requireNonNull(body, "body");
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        return new TransportResponse() {
            @Override
            public int statusCode() {
                return statusCode;
            }

            @Override
            public Optional<String> header(String name) {
                return Optional.ofNullable(lower.get(name.toLowerCase(Locale.ROOT)));
            }

            @Override
            public InputStream body() {
                return body;
            }

            @Override
            public void close() {
                try {
                    body.close();
                } catch (IOException ignored) {
                    // Closing releases resources only; there is nothing left to report.
                }
            }
        };
    }

    /** An in-memory response with a byte-array body. */
    static TransportResponse of(int statusCode, Map<String, String> headers, byte[] body) {
        return of(statusCode, headers, new ByteArrayInputStream(body.clone()));
    }
}
