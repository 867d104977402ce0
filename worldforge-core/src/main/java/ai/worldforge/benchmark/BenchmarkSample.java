package ai.worldforge.benchmark;

import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One timed call, as a harness reports it to its sample listener (the reference's {@code
 * on_sample} payload).
 *
 * @param provider provider name
 * @param operation benchmark operation
 * @param iteration completion ordinal within the operation, from 1
 * @param latencyMs elapsed milliseconds, at least 0.1
 * @param error the failure message when the call failed
 */
public record BenchmarkSample(
        String provider, String operation, int iteration, double latencyMs, Optional<String> error) {

    /** Checks presence. */
    public BenchmarkSample {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(error, "error");
    }

    /** Whether the call succeeded. */
    public boolean succeeded() {
        return error.isEmpty();
    }

    /** {@code {provider, operation, iteration, latency_ms, error, succeeded}}. */
    public JsonObject toJson() {
        return JsonObject.builder(6)
                .put("provider", JsonString.of(provider))
                .put("operation", JsonString.of(operation))
                .put("iteration", JsonInt.of(iteration))
                .put("latency_ms", JsonFloat.of(latencyMs))
                .put("error", error.<JsonValue>map(JsonString::of).orElse(JsonNull.INSTANCE))
                .put("succeeded", JsonBool.of(succeeded()))
                .build();
    }
}
