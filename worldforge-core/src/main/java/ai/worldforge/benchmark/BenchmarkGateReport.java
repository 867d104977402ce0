package ai.worldforge.benchmark;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Budget evaluation of a benchmark report (the reference's {@code BenchmarkGateReport}).
 *
 * @param budgets the evaluated budgets, in order
 * @param checkedResultCount results checked, summed over budgets (a result matched by two budgets
 *     counts twice)
 * @param violations every failed check, in budget then result then metric order
 */
public record BenchmarkGateReport(
        List<BenchmarkBudget> budgets, long checkedResultCount, List<BenchmarkGateViolation> violations) {

    /** Copies the lists. */
    public BenchmarkGateReport {
        budgets = List.copyOf(budgets);
        violations = List.copyOf(violations);
    }

    /**
     * Evaluates {@code budgets} against {@code results} (the reference's {@code
     * BenchmarkReport.evaluate_budgets}). A budget matching no result yields one {@code
     * matching_results} violation; otherwise each matched result is checked for success rate, error
     * count, retry count, average latency, p95 latency and throughput, in that order, and a missing
     * observation always violates.
     *
     * @throws WorldForgeException {@code evaluate_budgets() requires at least one BenchmarkBudget.}
     */
    public static BenchmarkGateReport evaluate(List<BenchmarkResult> results, List<BenchmarkBudget> budgets) {
        Objects.requireNonNull(results, "results");
        if (Objects.requireNonNull(budgets, "budgets").isEmpty()) {
            throw new WorldForgeException("evaluate_budgets() requires at least one BenchmarkBudget.");
        }
        List<BenchmarkGateViolation> violations = new ArrayList<>();
        long checked = 0;
        for (BenchmarkBudget budget : budgets) {
            List<BenchmarkResult> matched =
                    results.stream().filter(budget::matches).toList();
            if (matched.isEmpty()) {
                violations.add(new BenchmarkGateViolation(
                        budget.provider().orElse("*"),
                        budget.operation().orElse("*"),
                        "matching_results",
                        Optional.of(0L),
                        1L,
                        ">= 1 matching result",
                        budget.selectorLabel()));
                continue;
            }
            checked += matched.size();
            for (BenchmarkResult result : matched) {
                check(violations, budget, result);
            }
        }
        return new BenchmarkGateReport(budgets, checked, violations);
    }

    private static void check(List<BenchmarkGateViolation> out, BenchmarkBudget budget, BenchmarkResult result) {
        min(out, budget, result, "success_rate", Optional.of(result.successRate()), budget.minSuccessRate());
        max(out, budget, result, "error_count", Optional.of((long) result.errorCount()), budget.maxErrorCount());
        max(out, budget, result, "retry_count", Optional.of(result.retryCount()), budget.maxRetryCount());
        max(out, budget, result, "average_latency_ms", boxed(result.averageLatencyMs()), budget.maxAverageLatencyMs());
        max(out, budget, result, "p95_latency_ms", boxed(result.p95LatencyMs()), budget.maxP95LatencyMs());
        min(
                out,
                budget,
                result,
                "throughput_per_second",
                Optional.of(result.throughputPerSecond()),
                budget.minThroughputPerSecond());
    }

    private static Optional<Number> boxed(OptionalDouble value) {
        return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    }

    private static void max(
            List<BenchmarkGateViolation> out,
            BenchmarkBudget budget,
            BenchmarkResult result,
            String metric,
            Optional<? extends Number> observed,
            OptionalDouble threshold) {
        if (threshold.isPresent()) {
            compare(out, budget, result, metric, observed, threshold.getAsDouble(), "<= ");
        }
    }

    private static void max(
            List<BenchmarkGateViolation> out,
            BenchmarkBudget budget,
            BenchmarkResult result,
            String metric,
            Optional<? extends Number> observed,
            OptionalLong threshold) {
        if (threshold.isPresent()) {
            compare(out, budget, result, metric, observed, threshold.getAsLong(), "<= ");
        }
    }

    private static void min(
            List<BenchmarkGateViolation> out,
            BenchmarkBudget budget,
            BenchmarkResult result,
            String metric,
            Optional<? extends Number> observed,
            OptionalDouble threshold) {
        if (threshold.isPresent()) {
            compare(out, budget, result, metric, observed, threshold.getAsDouble(), ">= ");
        }
    }

    private static void compare(
            List<BenchmarkGateViolation> out,
            BenchmarkBudget budget,
            BenchmarkResult result,
            String metric,
            Optional<? extends Number> observed,
            Number threshold,
            String operator) {
        boolean violated;
        if (observed.isEmpty()) {
            violated = true;
        } else {
            double value = observed.get().doubleValue();
            double limit = threshold.doubleValue();
            violated = operator.startsWith("<") ? value > limit : value < limit;
        }
        if (violated) {
            out.add(new BenchmarkGateViolation(
                    result.provider(),
                    result.operation(),
                    metric,
                    observed.map(n -> (Number) n),
                    threshold,
                    operator + BenchmarkContracts.formatNumber(threshold),
                    budget.selectorLabel()));
        }
    }

    /** Whether no budget was violated. */
    public boolean passed() {
        return violations.isEmpty();
    }

    /** The number of violations. */
    public int violationCount() {
        return violations.size();
    }

    /** {@code {passed, budget_count, checked_result_count, violation_count, budgets, violations}}. */
    public JsonObject toJson() {
        return JsonObject.builder(6)
                .put("passed", JsonBool.of(passed()))
                .put("budget_count", JsonInt.of(budgets.size()))
                .put("checked_result_count", JsonInt.of(checkedResultCount))
                .put("violation_count", JsonInt.of(violations.size()))
                .put(
                        "budgets",
                        JsonArray.copyOf(
                                budgets.stream().map(BenchmarkBudget::toJson).toList()))
                .put(
                        "violations",
                        JsonArray.copyOf(violations.stream()
                                .map(BenchmarkGateViolation::toJson)
                                .toList()))
                .build();
    }

    /** Canonical compact JSON of {@link #toJson()}. */
    public String toJsonText() {
        return Json.write(toJson());
    }

    /** The reference's Markdown: status lines, then a violation table when any. */
    public String toMarkdown() {
        List<String> lines = new ArrayList<>();
        lines.add("# Benchmark Gate Report");
        lines.add("");
        lines.add("Status: " + (passed() ? "passed" : "failed"));
        lines.add("Budgets: " + budgets.size());
        lines.add("Checked results: " + checkedResultCount);
        lines.add("Violations: " + violations.size());
        if (!violations.isEmpty()) {
            lines.add("");
            lines.add("| provider | operation | metric | observed | threshold | condition | budget |");
            lines.add("| --- | --- | --- | ---: | ---: | --- | --- |");
            for (BenchmarkGateViolation v : violations) {
                lines.add("| " + v.provider() + " | " + v.operation() + " | " + v.metric() + " | "
                        + BenchmarkContracts.formatNumber(v.observed()) + " | "
                        + BenchmarkContracts.formatNumber(v.threshold()) + " | " + v.condition() + " | "
                        + v.budgetSelector() + " |");
            }
        }
        return String.join("\n", lines);
    }

    /** The reference's CSV: one row per violation, Python {@code csv} quoting, stripped. */
    public String toCsv() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("provider", "operation", "metric", "observed", "threshold", "condition", "budget_selector"));
        for (BenchmarkGateViolation v : violations) {
            rows.add(List.of(
                    v.provider(),
                    v.operation(),
                    v.metric(),
                    BenchmarkContracts.formatNumber(v.observed()),
                    BenchmarkContracts.formatNumber(v.threshold()),
                    v.condition(),
                    v.budgetSelector()));
        }
        return BenchmarkContracts.csv(rows);
    }
}
