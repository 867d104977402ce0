package ai.worldforge.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.benchmark.BenchmarkReport;
import ai.worldforge.benchmark.BenchmarkResult;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.evaluation.EvaluationReport;
import ai.worldforge.evaluation.EvaluationResult;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPreservationTest {
    @TempDir
    Path tmp;

    private static JsonObject manifest(RunWorkspace run) throws Exception {
        return (JsonObject) Json.parse(Files.readString(run.manifestPath()));
    }

    @Test
    void evalRunsUseTheReferenceShape() throws Exception {
        EvaluationReport report = EvaluationReport.builder(
                        "planning",
                        "Planning",
                        List.of(
                                new EvaluationResult("planning", "Planning", "a", "mock", 1.0, true, JsonObject.EMPTY),
                                new EvaluationResult(
                                        "planning", "Planning", "b", "mock", 0.2, false, JsonObject.EMPTY)))
                .build();

        RunWorkspace run = RunPreservation.preserveEval(
                tmp,
                "20260101T000000Z-00000001",
                "planning",
                List.of("mock"),
                report.artifacts(),
                report,
                "worldforge eval --suite planning --provider mock",
                Optional.empty());

        JsonObject manifest = manifest(run);
        assertThat(manifest.get("kind")).isEqualTo(JsonString.of("eval"));
        assertThat(manifest.get("operation")).isEqualTo(JsonString.of("planning"));
        assertThat(manifest.get("status")).isEqualTo(JsonString.of("completed"));
        assertThat(manifest.get("event_count")).isEqualTo(JsonInt.of(0));
        JsonObject paths = (JsonObject) manifest.get("artifact_paths");
        assertThat(paths.get("json")).isEqualTo(JsonString.of("reports/report.json"));
        assertThat(paths.get("markdown")).isEqualTo(JsonString.of("reports/report.md"));
        assertThat(paths.get("failure_gallery.json")).isEqualTo(JsonString.of("reports/report.failure_gallery.json"));
        assertThat(run.path().resolve("reports/report.md")).isRegularFile();
        assertThat(Files.readString(run.path().resolve("reports/report.json")))
                .isEqualTo(Json.writePretty(Json.parse(report.toJson())) + "\n");
        JsonObject summary = (JsonObject) Json.parse(Files.readString(run.path().resolve("results/summary.json")));
        assertThat(Json.write(summary))
                .isEqualTo("{\"passed_count\":1,\"result_count\":2,\"suite\":\"Planning\",\"suite_id\":\"planning\"}");
        assertThat(manifest.get("result_summary")).isEqualTo(summary);
        assertThat(Json.write(manifest.get("input_summary")))
                .isEqualTo("{\"providers\":[\"mock\"],\"suite_id\":\"planning\"}");
    }

    @Test
    void benchmarkRunsFailWhenTheGateFails() throws Exception {
        JsonObject metrics = JsonObject.of(
                "events",
                JsonArray.of(
                        JsonObject.of("request_count", JsonInt.of(3)), JsonObject.of("request_count", JsonInt.of(2))));
        BenchmarkResult result = new BenchmarkResult(
                "mock",
                "predict",
                2,
                1,
                2,
                0,
                1,
                1.0,
                OptionalDouble.of(0.5),
                OptionalDouble.of(0.4),
                OptionalDouble.of(0.6),
                OptionalDouble.of(0.5),
                OptionalDouble.of(0.6),
                2.0,
                metrics,
                List.of());
        BenchmarkReport report = new BenchmarkReport(List.of(result), JsonObject.EMPTY);

        RunWorkspace run = RunPreservation.preserveBenchmark(
                tmp,
                "20260101T000000Z-00000002",
                List.of("mock"),
                List.of(),
                Map.of("json", report.toJsonText(), "markdown", report.toMarkdown(), "csv", report.toCsv()),
                report,
                "worldforge benchmark --provider mock --iterations 2 --concurrency 1",
                Optional.of(false),
                Optional.empty());

        JsonObject manifest = manifest(run);
        assertThat(manifest.get("status")).isEqualTo(JsonString.of("failed"));
        // No operation was requested: the label names the operations that ran, not all seven.
        assertThat(manifest.get("operation")).isEqualTo(JsonString.of("predict"));
        assertThat(manifest.get("event_count")).isEqualTo(JsonInt.of(5));
        JsonObject summary = (JsonObject) manifest.get("result_summary");
        assertThat(summary.get("budget_passed")).isEqualTo(JsonBool.FALSE);
        assertThat(summary.get("retry_count")).isEqualTo(JsonInt.of(1));
        assertThat(((JsonObject) manifest.get("input_summary")).get("operations"))
                .isEqualTo(JsonArray.EMPTY);
        assertThat(run.path().resolve("reports/report.csv")).isRegularFile();

        RunWorkspace ungated = RunPreservation.preserveBenchmark(
                tmp,
                "20260101T000000Z-00000003",
                List.of("mock"),
                List.of("predict"),
                Map.of("json", report.toJsonText()),
                report,
                "worldforge benchmark",
                Optional.empty(),
                Optional.empty());
        assertThat(manifest(ungated).get("status")).isEqualTo(JsonString.of("completed"));
        assertThat(((JsonObject) manifest(ungated).get("result_summary")).get("budget_passed"))
                .isEqualTo(JsonNull.INSTANCE);
    }

    @Test
    void invalidJsonArtifactsAreRejectedBeforeAnythingIsCreated() {
        BenchmarkReport report = new BenchmarkReport(List.of(), JsonObject.EMPTY);

        assertThatThrownBy(() -> RunPreservation.preserveBenchmark(
                        tmp,
                        "20260101T000000Z-00000002",
                        List.of("mock"),
                        List.of(),
                        Map.of("json", "[1]"),
                        report,
                        "worldforge benchmark",
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Report artifact 'json' must be a JSON object.");
        assertThatThrownBy(() -> RunPreservation.preserveBenchmark(
                        tmp,
                        "20260101T000000Z-00000002",
                        List.of("mock"),
                        List.of(),
                        Map.of("failure_gallery.json", "{"),
                        report,
                        "worldforge benchmark",
                        Optional.empty(),
                        Optional.empty()))
                .hasMessage("Report artifact 'failure_gallery.json' must contain valid JSON.");
        assertThat(tmp.resolve("runs")).doesNotExist();
    }
}
