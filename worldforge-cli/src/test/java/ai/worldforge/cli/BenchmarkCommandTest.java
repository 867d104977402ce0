package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.cli.CliRunner.Result;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benchmark}: behaviours 42–46 of upstream-cli.md §8 (without the options not ported yet). */
class BenchmarkCommandTest {
    private static final String TRIAGE =
            "First triage: validate benchmark input/budget JSON, then run `bin/worldforge benchmark --help`.\n";

    @TempDir
    Path dir;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
    }

    private static JsonObject object(JsonValue value, String key) {
        return (JsonObject) ((JsonObject) value).get(key);
    }

    private static List<String> strings(JsonValue array) {
        List<String> out = new ArrayList<>();
        for (JsonValue item : (JsonArray) array) {
            out.add(((JsonString) item).value());
        }
        return out;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Path write(String name, String text) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path;
    }

    @Test
    void generateJsonReport() {
        Result result = cli.run("benchmark", "--operation", "generate", "--iterations", "2", "--format", "json");
        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).hasLineCount(1);
        JsonObject report = result.json();
        assertThat(new ArrayList<>(report.keys()))
                .containsExactly("claim_boundary", "metric_semantics", "provenance", "results", "run_metadata");
        JsonArray results = (JsonArray) report.get("results");
        assertThat(results).hasSize(1);
        JsonObject first = (JsonObject) results.get(0);
        assertThat(((JsonString) first.get("provider")).value()).isEqualTo("mock");
        assertThat(((JsonString) first.get("operation")).value()).isEqualTo("generate");
        assertThat(first.get("success_count")).isEqualTo(JsonInt.of(2));
        JsonObject metadata = object(report, "run_metadata");
        assertThat(strings(metadata.get("providers"))).containsExactly("mock");
        assertThat(metadata.get("iterations")).isEqualTo(JsonInt.of(2));
        assertThat(metadata.has("input_file")).isFalse();
        assertThat(strings(object(report, "provenance").get("command")))
                .containsExactly(
                        "worldforge",
                        "benchmark",
                        "--provider",
                        "mock",
                        "--operation",
                        "generate",
                        "--iterations",
                        "2",
                        "--concurrency",
                        "1");
    }

    @Test
    void markdownAndCsvReports() {
        Result markdown = cli.run("benchmark", "--operation", "predict", "--iterations", "1");
        assertThat(markdown.code()).isZero();
        assertThat(markdown.out())
                .startsWith("# Benchmark Report\n")
                .contains("| provider | operation | ok | retries | avg_ms | p95_ms | throughput/s |")
                .contains("| mock | predict | 1/1 |")
                .doesNotContain("# Benchmark Gate Report");
        Result csv = cli.run("benchmark", "--operation", "embed", "--iterations", "1", "--format", "csv");
        assertThat(csv.code()).isZero();
        assertThat(csv.out())
                .startsWith("provider,operation,iterations,concurrency,success_count,error_count,retry_count,"
                        + "total_time_ms,average_latency_ms,min_latency_ms,max_latency_ms,p50_latency_ms,p95_latency_ms,"
                        + "throughput_per_second,operation_metrics_json,errors_json")
                .contains("mock,embed,1,1,1,0,0,");
    }

    @Test
    void passingBudgetFileWrapsTheReportWithTheGate() throws Exception {
        String text = "{\"budgets\":[{\"provider\":\"mock\",\"operation\":\"predict\",\"min_success_rate\":1.0,"
                + "\"max_error_count\":0}],\"metadata\":{\"owner\":\"ci\"}}";
        Path budget = write("pass.json", text);
        Result result = cli.run(
                "benchmark",
                "--operation",
                "predict",
                "--iterations",
                "2",
                "--budget-file",
                "pass.json",
                "--format",
                "json");
        assertThat(result.code()).isZero();
        assertThat(result.out()).hasLineCount(1);
        JsonObject payload = result.json();
        assertThat(new ArrayList<>(payload.keys())).containsExactly("benchmark", "gate");
        JsonObject gate = object(payload, "gate");
        assertThat(gate.get("passed")).isEqualTo(JsonBool.TRUE);
        assertThat(gate.get("budget_count")).isEqualTo(JsonInt.of(1));
        JsonObject benchmark = object(payload, "benchmark");
        JsonObject budgetFile = object(object(benchmark, "run_metadata"), "budget_file");
        assertThat(((JsonString) budgetFile.get("path")).value())
                .isEqualTo(budget.toAbsolutePath().toString());
        assertThat(((JsonString) budgetFile.get("sha256")).value())
                .matches("[0-9a-f]{64}")
                .isEqualTo(sha256(text));
        assertThat(object(budgetFile, "metadata").get("owner")).isEqualTo(JsonString.of("ci"));
        JsonObject provenanceBudget = object(object(benchmark, "provenance"), "budget_file");
        assertThat(((JsonString) provenanceBudget.get("sha256")).value()).isEqualTo("sha256:" + sha256(text));
    }

    @Test
    void failingBudgetExitsOneAfterPrintingBothReports() throws Exception {
        write(
                "fail.json",
                "{\"budgets\":[{\"provider\":\"mock\",\"operation\":\"predict\",\"max_average_latency_ms\":0.0}]}");
        Result result =
                cli.run("benchmark", "--operation", "predict", "--iterations", "1", "--budget-file", "fail.json");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .startsWith("# Benchmark Report\n")
                .contains("\n\n# Benchmark Gate Report\n")
                .contains("Status: failed")
                .contains("average_latency_ms")
                .contains("<= 0.0000");
        Result csv = cli.run(
                "benchmark",
                "--operation",
                "predict",
                "--iterations",
                "1",
                "--budget-file",
                "fail.json",
                "--format",
                "csv");
        assertThat(csv.code()).isEqualTo(1);
        assertThat(csv.out())
                .startsWith("provider,operation,metric,observed,threshold,condition,budget_selector")
                .contains("mock,predict,average_latency_ms,");
    }

    @Test
    void inputFileIsRecordedAndUsed() throws Exception {
        String text = "{\"inputs\":{\"generation_prompt\":\"file prompt\",\"prediction_steps\":3},"
                + "\"metadata\":{\"label\":\"fixture\"}}";
        Path sub = Files.createDirectories(dir.resolve("fixtures"));
        Path input = sub.resolve("inputs.json");
        Files.writeString(input, text);
        Result result = cli.run(
                "benchmark",
                "--operation",
                "generate",
                "--iterations",
                "1",
                "--input-file",
                "fixtures/inputs.json",
                "--format",
                "json");
        assertThat(result.code()).isZero();
        JsonObject metadata = object(result.json(), "run_metadata");
        JsonObject inputFile = object(metadata, "input_file");
        assertThat(new ArrayList<>(inputFile.keys())).containsExactly("metadata", "path", "sha256");
        assertThat(((JsonString) inputFile.get("path")).value())
                .isEqualTo(input.toAbsolutePath().toString());
        assertThat(((JsonString) inputFile.get("sha256")).value()).isEqualTo(sha256(text));
        assertThat(object(inputFile, "metadata").get("label")).isEqualTo(JsonString.of("fixture"));
        JsonObject inputs = object(metadata, "inputs");
        assertThat(inputs.get("generation_prompt")).isEqualTo(JsonString.of("file prompt"));
        assertThat(inputs.get("prediction_steps")).isEqualTo(JsonInt.of(3));
    }

    @Test
    void badOptionsAreHandledErrorsWithBenchmarkTriage() {
        assertError("iterations must be an integer greater than 0.", "benchmark", "--iterations", "0");
        assertError("concurrency must be an integer greater than 0.", "benchmark", "--concurrency", "0");
        assertError("iterations must be at most 1000000.", "benchmark", "--iterations", "1000000000");
        assertError("concurrency must be at most 256.", "benchmark", "--concurrency", "100000");
        assertError(
                "Provider 'mock' cannot benchmark unsupported operations: score.", "benchmark", "--operation", "score");
    }

    @Test
    void malformedFilesAreHandledErrorsAndNothingRuns() throws Exception {
        write("broken.json", "{not json");
        write("empty-budgets.json", "{\"budgets\":[]}");
        write("unknown-input.json", "{\"bogus_field\":1}");
        for (String[] args : List.of(
                new String[] {"benchmark", "--budget-file", "broken.json"},
                new String[] {"benchmark", "--input-file", "broken.json"},
                new String[] {"benchmark", "--budget-file", "empty-budgets.json"},
                new String[] {"benchmark", "--input-file", "unknown-input.json"},
                new String[] {"benchmark", "--input-file", "missing.json"})) {
            Result result = cli.run(args);
            assertThat(result.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.out()).isEmpty();
            assertThat(result.err())
                    .startsWith("WorldForge CLI error [benchmark]: ")
                    .endsWith(TRIAGE);
        }
        assertThat(cli.run("benchmark", "--budget-file", "broken.json").err())
                .contains("Benchmark budget file must contain valid JSON: ");
        assertThat(cli.run("benchmark", "--input-file", "missing.json").err())
                .contains("Failed to read benchmark input file missing.json: ");
    }

    @Test
    void unknownOperationIsAUsageError() {
        Result result = cli.run("benchmark", "--operation", "plan");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("argument --operation: invalid choice: 'plan'");
    }

    private void assertError(String message, String... args) {
        Result result = cli.run(args);
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("WorldForge CLI error [benchmark]: " + message + "\n" + TRIAGE);
    }
}
