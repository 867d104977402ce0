package ai.worldforge.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetCalibrationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T12:30:45.123456Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static String report(String results) {
        return """
                {
                  "claim_boundary": "x",
                  "provenance": {
                    "command": ["worldforge", "benchmark", "--provider", "mock"],
                    "input_digest": "sha256:%s",
                    "worldforge_version": "0.5.0"
                  },
                  "results": [%s],
                  "run_metadata": {}
                }
                """.formatted("a".repeat(64), results);
    }

    private static String result(String operation, int success, int errors, String avg, String p95, String tp) {
        return """
                {"provider": "mock", "operation": "%s", "iterations": %d, "concurrency": 1,
                 "success_count": %d, "error_count": %d, "retry_count": 1, "average_latency_ms": %s,
                 "p95_latency_ms": %s, "throughput_per_second": %s}""".formatted(operation, success + errors, success, errors, avg, p95, tp);
    }

    private BudgetCalibration.Builder options(Path... reports) {
        return BudgetCalibration.Options.builder(List.of(reports))
                .clock(CLOCK)
                .workingDirectory(dir)
                .runtimeVersion("java 17")
                .platform("test-platform");
    }

    @Test
    void calibratesCandidatesWithHeadroomAndWritesThreeFiles() throws Exception {
        // Behaviour 40.
        Path reportFile = dir.resolve("report.json");
        String reportText = report(result("predict", 2, 1, "10.0", "20.0", "8.0") + ","
                + result("generate", 3, 0, "3.33333", "null", "0.0"));
        Files.writeString(reportFile, reportText);
        Path budgetFile = dir.resolve("budget.json");
        Files.writeString(budgetFile, """
                {"budgets": [
                  {"provider": "mock", "max_error_count": 5},
                  {"provider": "mock", "operation": "predict", "min_success_rate": 0.5, "max_average_latency_ms": 12.5}
                ]}""");
        Path output = dir.resolve("out");
        BudgetCalibration.Result result = BudgetCalibration.calibrate(options(reportFile)
                .currentBudget(budgetFile)
                .outputDir(output)
                .headroomRatio(0.5)
                .environment(Map.of("WORLDFORGE_MACHINE_CLASS", "ci-large"))
                .build());
        JsonObject payload = result.payload();

        assertThat(payload.get("generated_at")).isEqualTo(JsonString.of("2026-05-01T12:30:45+00:00"));
        assertThat(payload.get("headroom_ratio")).isEqualTo(JsonFloat.of(0.5));
        assertThat(payload.get("current_budget_path")).isEqualTo(JsonString.of("budget.json"));
        assertThat(payload.get("current_budget_digest"))
                .isEqualTo(JsonString.of("sha256:" + sha(Files.readAllBytes(budgetFile))));

        JsonObject candidates = (JsonObject) payload.get("candidate_budgets");
        JsonArray budgets = (JsonArray) candidates.get("budgets");
        // Sorted by (provider, operation): generate before predict.
        JsonObject generate = (JsonObject) budgets.get(0);
        JsonObject predict = (JsonObject) budgets.get(1);
        assertThat(generate.get("operation")).isEqualTo(JsonString.of("generate"));
        assertThat(generate.get("min_success_rate")).isEqualTo(JsonFloat.of(1.0));
        assertThat(generate.get("max_average_latency_ms")).isEqualTo(JsonFloat.of(5.0));
        assertThat(generate.has("max_p95_latency_ms")).isFalse();
        assertThat(generate.has("min_throughput_per_second")).isFalse();
        assertThat(predict.get("min_success_rate")).isEqualTo(JsonFloat.of(0.6667));
        assertThat(predict.get("max_error_count")).isEqualTo(JsonInt.of(1));
        assertThat(predict.get("max_retry_count")).isEqualTo(JsonInt.of(1));
        assertThat(predict.get("max_average_latency_ms")).isEqualTo(JsonFloat.of(15.0));
        assertThat(predict.get("max_p95_latency_ms")).isEqualTo(JsonFloat.of(30.0));
        assertThat(predict.get("min_throughput_per_second")).isEqualTo(JsonFloat.of(5.3333));

        JsonObject baseline = (JsonObject) ((JsonArray) payload.get("baseline_context")).get(0);
        assertThat(baseline.get("machine_class")).isEqualTo(JsonString.of("ci-large"));
        assertThat(baseline.get("command")).isEqualTo(JsonString.of("worldforge benchmark --provider mock"));
        assertThat(baseline.get("input_fixture_digest")).isEqualTo(JsonString.of("sha256:" + "a".repeat(64)));
        assertThat(baseline.get("source_report")).isEqualTo(JsonString.of("report.json"));
        assertThat(baseline.get("python_version")).isEqualTo(JsonString.of("java 17"));

        JsonObject source = (JsonObject) ((JsonArray) payload.get("source_reports")).get(0);
        assertThat(source.get("sha256"))
                .isEqualTo(JsonString.of("sha256:" + sha(reportText.getBytes(StandardCharsets.UTF_8))));
        assertThat(source.get("worldforge_version")).isEqualTo(JsonString.of("0.5.0"));
        assertThat(source.get("budget_file")).isEqualTo(JsonNull.INSTANCE);

        List<JsonValue> diffs = ((JsonArray) payload.get("diffs")).items();
        JsonObject predictRate = find(diffs, "predict", "min_success_rate");
        // The exact predict budget wins over the wildcard one.
        assertThat(predictRate.get("old_threshold")).isEqualTo(JsonFloat.of(0.5));
        assertThat(predictRate.get("candidate_threshold")).isEqualTo(JsonFloat.of(0.6667));
        assertThat(predictRate.get("observed_baseline")).isEqualTo(JsonFloat.of(0.6667));
        assertThat(find(diffs, "predict", "max_error_count").get("old_threshold"))
                .isEqualTo(JsonNull.INSTANCE);
        assertThat(find(diffs, "predict", "max_average_latency_ms").get("old_threshold"))
                .isEqualTo(JsonFloat.of(12.5));
        assertThat(find(diffs, "predict", "max_average_latency_ms").get("observed_baseline"))
                .isEqualTo(JsonFloat.of(10.0));
        // generate only matches the wildcard budget.
        assertThat(find(diffs, "generate", "max_error_count").get("old_threshold"))
                .isEqualTo(JsonInt.of(5));
        assertThat(diffs).hasSize(6 + 4);

        assertThat(result.outputDir()).contains(output);
        assertThat(Files.readString(output.resolve("budget-calibration.json")))
                .isEqualTo(Json.writePretty(payload) + "\n");
        String candidateText = Files.readString(output.resolve("candidate-budgets.json"));
        assertThat(candidateText).isEqualTo(Json.writePretty(candidates) + "\n");
        // The candidate file is a loadable budget file.
        assertThat(BenchmarkBudget.parseAll(Json.parse(candidateText))).hasSize(2);
        String markdown = Files.readString(output.resolve("budget-calibration.md"));
        assertThat(markdown)
                .startsWith("# Benchmark Budget Calibration\n\n- Schema version: `1`\n"
                        + "- Generated at: `2026-05-01T12:30:45+00:00`\n- Headroom ratio: `0.5`\n"
                        + "- Review required: `true`\n")
                .contains("| mock | predict | min_success_rate | 0.5000 | 0.6667 | 0.6667 |"
                        + " review required before applying candidate budget |")
                .contains("| mock | predict | max_error_count | - | 1 | 1 |")
                .contains("| mock | generate | 3 | ci-large | java 17 | `sha256:")
                .contains("\n## Human Review Required\n")
                .endsWith("preserved run artifacts.\n");

        // An existing output needs overwrite.
        BudgetCalibration.Options again = options(reportFile).outputDir(output).build();
        assertThatThrownBy(() -> BudgetCalibration.calibrate(again))
                .hasMessage("output directory already exists: " + output);
        Files.writeString(output.resolve("stale.txt"), "old");
        BudgetCalibration.calibrate(
                options(reportFile).outputDir(output).overwrite(true).build());
        assertThat(output.resolve("stale.txt")).doesNotExist();
        assertThat(output.resolve("budget-calibration.md")).exists();
    }

    @Test
    void withoutOutputNothingIsWrittenAndMachineClassDefaults() throws Exception {
        Path reportFile = dir.resolve("report.json");
        Files.writeString(reportFile, report(result("embed", 1, 0, "null", "null", "null")));
        BudgetCalibration.Result result =
                BudgetCalibration.calibrate(options(reportFile).build());
        assertThat(result.outputDir()).isEmpty();
        assertThat(result.calibrationPath()).isEmpty();
        JsonObject baseline = (JsonObject) ((JsonArray) result.payload().get("baseline_context")).get(0);
        assertThat(baseline.get("machine_class")).isEqualTo(JsonString.of("unknown"));
        assertThat(result.payload().get("current_budget_path")).isEqualTo(JsonNull.INSTANCE);
        assertThat(((JsonArray) result.payload().get("diffs")).size()).isEqualTo(3);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(reportFile);
        }
    }

    @Test
    void rejectsBadInputsWithoutWriting() throws Exception {
        // Behaviour 41.
        Path good = dir.resolve("good.json");
        Files.writeString(good, report(result("predict", 1, 0, "1.0", "1.0", "1.0")));
        Path output = dir.resolve("out");
        assertThatThrownBy(() ->
                        BudgetCalibration.calibrate(options().outputDir(output).build()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("At least one benchmark report path is required for calibration.");
        assertThatThrownBy(() -> BudgetCalibration.calibrate(
                        options(good).headroomRatio(-0.1).build()))
                .hasMessage("headroom_ratio must be between 0.0 and 10.0.");
        assertThatThrownBy(() -> BudgetCalibration.calibrate(
                        options(good).headroomRatio(10.5).build()))
                .hasMessage("headroom_ratio must be between 0.0 and 10.0.");
        assertThatThrownBy(() -> BudgetCalibration.calibrate(
                        options(good).rationale("  ").build()))
                .hasMessage("rationale must be a non-empty string.");
        Path badBudget = dir.resolve("bad-budget.json");
        Files.writeString(badBudget, "{not json");
        assertThatThrownBy(() -> BudgetCalibration.calibrate(
                        options(good).currentBudget(badBudget).outputDir(output).build()))
                .hasMessage("Current budget file contains invalid JSON: " + badBudget.toRealPath());
        assertThatThrownBy(() -> BudgetCalibration.calibrate(
                        options(good).currentBudget(dir.resolve("none.json")).build()))
                .hasMessage("Current budget file not found: " + dir.toRealPath().resolve("none.json"));
        assertThatThrownBy(() -> BudgetCalibration.calibrate(
                        options(dir.resolve("missing.json")).build()))
                .hasMessage("Benchmark report not found: " + dir.toRealPath().resolve("missing.json"));
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, report(""));
        assertThatThrownBy(() -> BudgetCalibration.calibrate(
                        options(good, empty).outputDir(output).build()))
                .hasMessage("Benchmark report must contain non-empty results: " + empty.toRealPath());
        Path notUtf8 = dir.resolve("latin.json");
        Files.write(notUtf8, new byte[] {'{', (byte) 0xff, '}'});
        assertThatThrownBy(() -> BudgetCalibration.calibrate(options(notUtf8).build()))
                .hasMessage("Benchmark report must be UTF-8 JSON: " + notUtf8.toRealPath());
        Path invalid = dir.resolve("invalid.json");
        Files.writeString(invalid, "[1,");
        assertThatThrownBy(() -> BudgetCalibration.calibrate(options(invalid).build()))
                .hasMessage("Benchmark report contains invalid JSON: " + invalid.toRealPath());
        Path list = dir.resolve("list.json");
        Files.writeString(list, "[]");
        assertThatThrownBy(() -> BudgetCalibration.calibrate(options(list).build()))
                .hasMessage("Benchmark report must contain a JSON object: " + list.toRealPath());
        Path mismatch = dir.resolve("mismatch.json");
        Files.writeString(
                mismatch,
                report("{\"provider\":\"mock\",\"operation\":\"predict\",\"iterations\":3,\"success_count\":1,"
                        + "\"error_count\":1,\"retry_count\":0}"));
        assertThatThrownBy(() -> BudgetCalibration.calibrate(
                        options(good, mismatch).outputDir(output).build()))
                .hasMessage("benchmark result success_count and error_count must sum to iterations.");
        Path zero = dir.resolve("zero.json");
        Files.writeString(
                zero,
                report("{\"provider\":\"mock\",\"operation\":\"predict\",\"iterations\":0,\"success_count\":0,"
                        + "\"error_count\":0,\"retry_count\":0}"));
        assertThatThrownBy(() -> BudgetCalibration.calibrate(options(zero).build()))
                .hasMessage("benchmark result iterations must be a positive integer.");
        Path negative = dir.resolve("negative.json");
        Files.writeString(negative, report(result("predict", 1, 0, "-1.0", "1.0", "1.0")));
        assertThatThrownBy(() -> BudgetCalibration.calibrate(options(negative).build()))
                .hasMessage("benchmark result average_latency_ms must be greater than or equal to 0.");
        Path unknownOp = dir.resolve("unknown-op.json");
        Files.writeString(unknownOp, report(result("plan", 1, 0, "1.0", "1.0", "1.0")));
        assertThatThrownBy(() -> BudgetCalibration.calibrate(options(unknownOp).build()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageStartingWith("BenchmarkBudget operation must be one of:");
        assertThat(output).doesNotExist();
    }

    @Test
    void roundsLikePython() {
        assertThat(BudgetCalibration.round4(2.0 / 3.0)).isEqualTo(0.6667);
        assertThat(BudgetCalibration.round4(12.34565)).isEqualTo(12.3456); // binary value is below the tie
        assertThat(BudgetCalibration.round4(1.0)).isEqualTo(1.0);
    }

    private static JsonObject find(List<JsonValue> diffs, String operation, String metric) {
        return diffs.stream()
                .map(JsonObject.class::cast)
                .filter(d -> d.get("operation").equals(JsonString.of(operation))
                        && d.get("metric").equals(JsonString.of(metric)))
                .findFirst()
                .orElseThrow();
    }

    private static String sha(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
