package ai.worldforge.event;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One observable step of a provider call (a success, failure, retry or budget overrun), already
 * normalised and redacted: the target loses credentials and query strings, the message and
 * correlation ids are text-redacted and secret-named metadata values are replaced. Immutable and
 * thread-safe; safe to log, export as metrics or attach to traces.
 */
public final class ProviderEvent {
    private final String provider;
    private final String operation;
    private final String phase;
    private final int attempt;
    private final int maxAttempts;
    private final @Nullable String method;
    private final @Nullable String target;
    private final @Nullable Integer statusCode;
    private final @Nullable Double durationMs;
    private final String message;
    private final JsonObject metadata;
    private final @Nullable String runId;
    private final @Nullable String requestId;
    private final @Nullable String traceId;
    private final @Nullable String spanId;
    private final @Nullable String artifactId;
    private final @Nullable String inputDigest;

    private ProviderEvent(Builder b) {
        provider = required(b.provider, "provider");
        operation = required(b.operation, "operation");
        phase = required(b.phase, "phase").toLowerCase(Locale.ROOT);
        if (b.attempt < 1) {
            throw new WorldForgeException("ProviderEvent attempt must be greater than or equal to 1.");
        }
        if (b.maxAttempts < b.attempt) {
            throw new WorldForgeException("ProviderEvent max_attempts must be greater than or equal to attempt.");
        }
        attempt = b.attempt;
        maxAttempts = b.maxAttempts;
        if (b.statusCode != null && (b.statusCode < 100 || b.statusCode > 599)) {
            throw new WorldForgeException("ProviderEvent status_code must be a valid HTTP status code.");
        }
        statusCode = b.statusCode;
        if (b.durationMs != null && (!Double.isFinite(b.durationMs) || b.durationMs < 0)) {
            throw new WorldForgeException("ProviderEvent duration_ms must be non-negative when set.");
        }
        durationMs = b.durationMs;
        String cleanMethod = b.method == null ? null : b.method.strip().toUpperCase(Locale.ROOT);
        method = cleanMethod == null || cleanMethod.isEmpty() ? null : cleanMethod;
        target = Redaction.sanitizeTarget(b.target);
        message = Redaction.redactText(b.message);
        metadata = Checks.jsonObject(Redaction.redactValue(b.metadata), "ProviderEvent metadata");
        runId = id(b.runId);
        requestId = id(b.requestId);
        traceId = id(b.traceId);
        spanId = id(b.spanId);
        artifactId = id(b.artifactId);
        inputDigest = id(b.inputDigest);
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new WorldForgeException("ProviderEvent " + field + " must be a non-empty string.");
        }
        return value.strip();
    }

    private static @Nullable String id(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String clean = Redaction.redactText(value.strip());
        return clean.isEmpty() ? null : clean;
    }

    /** A builder for an event of {@code provider}'s {@code operation} in {@code phase}. */
    public static Builder builder(String provider, String operation, String phase) {
        return new Builder(provider, operation, phase);
    }

    /** The common shape of a success or failure event: a duration and metadata. */
    public static ProviderEvent of(
            String provider, String operation, String phase, double durationMs, JsonObject metadata) {
        return builder(provider, operation, phase)
                .durationMs(durationMs)
                .metadata(metadata)
                .build();
    }

    /** Provider name. */
    public String provider() {
        return provider;
    }

    /** Operation ({@code predict}, {@code generate}, {@code request}, …). */
    public String operation() {
        return operation;
    }

    /** Lower-case phase ({@code success}, {@code failure}, {@code retry}, {@code budget_exceeded}, …). */
    public String phase() {
        return phase;
    }

    /** Attempt number, from 1. */
    public int attempt() {
        return attempt;
    }

    /** Maximum attempts. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Upper-case HTTP method, when any. */
    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    /** Sanitised target, when any. */
    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    /** HTTP status code, when any. */
    public Optional<Integer> statusCode() {
        return Optional.ofNullable(statusCode);
    }

    /** Duration in milliseconds, when measured. */
    public Optional<Double> durationMs() {
        return Optional.ofNullable(durationMs);
    }

    /** Redacted message. */
    public String message() {
        return message;
    }

    /** Redacted metadata. */
    public JsonObject metadata() {
        return metadata;
    }

    /** Run id, when set. */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    /** Request id, when set. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Trace id, when set. */
    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    /** Span id, when set. */
    public Optional<String> spanId() {
        return Optional.ofNullable(spanId);
    }

    /** Artifact id, when set. */
    public Optional<String> artifactId() {
        return Optional.ofNullable(artifactId);
    }

    /** Input digest, when set. */
    public Optional<String> inputDigest() {
        return Optional.ofNullable(inputDigest);
    }

    /** A builder pre-filled with this event (for adding correlation ids). */
    public Builder toBuilder() {
        Builder b = new Builder(provider, operation, phase);
        b.attempt = attempt;
        b.maxAttempts = maxAttempts;
        b.method = method;
        b.target = target;
        b.statusCode = statusCode;
        b.durationMs = durationMs;
        b.message = message;
        b.metadata = metadata;
        b.runId = runId;
        b.requestId = requestId;
        b.traceId = traceId;
        b.spanId = spanId;
        b.artifactId = artifactId;
        b.inputDigest = inputDigest;
        return b;
    }

    /** The eleven base keys, then the correlation ids that are set. */
    public JsonObject toJson() {
        JsonObject.Builder out = JsonObject.builder()
                .put("provider", JsonString.of(provider))
                .put("operation", JsonString.of(operation))
                .put("phase", JsonString.of(phase))
                .put("attempt", JsonInt.of(attempt))
                .put("max_attempts", JsonInt.of(maxAttempts))
                .put("method", text(method))
                .put("target", text(target))
                .put("status_code", statusCode == null ? JsonNull.INSTANCE : JsonInt.of(statusCode))
                .put("duration_ms", durationMs == null ? JsonNull.INSTANCE : JsonFloat.of(durationMs))
                .put("message", JsonString.of(message))
                .put("metadata", metadata);
        putIf(out, "run_id", runId);
        putIf(out, "request_id", requestId);
        putIf(out, "trace_id", traceId);
        putIf(out, "span_id", spanId);
        putIf(out, "artifact_id", artifactId);
        putIf(out, "input_digest", inputDigest);
        return out.build();
    }

    private static JsonValue text(@Nullable String value) {
        return value == null ? JsonNull.INSTANCE : JsonString.of(value);
    }

    private static void putIf(JsonObject.Builder out, String key, @Nullable String value) {
        if (value != null) {
            out.put(key, JsonString.of(value));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderEvent e && toJson().equals(e.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "ProviderEvent" + toJson();
    }

    /** Builder for {@link ProviderEvent}; validation happens in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private final @Nullable String provider;
        private final @Nullable String operation;
        private final @Nullable String phase;
        private int attempt = 1;
        private int maxAttempts = 1;
        private @Nullable String method;
        private @Nullable String target;
        private @Nullable Integer statusCode;
        private @Nullable Double durationMs;
        private String message = "";
        private JsonObject metadata = JsonObject.EMPTY;
        private @Nullable String runId;
        private @Nullable String requestId;
        private @Nullable String traceId;
        private @Nullable String spanId;
        private @Nullable String artifactId;
        private @Nullable String inputDigest;

        private Builder(@Nullable String provider, @Nullable String operation, @Nullable String phase) {
            this.provider = provider;
            this.operation = operation;
            this.phase = phase;
        }

        /** Attempt number (from 1). */
        public Builder attempt(int value) {
            attempt = value;
            return this;
        }

        /** Maximum attempts (at least the attempt). */
        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        /** HTTP method. */
        public Builder method(@Nullable String value) {
            method = value;
            return this;
        }

        /** Request target (sanitised on build). */
        public Builder target(@Nullable String value) {
            target = value;
            return this;
        }

        /** HTTP status code (100–599). */
        public Builder statusCode(@Nullable Integer value) {
            statusCode = value;
            return this;
        }

        /** Duration in milliseconds (finite, non-negative). */
        public Builder durationMs(@Nullable Double value) {
            durationMs = value;
            return this;
        }

        /** Message (redacted on build). */
        public Builder message(String value) {
            message = Objects.requireNonNull(value);
            return this;
        }

        /** Metadata (redacted on build). */
        public Builder metadata(JsonObject value) {
            metadata = Objects.requireNonNull(value);
            return this;
        }

        /** Run id. */
        public Builder runId(@Nullable String value) {
            runId = value;
            return this;
        }

        /** Request id. */
        public Builder requestId(@Nullable String value) {
            requestId = value;
            return this;
        }

        /** Trace id. */
        public Builder traceId(@Nullable String value) {
            traceId = value;
            return this;
        }

        /** Span id. */
        public Builder spanId(@Nullable String value) {
            spanId = value;
            return this;
        }

        /** Artifact id. */
        public Builder artifactId(@Nullable String value) {
            artifactId = value;
            return this;
        }

        /** Input digest. */
        public Builder inputDigest(@Nullable String value) {
            inputDigest = value;
            return this;
        }

        /** Validates, normalises and redacts. */
        public ProviderEvent build() {
            return new ProviderEvent(this);
        }
    }
}
