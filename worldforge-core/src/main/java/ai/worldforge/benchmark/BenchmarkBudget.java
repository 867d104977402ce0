package ai.worldforge.benchmark;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Thresholds for a release or claim gate over benchmark results (the reference's {@code
 * BenchmarkBudget}). {@code provider} and {@code operation} are optional selectors: an empty one
 * matches every result on that dimension. At least one threshold is required.
 *
 * @param provider provider selector (non-blank, stripped), or any provider
 * @param operation operation selector (one of {@link BenchmarkContracts#OPERATIONS}), or any
 * @param minSuccessRate minimum {@code success_count / iterations}, in [0, 1]
 * @param maxErrorCount maximum failed samples (>= 0)
 * @param maxRetryCount maximum retries (>= 0)
 * @param maxAverageLatencyMs maximum mean latency (finite, >= 0)
 * @param maxP95LatencyMs maximum p95 latency (finite, >= 0)
 * @param minThroughputPerSecond minimum throughput (finite, >= 0)
 */
public record BenchmarkBudget(
        Optional<String> provider,
        Optional<String> operation,
        OptionalDouble minSuccessRate,
        OptionalLong maxErrorCount,
        OptionalLong maxRetryCount,
        OptionalDouble maxAverageLatencyMs,
        OptionalDouble maxP95LatencyMs,
        OptionalDouble minThroughputPerSecond) {

    private static final String NAME = "BenchmarkBudget";
    private static final Set<String> ENTRY_KEYS = Set.of(
            "provider",
            "operation",
            "min_success_rate",
            "max_error_count",
            "max_retry_count",
            "max_average_latency_ms",
            "max_p95_latency_ms",
            "min_throughput_per_second");
    private static final Set<String> WRAPPER_KEYS = Set.of("budgets", "metadata");

    /**
     * Validates in the reference's order: selectors, thresholds, then at least one threshold.
     *
     * @throws WorldForgeException with the reference's message
     */
    public BenchmarkBudget {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        if (provider.isPresent()) {
            provider = Optional.of(optionalText(provider.get(), NAME + " provider"));
        }
        if (operation.isPresent()) {
            String op = optionalText(operation.get(), NAME + " operation");
            if (!BenchmarkContracts.OPERATIONS.contains(op)) {
                throw new WorldForgeException(
                        NAME + " operation must be one of: " + BenchmarkContracts.knownOperations() + ".");
            }
            operation = Optional.of(op);
        }
        if (Objects.requireNonNull(minSuccessRate, "minSuccessRate").isPresent()) {
            String name = NAME + " min_success_rate";
            Checks.probability(Checks.finite(minSuccessRate.getAsDouble(), name), name);
        }
        if (Objects.requireNonNull(maxErrorCount, "maxErrorCount").isPresent()) {
            Checks.nonNegativeInt(maxErrorCount.getAsLong(), NAME + " max_error_count");
        }
        if (Objects.requireNonNull(maxRetryCount, "maxRetryCount").isPresent()) {
            Checks.nonNegativeInt(maxRetryCount.getAsLong(), NAME + " max_retry_count");
        }
        nonNegative(maxAverageLatencyMs, NAME + " max_average_latency_ms");
        nonNegative(maxP95LatencyMs, NAME + " max_p95_latency_ms");
        nonNegative(minThroughputPerSecond, NAME + " min_throughput_per_second");
        if (minSuccessRate.isEmpty()
                && maxErrorCount.isEmpty()
                && maxRetryCount.isEmpty()
                && maxAverageLatencyMs.isEmpty()
                && maxP95LatencyMs.isEmpty()
                && minThroughputPerSecond.isEmpty()) {
            throw new WorldForgeException(NAME + " requires at least one threshold.");
        }
    }

    private static String optionalText(String value, String name) {
        String stripped = PyStrings.strip(value);
        if (stripped.isEmpty()) {
            throw new WorldForgeException(name + " must be a non-empty string when provided.");
        }
        return stripped;
    }

    private static void nonNegative(OptionalDouble value, String name) {
        if (Objects.requireNonNull(value, name).isPresent()) {
            BenchmarkContracts.nonNegativeNumber(value.getAsDouble(), name);
        }
    }

    /** A builder with no selector and no threshold. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses one budget entry.
     *
     * @throws WorldForgeException {@code Benchmark budget entries must be JSON objects.}, {@code
     *     Benchmark budget entry contains unknown key(s): …. Allowed keys: ….}, or a field message
     */
    public static BenchmarkBudget fromJson(JsonValue entry) {
        if (!(entry instanceof JsonObject object)) {
            throw new WorldForgeException("Benchmark budget entries must be JSON objects.");
        }
        BenchmarkContracts.rejectUnknownKeys(object, ENTRY_KEYS, "Benchmark budget entry");
        Builder b = builder();
        BenchmarkContracts.optionalText(object.get("provider"), NAME + " provider")
                .ifPresent(b::provider);
        BenchmarkContracts.optionalText(object.get("operation"), NAME + " operation")
                .ifPresent(b::operation);
        JsonValue rate = present(object.get("min_success_rate"));
        if (rate != null) {
            b.minSuccessRate(BenchmarkContracts.finiteNumber(rate, NAME + " min_success_rate"));
        }
        JsonValue errors = present(object.get("max_error_count"));
        if (errors != null) {
            b.maxErrorCount(BenchmarkContracts.nonNegativeInt(errors, NAME + " max_error_count"));
        }
        JsonValue retries = present(object.get("max_retry_count"));
        if (retries != null) {
            b.maxRetryCount(BenchmarkContracts.nonNegativeInt(retries, NAME + " max_retry_count"));
        }
        JsonValue average = present(object.get("max_average_latency_ms"));
        if (average != null) {
            b.maxAverageLatencyMs(BenchmarkContracts.finiteNumber(average, NAME + " max_average_latency_ms"));
        }
        JsonValue p95 = present(object.get("max_p95_latency_ms"));
        if (p95 != null) {
            b.maxP95LatencyMs(BenchmarkContracts.finiteNumber(p95, NAME + " max_p95_latency_ms"));
        }
        JsonValue throughput = present(object.get("min_throughput_per_second"));
        if (throughput != null) {
            b.minThroughputPerSecond(BenchmarkContracts.finiteNumber(throughput, NAME + " min_throughput_per_second"));
        }
        return b.build();
    }

    private static @Nullable JsonValue present(@Nullable JsonValue value) {
        return value instanceof JsonNull ? null : value;
    }

    /**
     * Parses a budget file: a list of entries, or {@code {"budgets": [...], "metadata": {...}}}.
     *
     * @throws WorldForgeException {@code Benchmark budget payload contains unknown key(s): ….
     *     Allowed keys: budgets, metadata.}, {@code Benchmark budget payload must be a non-empty
     *     list or an object with a non-empty 'budgets' list.}, or an entry's message
     */
    public static List<BenchmarkBudget> parseAll(JsonValue payload) {
        JsonValue entries = payload;
        if (payload instanceof JsonObject wrapper) {
            BenchmarkContracts.rejectUnknownKeys(wrapper, WRAPPER_KEYS, "Benchmark budget payload");
            entries = wrapper.get("budgets");
        }
        if (!(entries instanceof JsonArray array) || array.isEmpty()) {
            throw new WorldForgeException("Benchmark budget payload must be a non-empty list or an object with a"
                    + " non-empty 'budgets' list.");
        }
        List<BenchmarkBudget> out = new ArrayList<>(array.size());
        array.forEach(entry -> out.add(fromJson(entry)));
        return List.copyOf(out);
    }

    /** Whether {@code result} matches both selectors. */
    public boolean matches(BenchmarkResult result) {
        return provider.map(result.provider()::equals).orElse(true)
                && operation.map(result.operation()::equals).orElse(true);
    }

    /** {@code {provider or *}/{operation or *}}. */
    public String selectorLabel() {
        return provider.orElse("*") + "/" + operation.orElse("*");
    }

    /** Every key in the reference's order; unset ones as {@code null}. */
    public JsonObject toJson() {
        return JsonObject.builder(8)
                .put("provider", provider.<JsonValue>map(JsonString::of).orElse(JsonNull.INSTANCE))
                .put("operation", operation.<JsonValue>map(JsonString::of).orElse(JsonNull.INSTANCE))
                .put("min_success_rate", json(minSuccessRate))
                .put("max_error_count", json(maxErrorCount))
                .put("max_retry_count", json(maxRetryCount))
                .put("max_average_latency_ms", json(maxAverageLatencyMs))
                .put("max_p95_latency_ms", json(maxP95LatencyMs))
                .put("min_throughput_per_second", json(minThroughputPerSecond))
                .build();
    }

    private static JsonValue json(OptionalDouble value) {
        return value.isPresent() ? JsonFloat.of(value.getAsDouble()) : JsonNull.INSTANCE;
    }

    private static JsonValue json(OptionalLong value) {
        return value.isPresent() ? JsonInt.of(value.getAsLong()) : JsonNull.INSTANCE;
    }

    /** Builder of {@link BenchmarkBudget}; not thread-safe. */
    public static final class Builder {
        private Optional<String> provider = Optional.empty();
        private Optional<String> operation = Optional.empty();
        private OptionalDouble minSuccessRate = OptionalDouble.empty();
        private OptionalLong maxErrorCount = OptionalLong.empty();
        private OptionalLong maxRetryCount = OptionalLong.empty();
        private OptionalDouble maxAverageLatencyMs = OptionalDouble.empty();
        private OptionalDouble maxP95LatencyMs = OptionalDouble.empty();
        private OptionalDouble minThroughputPerSecond = OptionalDouble.empty();

        private Builder() {}

        /** Selects one provider. */
        public Builder provider(String value) {
            this.provider = Optional.of(value);
            return this;
        }

        /** Selects one operation. */
        public Builder operation(String value) {
            this.operation = Optional.of(value);
            return this;
        }

        /** Sets the minimum success rate. */
        public Builder minSuccessRate(double value) {
            this.minSuccessRate = OptionalDouble.of(value);
            return this;
        }

        /** Sets the maximum error count. */
        public Builder maxErrorCount(long value) {
            this.maxErrorCount = OptionalLong.of(value);
            return this;
        }

        /** Sets the maximum retry count. */
        public Builder maxRetryCount(long value) {
            this.maxRetryCount = OptionalLong.of(value);
            return this;
        }

        /** Sets the maximum mean latency. */
        public Builder maxAverageLatencyMs(double value) {
            this.maxAverageLatencyMs = OptionalDouble.of(value);
            return this;
        }

        /** Sets the maximum p95 latency. */
        public Builder maxP95LatencyMs(double value) {
            this.maxP95LatencyMs = OptionalDouble.of(value);
            return this;
        }

        /** Sets the minimum throughput. */
        public Builder minThroughputPerSecond(double value) {
            this.minThroughputPerSecond = OptionalDouble.of(value);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws WorldForgeException see {@link BenchmarkBudget}
         */
        public BenchmarkBudget build() {
            return new BenchmarkBudget(
                    provider,
                    operation,
                    minSuccessRate,
                    maxErrorCount,
                    maxRetryCount,
                    maxAverageLatencyMs,
                    maxP95LatencyMs,
                    minThroughputPerSecond);
        }
    }
}
