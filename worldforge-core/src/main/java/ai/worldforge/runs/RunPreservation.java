package ai.worldforge.runs;

import ai.worldforge.benchmark.BenchmarkContracts;
import ai.worldforge.benchmark.BenchmarkReport;
import ai.worldforge.benchmark.BenchmarkResult;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.evaluation.EvaluationReport;
import ai.worldforge.evaluation.EvaluationResult;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Preserving {@code eval} and {@code benchmark} runs in the run workspace layout (the reference's
 * {@code preserve_eval_run_workspace} and {@code preserve_benchmark_run_workspace}, used by {@code
 * --run-workspace}). Report artifacts go to {@code reports/report.<suffix>} ({@code markdown} as
 * {@code md}, other keys verbatim, e.g. {@code reports/report.failure_gallery.json}); JSON artifacts
 * are re-written indented with sorted keys. Stateless.
 */
public final class RunPreservation {
    private RunPreservation() {}

    /**
     * Creates an {@code eval} run: operation = suite id, provider = providers joined by {@code ", "},
     * {@code input_summary {suite_id, providers[, dataset_manifests]}}, {@code
     * results/summary.json} = {@code result_summary {suite_id, suite, result_count, passed_count}},
     * status {@code completed}.
     *
     * @param artifacts the report renderings by key ({@link EvaluationReport#artifacts()} plus any
     *     extra renderings such as {@code html})
     * @throws WorldForgeException for an invalid run id, a duplicate run, or a JSON artifact that is
     *     not a JSON object (checked before anything is created)
     */
    public static RunWorkspace preserveEval(
            java.nio.file.Path workspaceDir,
            String runId,
            String suiteId,
            List<String> providers,
            Map<String, String> artifacts,
            EvaluationReport report,
            String command,
            Optional<JsonObject> configProfile) {
        Map<String, JsonObject> jsonPayloads = jsonPayloads(artifacts);
        JsonObject.Builder inputs =
                JsonObject.builder().put("suite_id", suiteId).put("providers", strings(providers));
        report.provenance()
                .filter(provenance -> !provenance.datasetManifests().isEmpty())
                .ifPresent(provenance -> inputs.put(
                        "dataset_manifests",
                        JsonArray.copyOf(provenance.datasetManifests().stream()
                                .map(ref -> ref.get("id") == null ? JsonNull.INSTANCE : ref.get("id"))
                                .toList())));
        JsonObject inputSummary = inputs.build();
        String provider = String.join(", ", providers);
        RunWorkspace workspace = RunWorkspaces.create(
                workspaceDir, runId, "eval", command, Optional.of(provider), Optional.of(suiteId), inputSummary);
        Map<String, String> paths = writeReportArtifacts(workspace, artifacts, jsonPayloads);
        JsonObject resultSummary = JsonObject.builder()
                .put("suite_id", report.suiteId())
                .put("suite", report.suite())
                .put("result_count", JsonInt.of(report.results().size()))
                .put(
                        "passed_count",
                        JsonInt.of(report.results().stream()
                                .filter(EvaluationResult::passed)
                                .count()))
                .build();
        workspace.writeJson("results/summary.json", resultSummary);
        RunWorkspaces.writeManifest(
                workspace,
                RunManifest.builder(runId, "eval", command, RunStatus.COMPLETED)
                        .provider(provider)
                        .operation(suiteId)
                        .inputSummary(inputSummary)
                        .resultSummary(resultSummary)
                        .artifactPaths(paths)
                        .configProfile(configProfile.orElse(null))
                        .build());
        return workspace;
    }

