package ai.worldforge.benchmark;

import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.Objects;
import java.util.Optional;

/**
 * One failed budget check (the reference's {@code BenchmarkGateViolation}). Numbers keep the
 * reference's int/float distinction: a {@link Long} is an integer (rendered with {@code str}), a
 * {@link Double} a float (rendered {@code %.4f}).
 *
 * @param provider the result's provider, or the budget's selector ({@code *} when unset)
 * @param operation the result's operation, or the budget's selector
 * @param metric {@code success_rate}, {@code error_count}, {@code retry_count}, {@code
 *     average_latency_ms}, {@code p95_latency_ms}, {@code throughput_per_second} or {@code
 *     matching_results}
 * @param observed the observed value; empty when the result has none (which always violates)
 * @param threshold the budget's threshold
 * @param condition {@code <= t}, {@code >= t} or {@code >= 1 matching result}
 * @param budgetSelector the budget's {@link BenchmarkBudget#selectorLabel()}
 */
public record BenchmarkGateViolation(
        String provider,
        String operation,
        String metric,
        Optional<Number> observed,
        Number threshold,
        String condition,
        String budgetSelector) {

    /** Checks presence. */
    public BenchmarkGateViolation {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(budgetSelector, "budgetSelector");
    }

    /** {@code {provider, operation, metric, observed, threshold, condition, budget_selector}}. */
    public JsonObject toJson() {
        return JsonObject.builder(7)
                .put("provider", JsonString.of(provider))
                .put("operation", JsonString.of(operation))
                .put("metric", JsonString.of(metric))
                .put("observed", observed.map(BenchmarkContracts::numberJson).orElse(JsonNull.INSTANCE))
                .put("threshold", BenchmarkContracts.numberJson(threshold))
                .put("condition", JsonString.of(condition))
                .put("budget_selector", JsonString.of(budgetSelector))
                .build();
    }
}
