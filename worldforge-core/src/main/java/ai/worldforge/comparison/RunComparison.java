package ai.worldforge.comparison;

import static ai.worldforge.comparison.PyValues.jsonStrings;
import static ai.worldforge.comparison.PyValues.list;
import static ai.worldforge.comparison.PyValues.object;
import static ai.worldforge.comparison.PyValues.objects;
import static ai.worldforge.comparison.PyValues.optionalFloat;
import static ai.worldforge.comparison.PyValues.optionalText;
import static ai.worldforge.comparison.PyValues.orNull;
import static ai.worldforge.comparison.PyValues.str;
import static ai.worldforge.comparison.PyValues.strings;
import static ai.worldforge.comparison.PyValues.toInt;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.internal.Sha256Hex;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.report.HtmlDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Compares preserved runs of one kind (the reference's {@code report_compare}, used by {@code
 * worldforge runs compare}). {@link #compare} builds the comparison payload (schema 2): shared
 * context, one summary per run and per-provider rows with deltas against the first (baseline)
 * run; {@link #compareRegression} builds the regression payload (schema 1) of a candidate
 * against a baseline: metric deltas, budget, failure, artifact and provenance changes and a
 * verdict ({@code improved}, {@code regressed} or {@code unchanged}).
 *
 * <p>Runs must agree on operations, capabilities, fixture digest, suite version and budget.
 * Only artifacts with a safe relative path and a text suffix are summarised (with their digest);
 * others are counted as excluded. Stateless and thread-safe.
 */
public final class RunComparison {
    /** Schema version of comparison payloads. */
    public static final int COMPARISON_SCHEMA_VERSION = 2;

    /** Schema version of regression payloads. */
    public static final int REGRESSION_SCHEMA_VERSION = 1;

    /** Output formats of {@link #render}. */
    public static final List<String> FORMATS = List.of("json", "markdown", "csv", "html");

    private static final Set<String> SAFE_SUFFIXES = Set.of(".csv", ".html", ".json", ".jsonl", ".md", ".txt");

    private RunComparison() {}

    /**
     * Compares runs in {@code mode} {@code comparison} or {@code regression}.
     *
     * @throws WorldForgeException {@code runs compare mode must be comparison or regression.}, or
     *     a message of {@link #compare(List)} / {@link #compareRegression(List)}
     */
    public static JsonObject compare(List<Path> paths, String mode) {
        if (mode.equals("regression")) {
            return compareRegression(paths);
        }
        if (!mode.equals("comparison")) {
            throw new WorldForgeException("runs compare mode must be comparison or regression.");
        }
        return compare(paths);
    }

    /**
     * The comparison payload of two or more runs.
     *
     * @throws WorldForgeException {@code runs compare requires at least two run directories or
     *     manifest paths.}, {@code Cannot compare incompatible report types: id:kind, ….}, {@code
     *     Cannot compare incompatible <kind> runs: <label> mismatch (id:value, …).}, or a load
     *     message of {@link PreservedRunReport#load}
     */
    public static JsonObject compare(List<Path> paths) {
        if (paths.size() < 2) {
            throw new WorldForgeException("runs compare requires at least two run directories or manifest paths.");
        }
        List<PreservedRunReport> reports =
                paths.stream().map(PreservedRunReport::load).toList();
        Set<String> kinds = new LinkedHashSet<>();
        reports.forEach(r -> kinds.add(r.kind()));
        if (kinds.size() != 1) {
            List<String> details =
                    reports.stream().map(r -> r.runId() + ":" + r.kind()).toList();
            throw new WorldForgeException(
                    "Cannot compare incompatible report types: " + String.join(", ", details) + ".");
        }
        String kind = reports.get(0).kind();
        List<Context> contexts = reports.stream().map(RunComparison::context).toList();
        ensureCompatible(kind, contexts);
        List<JsonValue> rows = switch (kind) {
            case "benchmark" -> benchmarkRows(reports, contexts);
            case "eval" -> evaluationRows(reports, contexts);
            default -> demoRows(reports, contexts);
        };
        List<JsonValue> runs = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            runs.add(runSummary(reports.get(i), contexts.get(i)));
        }
        JsonObject payload = JsonObject.builder(8)
                .put("schema_version", COMPARISON_SCHEMA_VERSION)
                .put("kind", kind)
                .put("baseline_run_id", reports.get(0).runId())
                .put("run_count", reports.size())
                .put("claim_boundary", claimBoundary(reports))
                .put("comparison_context", sharedContext(kind, contexts))
                .put("runs", JsonArray.copyOf(runs))
                .put("rows", JsonArray.copyOf(rows))
                .build();
        Json.write(payload);
        return payload;
    }

    /**
     * The regression payload of a baseline and a candidate run.
     *
     * @throws WorldForgeException {@code runs compare --mode regression requires exactly one
     *     baseline and one candidate run.}, {@code Baseline run does not exist: p}, {@code
     *     Candidate run does not exist: p}, {@code Cannot compare incompatible regression runs:
     *     a:k, b:k.}, or a context or load message
     */
    public static JsonObject compareRegression(List<Path> paths) {
        if (paths.size() != 2) {
            throw new WorldForgeException(
                    "runs compare --mode regression requires exactly one baseline and one candidate run.");
        }
        List<String> labels = List.of("Baseline", "Candidate");
        for (int i = 0; i < 2; i++) {
            if (!Files.exists(paths.get(i))) {
                throw new WorldForgeException(labels.get(i) + " run does not exist: " + paths.get(i));
            }
        }
        List<PreservedRunReport> reports =
                paths.stream().map(PreservedRunReport::load).toList();
        PreservedRunReport baseline = reports.get(0);
        PreservedRunReport candidate = reports.get(1);
        if (!baseline.kind().equals(candidate.kind())) {
            throw new WorldForgeException("Cannot compare incompatible regression runs: " + baseline.runId() + ":"
                    + baseline.kind() + ", " + candidate.runId() + ":" + candidate.kind() + ".");
        }
        String kind = baseline.kind();
        List<Context> contexts = reports.stream().map(RunComparison::context).toList();
        ensureCompatible(kind, contexts);
        List<JsonObject> runs = List.of(runSummary(baseline, contexts.get(0)), runSummary(candidate, contexts.get(1)));
        List<JsonObject> metricDeltas = metricDeltas(kind, baseline, candidate);
        JsonObject budgetChanges = budgetChanges(contexts);
        JsonObject failureChanges = failureChanges(baseline, candidate);
        JsonObject artifactChanges = artifactChanges(baseline, candidate);
        JsonObject provenanceChanges = provenanceChanges(runs, contexts);
        List<JsonValue> rows =
                regressionRows(metricDeltas, budgetChanges, failureChanges, artifactChanges, provenanceChanges);
        boolean regressed = metricDeltas.stream().anyMatch(d -> status(d).equals("regressed"))
                || status(budgetChanges).equals("budget-violation")
                || !list(failureChanges.get("new_failures")).isEmpty();
        boolean improved = metricDeltas.stream().anyMatch(d -> status(d).equals("improved"))
                || status(budgetChanges).equals("improved")
                || !list(failureChanges.get("removed_failures")).isEmpty();
        JsonObject summary = JsonObject.builder(9)
                .put("status", regressed ? "regressed" : improved ? "improved" : "unchanged")
                .put("metric_delta_count", metricDeltas.size())
                .put(
                        "regressed_metric_count",
                        metricDeltas.stream()
                                .filter(d -> status(d).equals("regressed"))
                                .count())
                .put(
                        "improved_metric_count",
                        metricDeltas.stream()
                                .filter(d -> status(d).equals("improved"))
                                .count())
                .put(
                        "new_failure_count",
                        list(failureChanges.get("new_failures")).size())
                .put(
                        "removed_failure_count",
                        list(failureChanges.get("removed_failures")).size())
                .put(
                        "artifact_drift_count",
                        list(artifactChanges.get("added")).size()
                                + list(artifactChanges.get("removed")).size()
                                + list(artifactChanges.get("changed")).size())
                .put(
                        "provenance_difference_count",
                        list(provenanceChanges.get("differences")).size())
                .put(
                        "unsafe_artifact_exclusion_count",
                        Objects.requireNonNull(artifactChanges.get("excluded_unsafe_count")))
                .build();
        JsonObject payload = JsonObject.builder(16)
                .put("schema_version", REGRESSION_SCHEMA_VERSION)
                .put("mode", "regression")
                .put("kind", kind)
                .put("baseline_run_id", baseline.runId())
                .put("candidate_run_id", candidate.runId())
                .put("run_count", 2)
                .put("claim_boundary", claimBoundary(reports))
                .put("comparison_context", sharedContext(kind, contexts))
                .put("runs", JsonArray.copyOf(runs))
                .put("regression_summary", summary)
                .put("metric_deltas", JsonArray.copyOf(metricDeltas))
                .put("budget_status_changes", budgetChanges)
                .put("failure_changes", failureChanges)
                .put("artifact_changes", artifactChanges)
                .put("provenance_changes", provenanceChanges)
                .put("rows", JsonArray.copyOf(rows))
                .build();
        Json.write(payload);
        return payload;
    }

    // ------------------------------------------------------------------------------------------
    // Rendering

    /**
     * Renders a payload as the CLI prints it.
     *
     * @param format {@code json} (sorted, indented, no trailing newline), {@code markdown}, {@code
     *     csv} or {@code html}
     * @throws WorldForgeException {@code comparison format must be a registered renderer;
     *     built-ins are json, markdown, csv, or html.}
     */
    public static String render(JsonObject payload, String format) {
        return switch (format) {
            case "json" -> Json.writePretty(payload);
            case "markdown" -> toMarkdown(payload);
            case "csv" -> toCsv(payload);
            case "html" -> toHtml(payload);
            default ->
                throw new WorldForgeException("comparison format must be a registered renderer; built-ins are json,"
                        + " markdown, csv, or html.");
        };
    }

    /**
     * Writes a rendered payload to {@code output} (creating parent directories), adding a final
     * newline when missing, atomically.
     */
    public static void writeRendered(Path output, String rendered) {
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ai.worldforge.internal.AtomicTextFiles.write(output, rendered.endsWith("\n") ? rendered : rendered + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Markdown: {@code # WorldForge Run Comparison}, or the regression report in regression mode. */
    public static String toMarkdown(JsonObject payload) {
        if (isRegression(payload)) {
            return regressionMarkdown(payload);
        }
        JsonObject context = object(payload.get("comparison_context"));
        List<String> lines = new ArrayList<>(List.of(
                "# WorldForge Run Comparison",
                "",
                "Kind: " + str(payload.get("kind")),
                "Baseline: `" + str(payload.get("baseline_run_id")) + "`",
                "Claim boundary: " + orDash(payload.get("claim_boundary")),
                "",
                "## Comparison Context",
                "",
                "- Capabilities: " + orDash(markdownJoin(context.get("capabilities"))),
                "- Operations: " + orDash(markdownJoin(context.get("operations"))),
                "- Fixture digest: `" + orDash(context.get("fixture_digest")) + "`",
                "- Suite version: `" + orDash(context.get("suite_version")) + "`",
                "- Budget refs: " + orDash(markdownJoin(context.get("budget_refs"))),
                "",
                "## Runs",
                "",
                "| run_id | date | status | command | provider | operation | evidence | skip reason | artifacts |"
                        + " provenance |",
                "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"));
        for (JsonObject run : objects(payload.get("runs"))) {
            String evidence = markdownJoin(run.get("missing_evidence"));
            lines.add("| `" + str(run.get("run_id")) + "` | " + str(run.get("created_at")) + " | "
                    + str(run.get("status")) + " | `" + str(run.get("command")) + "` | " + str(run.get("provider"))
                    + " | " + str(run.get("operation")) + " | " + (evidence.isEmpty() ? "complete" : evidence) + " | "
                    + (PyValues.truthy(run.get("skip_reason")) ? str(run.get("skip_reason")) : "") + " | "
                    + markdownJoin(run.get("artifact_refs")) + " | " + markdownJoin(run.get("provenance_refs"))
                    + " |");
        }
        String kind = str(payload.get("kind"));
        if (kind.equals("benchmark")) {
            lines.addAll(List.of(
                    "",
                    "## Benchmark Rows",
                    "",
                    "| run_id | provider | capability | operation | ok | errors | retries | avg_ms | delta_avg_ms |"
                            + " p95_ms | throughput/s | events | budget |",
                    "| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"));
            for (JsonObject row : objects(payload.get("rows"))) {
                lines.add("| `" + str(row.get("run_id")) + "` | " + str(row.get("provider")) + " | "
                        + str(row.get("capability")) + " | " + str(row.get("operation")) + " | "
                        + str(row.get("success_count")) + "/" + str(row.get("iterations")) + " | "
                        + str(row.get("error_count")) + " | " + str(row.get("retry_count")) + " | "
                        + number(row.get("average_latency_ms")) + " | " + number(row.get("delta_average_latency_ms"))
                        + " | " + number(row.get("p95_latency_ms")) + " | " + number(row.get("throughput_per_second"))
                        + " | " + str(row.get("event_count")) + " | " + budgetLabel(row) + " |");
            }
        } else if (kind.equals("eval")) {
            lines.addAll(List.of(
                    "",
                    "## Evaluation Rows",
                    "",
                    "| run_id | provider | capability | suite | average_score | delta_average_score | passed |"
                            + " scenarios | events |",
                    "| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"));
            for (JsonObject row : objects(payload.get("rows"))) {
                lines.add("| `" + str(row.get("run_id")) + "` | " + str(row.get("provider")) + " | "
                        + str(row.get("capability")) + " | " + str(row.get("suite_id")) + " | "
                        + number(row.get("average_score")) + " | " + number(row.get("delta_average_score")) + " | "
                        + str(row.get("passed_scenario_count")) + "/" + str(row.get("scenario_count")) + " | "
                        + str(row.get("scenario_count")) + " | " + str(row.get("event_count")) + " |");
            }
        } else {
            lines.addAll(List.of(
                    "",
                    "## Demo Showcase Rows",
                    "",
                    "| run_id | workflow | status | safe_to_attach | summary |",
                    "| --- | --- | --- | --- | --- |"));
            for (JsonObject row : objects(payload.get("rows"))) {
                lines.add("| `" + str(row.get("run_id")) + "` | " + str(row.get("workflow")) + " | "
                        + str(row.get("status")) + " | " + str(row.get("safe_to_attach")) + " | "
                        + str(row.get("summary")) + " |");
            }
        }
        return String.join("\n", lines);
    }

    private static String regressionMarkdown(JsonObject payload) {
        JsonObject summary = object(payload.get("regression_summary"));
        JsonObject artifacts = object(payload.get("artifact_changes"));
        JsonObject failures = object(payload.get("failure_changes"));
        JsonObject provenance = object(payload.get("provenance_changes"));
        JsonObject budget = object(payload.get("budget_status_changes"));
        List<String> lines = new ArrayList<>(List.of(
                "# WorldForge Regression Comparison",
                "",
                "Kind: " + str(payload.get("kind")),
                "Baseline: `" + str(payload.get("baseline_run_id")) + "`",
                "Candidate: `" + str(payload.get("candidate_run_id")) + "`",
                "Status: `" + getOr(summary, "status", "unknown") + "`",
                "Claim boundary: " + orDash(payload.get("claim_boundary")),
                "",
                "## Regression Summary",
                "",
                "- Metric deltas: `" + getOr(summary, "metric_delta_count", "0") + "`",
                "- Regressed metrics: `" + getOr(summary, "regressed_metric_count", "0") + "`",
                "- Improved metrics: `" + getOr(summary, "improved_metric_count", "0") + "`",
                "- New failures: `" + getOr(summary, "new_failure_count", "0") + "`",
                "- Removed failures: `" + getOr(summary, "removed_failure_count", "0") + "`",
                "- Artifact drift: `" + getOr(summary, "artifact_drift_count", "0") + "`",
                "- Unsafe artifact exclusions: `" + getOr(summary, "unsafe_artifact_exclusion_count", "0") + "`",
                "",
                "## Metric Deltas",
                "",
                "| Metric | Baseline | Candidate | Delta | Status |",
                "| --- | ---: | ---: | ---: | --- |"));
        if (PyValues.truthy(payload.get("metric_deltas"))) {
            for (JsonObject metric : objects(payload.get("metric_deltas"))) {
                lines.add("| `" + str(metric.get("metric")) + "` | " + number(metric.get("baseline")) + " | "
                        + number(metric.get("candidate")) + " | " + number(metric.get("delta")) + " | `"
                        + str(metric.get("status")) + "` |");
            }
        } else {
            lines.add("| none |  |  |  | `unchanged` |");
        }
        lines.addAll(List.of(
                "",
                "## Budget Status",
                "",
                "- Baseline: `" + getOr(budget, "baseline_status", "not-recorded") + "`; Candidate: `"
                        + getOr(budget, "candidate_status", "not-recorded") + "`; Status: `"
                        + getOr(budget, "status", "not-recorded") + "`",
                "",
                "## Failures",
                "",
                "- New failures: " + orNone(markdownJoin(failures.get("new_failures"))),
                "- Removed failures: " + orNone(markdownJoin(failures.get("removed_failures"))),
                "",
                "## Artifact Drift",
                "",
                "- Added safe artifacts: " + orNone(markdownJoin(artifacts.get("added"))),
                "- Removed safe artifacts: " + orNone(markdownJoin(artifacts.get("removed"))),
                "- Changed safe artifacts: " + orNone(markdownJoin(artifacts.get("changed"))),
                "- Unsafe artifacts excluded from rendered reports: `" + getOr(artifacts, "excluded_unsafe_count", "0")
                        + "`",
                "",
                "## Provenance Differences",
                "",
                "- Differences: " + orNone(markdownJoin(provenance.get("differences")))));
        return String.join("\n", lines);
    }

    /** CSV ({@code \r\n} rows, minimal quoting, stripped): one line per row. */
    public static String toCsv(JsonObject payload) {
        List<List<String>> out = new ArrayList<>();
        if (isRegression(payload)) {
            List<String> fields = List.of("category", "name", "status", "baseline", "candidate", "delta", "detail");
            out.add(fields);
            for (JsonObject row : objects(payload.get("rows"))) {
                out.add(fields.stream().map(f -> csvValue(row.get(f))).toList());
            }
            return csv(out);
        }
        String kind = str(payload.get("kind"));
        List<String> fields = switch (kind) {
            case "benchmark" ->
                List.of(
                        "run_id",
                        "created_at",
                        "command",
                        "provider",
                        "capability",
                        "operation",
                        "fixture_digest",
                        "suite_version",
                        "budget_ref",
                        "budget_passed",
                        "iterations",
                        "success_count",
                        "error_count",
                        "retry_count",
                        "average_latency_ms",
                        "delta_average_latency_ms",
                        "p95_latency_ms",
                        "throughput_per_second",
                        "event_count",
                        "artifact_refs_json",
                        "provenance_refs_json");
            case "eval" ->
                List.of(
                        "run_id",
                        "created_at",
                        "command",
                        "provider",
                        "capability",
                        "suite_id",
                        "fixture_digest",
                        "suite_version",
                        "average_score",
                        "delta_average_score",
                        "scenario_count",
                        "passed_scenario_count",
                        "failed_scenario_count",
                        "event_count",
                        "artifact_refs_json",
                        "provenance_refs_json");
            default ->
                List.of(
                        "run_id",
                        "created_at",
                        "command",
                        "provider",
                        "workflow",
                        "status",
                        "safe_to_attach",
                        "summary",
                        "artifact_refs_json",
                        "provenance_refs_json");
        };
        Map<String, JsonObject> runs = new HashMap<>();
        for (JsonObject run : objects(payload.get("runs"))) {
            runs.put(str(run.get("run_id")), run);
        }
        out.add(fields);
        for (JsonObject row : objects(payload.get("rows"))) {
            JsonObject run = Objects.requireNonNull(runs.get(str(row.get("run_id"))), "run of row");
            List<String> values = new ArrayList<>();
            for (String field : fields) {
                values.add(
                        switch (field) {
                            case "created_at" -> csvValue(run.get("created_at"));
                            case "command" -> csvValue(run.get("command"));
                            case "artifact_refs_json" -> Json.write(orNull(run.get("artifact_refs")));
                            case "provenance_refs_json" -> Json.write(orNull(run.get("provenance_refs")));
                            default -> row.has(field) ? csvValue(row.get(field)) : "";
                        });
            }
            out.add(values);
        }
        return csv(out);
    }

    /**
     * A static HTML page ({@code WorldForge Run Comparison: <kind>} or {@code WorldForge
     * Regression Comparison: <kind>}) with a summary, the regression summary, the runs and every
     * row (columns: the union of row keys in first-seen order).
     */
    public static String toHtml(JsonObject payload) {
        String kind = PyValues.truthy(payload.get("kind")) ? str(payload.get("kind")) : "comparison";
        String mode = PyValues.truthy(payload.get("mode")) ? str(payload.get("mode")) : "comparison";
        String title = mode.equals("regression")
                ? "WorldForge Regression Comparison: " + kind
                : "WorldForge Run Comparison: " + kind;
        List<String> body = new ArrayList<>();
        body.add(HtmlDocument.heading(1, title));
        body.add(HtmlDocument.summaryList(List.of(
                entry("Kind", payload.get("kind")),
                new AbstractMap.SimpleImmutableEntry<>("Mode", mode),
                entry("Schema version", payload.get("schema_version")),
                entry("Baseline run id", payload.get("baseline_run_id")),
                entry("Candidate run id", payload.get("candidate_run_id")),
                entry("Run count", payload.get("run_count")),
                entry("Claim boundary", payload.get("claim_boundary")))));
        if (payload.get("regression_summary") instanceof JsonObject summary) {
            body.add("<h2>Regression Summary</h2>");
            List<Map.Entry<String, @Nullable String>> items = new ArrayList<>();
            new TreeMap<>(summary.members()).forEach((key, value) -> items.add(entry(key, value)));
            body.add(HtmlDocument.summaryList(items));
        }
        List<JsonObject> runs = objects(payload.get("runs"));
        if (!list(payload.get("runs")).isEmpty()) {
            body.add("<h2>Runs</h2>");
            List<List<String>> rows = new ArrayList<>();
            for (JsonObject run : runs) {
                rows.add(List.of(
                        cell(run, "run_id"),
                        cell(run, "created_at"),
                        cell(run, "status"),
                        cell(run, "provider"),
                        cell(run, "operation"),
                        cell(run, "command")));
            }
            body.add(HtmlDocument.table(List.of("Run", "Created", "Status", "Provider", "Operation", "Command"), rows));
        }
        if (!list(payload.get("rows")).isEmpty()) {
            body.add("<h2>Comparison Rows</h2>");
            List<JsonObject> rows = objects(payload.get("rows"));
            List<String> keys = new ArrayList<>();
            for (JsonObject row : rows) {
                for (String key : row.keys()) {
                    if (!keys.contains(key)) {
                        keys.add(key);
                    }
                }
            }
            List<List<String>> cells = new ArrayList<>();
            for (JsonObject row : rows) {
                cells.add(keys.stream()
                        .map(key -> row.has(key) ? str(row.get(key)) : "")
                        .toList());
            }
            body.add(HtmlDocument.table(keys, cells));
        }
        return HtmlDocument.document(title, String.join("\n", body), null);
    }

    private static Map.Entry<String, @Nullable String> entry(String label, @Nullable JsonValue value) {
        // The reference skips only None and "" (0 and False are shown).
        String text = value == null || value instanceof JsonNull ? null : str(value);
        return new AbstractMap.SimpleImmutableEntry<>(label, text);
    }

    private static String cell(JsonObject run, String key) {
        return run.has(key) ? str(run.get(key)) : "-";
    }

    // ------------------------------------------------------------------------------------------
    // Context

    /** The per-run comparison context. */
    private record Context(
            String runId,
            List<String> providers,
            List<String> operations,
            List<String> capabilities,
            @Nullable String fixtureDigest,
            @Nullable String suiteVersion,
            @Nullable String budgetRef,
            @Nullable Boolean budgetPassed,
            long eventCount,
            @Nullable String skipReason,
            List<String> missingEvidence) {}

    private static Context context(PreservedRunReport report) {
        JsonObject provenance = object(report.report().get("provenance"));
        JsonObject runMetadata = object(report.report().get("run_metadata"));
        JsonObject inputSummary = object(report.manifest().get("input_summary"));
        JsonObject resultSummary = object(report.manifest().get("result_summary"));
        List<String> providers = firstNonEmpty(
                strings(provenance.get("providers")),
                reportProviders(report),
                strings(inputSummary.get("providers")),
                stringsOf(single(report.manifest().get("provider"))));
        List<String> operations = firstNonEmpty(
                reportOperations(report),
                strings(inputSummary.get("operations")),
                stringsOf(single(report.manifest().get("operation"))));
        List<String> capabilities = firstNonEmpty(
                strings(provenance.get("capabilities")),
                strings(inputSummary.get("capabilities")),
                report.kind().equals("benchmark") ? operations : List.of());
        JsonObject budgetFile = object(provenance.get("budget_file"));
        if (budgetFile.isEmpty()) {
            budgetFile = object(runMetadata.get("budget_file"));
        }
        String fixture = fixtureDigest(report, provenance, runMetadata);
        String suiteVersion = optionalText(provenance.get("suite_version"));
        Boolean budgetPassed = budgetPassed(report.report(), resultSummary);
        List<String> missing = new ArrayList<>();
        boolean measured = report.kind().equals("benchmark") || report.kind().equals("eval");
        if (measured && capabilities.isEmpty()) {
            missing.add("capability");
        }
        if (measured && fixture == null) {
            missing.add("fixture_digest");
        }
        if (measured && suiteVersion == null) {
            missing.add("suite_version");
        }
        if (report.kind().equals("benchmark") && budgetPassed == null) {
            missing.add("budget_status");
        }
        return new Context(
                report.runId(),
                providers,
                operations,
                capabilities,
                fixture,
                suiteVersion,
                budgetRef(budgetFile),
                budgetPassed,
                contextEventCount(report, provenance),
                skipReason(report.manifest(), resultSummary),
                missing);
    }

    @SafeVarargs
    private static List<String> firstNonEmpty(List<String>... candidates) {
        for (List<String> candidate : candidates) {
            if (!candidate.isEmpty()) {
                return candidate;
            }
        }
        return List.of();
    }

    private static List<JsonValue> single(@Nullable JsonValue value) {
        List<JsonValue> out = new ArrayList<>();
        out.add(orNull(value));
        return out;
    }

    private static List<String> stringsOf(List<JsonValue> values) {
        return PyValues.strings(values);
    }

    private static List<String> reportProviders(PreservedRunReport report) {
        String field = report.kind().equals("benchmark") ? "results" : "provider_summaries";
        List<JsonValue> values = new ArrayList<>();
        for (JsonObject item : objects(report.report().get(field))) {
            values.add(orNull(item.get("provider")));
        }
        return stringsOf(values);
    }

    private static List<String> reportOperations(PreservedRunReport report) {
        if (report.kind().equals("benchmark")) {
            List<JsonValue> values = new ArrayList<>();
            for (JsonObject item : objects(report.report().get("results"))) {
                values.add(orNull(item.get("operation")));
            }
            return stringsOf(values);
        }
        if (report.kind().equals("demo_showcase")) {
            JsonValue workflow = object(report.manifest().get("input_summary")).get("workflow");
            return stringsOf(List.of(orNull(workflow), orNull(report.manifest().get("operation"))));
        }
        String suiteId = optionalText(report.report().get("suite_id"));
        return suiteId == null ? List.of() : List.of(suiteId);
    }

    private static @Nullable String fixtureDigest(
            PreservedRunReport report, JsonObject provenance, JsonObject runMetadata) {
        String fromInputFile =
                PyValues.normalizedDigest(object(runMetadata.get("input_file")).get("sha256"));
        if (fromInputFile != null) {
            return fromInputFile;
        }
        for (JsonValue source : List.of(
                orNull(report.manifest().get("input_digest")),
                orNull(object(report.manifest().get("input_summary")).get("input_digest")),
                orNull(provenance.get("input_digest")))) {
            String digest = PyValues.normalizedDigest(source);
            if (digest != null) {
                return digest;
            }
        }
        return null;
    }

    private static @Nullable String budgetRef(JsonObject budgetFile) {
        String path = optionalText(budgetFile.get("path"));
        if (path == null) {
            return null;
        }
        String digest = PyValues.normalizedDigest(budgetFile.get("sha256"));
        return digest == null ? path : path + "#" + digest;
    }

    private static @Nullable Boolean budgetPassed(JsonObject report, JsonObject resultSummary) {
        for (JsonValue value : List.of(
                orNull(resultSummary.get("budget_passed")),
                orNull(object(report.get("budget")).get("passed")),
                orNull(object(report.get("gate")).get("passed")))) {
            if (value instanceof JsonBool b) {
                return b.value();
            }
        }
        return null;
    }

    private static long contextEventCount(PreservedRunReport report, JsonObject provenance) {
        for (JsonValue value : List.of(
                orNull(provenance.get("event_count")), orNull(report.manifest().get("event_count")))) {
            if (value instanceof JsonInt i) {
                return Math.max(i.value().longValue(), 0);
            }
            if (value instanceof JsonBool b) {
                return b.value() ? 1 : 0;
            }
        }
        return 0;
    }

    private static @Nullable String skipReason(JsonObject manifest, JsonObject resultSummary) {
        for (JsonValue value : List.of(
                orNull(manifest.get("skip_reason")),
                orNull(resultSummary.get("skip_reason")),
                orNull(resultSummary.get("reason")))) {
            String text = optionalText(value);
            if (text != null) {
                return text;
            }
        }
        if (JsonString.of("skipped").equals(manifest.get("status"))) {
            return "run status is skipped";
        }
        return null;
    }

    private static void ensureCompatible(String kind, List<Context> contexts) {
        ensureMatching(kind, contexts, "operation", c -> fieldValue(c.operations()));
        ensureMatching(kind, contexts, "capability", c -> fieldValue(c.capabilities()));
        ensureMatching(kind, contexts, "fixture digest", c -> fieldValue(c.fixtureDigest()));
        ensureMatching(kind, contexts, "suite version", c -> fieldValue(c.suiteVersion()));
        ensureMatching(kind, contexts, "budget", c -> fieldValue(c.budgetRef()));
    }

    private static void ensureMatching(
            String kind,
            List<Context> contexts,
            String label,
            java.util.function.Function<Context, @Nullable String> field) {
        List<String> details = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        for (Context context : contexts) {
            String value = field.apply(context);
            if (value != null) {
                details.add(context.runId() + ":" + value);
                distinct.add(value);
            }
        }
        if (distinct.size() > 1) {
            throw new WorldForgeException("Cannot compare incompatible " + kind + " runs: " + label + " mismatch ("
                    + String.join(", ", details) + ").");
        }
    }

    private static @Nullable String fieldValue(List<String> values) {
        List<String> normalized =
                values.stream().filter(v -> !v.isEmpty()).sorted().toList();
        return normalized.isEmpty() ? null : String.join(",", normalized);
    }

    private static @Nullable String fieldValue(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = PyStrings.strip(value);
        return stripped.isEmpty() ? null : stripped;
    }

    private static JsonObject sharedContext(String kind, List<Context> contexts) {
        List<List<String>> budgetRefs = new ArrayList<>();
        for (Context context : contexts) {
            if (context.budgetRef() != null && !context.budgetRef().isEmpty()) {
                budgetRefs.add(List.of(context.budgetRef()));
            }
        }
        return JsonObject.builder(8)
                .put("kind", kind)
                .put(
                        "providers",
                        jsonStrings(PyValues.sortedUnion(
                                contexts.stream().map(Context::providers).toList())))
                .put(
                        "capabilities",
                        jsonStrings(PyValues.sortedUnion(
                                contexts.stream().map(Context::capabilities).toList())))
                .put(
                        "operations",
                        jsonStrings(PyValues.sortedUnion(
                                contexts.stream().map(Context::operations).toList())))
                .putNullable(
                        "fixture_digest",
                        firstNonNull(
                                contexts.stream().map(Context::fixtureDigest).toList()))
                .putNullable(
                        "suite_version",
                        firstNonNull(
                                contexts.stream().map(Context::suiteVersion).toList()))
                .put("budget_refs", jsonStrings(PyValues.sortedUnion(budgetRefs)))
                .put(
                        "missing_evidence",
                        jsonStrings(PyValues.sortedUnion(
                                contexts.stream().map(Context::missingEvidence).toList())))
                .build();
    }

    private static @Nullable String firstNonNull(List<@Nullable String> values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String claimBoundary(List<PreservedRunReport> reports) {
        List<String> boundaries = new ArrayList<>();
        for (PreservedRunReport report : reports) {
            for (JsonValue value : List.of(
                    orNull(report.report().get("claim_boundary")),
                    orNull(object(report.report().get("provenance")).get("claim_boundary")))) {
                String text = optionalText(value);
                if (text != null && !boundaries.contains(text)) {
                    boundaries.add(text);
                }
            }
        }
        if (boundaries.size() == 1) {
            return boundaries.get(0);
        }
        if (!boundaries.isEmpty()) {
            return "Run-specific claim boundaries differ; this comparison is limited to preserved WorldForge"
                    + " artifacts. Boundaries: " + String.join(" | ", boundaries);
        }
        return "This comparison is limited to preserved WorldForge run artifacts with matching capability,"
                + " operation, fixture, budget, and suite context; it is not a public leaderboard or cross-task"
                + " ranking.";
    }

    // ------------------------------------------------------------------------------------------
    // Runs and artifacts

    private record SafeArtifacts(Map<String, JsonObject> safe, int excluded) {}

    private static JsonObject runSummary(PreservedRunReport report, Context context) {
        SafeArtifacts artifacts = safeArtifacts(report);
        List<JsonValue> artifactRefs = new ArrayList<>();
        JsonObject.Builder safe = JsonObject.builder(artifacts.safe().size());
        artifacts.safe().forEach((label, summary) -> {
            artifactRefs.add(Objects.requireNonNull(summary.get("path")));
            safe.put(label, summary);
        });
        JsonObject manifest = report.manifest();
        return JsonObject.builder(21)
                .put("run_id", report.runId())
                .put("created_at", textOf(manifest.get("created_at")))
                .put("status", textOf(manifest.get("status")))
                .put("command", textOf(manifest.get("command")))
                .put("provider", textOf(manifest.get("provider")))
                .put("operation", textOf(manifest.get("operation")))
                .put("path", report.runPath().toString())
                .put("report_path", report.reportPath().toString())
                .put("artifact_refs", JsonArray.copyOf(artifactRefs))
                .put("safe_artifacts", safe.build())
                .put("excluded_unsafe_artifact_count", artifacts.excluded())
                .put("provenance_refs", jsonStrings(provenanceRefs(report)))
                .put("providers", jsonStrings(context.providers()))
                .put("capabilities", jsonStrings(context.capabilities()))
                .put("operations", jsonStrings(context.operations()))
                .putNullable("fixture_digest", context.fixtureDigest())
                .putNullable("suite_version", context.suiteVersion())
                .putNullable("budget_ref", context.budgetRef())
                .put(
                        "budget_passed",
                        context.budgetPassed() == null ? JsonNull.INSTANCE : JsonBool.of(context.budgetPassed()))
                .putNullable("skip_reason", context.skipReason())
                .put("missing_evidence", jsonStrings(context.missingEvidence()))
                .put("event_count", context.eventCount())
                .build();
    }

    /** Python {@code str(manifest.get(key, ""))}. */
    private static String textOf(@Nullable JsonValue value) {
        return value == null ? "" : str(value);
    }

    private static List<String> provenanceRefs(PreservedRunReport report) {
        List<String> refs = new ArrayList<>();
        if (report.report().get("run_metadata") instanceof JsonObject runMetadata) {
            for (String key : List.of("input_file", "budget_file")) {
                if (runMetadata.get(key) instanceof JsonObject value && value.get("path") instanceof JsonString path) {
                    if (value.get("sha256") instanceof JsonString sha) {
                        refs.add(key + ":" + path.value() + "#" + sha.value());
                    } else {
                        refs.add(key + ":" + path.value());
                    }
                }
            }
        }
        if (report.manifest().get("input_summary") instanceof JsonObject inputSummary) {
            for (String key : List.of("suite_id", "providers", "operations")) {
                if (inputSummary.has(key)) {
                    refs.add(key + ":" + Json.write(Objects.requireNonNull(inputSummary.get(key))));
                }
            }
        }
        return refs;
    }

    private static SafeArtifacts safeArtifacts(PreservedRunReport report) {
        if (!(report.manifest().get("artifact_paths") instanceof JsonObject artifactPaths)) {
            return new SafeArtifacts(Map.of(), 0);
        }
        Map<String, JsonObject> safe = new LinkedHashMap<>();
        int excluded = 0;
        for (Map.Entry<String, JsonValue> entry : new TreeMap<>(artifactPaths.members()).entrySet()) {
            if (!(entry.getValue() instanceof JsonString rawValue)) {
                excluded++;
                continue;
            }
            String raw = rawValue.value();
            String posix = raw;
            List<String> parts = List.of(posix.split("/"));
            String name = parts.isEmpty() ? "" : lastNonEmpty(parts);
            String suffix = suffix(name).toLowerCase(java.util.Locale.ROOT);
            if (PyStrings.strip(raw).isEmpty()
                    || posix.startsWith("/")
                    || parts.contains("..")
                    || !SAFE_SUFFIXES.contains(suffix)) {
                excluded++;
                continue;
            }
            Path artifact = report.runPath().resolve(raw);
            JsonObject.Builder summary = JsonObject.builder(6)
                    .put("label", entry.getKey())
                    .put("path", raw)
                    .put("suffix", suffix.substring(1))
                    .put("exists", Files.isRegularFile(artifact));
            if (Files.isRegularFile(artifact)) {
                try {
                    summary.put("size_bytes", Files.size(artifact)).put("sha256", Sha256Hex.ofFile(artifact));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                summary.put("size_bytes", JsonNull.INSTANCE).put("sha256", JsonNull.INSTANCE);
            }
            safe.put(entry.getKey(), summary.build());
        }
        return new SafeArtifacts(safe, excluded);
    }

    private static String lastNonEmpty(List<String> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            if (!parts.get(i).isEmpty() && !parts.get(i).equals(".")) {
                return parts.get(i);
            }
        }
        return "";
    }

    /** Python {@code PurePath(name).suffix}. */
    private static String suffix(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 ? name.substring(dot) : "";
    }

    // ------------------------------------------------------------------------------------------
    // Rows

    private static List<JsonValue> benchmarkRows(List<PreservedRunReport> reports, List<Context> contexts) {
        Map<List<String>, @Nullable Double> baseline = new HashMap<>();
        Map<String, @Nullable Double> baselineByOperation = new HashMap<>();
        List<JsonValue> rows = new ArrayList<>();
        for (int index = 0; index < reports.size(); index++) {
            PreservedRunReport report = reports.get(index);
            Context context = contexts.get(index);
            for (JsonObject result : objects(report.report().get("results"))) {
                String provider = textOf(result.get("provider"));
                String operation = textOf(result.get("operation"));
                List<String> key = List.of(provider, operation);
                Double avg = optionalFloat(result.get("average_latency_ms"));
                if (index == 0) {
                    baseline.put(key, avg);
                    if (!baselineByOperation.containsKey(operation)) {
                        baselineByOperation.put(operation, avg);
                    }
                }
                Double baselineAvg = baseline.containsKey(key) ? baseline.get(key) : baselineByOperation.get(operation);
                long eventCount = resultEventCount(result);
                rows.add(JsonObject.builder(17)
                        .put("run_id", report.runId())
                        .put("provider", provider)
                        .put("capability", rowCapability(context, operation))
                        .put("operation", operation)
                        .putNullable("fixture_digest", context.fixtureDigest())
                        .putNullable("suite_version", context.suiteVersion())
                        .putNullable("budget_ref", context.budgetRef())
                        .put(
                                "budget_passed",
                                context.budgetPassed() == null
                                        ? JsonNull.INSTANCE
                                        : JsonBool.of(context.budgetPassed()))
                        .put("iterations", toInt(result.get("iterations")))
                        .put("success_count", toInt(result.get("success_count")))
                        .put("error_count", toInt(result.get("error_count")))
                        .put("retry_count", toInt(result.get("retry_count")))
                        .put("average_latency_ms", floatOrNull(avg))
                        .put(
                                "delta_average_latency_ms",
                                avg == null || baselineAvg == null
                                        ? JsonNull.INSTANCE
                                        : JsonFloat.of(avg - baselineAvg))
                        .put("p95_latency_ms", floatOrNull(optionalFloat(result.get("p95_latency_ms"))))
                        .put("throughput_per_second", floatOrNull(optionalFloat(result.get("throughput_per_second"))))
                        .put("event_count", eventCount != 0 ? eventCount : context.eventCount())
                        .build());
            }
        }
        return rows;
    }

    private static List<JsonValue> evaluationRows(List<PreservedRunReport> reports, List<Context> contexts) {
        Map<String, @Nullable Double> baseline = new HashMap<>();
        Double baselineAverage = null;
        List<JsonValue> rows = new ArrayList<>();
        for (int index = 0; index < reports.size(); index++) {
            PreservedRunReport report = reports.get(index);
            Context context = contexts.get(index);
            for (JsonObject summary : objects(report.report().get("provider_summaries"))) {
                String provider = textOf(summary.get("provider"));
                Double avg = optionalFloat(summary.get("average_score"));
                if (index == 0) {
                    baseline.put(provider, avg);
                    if (baselineAverage == null) {
                        baselineAverage = avg;
                    }
                }
                Double baselineAvg = baseline.containsKey(provider) ? baseline.get(provider) : baselineAverage;
                String suiteId = optionalText(report.report().get("suite_id"));
                if (suiteId == null) {
                    suiteId = context.operations().isEmpty()
                            ? ""
                            : context.operations().get(0);
                }
                rows.add(JsonObject.builder(12)
                        .put("run_id", report.runId())
                        .put("provider", provider)
                        .put("capability", rowCapability(context, ""))
                        .put("suite_id", suiteId)
                        .putNullable("fixture_digest", context.fixtureDigest())
                        .putNullable("suite_version", context.suiteVersion())
                        .put("average_score", floatOrNull(avg))
                        .put(
                                "delta_average_score",
                                avg == null || baselineAvg == null
                                        ? JsonNull.INSTANCE
                                        : JsonFloat.of(avg - baselineAvg))
                        .put("scenario_count", toInt(summary.get("scenario_count")))
                        .put("passed_scenario_count", toInt(summary.get("passed_scenario_count")))
                        .put("failed_scenario_count", toInt(summary.get("failed_scenario_count")))
                        .put("event_count", context.eventCount())
                        .build());
            }
        }
        return rows;
    }

    private static List<JsonValue> demoRows(List<PreservedRunReport> reports, List<Context> contexts) {
        List<JsonValue> rows = new ArrayList<>();
        for (int index = 0; index < reports.size(); index++) {
            PreservedRunReport report = reports.get(index);
            Context context = contexts.get(index);
            JsonValue status = report.report().has("status")
                    ? report.report().get("status")
                    : report.manifest().get("status");
            rows.add(JsonObject.builder(7)
                    .put("run_id", report.runId())
                    .put("provider", textOf(report.manifest().get("provider")))
                    .put("workflow", demoWorkflow(report, context.operations()))
                    .put("status", textOf(status))
                    .put("safe_to_attach", demoSafe(report))
                    .put("summary", textOf(report.report().get("summary")))
                    .put("event_count", context.eventCount())
                    .build());
        }
        return rows;
    }

    private static boolean demoSafe(PreservedRunReport report) {
        if (report.report().has("safe_to_attach")) {
            return PyValues.truthy(report.report().get("safe_to_attach"));
        }
        return PyValues.truthy(object(report.manifest().get("result_summary")).get("safe_to_attach"));
    }

    private static String demoWorkflow(PreservedRunReport report, List<String> operations) {
        JsonObject inputSummary = object(report.manifest().get("input_summary"));
        for (JsonValue value : List.of(
                orNull(inputSummary.get("workflow")), orNull(report.manifest().get("operation")))) {
            String text = optionalText(value);
            if (text != null) {
                return text;
            }
        }
        return operations.isEmpty() ? "" : operations.get(0);
    }

    private static String rowCapability(Context context, String fallback) {
        return context.capabilities().isEmpty() ? fallback : String.join(",", context.capabilities());
    }

    private static long resultEventCount(JsonObject result) {
        if (!(result.get("operation_metrics") instanceof JsonObject metrics)) {
            return 0;
        }
        long total = 0;
        for (JsonObject event : objects(metrics.get("events"))) {
            total += toInt(event.get("request_count"));
        }
        return total;
    }

    private static JsonValue floatOrNull(@Nullable Double value) {
        return value == null ? JsonNull.INSTANCE : JsonFloat.of(value);
    }

    // ------------------------------------------------------------------------------------------
    // Regression

    private static List<JsonObject> metricDeltas(
            String kind, PreservedRunReport baseline, PreservedRunReport candidate) {
        Map<String, @Nullable Double> before;
        Map<String, @Nullable Double> after;
        Map<String, Boolean> specs = new LinkedHashMap<>();
        if (kind.equals("benchmark")) {
            before = benchmarkMetrics(baseline);
            after = benchmarkMetrics(candidate);
            specs.put("average_latency_ms", false);
            specs.put("p95_latency_ms", false);
            specs.put("throughput_per_second", true);
            specs.put("error_count", false);
            specs.put("retry_count", false);
            specs.put("success_count", true);
        } else if (kind.equals("eval")) {
            before = evaluationMetrics(baseline);
            after = evaluationMetrics(candidate);
            specs.put("average_score", true);
            specs.put("pass_rate", true);
            specs.put("passed_scenario_count", true);
            specs.put("failed_scenario_count", false);
        } else {
            before = Map.of("safe_to_attach", demoSafe(baseline) ? 1.0 : 0.0);
            after = Map.of("safe_to_attach", demoSafe(candidate) ? 1.0 : 0.0);
            specs.put("safe_to_attach", true);
        }
        List<JsonObject> deltas = new ArrayList<>();
        for (Map.Entry<String, Boolean> spec : specs.entrySet()) {
            Double b = before.get(spec.getKey());
            Double c = after.get(spec.getKey());
            if (b == null && c == null) {
                continue;
            }
            Double delta = b == null || c == null ? null : c - b;
            deltas.add(JsonObject.builder(6)
                    .put("metric", spec.getKey())
                    .put("baseline", floatOrNull(b))
                    .put("candidate", floatOrNull(c))
                    .put("delta", floatOrNull(delta))
                    .put("higher_is_better", spec.getValue())
                    .put("status", deltaStatus(delta, spec.getValue()))
                    .build());
        }
        return deltas;
    }

    private static Map<String, @Nullable Double> benchmarkMetrics(PreservedRunReport report) {
        List<JsonObject> results = objects(report.report().get("results"));
        Map<String, @Nullable Double> out = new HashMap<>();
        if (results.isEmpty()) {
            return out;
        }
        out.put("average_latency_ms", mean(results, "average_latency_ms"));
        out.put("p95_latency_ms", mean(results, "p95_latency_ms"));
        out.put("throughput_per_second", mean(results, "throughput_per_second"));
        out.put("error_count", (double) sum(results, "error_count"));
        out.put("retry_count", (double) sum(results, "retry_count"));
        out.put("success_count", (double) sum(results, "success_count"));
        return out;
    }

    private static Map<String, @Nullable Double> evaluationMetrics(PreservedRunReport report) {
        List<JsonObject> summaries = objects(report.report().get("provider_summaries"));
        Map<String, @Nullable Double> out = new HashMap<>();
        if (summaries.isEmpty()) {
            return out;
        }
        long scenarios = sum(summaries, "scenario_count");
        long passed = sum(summaries, "passed_scenario_count");
        long failed = sum(summaries, "failed_scenario_count");
        out.put("average_score", mean(summaries, "average_score"));
        out.put("pass_rate", scenarios <= 0 ? null : (double) passed / scenarios);
        out.put("passed_scenario_count", (double) passed);
        out.put("failed_scenario_count", (double) failed);
        return out;
    }

    private static @Nullable Double mean(List<JsonObject> items, String field) {
        double total = 0.0;
        int count = 0;
        for (JsonObject item : items) {
            Double value = optionalFloat(item.get(field));
            if (value != null) {
                total += value;
                count++;
            }
        }
        return count == 0 ? null : total / count;
    }

    private static long sum(List<JsonObject> items, String field) {
        long total = 0;
        for (JsonObject item : items) {
            total += toInt(item.get(field));
        }
        return total;
    }

    private static String deltaStatus(@Nullable Double delta, boolean higherIsBetter) {
        if (delta == null || delta == 0.0) {
            return "unchanged";
        }
        if (higherIsBetter) {
            return delta > 0 ? "improved" : "regressed";
        }
        return delta < 0 ? "improved" : "regressed";
    }

    private static JsonObject budgetChanges(List<Context> contexts) {
        Boolean baseline = contexts.get(0).budgetPassed();
        Boolean candidate = contexts.get(1).budgetPassed();
        String status;
        if (Boolean.FALSE.equals(candidate) && !Boolean.FALSE.equals(baseline)) {
            status = "budget-violation";
        } else if (Boolean.FALSE.equals(baseline) && Boolean.TRUE.equals(candidate)) {
            status = "improved";
        } else if (Objects.equals(baseline, candidate)) {
            status = "unchanged";
        } else {
            status = "changed";
        }
        return JsonObject.builder(5)
                .put("status", status)
                .put("baseline_status", budgetStatus(baseline))
                .put("candidate_status", budgetStatus(candidate))
                .putNullable("baseline_budget_ref", contexts.get(0).budgetRef())
                .putNullable("candidate_budget_ref", contexts.get(1).budgetRef())
                .build();
    }

    private static String budgetStatus(@Nullable Boolean value) {
        if (value == null) {
            return "not-recorded";
        }
        return value ? "passed" : "failed";
    }

    private static JsonObject failureChanges(PreservedRunReport baseline, PreservedRunReport candidate) {
        Set<String> before = new TreeSet<>(failureFingerprints(baseline));
        Set<String> after = new TreeSet<>(failureFingerprints(candidate));
        List<String> added = after.stream().filter(f -> !before.contains(f)).toList();
        List<String> removed = before.stream().filter(f -> !after.contains(f)).toList();
        String status = !added.isEmpty() ? "new-failures" : !removed.isEmpty() ? "improved" : "unchanged";
        return JsonObject.builder(5)
                .put("status", status)
                .put("new_failures", jsonStrings(added))
                .put("removed_failures", jsonStrings(removed))
                .put("baseline_failure_count", before.size())
                .put("candidate_failure_count", after.size())
                .build();
    }

    private static List<String> failureFingerprints(PreservedRunReport report) {
        Set<String> failures = new TreeSet<>();
        JsonObject manifest = report.manifest();
        JsonObject resultSummary = object(manifest.get("result_summary"));
        String status = str(manifest.get("status"));
        if (Set.of("failed", "cancelled", "skipped").contains(status)) {
            String reason = firstText(
                    resultSummary.get("failure_reason"), resultSummary.get("skip_reason"), resultSummary.get("reason"));
            failures.add("run:" + status + ":" + (reason == null ? status : reason));
        }
        if (report.kind().equals("benchmark")) {
            for (JsonObject result : objects(report.report().get("results"))) {
                String operation = textOf(result.get("operation"));
                for (JsonValue error : list(result.get("errors"))) {
                    failures.add("benchmark:" + operation + ":" + failureText(error));
                }
                long errorCount = toInt(result.get("error_count"));
                if (errorCount != 0 && !PyValues.truthy(result.get("errors"))) {
                    failures.add("benchmark:" + operation + ":error_count=" + errorCount);
                }
            }
        } else if (report.kind().equals("eval")) {
            for (JsonObject result : objects(report.report().get("results"))) {
                if (JsonBool.FALSE.equals(result.get("passed"))) {
                    JsonValue detail = PyValues.truthy(result.get("details"))
                            ? result.get("details")
                            : PyValues.truthy(result.get("error")) ? result.get("error") : JsonString.of("failed");
                    failures.add("eval:" + textOf(result.get("provider")) + ":" + textOf(result.get("scenario")) + ":"
                            + failureText(Objects.requireNonNull(detail)));
                }
            }
        } else if (report.kind().equals("demo_showcase") && failures.isEmpty()) {
            JsonValue demoStatus = report.report().get("status");
            String statusText = demoStatus == null ? "passed" : str(demoStatus);
            if (!statusText.equals("passed")) {
                failures.add("demo:" + demoWorkflow(report, List.of()) + ":" + str(demoStatus));
            }
        }
        return new ArrayList<>(failures);
    }

    private static @Nullable String firstText(@Nullable JsonValue... values) {
        for (JsonValue value : values) {
            String text = optionalText(value);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String failureText(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.value();
        }
        if (value instanceof JsonObject object) {
            for (String key : List.of("message", "error", "type", "reason")) {
                String text = optionalText(object.get(key));
                if (text != null) {
                    return text;
                }
            }
            return Json.write(object);
        }
        return str(value);
    }

    private static JsonObject artifactChanges(PreservedRunReport baseline, PreservedRunReport candidate) {
        SafeArtifacts before = safeArtifacts(baseline);
        SafeArtifacts after = safeArtifacts(candidate);
        List<String> changed = new ArrayList<>();
        for (String label : new TreeSet<>(before.safe().keySet())) {
            if (after.safe().containsKey(label)
                    && !signature(before.safe().get(label))
                            .equals(signature(after.safe().get(label)))) {
                changed.add(label);
            }
        }
        List<String> added = new TreeSet<>(after.safe().keySet())
                .stream().filter(l -> !before.safe().containsKey(l)).toList();
        List<String> removed = new TreeSet<>(before.safe().keySet())
                .stream().filter(l -> !after.safe().containsKey(l)).toList();
        boolean drift = !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
        return JsonObject.builder(7)
                .put("status", drift ? "changed" : "unchanged")
                .put("added", jsonStrings(added))
                .put("removed", jsonStrings(removed))
                .put("changed", jsonStrings(changed))
                .put("baseline_safe_count", before.safe().size())
                .put("candidate_safe_count", after.safe().size())
                .put("excluded_unsafe_count", before.excluded() + after.excluded())
                .build();
    }

    private static List<JsonValue> signature(@Nullable JsonObject summary) {
        JsonObject s = summary == null ? JsonObject.EMPTY : summary;
        return List.of(
                orNull(s.get("suffix")), orNull(s.get("exists")), orNull(s.get("size_bytes")), orNull(s.get("sha256")));
    }

    private static JsonObject provenanceChanges(List<JsonObject> runs, List<Context> contexts) {
        List<String> differences = new ArrayList<>();
        for (String field : List.of("provider", "operation", "command")) {
            if (!Objects.equals(runs.get(0).get(field), runs.get(1).get(field))) {
                differences.add(field);
            }
        }
        if (!Objects.equals(contexts.get(0).fixtureDigest(), contexts.get(1).fixtureDigest())) {
            differences.add("fixture_digest");
        }
        if (!Objects.equals(contexts.get(0).suiteVersion(), contexts.get(1).suiteVersion())) {
            differences.add("suite_version");
        }
        if (!Objects.equals(contexts.get(0).budgetRef(), contexts.get(1).budgetRef())) {
            differences.add("budget_ref");
        }
        return JsonObject.builder(2)
                .put("status", differences.isEmpty() ? "unchanged" : "changed")
                .put("differences", jsonStrings(differences))
                .build();
    }

    private static List<JsonValue> regressionRows(
            List<JsonObject> metricDeltas,
            JsonObject budget,
            JsonObject failures,
            JsonObject artifacts,
            JsonObject provenance) {
        List<JsonValue> rows = new ArrayList<>();
        for (JsonObject metric : metricDeltas) {
            rows.add(JsonObject.builder(7)
                    .put("category", "metric")
                    .put("name", Objects.requireNonNull(metric.get("metric")))
                    .put("status", Objects.requireNonNull(metric.get("status")))
                    .put("baseline", orNull(metric.get("baseline")))
                    .put("candidate", orNull(metric.get("candidate")))
                    .put("delta", orNull(metric.get("delta")))
                    .put(
                            "detail",
                            JsonBool.TRUE.equals(metric.get("higher_is_better"))
                                    ? "higher is better"
                                    : "lower is better")
                    .build());
        }
        JsonValue budgetRef = budget.get("candidate_budget_ref");
        rows.add(JsonObject.builder(7)
                .put("category", "budget")
                .put("name", "budget_status")
                .put("status", Objects.requireNonNull(budget.get("status")))
                .put("baseline", Objects.requireNonNull(budget.get("baseline_status")))
                .put("candidate", Objects.requireNonNull(budget.get("candidate_status")))
                .put("delta", "")
                .put("detail", PyValues.truthy(budgetRef) ? Objects.requireNonNull(budgetRef) : JsonString.EMPTY)
                .build());
        List<String> newFailures = PyValues.javaStrings(failures.get("new_failures"));
        rows.add(JsonObject.builder(7)
                .put("category", "failure")
                .put("name", "new_failures")
                .put("status", Objects.requireNonNull(failures.get("status")))
                .put("baseline", Objects.requireNonNull(failures.get("baseline_failure_count")))
                .put("candidate", Objects.requireNonNull(failures.get("candidate_failure_count")))
                .put(
                        "delta",
                        newFailures.size()
                                - list(failures.get("removed_failures")).size())
                .put("detail", String.join("; ", newFailures))
                .build());
        rows.add(JsonObject.builder(7)
                .put("category", "artifact")
                .put("name", "artifact_drift")
                .put("status", Objects.requireNonNull(artifacts.get("status")))
                .put("baseline", Objects.requireNonNull(artifacts.get("baseline_safe_count")))
                .put("candidate", Objects.requireNonNull(artifacts.get("candidate_safe_count")))
                .put(
                        "delta",
                        list(artifacts.get("added")).size()
                                - list(artifacts.get("removed")).size())
                .put("detail", "unsafe artifacts excluded from rendered reports")
                .build());
        List<String> differences = PyValues.javaStrings(provenance.get("differences"));
        rows.add(JsonObject.builder(7)
                .put("category", "provenance")
                .put("name", "provenance_differences")
                .put("status", Objects.requireNonNull(provenance.get("status")))
                .put("baseline", "")
                .put("candidate", "")
                .put("delta", differences.size())
                .put("detail", String.join("; ", differences))
                .build());
        return rows;
    }

    private static String status(JsonObject object) {
        return str(object.get("status"));
    }

    // ------------------------------------------------------------------------------------------
    // Text helpers

    private static boolean isRegression(JsonObject payload) {
        return JsonString.of("regression").equals(payload.get("mode"));
    }

    private static String orDash(@Nullable JsonValue value) {
        return PyValues.truthy(value) ? str(value) : "-";
    }

    private static String orDash(String text) {
        return text.isEmpty() ? "-" : text;
    }

    private static String orNone(String text) {
        return text.isEmpty() ? "none" : text;
    }

    private static String getOr(JsonObject object, String key, String fallback) {
        return object.has(key) ? str(object.get(key)) : fallback;
    }

    /** {@code <br>}-joined back-quoted values of a non-empty list, else {@code ""}. */
    private static String markdownJoin(@Nullable JsonValue values) {
        if (!(values instanceof JsonArray array) || array.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (JsonValue value : array) {
            parts.add("`" + str(value) + "`");
        }
        return String.join("<br>", parts);
    }

    /** Python {@code f"{float(value):.4f}"}, or {@code ""} for None. */
    private static String number(@Nullable JsonValue value) {
        if (value == null || value instanceof JsonNull) {
            return "";
        }
        Double number = optionalFloat(value);
        if (number == null) {
            throw new WorldForgeException("could not convert to float: " + str(value));
        }
        return PyFormat.fixed(number, 4);
    }

    private static String budgetLabel(JsonObject row) {
        JsonValue verdict = row.get("budget_passed");
        String status =
                JsonBool.TRUE.equals(verdict) ? "passed" : JsonBool.FALSE.equals(verdict) ? "failed" : "not recorded";
        JsonValue ref = row.get("budget_ref");
        return PyValues.truthy(ref) ? status + " `" + str(ref) + "`" : status;
    }

    private static String csvValue(@Nullable JsonValue value) {
        if (value == null || value instanceof JsonNull) {
            return "";
        }
        return str(value);
    }

    private static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                String field = row.get(i);
                if (field.indexOf(',') >= 0
                        || field.indexOf('"') >= 0
                        || field.indexOf('\r') >= 0
                        || field.indexOf('\n') >= 0) {
                    out.append('"').append(field.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(field);
                }
            }
            out.append("\r\n");
        }
        return PyStrings.strip(out.toString());
    }
}
