package ai.worldforge.provider.http;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One logical provider operation over HTTP: its name in events and errors ({@code healthcheck},
 * {@code generation request}, …), method, URL, extra headers and body. The URL is either
 * absolute or a path resolved against the client's base URL; it is also the event {@code target}
 * (sanitised there: no credentials, query or fragment). Immutable and thread-safe.
 */
public final class HttpCall {
    private final String operation;
    private final String method;
    private final String url;
    private final Map<String, String> headers;
    private final byte @Nullable [] body;

    private HttpCall(String operation, String method, String url, Map<String, String> headers, byte @Nullable [] body) {
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("operation must be a non-empty string");
        }
        this.operation = operation;
        this.method = Objects.requireNonNull(method, "method").strip().toUpperCase(Locale.ROOT);
        this.url = Objects.requireNonNull(url, "url");
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
    }

    /** A {@code GET} of {@code url}. */
    public static HttpCall get(String operation, String url) {
        return new HttpCall(operation, "GET", url, Map.of(), null);
    }

    /**
     * A {@code POST} of {@code body} as compact JSON with {@code Content-Type: application/json}.
     *
     * @throws ai.worldforge.error.WorldForgeException when {@code body} holds a NaN or infinity
     */
    public static HttpCall postJson(String operation, String url, JsonValue body) {
        return new HttpCall(
                operation,
                "POST",
                url,
                Map.of("Content-Type", "application/json"),
                Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** Any method with raw body bytes (copied), or none. */
    public static HttpCall of(
            String operation, String method, String url, Map<String, String> headers, byte @Nullable [] body) {
        return new HttpCall(operation, method, url, headers, body == null ? null : body.clone());
    }

    /** This call with {@code name: value} added (replacing a header of the same name). */
    public HttpCall withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(name)) {
                copy.put(k, v);
            }
        });
        copy.put(name, value);
        return new HttpCall(operation, method, url, copy, body);
    }

    /** Operation name used in events and error messages. */
    public String operation() {
        return operation;
    }

    /** Upper-case method. */
    public String method() {
        return method;
    }

    /** URL or path as given (the event target). */
    public String url() {
        return url;
    }

    /** Call-specific headers (they override the client's default headers). */
    public Map<String, String> headers() {
        return headers;
    }

    /** A copy of the body, when there is one. */
    public Optional<byte[]> body() {
        return Optional.ofNullable(body == null ? null : body.clone());
    }

    byte @Nullable [] bodyUnsafe() {
        return body;
    }

    /** Operation, method and sanitised target. */
    @Override
    public String toString() {
        return operation + " " + method + " " + ai.worldforge.event.Redaction.sanitizeTarget(url);
    }
}
