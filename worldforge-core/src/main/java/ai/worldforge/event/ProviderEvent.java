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
import org.jspecify.annotations.Nullable;

/**
 * One observable step of a provider call (a success, failure, retry or budget overrun), already
 * validated, normalised and redacted by its constructor: the target loses credentials, query and
 * fragment; the message and correlation ids are text-redacted; secret-named metadata values are
 * replaced. Safe to log, export as metrics or attach to traces.
 *
 * <p>Validation (all {@link WorldForgeException}, messages as in the reference): provider,
 * operation and phase non-blank; attempt ≥ 1; max attempts ≥ attempt; status code 100–599;
 * duration finite and non-negative; metadata a JSON object with finite numbers. Normalisation:
 * provider and operation stripped, phase stripped and lower-cased, method stripped and upper-cased
 * (like the reference's {@code method.strip().upper() if method else None}, only an empty method
 * becomes {@code null}; a blank one becomes {@code ""}), target sanitised, message text-redacted,
 * metadata value-redacted, ids stripped and text-redacted (empty → {@code null}). Stripping
 * follows Python's {@code str.strip()}.
 *
 * <p>Immutable and thread-safe. Components marked {@code @Nullable} are absent when {@code null};
 * the others are never {@code null}. Build with {@link #builder} or {@link #of}.
 *
 * @param provider provider name (stripped, non-empty)
 * @param operation operation such as {@code predict}, {@code generate} or {@code request}
 *     (stripped, non-empty)
 * @param phase lower-case phase such as {@code success}, {@code failure}, {@code retry} or {@code
 *     budget_exceeded} (free text, non-empty)
 * @param attempt attempt number, from 1
 * @param maxAttempts maximum attempts, at least {@code attempt}
 * @param method upper-case HTTP method, when any
 * @param target sanitised request target, when any
 * @param statusCode HTTP status code (100–599), when any
 * @param durationMs duration in milliseconds (finite, non-negative), when measured
 * @param message redacted message ({@code ""} by default)
 * @param metadata redacted JSON metadata ({@code {}} by default)
 * @param runId redacted run id, when set
 * @param requestId redacted request id, when set
 * @param traceId redacted trace id, when set
 * @param spanId redacted span id, when set
 * @param artifactId redacted artifact id, when set
 * @param inputDigest redacted input digest, when set
 */
