package ai.worldforge.provider;

import ai.worldforge.json.JsonObject;
import java.util.Objects;

/**
 * Request policies per operation kind: health checks, create-style requests, polling and
 * downloads. Immutable and thread-safe.
 *
 * @param health health-check policy
 * @param request create/POST policy
 * @param polling task-polling policy
 * @param download artifact-download policy
 */
public record ProviderRequestPolicy(
        RequestOperationPolicy health,
        RequestOperationPolicy request,
        RequestOperationPolicy polling,
        RequestOperationPolicy download) {
    /** Validates presence. */
    public ProviderRequestPolicy {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(polling, "polling");
        Objects.requireNonNull(download, "download");
    }

    /**
     * The reference's remote defaults: health {@code min(request, 10)} s, polling {@code
     * min(request, 30)} s and downloads {@code request} s with 3 attempts (0.25 s backoff × 2.0);
     * create requests get one attempt.
     */
    public static ProviderRequestPolicy remoteDefaults(double requestTimeoutSeconds) {
        return remoteDefaults(requestTimeoutSeconds, 3, 0.25, 2.0);
    }

    /**
     * {@link #remoteDefaults(double)} with the read retry (health, polling, downloads) set to
     * {@code readRetryAttempts} attempts, {@code readBackoffSeconds} backoff and {@code
     * readBackoffMultiplier} (the reference's {@code read_retry_attempts}, {@code
     * read_backoff_seconds} and {@code read_backoff_multiplier}); create requests keep one attempt.
     *
     * @throws ai.worldforge.error.WorldForgeException when a value is invalid
     */
    public static ProviderRequestPolicy remoteDefaults(
            double requestTimeoutSeconds,
            int readRetryAttempts,
            double readBackoffSeconds,
            double readBackoffMultiplier) {
        RetryPolicy readRetry = RetryPolicy.of(readRetryAttempts, readBackoffSeconds, readBackoffMultiplier);
        return new ProviderRequestPolicy(
                new RequestOperationPolicy(Math.min(requestTimeoutSeconds, 10.0), readRetry, null),
                new RequestOperationPolicy(requestTimeoutSeconds, RetryPolicy.SINGLE_ATTEMPT, null),
                new RequestOperationPolicy(Math.min(requestTimeoutSeconds, 30.0), readRetry, null),
                new RequestOperationPolicy(requestTimeoutSeconds, readRetry, null));
    }

    /** {@code {health, request, polling, download}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("health", health.toJson())
                .put("request", request.toJson())
                .put("polling", polling.toJson())
                .put("download", download.toJson())
                .build();
    }

    /** Decodes {@link #toJson()} output. */
    public static ProviderRequestPolicy fromJson(JsonObject payload) {
        return new ProviderRequestPolicy(
                operation(payload.get("health")),
                operation(payload.get("request")),
                operation(payload.get("polling")),
                operation(payload.get("download")));
    }

    private static RequestOperationPolicy operation(
            ai.worldforge.json.@org.jspecify.annotations.Nullable JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            throw new ai.worldforge.error.WorldForgeException("ProviderRequestPolicy operations must be JSON objects.");
        }
        JsonObject retry = (JsonObject) Objects.requireNonNull(object.get("retry"));
        java.util.List<Integer> codes = new java.util.ArrayList<>();
        ai.worldforge.json.JsonArray array =
                (ai.worldforge.json.JsonArray) Objects.requireNonNull(retry.get("retryable_status_codes"));
        array.forEach(v -> codes.add((int) ((ai.worldforge.json.JsonInt) v).longValue()));
        ai.worldforge.json.JsonValue elapsed = object.get("max_elapsed_seconds");
        return new RequestOperationPolicy(
                ai.worldforge.internal.JsonReads.toDouble(object.get("timeout_seconds"), "timeout_seconds"),
                new RetryPolicy(
                        (int) ai.worldforge.internal.JsonReads.toDouble(retry.get("max_attempts"), "max_attempts"),
                        ai.worldforge.internal.JsonReads.toDouble(retry.get("backoff_seconds"), "backoff_seconds"),
                        ai.worldforge.internal.JsonReads.toDouble(
                                retry.get("backoff_multiplier"), "backoff_multiplier"),
                        codes),
                elapsed == null || elapsed instanceof ai.worldforge.json.JsonNull
                        ? null
                        : ai.worldforge.internal.JsonReads.toDouble(elapsed, "max_elapsed_seconds"));
    }
}
