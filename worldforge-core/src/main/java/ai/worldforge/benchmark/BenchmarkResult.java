package ai.worldforge.benchmark;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Aggregate of one provider/operation benchmark case (the reference's {@code BenchmarkResult}).
 * Latency statistics are over successful samples only and empty when none succeeded.
 *
 * @param provider provider name (non-blank, stripped)
 * @param operation one of {@link BenchmarkContracts#OPERATIONS}
 * @param iterations samples taken (positive)
 * @param concurrency workers used (positive)
 * @param successCount successful samples
 * @param errorCount failed samples; {@code successCount + errorCount == iterations}
 * @param retryCount retries reported by provider events
 * @param totalTimeMs wall time of the case in milliseconds
 * @param averageLatencyMs mean successful latency
 * @param minLatencyMs minimum successful latency
 * @param maxLatencyMs maximum successful latency
 * @param p50LatencyMs median successful latency (linear interpolation)
 * @param p95LatencyMs 95th-percentile successful latency (linear interpolation)
 * @param throughputPerSecond successful samples per second of {@code totalTimeMs}
 * @param operationMetrics {@code {provider, operation, events: [metrics]}} (finite JSON)
 * @param errors one message per failed sample
 */
public record BenchmarkResult(
        String provider,
        String operation,
        int iterations,
        int concurrency,
        int successCount,
        int errorCount,
        long retryCount,
        double totalTimeMs,
        OptionalDouble averageLatencyMs,
        OptionalDouble minLatencyMs,
        OptionalDouble maxLatencyMs,
        OptionalDouble p50LatencyMs,
        OptionalDouble p95LatencyMs,
        double throughputPerSecond,
        JsonObject operationMetrics,
        List<String> errors) {

    private static final String NAME = "BenchmarkResult";

    /**
     * Validates in the reference's order.
     *
     * @throws WorldForgeException with the reference's message for the first invalid field
     */
    public BenchmarkResult {
        provider = BenchmarkContracts.requiredText(provider, NAME + " provider");
        operation = BenchmarkContracts.requiredText(operation, NAME + " operation");
        if (!BenchmarkContracts.OPERATIONS.contains(operation)) {
            throw new WorldForgeException(
                    NAME + " operation must be one of: " + BenchmarkContracts.knownOperations() + ".");
        }
        Checks.positiveInt(iterations, NAME + " iterations");
        Checks.positiveInt(concurrency, NAME + " concurrency");
        Checks.nonNegativeInt(successCount, NAME + " success_count");
        Checks.nonNegativeInt(errorCount, NAME + " error_count");
        if ((long) successCount + errorCount != iterations) {
            throw new WorldForgeException(NAME + " success_count and error_count must sum to iterations.");
        }
        Checks.nonNegativeInt(retryCount, NAME + " retry_count");
        BenchmarkContracts.nonNegativeNumber(totalTimeMs, NAME + " total_time_ms");
        optionalNonNegative(averageLatencyMs, NAME + " average_latency_ms");
        optionalNonNegative(minLatencyMs, NAME + " min_latency_ms");
        optionalNonNegative(maxLatencyMs, NAME + " max_latency_ms");
        optionalNonNegative(p50LatencyMs, NAME + " p50_latency_ms");
        optionalNonNegative(p95LatencyMs, NAME + " p95_latency_ms");
        BenchmarkContracts.nonNegativeNumber(throughputPerSecond, NAME + " throughput_per_second");
        Checks.jsonObject(Objects.requireNonNull(operationMetrics, "operationMetrics"), NAME + " operation_metrics");
        Objects.requireNonNull(errors, "errors");
        for (String error : errors) {
            if (error == null || error.isEmpty()) {
                throw new WorldForgeException(NAME + " errors must be a list of non-empty strings.");
            }
        }
        if (errors.size() != errorCount) {
            throw new WorldForgeException(NAME + " errors length must match error_count.");
        }
        errors = List.copyOf(errors);
    }

    private static void optionalNonNegative(OptionalDouble value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isPresent()) {
            BenchmarkContracts.nonNegativeNumber(value.getAsDouble(), name);
        }
    }

    /** {@code success_count / iterations}. */
    public double successRate() {
        return (double) successCount / iterations;
    }

    /** The reference's {@code to_dict()}: 16 keys in its order, absent latencies as {@code null}. */
    public JsonObject toJson() {
        return JsonObject.builder(16)
                .put("provider", JsonString.of(provider))
                .put("operation", JsonString.of(operation))
                .put("iterations", JsonInt.of(iterations))
                .put("concurrency", JsonInt.of(concurrency))
                .put("success_count", JsonInt.of(successCount))
                .put("error_count", JsonInt.of(errorCount))
                .put("retry_count", JsonInt.of(retryCount))
                .put("total_time_ms", JsonFloat.of(totalTimeMs))
                .put("average_latency_ms", optional(averageLatencyMs))
                .put("min_latency_ms", optional(minLatencyMs))
                .put("max_latency_ms", optional(maxLatencyMs))
                .put("p50_latency_ms", optional(p50LatencyMs))
                .put("p95_latency_ms", optional(p95LatencyMs))
                .put("throughput_per_second", JsonFloat.of(throughputPerSecond))
                .put("operation_metrics", operationMetrics)
                .put(
                        "errors",
                        JsonArray.copyOf(errors.stream().map(JsonString::of).toList()))
                .build();
    }

    private static JsonValue optional(OptionalDouble value) {
        return value.isPresent() ? JsonFloat.of(value.getAsDouble()) : JsonNull.INSTANCE;
    }
}
