package ai.worldforge.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** §6.2 result contract, §6.3 report renderings and §6.4 gate evaluation. */
class BenchmarkResultAndGateTest {
    static BenchmarkResult result(String provider, String operation, int success, int errors, OptionalDouble avg) {
        return new BenchmarkResult(
                provider,
                operation,
                success + errors,
                1,
                success,
                errors,
                0,
                2.0,
                avg,
                avg,
                avg,
                avg,
                avg,
                success / 0.002,
                JsonObject.of("events", JsonArray.EMPTY),
                java.util.Collections.nCopies(errors, "simulated failure"));
    }

    private static BenchmarkResult valid() {
        return new BenchmarkResult(
                "mock",
                "predict",
                2,
                1,
                1,
                1,
                0,
                2.0,
                OptionalDouble.of(1.0),
                OptionalDouble.of(0.5),
                OptionalDouble.of(1.5),
                OptionalDouble.of(1.0),
                OptionalDouble.of(1.45),
                0.5,
                JsonObject.of("events", JsonArray.EMPTY),
                List.of("simulated failure"));
    }

    @Test
    void resultJsonHasSixteenKeysInOrder() {
        BenchmarkResult result = valid();
        assertThat(result.toJson().keys())
                .containsExactly(
                        "provider",
                        "operation",
                        "iterations",
                        "concurrency",
                        "success_count",
                        "error_count",
                        "retry_count",
                        "total_time_ms",
                        "average_latency_ms",
                        "min_latency_ms",
                        "max_latency_ms",
                        "p50_latency_ms",
                        "p95_latency_ms",
                        "throughput_per_second",
                        "operation_metrics",
                        "errors");
        assertThat(result.toJson().get("operation").toCanonicalJson()).isEqualTo("\"predict\"");
        assertThat(result(" mock ", "embed", 0, 1, OptionalDouble.empty())
                        .toJson()
                        .toCanonicalJson())
                .contains("\"average_latency_ms\":null")
                .contains("\"provider\":\"mock\"");
    }

