package ai.worldforge.server.batch;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Environment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchEvalHostTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-30T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private record Outcome(int exitCode, String out, String err) {
        JsonObject json() {
            return (JsonObject) Json.parse(out);
        }
    }

    private Outcome host(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BatchEvalHost.run(
                List.of(args),
                Environment.empty(),
                CLOCK,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path workspace() {
        return tmp.resolve("batch");
    }

    private List<String> globals() {
        return new ArrayList<>(List.of(
                "--workspace",
                workspace().toString(),
                "--state-dir",
                workspace().resolve("worlds").toString()));
    }

    private Outcome hostWith(List<String> tail) {
        List<String> args = globals();
        args.addAll(tail);
        return host(args.toArray(String[]::new));
    }

    private static JsonObject readObject(Path path) throws IOException {
        return (JsonObject) Json.parse(Files.readString(path));
    }

    private static String str(JsonObject object, String key) {
        return ((JsonString) object.get(key)).value();
    }

    @Test
    void evalPreservesRunAndPrintsSortedSummary() throws IOException {
        Outcome outcome = hostWith(List.of("eval", "--provider", "mock"));

        assertThat(outcome.exitCode()).isZero();
        JsonObject result = outcome.json();
        assertThat(outcome.out()).isEqualTo(Json.writePretty(result) + "\n");
        assertThat(result.members().keySet())
                .containsExactlyInAnyOrder(
                        "kind",
                        "status",
                        "exit_code",
                        "run_id",
                        "run_workspace",
                        "run_manifest",
                        "report_paths",
                        "summary");
        assertThat(str(result, "kind")).isEqualTo("eval");
        assertThat(str(result, "status")).isEqualTo("passed");
        assertThat(str(result, "run_id")).startsWith("20260430T120000Z-");
        Path manifestPath = Path.of(str(result, "run_manifest"));
        assertThat(manifestPath).isAbsolute().exists();
        JsonObject manifest = readObject(manifestPath);
        assertThat(str(manifest, "kind")).isEqualTo("eval");
        assertThat(str(manifest, "status")).isEqualTo("completed");
        assertThat(str(manifest, "operation")).isEqualTo("planning");
        assertThat(str(manifest, "command"))
                .isEqualTo("worldforge-batch-eval eval --suite planning --provider mock --workspace " + workspace());
        assertThat(result.get("report_paths")).isEqualTo(manifest.get("artifact_paths"));
        assertThat(result.get("summary")).isEqualTo(manifest.get("result_summary"));
        JsonObject summary = (JsonObject) result.get("summary");
        assertThat(summary.members().keySet())
                .containsExactlyInAnyOrder("suite_id", "suite", "result_count", "passed_count");
        assertThat(Json.write(summary.get("result_count"))).isEqualTo("4");
        assertThat(Path.of(str(result, "run_workspace")).resolve("reports/report.md"))
                .exists();
    }

    private Path writeFile(String name, String text) throws IOException {
        Path path = tmp.resolve(name);
        Files.writeString(path, text);
        return path;
    }

    @Test
    void benchmarkWithPassingBudgetCopiesInputsAndExitsZero() throws IOException {
        String inputText = "{\"inputs\": {\"prediction_steps\": 2}, \"metadata\": {\"name\": \"smoke\"}}\n";
        Path input = writeFile("inputs.json", inputText);
        String budgetText = "{\"budgets\": [{\"provider\": \"mock\", \"operation\": \"predict\", "
                + "\"min_success_rate\": 1.0, \"max_error_count\": 0}], \"metadata\": {\"owner\": \"ci\"}}\n";
        Path budget = writeFile("budget.json", budgetText);

        Outcome outcome = hostWith(List.of(
                "benchmark",
                "--operation",
                "predict",
                "--iterations",
                "1",
                "--input-file",
                input.toString(),
                "--budget-file=" + budget));

        assertThat(outcome.exitCode()).as(outcome.out()).isZero();
        JsonObject result = outcome.json();
        assertThat(result.members().keySet())
                .containsExactlyInAnyOrder(
                        "kind",
                        "status",
                        "exit_code",
                        "run_id",
                        "run_workspace",
                        "run_manifest",
                        "report_paths",
                        "summary",
                        "budget",
                        "input_file",
                        "budget_file");
        assertThat(str(result, "kind")).isEqualTo("benchmark");
        assertThat(str(result, "status")).isEqualTo("passed");
        JsonObject summary = (JsonObject) result.get("summary");
        assertThat(summary.members().keySet())
                .containsExactlyInAnyOrder("budget_passed", "error_count", "result_count", "retry_count");
        assertThat(Json.write(summary.get("budget_passed"))).isEqualTo("true");
        JsonObject gate = (JsonObject) result.get("budget");
        assertThat(Json.write(gate.get("passed"))).isEqualTo("true");
        JsonObject inputFile = (JsonObject) result.get("input_file");
        assertThat(str(inputFile, "path")).isEqualTo(input.toAbsolutePath().toString());
        assertThat(str(inputFile, "sha256")).matches("[0-9a-f]{64}");
        assertThat(inputFile.get("metadata")).isEqualTo(JsonObject.of("name", JsonString.of("smoke")));
        assertThat(((JsonObject) result.get("budget_file")).get("metadata"))
                .isEqualTo(JsonObject.of("owner", JsonString.of("ci")));

        Path run = Path.of(str(result, "run_workspace"));
        assertThat(Files.readString(run.resolve("inputs/benchmark-inputs.json")))
                .isEqualTo(inputText);
        assertThat(Files.readString(run.resolve("inputs/benchmark-budget.json")))
                .isEqualTo(budgetText);
        JsonObject manifest = readObject(run.resolve("run_manifest.json"));
        assertThat(str(manifest, "status")).isEqualTo("completed");
        JsonObject paths = (JsonObject) manifest.get("artifact_paths");
        assertThat(str(paths, "input_file")).isEqualTo("inputs/benchmark-inputs.json");
        assertThat(str(paths, "budget_file")).isEqualTo("inputs/benchmark-budget.json");
        assertThat(str(paths, "json")).isEqualTo("reports/report.json");
        assertThat(result.get("report_paths")).isEqualTo(paths);
        assertThat(str(manifest, "command"))
                .isEqualTo("worldforge-batch-eval benchmark --provider mock --operation predict --iterations 1"
                        + " --concurrency 1 --workspace " + workspace());
        // The manifest on disk stays indented and key-sorted after the patch.
        assertThat(Files.readString(run.resolve("run_manifest.json"))).isEqualTo(Json.writePretty(manifest) + "\n");
        JsonObject report = readObject(run.resolve("reports/report.json"));
        JsonObject runMetadata = (JsonObject) report.get("run_metadata");
        assertThat(runMetadata.get("input_file")).isEqualTo(inputFile);
        assertThat(runMetadata.get("budget_file")).isEqualTo(result.get("budget_file"));
    }

    @Test
    void benchmarkWithFailingBudgetExitsOneAndMarksManifestFailed() throws IOException {
        Path budget = writeFile(
                "budget.json",
                "{\"budgets\": [{\"provider\": \"mock\", \"operation\": \"predict\","
                        + " \"min_throughput_per_second\": 1e15}]}");

        Outcome outcome = hostWith(List.of(
                "benchmark", "--operation", "predict", "--iterations", "1", "--budget-file", budget.toString()));

        assertThat(outcome.exitCode()).isEqualTo(1);
        JsonObject result = outcome.json();
        assertThat(str(result, "status")).isEqualTo("failed");
        assertThat(Json.write(result.get("exit_code"))).isEqualTo("1");
        assertThat(Json.write(((JsonObject) result.get("budget")).get("passed")))
                .isEqualTo("false");
        assertThat(Json.write(((JsonObject) result.get("summary")).get("budget_passed")))
                .isEqualTo("false");
        assertThat(Json.write(result.get("input_file"))).isEqualTo("null");
        JsonObject manifest = readObject(Path.of(str(result, "run_manifest")));
        assertThat(str(manifest, "status")).isEqualTo("failed");
        assertThat(((JsonObject) manifest.get("artifact_paths")).get("input_file"))
                .isNull();
        assertThat(Path.of(str(result, "run_workspace")).resolve("inputs/benchmark-budget.json"))
                .exists();
    }

    @Test
    void benchmarkWithoutBudgetHasNullGate() {
        Outcome outcome = hostWith(List.of("benchmark", "--operation", "predict", "--iterations", "1"));

        assertThat(outcome.exitCode()).isZero();
        JsonObject result = outcome.json();
        assertThat(Json.write(result.get("budget"))).isEqualTo("null");
        assertThat(Json.write(((JsonObject) result.get("summary")).get("budget_passed")))
                .isEqualTo("null");
    }

    private void assertValidationError(Outcome outcome, String messagePrefix) {
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.out()).startsWith("{\"error\": {\"type\": \"validation_error\", \"message\": ");
        assertThat(outcome.out().strip().lines()).hasSize(1);
        JsonObject error = (JsonObject) outcome.json().get("error");
        assertThat(str(error, "message")).startsWith(messagePrefix);
        assertThat(workspace()).doesNotExist();
    }

    @Test
    void missingBudgetFileWritesNothing() {
        Path missing = tmp.resolve("nope.json");
        assertValidationError(
                hostWith(List.of("benchmark", "--budget-file", missing.toString())),
                "Failed to read benchmark budget file " + missing + ": ");
    }

    @Test
    void invalidInputJsonWritesNothing() throws IOException {
        Path input = writeFile("inputs.json", "{not json");
        assertValidationError(
                hostWith(List.of("benchmark", "--input-file", input.toString())),
                "Benchmark input file must contain valid JSON: ");
    }

    @Test
    void invalidBudgetJsonWritesNothing() throws IOException {
        Path budget = writeFile("budget.json", "[");
        assertValidationError(
                hostWith(List.of("benchmark", "--budget-file", budget.toString())),
                "Benchmark budget file must contain valid JSON: ");
    }

    @Test
    void invalidBudgetEntriesWriteNothing() throws IOException {
        Path budget = writeFile("budget.json", "{\"budgets\": [{\"bogus\": 1}]}");
        assertValidationError(hostWith(List.of("benchmark", "--budget-file", budget.toString())), "Benchmark budget");
    }

    @Test
    void badIterationsAreValidationErrors() {
        Outcome outcome = hostWith(List.of("benchmark", "--iterations", "0"));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(str((JsonObject) outcome.json().get("error"), "message"))
                .isEqualTo("iterations must be an integer greater than 0.");
        assertThat(workspace().resolve("runs")).doesNotExist();
    }

    @Test
    void usageErrorsExitTwoOnStderr() {
        Outcome noCommand = host();
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.err()).contains("the following arguments are required: command");

        Outcome badSuite = hostWith(List.of("eval", "--suite", "bogus"));
        assertThat(badSuite.exitCode()).isEqualTo(2);
        assertThat(badSuite.err()).startsWith("usage: worldforge-batch-eval").contains("invalid choice: 'bogus'");
        assertThat(badSuite.out()).isEmpty();

        Outcome badInt = hostWith(List.of("benchmark", "--iterations", "two"));
        assertThat(badInt.exitCode()).isEqualTo(2);
        assertThat(badInt.err()).contains("argument --iterations: invalid int value: 'two'");

        Outcome suiteOnBenchmark = hostWith(List.of("benchmark", "--suite", "planning"));
        assertThat(suiteOnBenchmark.exitCode()).isEqualTo(2);
        assertThat(suiteOnBenchmark.err()).contains("unrecognized arguments: --suite");
        assertThat(workspace()).doesNotExist();
    }

    @Test
    void errorLineKeepsTypeBeforeMessage() {
        assertThat(BatchEvalHost.errorLine("bad \"x\""))
                .isEqualTo("{\"error\": {\"type\": \"validation_error\", \"message\": \"bad \\\"x\\\"\"}}");
        JsonValue parsed = Json.parse(BatchEvalHost.errorLine("m"));
        assertThat(parsed).isInstanceOf(JsonObject.class);
    }
}
