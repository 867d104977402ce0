package ai.worldforge.provider;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Timeout, retry and elapsed-time budget for one kind of provider request. Immutable and
 * thread-safe.
 *
 * @param timeoutSeconds per-attempt timeout, finite and greater than 0
 * @param retry retry policy
 * @param maxElapsedSeconds optional budget for the whole operation, greater than 0
 */
public record RequestOperationPolicy(
        double timeoutSeconds, RetryPolicy retry, @Nullable Double maxElapsedSeconds) {
    /** Validates every field. */
    public RequestOperationPolicy {
        Checks.finite(timeoutSeconds, "RequestOperationPolicy timeout_seconds");
        if (timeoutSeconds <= 0) {
            throw new WorldForgeException("RequestOperationPolicy timeout_seconds must be greater than 0.");
        }
        Objects.requireNonNull(retry, "retry");
        if (maxElapsedSeconds != null) {
            Checks.finite(maxElapsedSeconds, "RequestOperationPolicy max_elapsed_seconds");
            if (maxElapsedSeconds <= 0) {
                throw new WorldForgeException("RequestOperationPolicy max_elapsed_seconds must be greater than 0.");
            }
        }
    }

    /** A single-attempt policy with the given timeout. */
    public static RequestOperationPolicy of(double timeoutSeconds) {
        return new RequestOperationPolicy(timeoutSeconds, RetryPolicy.SINGLE_ATTEMPT, null);
    }

    /** The elapsed-time budget, when set. */
    public Optional<Double> maxElapsed() {
        return Optional.ofNullable(maxElapsedSeconds);
    }

    /** {@code {timeout_seconds, retry, max_elapsed_seconds}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("timeout_seconds", JsonFloat.of(timeoutSeconds))
                .put("retry", retry.toJson())
                .put(
                        "max_elapsed_seconds",
                        maxElapsedSeconds == null ? JsonNull.INSTANCE : JsonFloat.of(maxElapsedSeconds))
                .build();
    }
}