    @Test
    void resultRejectsIncoherentPayloads() {
        assertThatThrownBy(() -> result("mock", "not-real", 1, 0, OptionalDouble.of(1)))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("BenchmarkResult operation must be one of: predict, reason, generate, transfer, embed,"
                        + " score, policy.");
        assertThatThrownBy(() -> result(" ", "predict", 1, 0, OptionalDouble.of(1)))
                .hasMessage("BenchmarkResult provider must be a non-empty string.");
        assertThatThrownBy(() -> new BenchmarkResult(
                        "mock",
                        "predict",
                        2,
                        1,
                        2,
                        1,
                        0,
                        1.0,
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        1.0,
                        JsonObject.EMPTY,
                        List.of("x")))
                .hasMessage("BenchmarkResult success_count and error_count must sum to iterations.");
        assertThatThrownBy(() -> new BenchmarkResult(
                        "mock",
                        "predict",
                        1,
                        1,
                        1,
                        0,
                        0,
                        1.0,
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        1.0,
                        JsonObject.of("bad", JsonFloat.of(Double.NaN)),
                        List.of()))
                .hasMessage("BenchmarkResult operation_metrics.bad must be a finite number.");
        assertThatThrownBy(() -> new BenchmarkResult(
                        "mock",
                        "predict",
                        1,
                        1,
                        0,
                        1,
                        0,
                        1.0,
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        0.0,
                        JsonObject.EMPTY,
                        List.of()))
                .hasMessage("BenchmarkResult errors length must match error_count.");
        assertThatThrownBy(() -> new BenchmarkResult(
                        "mock",
                        "predict",
                        1,
                        1,
                        0,
                        1,
                        0,
                        1.0,
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        0.0,
                        JsonObject.EMPTY,
                        List.of("")))
                .hasMessage("BenchmarkResult errors must be a list of non-empty strings.");
        assertThatThrownBy(() -> new BenchmarkResult(
                        "mock",
                        "predict",
                        0,
                        1,
                        0,
                        0,
                        0,
                        1.0,
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        0.0,
                        JsonObject.EMPTY,
                        List.of()))
                .hasMessage("BenchmarkResult iterations must be an integer greater than 0.");
        assertThatThrownBy(() -> new BenchmarkResult(
                        "mock",
                        "predict",
                        1,
                        0,
                        1,
                        0,
                        0,
                        1.0,
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        1.0,
                        JsonObject.EMPTY,
                        List.of()))
                .hasMessage("BenchmarkResult concurrency must be an integer greater than 0.");
        assertThatThrownBy(() -> new BenchmarkResult(
                        "mock",
                        "predict",
                        1,
                        1,
                        1,
                        0,
                        -1,
                        1.0,
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        1.0,
                        JsonObject.EMPTY,
                        List.of()))
                .hasMessage("BenchmarkResult retry_count must be an integer greater than or equal to 0.");
        assertThatThrownBy(() -> new BenchmarkResult(
                        "mock",
                        "predict",
                        1,
                        1,
                        1,
                        0,
                        0,
                        1.0,
                        OptionalDouble.of(-1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        1.0,
                        JsonObject.EMPTY,
                        List.of()))
                .hasMessage("BenchmarkResult average_latency_ms must be greater than or equal to 0.");
        assertThatThrownBy(() -> new BenchmarkResult(
                        "mock",
                        "predict",
                        1,
                        1,
                        1,
                        0,
                        0,
                        Double.NaN,
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        OptionalDouble.of(1),
                        1.0,
                        JsonObject.EMPTY,
                        List.of()))
                .hasMessage("BenchmarkResult total_time_ms must be a finite number.");
    }

    @Test
    void gatePassesAndFailsWithTheReferenceViolations() {
        BenchmarkReport report = new BenchmarkReport(
                List.of(result("mock", "predict", 2, 0, OptionalDouble.of(0.25))), JsonObject.EMPTY);
        BenchmarkGateReport passing = report.evaluateBudgets(List.of(BenchmarkBudget.builder()
                .provider("mock")
                .operation("predict")
                .minSuccessRate(1.0)
                .maxErrorCount(0)
                .maxRetryCount(0)
                .maxAverageLatencyMs(10_000.0)
                .maxP95LatencyMs(10_000.0)
                .minThroughputPerSecond(0.0)
                .build()));
        assertThat(passing.passed()).isTrue();
        assertThat(passing.checkedResultCount()).isEqualTo(1);
        assertThat(passing.toMarkdown())
                .isEqualTo("# Benchmark Gate Report\n\nStatus: passed\nBudgets: 1\nChecked results: 1\nViolations: 0");
        assertThat(passing.toCsv()).isEqualTo("provider,operation,metric,observed,threshold,condition,budget_selector");
        assertThat(passing.toJson().keys())
                .containsExactly(
                        "passed", "budget_count", "checked_result_count", "violation_count", "budgets", "violations");
        assertThat(Json.parse(passing.toJsonText())).isEqualTo(passing.toJson());

        BenchmarkGateReport failing = report.evaluateBudgets(List.of(
                BenchmarkBudget.builder()
                        .provider("mock")
                        .operation("predict")
                        .maxAverageLatencyMs(0.0)
                        .build(),
                BenchmarkBudget.builder()
                        .provider("mock")
                        .operation("policy")
                        .maxErrorCount(0)
                        .build()));
        assertThat(failing.passed()).isFalse();
        assertThat(failing.violations())
                .extracting(BenchmarkGateViolation::metric)
                .containsExactly("average_latency_ms", "matching_results");
        assertThat(failing.violationCount()).isEqualTo(2);
        assertThat(failing.checkedResultCount()).isEqualTo(1);
        BenchmarkGateViolation missing = failing.violations().get(1);
        assertThat(missing.toJson().toCanonicalJson())
                .isEqualTo("{\"budget_selector\":\"mock/policy\",\"condition\":\">= 1 matching result\","
                        + "\"metric\":\"matching_results\",\"observed\":0,\"operation\":\"policy\",\"provider\":\"mock\","
                        + "\"threshold\":1}");
        assertThat(failing.violations().get(0).condition()).isEqualTo("<= 0.0000");
        assertThat(failing.toMarkdown())
                .isEqualTo(
                        "# Benchmark Gate Report\n\nStatus: failed\nBudgets: 2\nChecked results: 1\nViolations: 2\n\n"
                                + "| provider | operation | metric | observed | threshold | condition | budget |\n"
                                + "| --- | --- | --- | ---: | ---: | --- | --- |\n"
                                + "| mock | predict | average_latency_ms | 0.2500 | 0.0000 | <= 0.0000 | mock/predict |\n"
                                + "| mock | policy | matching_results | 0 | 1 | >= 1 matching result | mock/policy |");
        assertThat(failing.toCsv())
                .isEqualTo("provider,operation,metric,observed,threshold,condition,budget_selector\r\n"
                        + "mock,predict,average_latency_ms,0.2500,0.0000,<= 0.0000,mock/predict\r\n"
                        + "mock,policy,matching_results,0,1,>= 1 matching result,mock/policy");
    }

    @Test
    void everyMetricIsCheckedInOrderAndNoneAlwaysViolates() {
        BenchmarkResult failed = new BenchmarkResult(
                "p",
                "embed",
                2,
                1,
                0,
                2,
                3,
                4.0,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                0.0,
                JsonObject.EMPTY,
                List.of("a", "b"));
        BenchmarkGateReport gate = BenchmarkGateReport.evaluate(
                List.of(failed),
                List.of(BenchmarkBudget.builder()
                        .minThroughputPerSecond(1.0)
                        .maxP95LatencyMs(1000.0)
                        .maxAverageLatencyMs(1000.0)
                        .maxRetryCount(0)
                        .maxErrorCount(0)
                        .minSuccessRate(0.5)
                        .build()));
        assertThat(gate.violations())
                .extracting(BenchmarkGateViolation::metric)
                .containsExactly(
                        "success_rate",
                        "error_count",
                        "retry_count",
                        "average_latency_ms",
                        "p95_latency_ms",
                        "throughput_per_second");
        assertThat(gate.violations())
                .extracting(BenchmarkGateViolation::condition)
                .containsExactly(">= 0.5000", "<= 0", "<= 0", "<= 1000.0000", "<= 1000.0000", ">= 1.0000");
        assertThat(gate.violations().get(3).observed()).isEmpty();
        assertThat(gate.violations().get(3).toJson().get("observed").toCanonicalJson())
                .isEqualTo("null");
        assertThat(gate.violations().get(0).toJson().get("observed").toCanonicalJson())
                .isEqualTo("0.0");
        assertThat(gate.violations().get(1).toJson().get("observed").toCanonicalJson())
                .isEqualTo("2");
        assertThat(gate.toCsv()).contains("\r\np,embed,average_latency_ms,,1000.0000,<= 1000.0000,*/*\r\n");
    }

    @Test
    void aResultMatchedByTwoBudgetsIsCountedTwice() {
        List<BenchmarkResult> results = List.of(
                result("a", "predict", 1, 0, OptionalDouble.of(1)), result("a", "embed", 1, 0, OptionalDouble.of(1)));
        BenchmarkGateReport gate = BenchmarkGateReport.evaluate(
                results,
                List.of(
                        BenchmarkBudget.builder().maxErrorCount(0).build(),
                        BenchmarkBudget.builder()
                                .operation("embed")
                                .maxErrorCount(0)
                                .build()));
        assertThat(gate.checkedResultCount()).isEqualTo(3);
        assertThat(gate.passed()).isTrue();
        assertThatThrownBy(() -> BenchmarkGateReport.evaluate(results, List.of()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("evaluate_budgets() requires at least one BenchmarkBudget.");
    }

    @Test
    void reportRenderingsMatchTheReferenceShapes() {
        BenchmarkResult ok = result("mock", "predict", 2, 0, OptionalDouble.of(1.23456));
        BenchmarkResult bad = result("mock", "embed", 0, 1, OptionalDouble.empty());
        BenchmarkReport plain = new BenchmarkReport(List.of(ok, bad), JsonObject.EMPTY);
        assertThat(plain.toJson().keys())
                .containsExactly("claim_boundary", "metric_semantics", "run_metadata", "results");
        assertThat(plain.toMarkdown())
                .isEqualTo("# Benchmark Report\n\n"
                        + "Claim boundary: " + BenchmarkContracts.CLAIM_BOUNDARY + "\n"
                        + "Metric semantics: " + BenchmarkContracts.METRIC_SEMANTICS + "\n\n"
                        + "| provider | operation | ok | retries | avg_ms | p95_ms | throughput/s |\n"
                        + "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n"
                        + "| mock | predict | 2/2 | 0 | 1.23 | 1.23 | 1000.00 |\n"
                        + "| mock | embed | 0/1 | 0 | 0.00 | 0.00 | 0.00 |");
        assertThat(plain.toCsv())
                .isEqualTo("provider,operation,iterations,concurrency,success_count,error_count,retry_count,"
                        + "total_time_ms,average_latency_ms,min_latency_ms,max_latency_ms,p50_latency_ms,p95_latency_ms,"
                        + "throughput_per_second,operation_metrics_json,errors_json\r\n"
                        + "mock,predict,2,1,2,0,0,2.0000,1.2346,1.2346,1.2346,1.2346,1.2346,1000.0000,"
                        + "\"{\"\"events\"\":[]}\",[]\r\n"
                        + "mock,embed,1,1,0,1,0,2.0000,,,,,,0.0000,\"{\"\"events\"\":[]}\","
                        + "\"[\"\"simulated failure\"\"]\"");

        ai.worldforge.trace.ProvenanceEnvelope provenance = ai.worldforge.trace.ProvenanceEnvelope.builder(
                        "benchmark",
                        "benchmark",
                        "benchmark:1",
                        Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC))
                .worldforgeVersion("0.5.0")
                .providers(List.of("mock"))
                .capabilities(List.of("predict"))
                .command(List.of("worldforge", "benchmark", "--preset", "mock-smoke"))
                .runtimeManifests(java.util.Map.of("mock", "mock:schema-1"))
                .budgetFile(JsonObject.of(
                        "path",
                        ai.worldforge.json.JsonString.of("examples/benchmark-budget.json"),
                        "sha256",
                        ai.worldforge.json.JsonString.of("sha256:abc123")))
                .notes("release evidence")
                .eventCount(4)
                .claimBoundary(BenchmarkContracts.CLAIM_BOUNDARY)
                .metricSemantics(BenchmarkContracts.METRIC_SEMANTICS)
                .build();
        BenchmarkReport withProvenance = plain.withProvenance(provenance);
        assertThat(withProvenance.toJson().keys())
                .containsExactly("claim_boundary", "metric_semantics", "run_metadata", "results", "provenance");
        assertThat(withProvenance.toMarkdown())
                .contains("\n\n## Provenance\n\n- WorldForge version: 0.5.0\n- Suite version: benchmark:1\n"
                        + "- Created at: 2026-01-02T03:04:05+00:00\n- Providers: mock\n- Capabilities: predict\n"
                        + "- Event count: 4\n- Input digest: -\n- Result digest: -\n"
                        + "- Runtime manifests: mock=mock:schema-1\n- Budget file: examples/benchmark-budget.json\n"
                        + "- Command: `worldforge benchmark --preset mock-smoke`\n- Notes: release evidence\n\n"
                        + "| provider |");
        assertThat(Json.parse(withProvenance.toJsonText())).isEqualTo(withProvenance.toJson());

        ai.worldforge.trace.ProvenanceEnvelope evaluation =
                provenance.toBuilder().kind("evaluation").build();
        assertThatThrownBy(() -> new BenchmarkReport(List.of(ok), JsonObject.EMPTY, Optional.of(evaluation)))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("BenchmarkReport provenance must have kind='benchmark'.");
    }
}