public record ProviderEvent(
        String provider,
        String operation,
        String phase,
        int attempt,
        int maxAttempts,
        @Nullable String method,
        @Nullable String target,
        @Nullable Integer statusCode,
        @Nullable Double durationMs,
        String message,
        JsonObject metadata,
        @Nullable String runId,
        @Nullable String requestId,
        @Nullable String traceId,
        @Nullable String spanId,
        @Nullable String artifactId,
        @Nullable String inputDigest) {

    /** Validates, normalises and redacts (see the class documentation). */
    public ProviderEvent {
        provider = required(provider, "provider");
        operation = required(operation, "operation");
        phase = required(phase, "phase").toLowerCase(Locale.ROOT);
        if (attempt < 1) {
            throw new WorldForgeException("ProviderEvent attempt must be greater than or equal to 1.");
        }
        if (maxAttempts < attempt) {
            throw new WorldForgeException("ProviderEvent max_attempts must be greater than or equal to attempt.");
        }
        if (statusCode != null && (statusCode < 100 || statusCode > 599)) {
            throw new WorldForgeException("ProviderEvent status_code must be a valid HTTP status code.");
        }
        if (durationMs != null) {
            if (!Double.isFinite(durationMs)) {
                throw new WorldForgeException("ProviderEvent duration_ms must be a finite number.");
            }
            if (durationMs < 0.0) {
                throw new WorldForgeException("ProviderEvent duration_ms must be non-negative when set.");
            }
        }
        if (message == null) {
            throw new WorldForgeException("ProviderEvent message must be a string.");
        }
        if (metadata == null) {
            throw new WorldForgeException("ProviderEvent metadata must be a JSON object.");
        }
        // Like the reference: `method.strip().upper() if method else None`.
        method = method == null || method.isEmpty()
                ? null
                : Redaction.pyStrip(method).toUpperCase(Locale.ROOT);
        target = Redaction.sanitizeTarget(target);
        message = Redaction.redactText(message);
        metadata = Checks.jsonObject(Redaction.redactValue(metadata), "ProviderEvent metadata");
        runId = id(runId);
        requestId = id(requestId);
        traceId = id(traceId);
        spanId = id(spanId);
        artifactId = id(artifactId);
        inputDigest = id(inputDigest);
    }

    private static String required(@Nullable String value, String field) {
        String stripped = value == null ? "" : Redaction.pyStrip(value);
        if (stripped.isEmpty()) {
            throw new WorldForgeException("ProviderEvent " + field + " must be a non-empty string.");
        }
        return stripped;
    }

    private static @Nullable String id(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String clean = Redaction.redactText(Redaction.pyStrip(value));
        return clean.isEmpty() ? null : clean;
    }

    /**
     * A builder for an event of {@code provider}'s {@code operation} in {@code phase}; all other
     * fields take their defaults (attempt 1 of 1, empty message and metadata, no optional field).
     * A {@code null} or blank name is reported by {@link Builder#build()}.
     */
    public static Builder builder(@Nullable String provider, @Nullable String operation, @Nullable String phase) {
        return new Builder(provider, operation, phase);
    }

    /**
     * The common success or failure event: attempt 1 of 1 with a duration and metadata.
     *
     * @throws WorldForgeException when a field is invalid
     */
    public static ProviderEvent of(
            String provider, String operation, String phase, double durationMs, JsonObject metadata) {
        return new ProviderEvent(
                provider,
                operation,
                phase,
                1,
                1,
                null,
                null,
                null,
                durationMs,
                "",
                metadata,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** A builder pre-filled with this event (for instance to add correlation ids). */
    public Builder toBuilder() {
        return new Builder(provider, operation, phase)
                .attempt(attempt)
                .maxAttempts(maxAttempts)
                .method(method)
                .target(target)
                .statusCode(statusCode)
                .durationMs(durationMs)
                .message(message)
                .metadata(metadata)
                .runId(runId)
                .requestId(requestId)
                .traceId(traceId)
                .spanId(spanId)
                .artifactId(artifactId)
                .inputDigest(inputDigest);
    }

    /**
     * The reference's {@code to_dict()}: provider, operation, phase, attempt, max_attempts, method,
     * target, status_code, duration_ms, message, metadata, then run_id, request_id, trace_id,
     * span_id, artifact_id and input_digest, each only when set.
     */
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
        putIfSet(out, "run_id", runId);
        putIfSet(out, "request_id", requestId);
        putIfSet(out, "trace_id", traceId);
        putIfSet(out, "span_id", spanId);
        putIfSet(out, "artifact_id", artifactId);
        putIfSet(out, "input_digest", inputDigest);
        return out.build();
    }

    private static JsonValue text(@Nullable String value) {
        return value == null ? JsonNull.INSTANCE : JsonString.of(value);
    }

    private static void putIfSet(JsonObject.Builder out, String key, @Nullable String value) {
        if (value != null) {
            out.put(key, JsonString.of(value));
        }
    }

    /**
     * Builder for {@link ProviderEvent}; validation, normalisation and redaction happen in {@link
     * #build()}. Not thread-safe; confine an instance to one thread.
     */
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
        private @Nullable String message = "";
        private @Nullable JsonObject metadata = JsonObject.EMPTY;
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

        /** Attempt number, from 1 (default 1). */
        public Builder attempt(int value) {
            attempt = value;
            return this;
        }

        /** Maximum attempts, at least the attempt (default 1). */
        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        /** HTTP method (stripped and upper-cased on build). */
        public Builder method(@Nullable String value) {
            method = value;
            return this;
        }

        /** Request target (sanitised on build). */
        public Builder target(@Nullable String value) {
            target = value;
            return this;
        }

        /** HTTP status code, 100–599. */
        public Builder statusCode(@Nullable Integer value) {
            statusCode = value;
            return this;
        }

        /** Duration in milliseconds, finite and non-negative. */
        public Builder durationMs(@Nullable Double value) {
            durationMs = value;
            return this;
        }

        /** Message (text-redacted on build; default {@code ""}). */
        public Builder message(String value) {
            message = value;
            return this;
        }

        /** Metadata (value-redacted on build; default {@code {}}). */
        public Builder metadata(JsonObject value) {
            metadata = value;
            return this;
        }

        /** Run id (stripped and text-redacted on build). */
        public Builder runId(@Nullable String value) {
            runId = value;
            return this;
        }

        /** Request id (stripped and text-redacted on build). */
        public Builder requestId(@Nullable String value) {
            requestId = value;
            return this;
        }

        /** Trace id (stripped and text-redacted on build). */
        public Builder traceId(@Nullable String value) {
            traceId = value;
            return this;
        }

        /** Span id (stripped and text-redacted on build). */
        public Builder spanId(@Nullable String value) {
            spanId = value;
            return this;
        }

        /** Artifact id (stripped and text-redacted on build). */
        public Builder artifactId(@Nullable String value) {
            artifactId = value;
            return this;
        }

        /** Input digest (stripped and text-redacted on build). */
        public Builder inputDigest(@Nullable String value) {
            inputDigest = value;
            return this;
        }

        /**
         * Validates, normalises and redacts.
         *
         * @throws WorldForgeException when a field is invalid
         */
        public ProviderEvent build() {
            return new ProviderEvent(
                    provider,
                    operation,
                    phase,
                    attempt,
                    maxAttempts,
                    method,
                    target,
                    statusCode,
                    durationMs,
                    message,
                    metadata,
                    runId,
                    requestId,
                    traceId,
                    spanId,
                    artifactId,
                    inputDigest);
        }
    }
}