    /**
     * Creates a {@code benchmark} run: operation = the requested operations joined by {@code ", "}
     * (when none were requested, the operations that ran, in benchmark order; the reference lists
     * every benchmarkable operation, although a provider runs only those it supports), {@code input_summary {providers, operations}},
     * {@code result_summary {result_count, error_count, retry_count, budget_passed}}, status {@code
     * failed} iff the budget gate failed, {@code event_count} = the summed {@code request_count} of
     * the results' {@code operation_metrics.events}.
     *
     * @param artifacts the report renderings by key ({@code json}, {@code markdown}, {@code csv},
     *     {@code html})
     * @param budgetPassed the gate verdict, empty without budgets
     * @throws WorldForgeException as {@link #preserveEval}
     */
    public static RunWorkspace preserveBenchmark(
            java.nio.file.Path workspaceDir,
            String runId,
            List<String> providers,
            List<String> operations,
            Map<String, String> artifacts,
            BenchmarkReport report,
            String command,
            Optional<Boolean> budgetPassed,
            Optional<JsonObject> configProfile) {
        Map<String, JsonObject> jsonPayloads = jsonPayloads(artifacts);
        String operationLabel = String.join(", ", operations.isEmpty() ? ranOperations(report) : operations);
        JsonObject inputSummary = JsonObject.builder()
                .put("providers", strings(providers))
                .put("operations", strings(operations))
                .build();
        String provider = String.join(", ", providers);
        RunWorkspace workspace = RunWorkspaces.create(
                workspaceDir,
                runId,
                "benchmark",
                command,
                Optional.of(provider),
                Optional.of(operationLabel),
                inputSummary);
        Map<String, String> paths = writeReportArtifacts(workspace, artifacts, jsonPayloads);
        JsonObject resultSummary = JsonObject.builder()
                .put("result_count", JsonInt.of(report.results().size()))
                .put(
                        "error_count",
                        JsonInt.of(report.results().stream()
                                .mapToLong(BenchmarkResult::errorCount)
                                .sum()))
                .put(
                        "retry_count",
                        JsonInt.of(report.results().stream()
                                .mapToLong(BenchmarkResult::retryCount)
                                .sum()))
                .put("budget_passed", budgetPassed.<JsonValue>map(JsonBool::of).orElse(JsonNull.INSTANCE))
                .build();
        workspace.writeJson("results/summary.json", resultSummary);
        long eventCount = 0;
        for (BenchmarkResult result : report.results()) {
            if (result.operationMetrics().get("events") instanceof JsonArray events) {
                for (JsonValue event : events) {
                    if (event instanceof JsonObject object && object.get("request_count") instanceof JsonInt count) {
                        eventCount += count.longValue();
                    }
                }
            }
        }
        RunWorkspaces.writeManifest(
                workspace,
                RunManifest.builder(
                                runId,
                                "benchmark",
                                command,
                                budgetPassed.orElse(true) ? RunStatus.COMPLETED : RunStatus.FAILED)
                        .provider(provider)
                        .operation(operationLabel)
                        .inputSummary(inputSummary)
                        .resultSummary(resultSummary)
                        .artifactPaths(paths)
                        .eventCount(eventCount)
                        .configProfile(configProfile.orElse(null))
                        .build());
        return workspace;
    }

    /** The operations {@code report} has results for, in {@link BenchmarkContracts#OPERATIONS} order. */
    private static List<String> ranOperations(BenchmarkReport report) {
        java.util.Set<String> ran = new java.util.HashSet<>();
        report.results().forEach(result -> ran.add(result.operation()));
        return BenchmarkContracts.OPERATIONS.stream().filter(ran::contains).toList();
    }

    /** {@code reports/report.md} for {@code markdown}, else {@code reports/report.<key>}. */
    public static String reportArtifactPath(String key) {
        return "reports/report." + (key.equals("markdown") ? "md" : key);
    }

    private static Map<String, JsonObject> jsonPayloads(Map<String, String> artifacts) {
        Map<String, JsonObject> payloads = new LinkedHashMap<>();
        for (Map.Entry<String, String> artifact : artifacts.entrySet()) {
            String name = artifact.getKey();
            if (!(name.equals("json") || name.endsWith(".json"))) {
                continue;
            }
            JsonValue payload;
            try {
                payload = Json.parse(artifact.getValue());
            } catch (JsonSyntaxException e) {
                throw new WorldForgeException("Report artifact '" + name + "' must contain valid JSON.", e);
            }
            payloads.put(name, Checks.jsonObject(payload, "Report artifact '" + name + "'"));
        }
        return payloads;
    }

    private static Map<String, String> writeReportArtifacts(
            RunWorkspace workspace, Map<String, String> artifacts, Map<String, JsonObject> jsonPayloads) {
        Map<String, String> paths = new LinkedHashMap<>();
        for (Map.Entry<String, String> artifact : artifacts.entrySet()) {
            String relative = reportArtifactPath(artifact.getKey());
            JsonObject payload = jsonPayloads.get(artifact.getKey());
            if (payload != null) {
                workspace.writeJson(relative, payload);
            } else {
                workspace.writeText(relative, artifact.getValue());
            }
            paths.put(artifact.getKey(), relative);
        }
        return paths;
    }

    private static JsonArray strings(List<String> values) {
        return JsonArray.copyOf(values.stream().map(JsonString::of).toList());
    }
}
