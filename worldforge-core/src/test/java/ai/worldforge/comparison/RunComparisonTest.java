package ai.worldforge.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparisonTest {
    private static final String FIXTURE_DIGEST = "sha256:" + "a".repeat(64);
    private static final String BUDGET_DIGEST = "sha256:" + "b".repeat(64);
    private static final String RUN_1 = "20260101T000000Z-00000001";
    private static final String RUN_2 = "20260102T000000Z-00000002";

    @TempDir
    Path workspace;

    // ------------------------------------------------------------------------------------------
    // Fixtures in the reference's on-disk format (indent 2, sorted keys, trailing newline).

    private static void writeJson(Path file, JsonValue value) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.writePretty(value) + "\n");
    }

    private static JsonArray strs(String... values) {
        return JsonArray.copyOf(
                List.of(values).stream().map(v -> (JsonValue) JsonString.of(v)).toList());
    }

    private Path runDir(String runId) throws IOException {
        Path dir = workspace.resolve("runs").resolve(runId);
        for (String sub : List.of("inputs", "results", "reports", "artifacts", "logs")) {
            Files.createDirectories(dir.resolve(sub));
        }
        return dir;
    }

    private static JsonObject manifest(
            String runId,
            String kind,
            String command,
            String provider,
            String operation,
            String status,
            JsonObject inputSummary,
            JsonObject resultSummary,
            JsonObject artifactPaths,
            long eventCount) {
        String created = runId.substring(0, 4) + "-" + runId.substring(4, 6) + "-" + runId.substring(6, 8) + "T"
                + runId.substring(9, 11) + ":" + runId.substring(11, 13) + ":" + runId.substring(13, 15) + "Z";
        return JsonObject.builder()
                .put("schema_version", 1)
                .put("run_id", runId)
                .put("created_at", created)
                .put("kind", kind)
                .put("command", command)
                .put("status", status)
                .put("provider", provider)
                .put("operation", operation)
                .put("input_summary", inputSummary)
                .put("result_summary", resultSummary)
                .put("artifact_paths", artifactPaths)
                .put("event_count", eventCount)
                .put(
                        "layout",
                        JsonObject.builder()
                                .put("inputs", "inputs/")
                                .put("results", "results/")
                                .put("reports", "reports/")
                                .put("artifacts", "artifacts/")
                                .put("logs", "logs/")
                                .build())
                .build();
    }

    private record BenchmarkRun(
            String runId,
            String provider,
            double averageLatencyMs,
            String operation,
            String capability,
            String fixtureDigest,
            String budgetDigest,
            String suiteVersion,
            Boolean budgetPassed,
            List<JsonValue> errors,
            int requestCount,
            boolean unsafeArtifact) {
        static BenchmarkRun of(String runId, String provider, double average) {
            return new BenchmarkRun(
                    runId,
                    provider,
                    average,
                    "predict",
                    "predict",
                    FIXTURE_DIGEST,
                    BUDGET_DIGEST,
                    "benchmark:1",
                    true,
                    List.of(),
                    3,
                    false);
        }

        BenchmarkRun budget(Boolean passed) {
            return new BenchmarkRun(
                    runId,
                    provider,
                    averageLatencyMs,
                    operation,
                    capability,
                    fixtureDigest,
                    budgetDigest,
                    suiteVersion,
                    passed,
                    errors,
                    requestCount,
                    unsafeArtifact);
        }

        BenchmarkRun fixture(String digest) {
            return new BenchmarkRun(
                    runId,
                    provider,
                    averageLatencyMs,
                    operation,
                    capability,
                    digest,
                    budgetDigest,
                    suiteVersion,
                    budgetPassed,
                    errors,
                    requestCount,
                    unsafeArtifact);
        }

        BenchmarkRun failing(JsonValue error) {
            return new BenchmarkRun(
                    runId,
                    provider,
                    averageLatencyMs,
                    operation,
                    capability,
                    fixtureDigest,
                    budgetDigest,
                    suiteVersion,
                    budgetPassed,
                    List.of(error),
                    requestCount,
                    true);
        }
    }

    private Path benchmarkRun(BenchmarkRun run) throws IOException {
        Path dir = runDir(run.runId());
        JsonObject budgetFile = JsonObject.of(
                "path", JsonString.of("/fixtures/budget.json"), "sha256", JsonString.of(run.budgetDigest()));
        JsonObject report = JsonObject.builder()
                .put("claim_boundary", "benchmark claim boundary")
                .put(
                        "run_metadata",
                        JsonObject.of(
                                "input_file",
                                JsonObject.of(
                                        "path",
                                        JsonString.of("/fixtures/benchmark-inputs.json"),
                                        "sha256",
                                        JsonString.of(run.fixtureDigest())),
                                "budget_file",
                                budgetFile))
                .put(
                        "provenance",
                        JsonObject.builder()
                                .put("kind", "benchmark")
                                .put("suite_id", "benchmark")
                                .put("suite_version", run.suiteVersion())
                                .put("providers", strs(run.provider()))
                                .put("capabilities", strs(run.capability()))
                                .put("input_digest", "sha256:" + "f".repeat(64))
                                .put("budget_file", budgetFile)
                                .put("event_count", 3)
                                .put("claim_boundary", "benchmark claim boundary")
                                .build())
                .put(
                        "results",
                        JsonArray.of(JsonObject.builder()
                                .put("provider", run.provider())
                                .put("operation", run.operation())
                                .put("iterations", 2)
                                .put("success_count", run.errors().isEmpty() ? 2 : 1)
                                .put("error_count", run.errors().size())
                                .put("retry_count", 1)
                                .put("average_latency_ms", run.averageLatencyMs())
                                .put("p95_latency_ms", run.averageLatencyMs())
                                .put("throughput_per_second", 4.0)
                                .put(
                                        "operation_metrics",
                                        JsonObject.of(
                                                "events",
                                                JsonArray.of(JsonObject.of(
                                                        "request_count", JsonInt.of(run.requestCount())))))
                                .put("errors", JsonArray.copyOf(run.errors()))
                                .build()))
                .build();
        writeJson(dir.resolve("reports/report.json"), report);
        JsonObject.Builder summary = JsonObject.builder()
                .put("result_count", 1)
                .put("error_count", run.errors().size())
                .put("retry_count", 1);
        if (run.budgetPassed() != null) {
            summary.put("budget_passed", run.budgetPassed());
        }
        JsonObject.Builder artifacts = JsonObject.builder().put("json", "reports/report.json");
        if (run.unsafeArtifact()) {
            artifacts.put("checkpoint", "/private/checkpoint.bin");
        }
        String command = "worldforge benchmark --provider " + run.provider() + " --operation " + run.operation();
        writeJson(
                dir.resolve("run_manifest.json"),
                manifest(
                        run.runId(),
                        "benchmark",
                        command,
                        run.provider(),
                        run.operation(),
                        "completed",
                        JsonObject.of(
                                "providers",
                                strs(run.provider()),
                                "operations",
                                strs(run.operation()),
                                "capabilities",
                                strs(run.capability())),
                        summary.build(),
                        artifacts.build(),
                        3));
        return dir;
    }

    private Path evaluationRun(String runId, String provider, double averageScore) throws IOException {
        Path dir = runDir(runId);
        JsonObject report = JsonObject.builder()
                .put("suite_id", "planning")
                .put("suite", "Planning Evaluation")
                .put("claim_boundary", "evaluation claim boundary")
                .put(
                        "run_metadata",
                        JsonObject.of(
                                "input_file",
                                JsonObject.of(
                                        "path",
                                        JsonString.of("/fixtures/planning-eval.json"),
                                        "sha256",
                                        JsonString.of(FIXTURE_DIGEST))))
                .put(
                        "provenance",
                        JsonObject.builder()
                                .put("kind", "evaluation")
                                .put("suite_id", "planning")
                                .put("suite_version", "evaluation:1")
                                .put("providers", strs(provider))
                                .put("capabilities", strs("predict"))
                                .put("input_digest", "sha256:" + "e".repeat(64))
                                .put("event_count", 2)
                                .put("claim_boundary", "evaluation claim boundary")
                                .build())
                .put(
                        "provider_summaries",
                        JsonArray.of(JsonObject.builder()
                                .put("provider", provider)
                                .put("average_score", averageScore)
                                .put("scenario_count", 2)
                                .put("passed_scenario_count", 1)
                                .put("failed_scenario_count", 1)
                                .put("pass_rate", 0.5)
                                .build()))
                .put(
                        "results",
                        JsonArray.of(JsonObject.builder()
                                .put("provider", provider)
                                .put("scenario", "reach-goal")
                                .put("passed", false)
                                .put("details", "missed goal")
                                .build()))
                .build();
        writeJson(dir.resolve("reports/report.json"), report);
        writeJson(
                dir.resolve("run_manifest.json"),
                manifest(
                        runId,
                        "eval",
                        "worldforge eval --suite planning --provider " + provider,
                        provider,
                        "planning",
                        "completed",
                        JsonObject.of("suite_id", JsonString.of("planning"), "providers", strs(provider)),
                        JsonObject.of("scenario_count", JsonInt.of(2), "failed_scenario_count", JsonInt.of(1)),
                        JsonObject.of("json", JsonString.of("reports/report.json")),
                        2));
        return dir;
    }

    private Path skippedBenchmarkRun(String runId, String provider) throws IOException {
        Path dir = runDir(runId);
        writeJson(
                dir.resolve("reports/report.json"),
                JsonObject.of(
                        "results",
                        JsonArray.of(JsonObject.builder()
                                .put("provider", provider)
                                .put("operation", "predict")
                                .put("iterations", 0)
                                .put("success_count", 0)
                                .put("error_count", 0)
                                .put("retry_count", 0)
                                .put("average_latency_ms", JsonNull.INSTANCE)
                                .put("p95_latency_ms", JsonNull.INSTANCE)
                                .put("throughput_per_second", JsonNull.INSTANCE)
                                .put("operation_metrics", JsonObject.of("events", JsonArray.EMPTY))
                                .build())));
        writeJson(
                dir.resolve("run_manifest.json"),
                manifest(
                        runId,
                        "benchmark",
                        "worldforge benchmark --provider " + provider + " --operation predict",
                        provider,
                        "predict",
                        "skipped",
                        JsonObject.of("providers", strs(provider), "operations", strs("predict")),
                        JsonObject.of("skip_reason", JsonString.of("optional runtime unavailable")),
                        JsonObject.of("json", JsonString.of("reports/report.json")),
                        0));
        return dir;
    }

    private Path demoRun(String runId, String status, boolean safe, String summary) throws IOException {
        Path dir = runDir(runId);
        writeJson(
                dir.resolve("results/summary.json"),
                JsonObject.builder()
                        .put("status", status)
                        .put("safe_to_attach", safe)
                        .put("summary", summary)
                        .put("first_triage_step", "inspect summary")
                        .build());
        Files.writeString(dir.resolve("reports/summary.md"), "# first-run\n\n" + summary + "\n");
        writeJson(
                dir.resolve("run_manifest.json"),
                manifest(
                        runId,
                        "demo_showcase",
                        "uv run python scripts/demo_showcases.py run first-run",
                        "fixture",
                        "first-run",
                        status,
                        JsonObject.of("workflow", JsonString.of("first-run"), "issue", JsonInt.of(189)),
                        JsonObject.builder()
                                .put("summary", summary)
                                .put("safe_to_attach", safe)
                                .put("failure_reason", status.equals("failed") ? "failed" : "")
                                .build(),
                        JsonObject.of(
                                "summary_json",
                                JsonString.of("results/summary.json"),
                                "summary_markdown",
                                JsonString.of("reports/summary.md")),
                        0));
        return dir;
    }

    private static JsonObject metric(JsonObject payload, String name) {
        for (JsonValue item : (JsonArray) payload.get("metric_deltas")) {
            if (((JsonObject) item).get("metric").equals(JsonString.of(name))) {
                return (JsonObject) item;
            }
        }
        throw new AssertionError("metric not found: " + name);
    }

    private static JsonObject row(JsonObject payload, int index) {
        return (JsonObject) ((JsonArray) payload.get("rows")).get(index);
    }

    // ------------------------------------------------------------------------------------------

    @Test
    void crossProviderBenchmarkComparisonExportsContextAndBudgetStatus() throws IOException {
        Path baseline = benchmarkRun(BenchmarkRun.of(RUN_1, "mock", 10.0).budget(true));
        Path candidate =
                benchmarkRun(BenchmarkRun.of(RUN_2, "manual-mock", 12.0).budget(false));

        JsonObject payload = RunComparison.compare(List.of(baseline, candidate));

        assertThat(payload.get("schema_version")).isEqualTo(JsonInt.of(2));
        assertThat(payload.get("baseline_run_id")).isEqualTo(JsonString.of(RUN_1));
        JsonObject context = (JsonObject) payload.get("comparison_context");
        assertThat(context.get("providers")).isEqualTo(strs("manual-mock", "mock"));
        assertThat(context.get("capabilities")).isEqualTo(strs("predict"));
        assertThat(context.get("operations")).isEqualTo(strs("predict"));
        assertThat(context.get("fixture_digest")).isEqualTo(JsonString.of(FIXTURE_DIGEST));
        assertThat(context.get("budget_refs")).isEqualTo(strs("/fixtures/budget.json#" + BUDGET_DIGEST));
        assertThat(row(payload, 1).get("provider")).isEqualTo(JsonString.of("manual-mock"));
        assertThat(row(payload, 1).get("delta_average_latency_ms")).isEqualTo(JsonFloat.of(2.0));
        assertThat(row(payload, 1).get("budget_passed")).isEqualTo(JsonBool.FALSE);
        assertThat(row(payload, 1).get("event_count")).isEqualTo(JsonInt.of(3));
        JsonObject run = (JsonObject) ((JsonArray) payload.get("runs")).get(0);
        assertThat(run.get("artifact_refs")).isEqualTo(strs("reports/report.json"));
        assertThat(run.get("provenance_refs"))
                .isEqualTo(strs(
                        "input_file:/fixtures/benchmark-inputs.json#" + FIXTURE_DIGEST,
                        "budget_file:/fixtures/budget.json#" + BUDGET_DIGEST,
                        "providers:[\"mock\"]",
                        "operations:[\"predict\"]"));
        assertThat(run.get("path"))
                .isEqualTo(JsonString.of(baseline.toRealPath().toString()));
        JsonObject safe = (JsonObject) ((JsonObject) run.get("safe_artifacts")).get("json");
        assertThat(safe.get("suffix")).isEqualTo(JsonString.of("json"));
        assertThat(safe.get("exists")).isEqualTo(JsonBool.TRUE);
        assertThat(((JsonString) safe.get("sha256")).value()).hasSize(64);

        String markdown = RunComparison.render(payload, "markdown");
        assertThat(markdown)
                .startsWith("# WorldForge Run Comparison\n\nKind: benchmark\nBaseline: `" + RUN_1 + "`\n"
                        + "Claim boundary: benchmark claim boundary\n\n## Comparison Context\n\n"
                        + "- Capabilities: `predict`\n- Operations: `predict`\n- Fixture digest: `" + FIXTURE_DIGEST
                        + "`\n- Suite version: `benchmark:1`\n")
                .contains("| `" + RUN_2 + "` | manual-mock | predict | predict | 2/2 | 0 | 1 | 12.0000 | 2.0000 |"
                        + " 12.0000 | 4.0000 | 3 | failed `/fixtures/budget.json#" + BUDGET_DIGEST + "` |")
                .contains("| `" + RUN_1 + "` | 2026-01-01T00:00:00Z | completed | `worldforge benchmark --provider"
                        + " mock --operation predict` | mock | predict | complete |  | `reports/report.json` |");

        String csv = RunComparison.render(payload, "csv");
        assertThat(csv)
                .startsWith("run_id,created_at,command,provider,capability,operation,fixture_digest,suite_version,"
                        + "budget_ref,budget_passed,iterations,success_count,error_count,retry_count,"
                        + "average_latency_ms,delta_average_latency_ms,p95_latency_ms,throughput_per_second,"
                        + "event_count,artifact_refs_json,provenance_refs_json\r\n")
                .contains(RUN_2 + ",2026-01-02T00:00:00Z,worldforge benchmark --provider manual-mock --operation"
                        + " predict,manual-mock,predict,predict," + FIXTURE_DIGEST
                        + ",benchmark:1,/fixtures/budget.json#"
                        + BUDGET_DIGEST + ",False,2,2,0,1,12.0,2.0,12.0,4.0,3,\"[\"\"reports/report.json\"\"]\"")
                .doesNotEndWith("\r\n");

        String json = RunComparison.render(payload, "json");
        assertThat(json).isEqualTo(Json.writePretty(payload)).startsWith("{\n  \"baseline_run_id\": ");

        String html = RunComparison.render(payload, "html");
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<title>WorldForge Run Comparison: benchmark</title>")
                .contains("<li><strong>Mode:</strong> <code>comparison</code></li>")
                .contains("<h2>Comparison Rows</h2>")
                .contains("<th>run_id</th><th>provider</th><th>capability</th>")
                .contains("<td>False</td>")
                .doesNotContain("<script")
                .doesNotContain("<a ");
    }

    @Test
    void loadsRunsFromManifestAndReportPaths() throws IOException {
        Path baseline = benchmarkRun(BenchmarkRun.of(RUN_1, "mock", 10.0));
        Path candidate = benchmarkRun(BenchmarkRun.of(RUN_2, "mock", 11.0));
        JsonObject payload = RunComparison.compare(
                List.of(baseline.resolve("run_manifest.json"), candidate.resolve("reports/report.json")), "comparison");
        assertThat(payload.get("run_count")).isEqualTo(JsonInt.of(2));
        assertThat(PreservedRunReport.load(candidate.resolve("reports/report.json"))
                        .runId())
                .isEqualTo(RUN_2);
    }

    @Test
    void refusesIncompatibleContexts() throws IOException {
        Path baseline = benchmarkRun(BenchmarkRun.of(RUN_1, "mock", 10.0));
        Path candidate =
                benchmarkRun(BenchmarkRun.of(RUN_2, "manual-mock", 12.0).fixture("sha256:" + "c".repeat(64)));
        assertThatThrownBy(() -> RunComparison.compare(List.of(baseline, candidate)))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Cannot compare incompatible benchmark runs: fixture digest mismatch (" + RUN_1 + ":"
                        + FIXTURE_DIGEST + ", " + RUN_2 + ":sha256:" + "c".repeat(64) + ").");
    }

    @Test
    void inputErrors() throws IOException {
        Path baseline = benchmarkRun(BenchmarkRun.of(RUN_1, "mock", 10.0));
        Path evaluation = evaluationRun(RUN_2, "mock", 0.5);
        assertThatThrownBy(() -> RunComparison.compare(List.of(baseline)))
                .hasMessage("runs compare requires at least two run directories or manifest paths.");
        assertThatThrownBy(() -> RunComparison.compare(List.of(baseline, evaluation)))
                .hasMessage("Cannot compare incompatible report types: " + RUN_1 + ":benchmark, " + RUN_2 + ":eval.");
        assertThatThrownBy(() -> RunComparison.compare(List.of(baseline, evaluation), "invalid"))
                .hasMessage("runs compare mode must be comparison or regression.");
        assertThatThrownBy(() -> RunComparison.compare(List.of(baseline, evaluation), "regression"))
                .hasMessage(
                        "Cannot compare incompatible regression runs: " + RUN_1 + ":benchmark, " + RUN_2 + ":eval.");
        assertThatThrownBy(() -> RunComparison.compare(List.of(baseline), "regression"))
                .hasMessage("runs compare --mode regression requires exactly one baseline and one candidate run.");
        Path missing = workspace.resolve("missing-baseline");
        assertThatThrownBy(() -> RunComparison.compare(List.of(missing, baseline), "regression"))
                .hasMessage("Baseline run does not exist: " + missing);
        // A path that is neither a directory nor a manifest is read as a report file of its parent.
        Path parentManifest = workspace.resolve("run_manifest.json");
        assertThatThrownBy(() -> RunComparison.compare(List.of(baseline, missing)))
                .hasMessage("Failed to read run manifest " + parentManifest + ": [Errno 2] No such file or directory: '"
                        + parentManifest + "'");
        assertThatThrownBy(() -> RunComparison.render(JsonObject.EMPTY, "pdf"))
                .hasMessage("comparison format must be a registered renderer; built-ins are json, markdown, csv, or"
                        + " html.");

        Path manifest = baseline.resolve("run_manifest.json");
        Files.writeString(
                manifest, Files.readString(manifest).replace("\"schema_version\": 1", "\"schema_version\": 99"));
        assertThatThrownBy(() -> RunComparison.compareRegression(List.of(baseline, evaluation)))
                .hasMessage("Run " + RUN_1 + " uses unsupported run workspace schema_version 99; expected 1.");
        Files.writeString(manifest, "{\"kind\": \"flow\", \"run_id\": \"x\"}");
        assertThatThrownBy(() -> PreservedRunReport.load(baseline))
                .hasMessage("Run x has unsupported report kind 'flow'. Supported kinds: benchmark, demo_showcase,"
                        + " eval.");
        Files.writeString(manifest, "{broken");
        assertThatThrownBy(() -> PreservedRunReport.load(baseline))
                .hasMessageStartingWith("Run Manifest " + manifest + " must contain valid JSON: Expecting property");
        Files.writeString(manifest, "[]");
        assertThatThrownBy(() -> PreservedRunReport.load(baseline))
                .hasMessage("Run Manifest " + manifest + " must be a JSON object.");
        Files.writeString(manifest, "{\"kind\": \"eval\", \"schema_version\": 1}");
        assertThatThrownBy(() -> PreservedRunReport.load(baseline))
                .hasMessage("Evaluation report " + baseline.resolve("reports/report.json")
                        + " must contain provider_summaries.");
    }

    @Test
    void crossProviderEvaluationComparisonUsesSuiteContext() throws IOException {
        Path baseline = evaluationRun(RUN_1, "mock", 0.75);
        Path candidate = evaluationRun(RUN_2, "manual-mock", 0.50);
        JsonObject payload = RunComparison.compare(List.of(baseline, candidate));
        assertThat(payload.get("kind")).isEqualTo(JsonString.of("eval"));
        JsonObject context = (JsonObject) payload.get("comparison_context");
        assertThat(context.get("providers")).isEqualTo(strs("manual-mock", "mock"));
        assertThat(context.get("operations")).isEqualTo(strs("planning"));
        assertThat(context.get("capabilities")).isEqualTo(strs("predict"));
        assertThat(context.get("suite_version")).isEqualTo(JsonString.of("evaluation:1"));
        assertThat(row(payload, 1).get("suite_id")).isEqualTo(JsonString.of("planning"));
        assertThat(row(payload, 1).get("delta_average_score")).isEqualTo(JsonFloat.of(-0.25));
        assertThat(row(payload, 1).get("event_count")).isEqualTo(JsonInt.of(2));
        assertThat(RunComparison.toMarkdown(payload))
                .contains("## Evaluation Rows")
                .contains("| `" + RUN_2 + "` | manual-mock | predict | planning | 0.5000 | -0.2500 | 1/2 | 2 | 2 |");
        assertThat(RunComparison.toCsv(payload))
                .startsWith("run_id,created_at,command,provider,capability,suite_id,fixture_digest,suite_version,"
                        + "average_score,delta_average_score,scenario_count,passed_scenario_count,"
                        + "failed_scenario_count,event_count,artifact_refs_json,provenance_refs_json\r\n");
    }

    @Test
    void surfacesMissingEvidenceAndSkipReasons() throws IOException {
        Path first = skippedBenchmarkRun(RUN_1, "mock");
        Path second = skippedBenchmarkRun(RUN_2, "manual-mock");
        JsonObject payload = RunComparison.compare(List.of(first, second));
        assertThat(((JsonObject) payload.get("comparison_context")).get("missing_evidence"))
                .isEqualTo(strs("budget_status", "fixture_digest", "suite_version"));
        JsonObject run = (JsonObject) ((JsonArray) payload.get("runs")).get(0);
        assertThat(run.get("skip_reason")).isEqualTo(JsonString.of("optional runtime unavailable"));
        assertThat(run.get("missing_evidence")).isEqualTo(strs("fixture_digest", "suite_version", "budget_status"));
        assertThat(payload.get("claim_boundary"))
                .isEqualTo(JsonString.of("This comparison is limited to preserved WorldForge run artifacts with"
                        + " matching capability, operation, fixture, budget, and suite context; it is not a public"
                        + " leaderboard or cross-task ranking."));
        String markdown = RunComparison.toMarkdown(payload);
        assertThat(markdown).contains("`fixture_digest`").contains("optional runtime unavailable");
        assertThat(markdown).contains("| 0/0 | 0 | 0 |  |  |  |  | 0 | not recorded |");
    }

    @Test
    void regressionReportsImprovedCandidate() throws IOException {
        Path baseline = benchmarkRun(BenchmarkRun.of(RUN_1, "mock", 12.0).budget(false));
        Path candidate = benchmarkRun(BenchmarkRun.of(RUN_2, "manual-mock", 8.0).budget(true));
        JsonObject payload = RunComparison.compare(List.of(baseline, candidate), "regression");
        assertThat(payload.get("mode")).isEqualTo(JsonString.of("regression"));
        assertThat(payload.get("candidate_run_id")).isEqualTo(JsonString.of(RUN_2));
        JsonObject summary = (JsonObject) payload.get("regression_summary");
        assertThat(summary.get("status")).isEqualTo(JsonString.of("improved"));
        assertThat(metric(payload, "average_latency_ms").get("delta")).isEqualTo(JsonFloat.of(-4.0));
        assertThat(metric(payload, "average_latency_ms").get("status")).isEqualTo(JsonString.of("improved"));
        assertThat(metric(payload, "success_count").get("status")).isEqualTo(JsonString.of("unchanged"));
        assertThat(((JsonObject) payload.get("budget_status_changes")).get("status"))
                .isEqualTo(JsonString.of("improved"));
        assertThat(((JsonObject) payload.get("artifact_changes")).get("status")).isEqualTo(JsonString.of("changed"));
        assertThat(((JsonObject) payload.get("provenance_changes")).get("differences"))
                .isEqualTo(strs("provider", "command"));

        String markdown = RunComparison.render(payload, "markdown");
        assertThat(markdown)
                .startsWith("# WorldForge Regression Comparison\n\nKind: benchmark\nBaseline: `" + RUN_1
                        + "`\nCandidate: `" + RUN_2 + "`\nStatus: `improved`\n")
                .contains("| `average_latency_ms` | 12.0000 | 8.0000 | -4.0000 | `improved` |")
                .contains("## Budget Status\n\n- Baseline: `failed`; Candidate: `passed`; Status: `improved`")
                .contains("- Changed safe artifacts: `json`")
                .endsWith("- Differences: `provider`<br>`command`");
        assertThat(RunComparison.render(payload, "html"))
                .contains("<title>WorldForge Regression Comparison: benchmark</title>")
                .contains("<h2>Regression Summary</h2>")
                .contains("<li><strong>artifact_drift_count:</strong> <code>1</code></li>");
        assertThat(RunComparison.render(payload, "csv"))
                .startsWith("category,name,status,baseline,candidate,delta,detail\r\n")
                .contains("metric,average_latency_ms,improved,12.0,8.0,-4.0,lower is better")
                .contains("budget,budget_status,improved,failed,passed,,/fixtures/budget.json#" + BUDGET_DIGEST);
    }

    @Test
    void regressionReportsRegressionAndExcludesUnsafeArtifacts() throws IOException {
        Path baseline = benchmarkRun(BenchmarkRun.of(RUN_1, "mock", 10.0).budget(true));
        Path candidate = benchmarkRun(BenchmarkRun.of(RUN_2, "manual-mock", 15.0)
                .budget(false)
                .failing(JsonObject.of("message", JsonString.of("timeout"))));
        JsonObject payload = RunComparison.compareRegression(List.of(baseline, candidate));
        assertThat(((JsonObject) payload.get("regression_summary")).get("status"))
                .isEqualTo(JsonString.of("regressed"));
        assertThat(metric(payload, "average_latency_ms").get("status")).isEqualTo(JsonString.of("regressed"));
        assertThat(((JsonObject) payload.get("budget_status_changes")).get("status"))
                .isEqualTo(JsonString.of("budget-violation"));
        assertThat(((JsonObject) payload.get("failure_changes")).get("new_failures"))
                .isEqualTo(strs("benchmark:predict:timeout"));
        assertThat(((JsonObject) payload.get("artifact_changes")).get("excluded_unsafe_count"))
                .isEqualTo(JsonInt.of(1));
        String markdown = RunComparison.render(payload, "markdown");
        assertThat(markdown)
                .doesNotContain("/private/checkpoint.bin")
                .contains("Unsafe artifacts excluded from rendered reports: `1`")
                .contains("- New failures: `benchmark:predict:timeout`");
        assertThat(RunComparison.toHtml(payload)).doesNotContain("/private/checkpoint.bin");
    }

    @Test
    void regressionSupportsDemoShowcaseRuns() throws IOException {
        Path baseline = demoRun(RUN_1, "passed", true, "baseline completed");
        Path candidate = demoRun(RUN_2, "failed", false, "candidate failed");
        JsonObject payload = RunComparison.compare(List.of(baseline, candidate), "regression");
        assertThat(payload.get("kind")).isEqualTo(JsonString.of("demo_showcase"));
        assertThat(((JsonObject) payload.get("regression_summary")).get("status"))
                .isEqualTo(JsonString.of("regressed"));
        assertThat(metric(payload, "safe_to_attach").get("status")).isEqualTo(JsonString.of("regressed"));
        assertThat(((JsonObject) payload.get("failure_changes")).get("new_failures"))
                .isEqualTo(strs("run:failed:failed"));

        JsonObject comparison = RunComparison.compare(List.of(baseline, candidate));
        assertThat(RunComparison.toMarkdown(comparison))
                .contains("| `" + RUN_2 + "` | first-run | failed | False | candidate failed |");
    }

    @Test
    void evaluationRegressionUsesPassRate() throws IOException {
        Path baseline = evaluationRun(RUN_1, "mock", 0.75);
        Path candidate = evaluationRun(RUN_2, "mock", 0.80);
        JsonObject payload = RunComparison.compareRegression(List.of(baseline, candidate));
        assertThat(metric(payload, "average_score").get("status")).isEqualTo(JsonString.of("improved"));
        assertThat(metric(payload, "pass_rate").get("delta")).isEqualTo(JsonFloat.of(0.0));
        // Same failing scenario in both runs: no new failure.
        assertThat(((JsonObject) payload.get("failure_changes")).get("status")).isEqualTo(JsonString.of("unchanged"));
        assertThat(((JsonObject) payload.get("failure_changes")).get("baseline_failure_count"))
                .isEqualTo(JsonInt.of(1));
    }

    @Test
    void writesRenderedOutputWithTrailingNewline() throws IOException {
        Path out = workspace.resolve("reports/nested/compare.md");
        RunComparison.writeRendered(out, "# x");
        assertThat(Files.readString(out)).isEqualTo("# x\n");
    }
}
