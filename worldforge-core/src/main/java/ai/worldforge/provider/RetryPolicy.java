package ai.worldforge.provider;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * How often and how patiently an HTTP operation is retried. Immutable and thread-safe.
 *
 * @param maxAttempts at least 1
 * @param backoffSeconds finite, at least 0
 * @param backoffMultiplier finite, at least 1
 * @param retryableStatusCodes HTTP status codes (100–599) that trigger a retry
 */
public record RetryPolicy(
        int maxAttempts, double backoffSeconds, double backoffMultiplier, List<Integer> retryableStatusCodes) {
    /** The default retryable status codes. */
    public static final List<Integer> DEFAULT_RETRYABLE_STATUS_CODES = List.of(408, 429, 500, 502, 503, 504);

    /** One attempt, no backoff. */
    public static final RetryPolicy SINGLE_ATTEMPT = new RetryPolicy(1, 0.0, 1.0, DEFAULT_RETRYABLE_STATUS_CODES);

    /** Validates every field. */
    public RetryPolicy {
        Checks.positiveInt(maxAttempts, "RetryPolicy max_attempts");
        Checks.finite(backoffSeconds, "RetryPolicy backoff_seconds");
        if (backoffSeconds < 0) {
            throw new WorldForgeException("RetryPolicy backoff_seconds must be greater than or equal to 0.");
        }
        Checks.finite(backoffMultiplier, "RetryPolicy backoff_multiplier");
        if (backoffMultiplier < 1) {
            throw new WorldForgeException("RetryPolicy backoff_multiplier must be greater than or equal to 1.");
        }
        for (Integer code : retryableStatusCodes) {
            if (code == null || code < 100 || code > 599) {
                throw new WorldForgeException("RetryPolicy retryable_status_codes must contain HTTP status codes.");
            }
        }
        retryableStatusCodes = List.copyOf(retryableStatusCodes);
    }

    /** A policy with the default retryable status codes. */
    public static RetryPolicy of(int maxAttempts, double backoffSeconds, double backoffMultiplier) {
        return new RetryPolicy(maxAttempts, backoffSeconds, backoffMultiplier, DEFAULT_RETRYABLE_STATUS_CODES);
    }

    /** Seconds to wait before attempt {@code attempt} (1-based): 0 for the first. */
    public double delayForAttempt(int attempt) {
        if (attempt <= 1 || backoffSeconds == 0.0) {
            return 0.0;
        }
        return backoffSeconds * Math.pow(backoffMultiplier, attempt - 2);
    }

    /** {@code {max_attempts, backoff_seconds, backoff_multiplier, retryable_status_codes}}. */
    public JsonObject toJson() {
        List<JsonValue> codes = new ArrayList<>();
        retryableStatusCodes.forEach(c -> codes.add(JsonInt.of(c)));
        return JsonObject.builder()
                .put("max_attempts", JsonInt.of(maxAttempts))
                .put("backoff_seconds", JsonFloat.of(backoffSeconds))
                .put("backoff_multiplier", JsonFloat.of(backoffMultiplier))
                .put("retryable_status_codes", JsonArray.copyOf(codes))
                .build();
    }
}
