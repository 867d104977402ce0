package ai.worldforge.evaluation;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.report.ReportHtml;
import ai.worldforge.trace.ProvenanceEnvelope;
import ai.worldforge.trace.WorkflowStatus;
import ai.worldforge.trace.WorkflowTrace;
import ai.worldforge.trace.WorkflowTraceStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The results of one suite over one or more providers, with per-provider summaries, provenance and
 * a workflow trace, rendered as JSON, Markdown or CSV.
 */
public final class EvaluationReport {
    /** The CSV header. */
    public static final String CSV_HEADER = "suite_id,suite,provider,scenario,score,passed,metrics_json";

    private final String suiteId;
    private final String suite;
    private final List<EvaluationResult> results;
    private final List<ProviderSummary> providerSummaries;
    private final @Nullable ProvenanceEnvelope provenance;
    private final @Nullable WorkflowTrace workflowTrace;
    private final String claimBoundary;
    private final String metricSemantics;

    private EvaluationReport(Builder b) {
        this.suiteId = EvaluationScenario.requiredText(b.suiteId, "EvaluationReport suite_id");
        this.suite = EvaluationScenario.requiredText(b.suite, "EvaluationReport suite");
        for (EvaluationResult result : b.results) {
            if (!result.suiteId().equals(suiteId)) {
                throw new WorldForgeException("EvaluationReport results must share the report's suite_id (got '"
                        + result.suiteId() + "', expected '" + suiteId + "').");
            }
            if (!result.suite().equals(suite)) {
                throw new WorldForgeException("EvaluationReport results must share the report's suite name (got '"
                        + result.suite() + "', expected '" + suite + "').");
            }
        }
        this.results = List.copyOf(b.results);
        if (b.provenance != null) {
            if (!ProvenanceEnvelope.KIND_EVALUATION.equals(b.provenance.kind())) {
                throw new WorldForgeException("EvaluationReport provenance must have kind='evaluation'.");
            }
            if (!b.provenance.suiteId().equals(suiteId)) {
                throw new WorldForgeException("EvaluationReport provenance suite_id must match the report's suite_id.");
            }
        }
        this.provenance = b.provenance;
        this.workflowTrace = b.workflowTrace;
        this.claimBoundary = EvaluationScenario.requiredText(b.claimBoundary, "EvaluationReport claim_boundary");
        this.metricSemantics = EvaluationScenario.requiredText(b.metricSemantics, "EvaluationReport metric_semantics");
        this.providerSummaries = buildSummaries(results);
    }

    /** A builder; claim boundary and metric semantics default to the evaluation constants. */
    public static Builder builder(String suiteId, String suite, List<EvaluationResult> results) {
        return new Builder(suiteId, suite, results);
    }

    private static List<ProviderSummary> buildSummaries(List<EvaluationResult> results) {
        List<ProviderSummary> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        results.forEach(r -> names.add(r.provider()));
        for (String provider : names) {
            int count = 0;
            int passed = 0;
            double total = 0.0;
            for (EvaluationResult r : results) {
                if (r.provider().equals(provider)) {
                    count++;
                    total += r.score();
                    passed += r.passed() ? 1 : 0;
                }
            }
            // Python's average(): plain sum over count.
            out.add(new ProviderSummary(provider, total / count, count, passed, count - passed));
        }
        return List.copyOf(out);
    }

    /**
     * Rebuilds a report from its {@link #toJsonObject()} payload (for example one preserved in a
     * run workspace), so it can be rendered again. Provider summaries and the failure gallery are
     * recomputed from the results; {@code provenance} and {@code workflow_trace} are restored when
     * present; a missing claim boundary or metric semantics takes the evaluation default.
     *
     * @throws WorldForgeException {@code EvaluationReport payload.<key> must be ...} for a
     *     malformed field, or the validation message of a rebuilt part
     */
    public static EvaluationReport fromJson(JsonObject payload) {
        String suiteId = payloadText(payload, "suite_id");
        String suite = payloadText(payload, "suite");
        List<EvaluationResult> results = new ArrayList<>();
        JsonValue rows = payload.get("results");
        if (rows != null && !(rows instanceof JsonNull)) {
            if (!(rows instanceof JsonArray array)) {
                throw new WorldForgeException("EvaluationReport payload.results must be a list.");
            }
            for (JsonValue row : array) {
                if (!(row instanceof JsonObject result)) {
                    throw new WorldForgeException("EvaluationReport payload.results[] must be a JSON object.");
                }
                JsonValue passed = result.get("passed");
                if (!(passed instanceof JsonBool flag)) {
                    throw new WorldForgeException("EvaluationReport payload.results[].passed must be a boolean.");
                }
                JsonValue score = result.get("score");
                if (!(score instanceof JsonFloat || score instanceof JsonInt)) {
                    throw new WorldForgeException("EvaluationReport payload.results[].score must be a number.");
                }
                JsonValue metrics = result.get("metrics");
                results.add(new EvaluationResult(
                        payloadText(result, "suite_id", suiteId),
                        payloadText(result, "suite", suite),
                        payloadText(result, "scenario"),
                        payloadText(result, "provider"),
                        JsonReads.toDouble(score, "EvaluationReport payload.results[].score"),
                        flag.value(),
                        metrics == null || metrics instanceof JsonNull
                                ? JsonObject.EMPTY
                                : Checks.jsonObject(metrics, "EvaluationReport payload.results[].metrics")));
            }
        }
        Builder builder = builder(suiteId, suite, results)
                .claimBoundary(payloadText(payload, "claim_boundary", EvaluationSuite.CLAIM_BOUNDARY))
                .metricSemantics(payloadText(payload, "metric_semantics", EvaluationSuite.METRIC_SEMANTICS));
        JsonValue provenance = payload.get("provenance");
        if (provenance != null && !(provenance instanceof JsonNull)) {
            builder.provenance(ProvenanceEnvelope.fromJson(provenance));
        }
        JsonValue trace = payload.get("workflow_trace");
        if (trace != null && !(trace instanceof JsonNull)) {
            builder.workflowTrace(traceFromJson(trace));
        }
        return builder.build();
    }

    private static WorkflowTrace traceFromJson(JsonValue value) {
        if (!(value instanceof JsonObject trace)) {
            throw new WorldForgeException("EvaluationReport payload.workflow_trace must be a JSON object.");
        }
        List<WorkflowTraceStep> steps = new ArrayList<>();
        if (trace.get("steps") instanceof JsonArray array) {
            array.forEach(step -> steps.add(WorkflowTraceStep.fromJson(step)));
        }
        JsonValue schema = trace.get("schema_version");
        JsonValue metadata = trace.get("metadata");
        // The status is derived from the steps; the stored one must agree, which the record checks.
        WorkflowStatus status = WorkflowStatus.fromWireName(payloadText(trace, "status"))
                .orElseThrow(() -> new WorldForgeException(
                        "EvaluationReport payload.workflow_trace.status must be a workflow status."));
        return new WorkflowTrace(
                schema instanceof JsonInt i && i.fitsLong() ? (int) i.longValue() : -1,
                payloadText(trace, "workflow_id"),
                payloadText(trace, "name"),
                status,
                metadata instanceof JsonObject m ? m : JsonObject.EMPTY,
                steps);
    }

    private static String payloadText(JsonObject payload, String key) {
        JsonValue value = payload.get(key);
        if (!(value instanceof JsonString text)) {
            throw new WorldForgeException("EvaluationReport payload." + key + " must be a string.");
        }
        return text.value();
    }

    private static String payloadText(JsonObject payload, String key, String fallback) {
        JsonValue value = payload.get(key);
        return value == null || value instanceof JsonNull ? fallback : payloadText(payload, key);
    }

    /** The suite id. */
    public String suiteId() {
        return suiteId;
    }

    /** The suite name. */
    public String suite() {
        return suite;
    }

    /** Results in provider order, then scenario order. */
    public List<EvaluationResult> results() {
        return results;
    }

    /** Summaries sorted by provider name. */
    public List<ProviderSummary> providerSummaries() {
        return providerSummaries;
    }

    /** The provenance envelope (kind {@code evaluation}), if attached. */
    public Optional<ProvenanceEnvelope> provenance() {
        return Optional.ofNullable(provenance);
    }

    /** The workflow trace, if attached. */
    public Optional<WorkflowTrace> workflowTrace() {
        return Optional.ofNullable(workflowTrace);
    }

    /** The claim boundary. */
    public String claimBoundary() {
        return claimBoundary;
    }

    /** The metric semantics. */
    public String metricSemantics() {
        return metricSemantics;
    }

    /**
     * {@code {suite_id, suite, claim_boundary, metric_semantics, provider_summaries, results}} plus
     * {@code failure_gallery} (at most 3 cases per provider) when a scenario failed, and {@code
     * provenance} and {@code workflow_trace} when attached.
     */
    public JsonObject toJsonObject() {
        List<JsonValue> summaries = new ArrayList<>();
        providerSummaries.forEach(s -> summaries.add(s.toJson()));
        List<JsonValue> rows = new ArrayList<>();
        results.forEach(r -> rows.add(r.toJson()));
        JsonObject.Builder out = JsonObject.builder()
                .put("suite_id", suiteId)
                .put("suite", suite)
                .put("claim_boundary", claimBoundary)
                .put("metric_semantics", metricSemantics)
                .put("provider_summaries", JsonArray.copyOf(summaries))
                .put("results", JsonArray.copyOf(rows));
        EvaluationFailureGallery gallery = failureGallery();
        if (gallery.caseCount() > 0) {
            out.put("failure_gallery", gallery.toJsonObject());
        }
        if (provenance != null) {
            out.put("provenance", provenance.toJson());
        }
        if (workflowTrace != null) {
            out.put("workflow_trace", workflowTrace.toJson());
        }
        return out.build();
    }

    /** {@link #failureGallery(Integer)} with at most 3 cases per provider. */
    public EvaluationFailureGallery failureGallery() {
        return failureGallery(3);
    }

    /**
     * The failed scenarios, grouped by provider (sorted), lowest score first.
     *
     * @param maxCasesPerProvider a positive limit, or {@code null} for every failure
     * @throws WorldForgeException {@code max_cases_per_provider must be a positive integer or None.}
     */
    public EvaluationFailureGallery failureGallery(@Nullable Integer maxCasesPerProvider) {
        List<EvaluationFailureCase> cases = EvaluationFailureGallery.cases(results, maxCasesPerProvider);
        return new EvaluationFailureGallery(
                suiteId,
                suite,
                cases,
                provenance == null ? null : provenance.inputDigest().orElse(null),
                provenance == null ? null : provenance.resultDigest().orElse(null),
                provenance == null ? null : provenance.suiteVersion(),
                claimBoundary,
                metricSemantics);
    }

    /** Compact canonical JSON (the reference's {@code dump_json}). */
    public String toJson() {
        return Json.write(toJsonObject());
    }

    /** The Markdown report, starting {@code # Evaluation Report}; no trailing newline. */
    public String toMarkdown() {
        List<String> lines = new ArrayList<>();
        lines.add("# Evaluation Report");
        lines.add("");
        lines.add("Suite: " + suite + " (" + suiteId + ")");
        lines.add("");
        lines.add("Claim boundary: " + claimBoundary);
        lines.add("Metric semantics: " + metricSemantics);
        lines.add("");
        if (provenance != null) {
            provenanceLines(provenance, lines);
        }
        lines.add("| provider | average_score | passed | scenarios |");
        lines.add("| --- | ---: | ---: | ---: |");
        for (ProviderSummary s : providerSummaries) {
            lines.add("| " + s.provider() + " | " + PyFormat.fixed(s.averageScore(), 2) + " | "
                    + s.passedScenarioCount() + "/" + s.scenarioCount() + " | " + s.scenarioCount() + " |");
        }
        lines.add("");
        lines.add("| provider | scenario | score | passed |");
        lines.add("| --- | --- | ---: | ---: |");
        for (EvaluationResult r : results) {
            lines.add("| " + r.provider() + " | " + r.scenario() + " | " + PyFormat.fixed(r.score(), 2) + " | "
                    + (r.passed() ? "yes" : "no") + " |");
        }
        EvaluationFailureGallery gallery = failureGallery();
        if (gallery.caseCount() > 0) {
            lines.add("");
            lines.add("## Failure Gallery");
            lines.add("");
            lines.addAll(List.of(gallery.toMarkdown(false).split("\n", -1)));
        }
        if (workflowTrace != null) {
            lines.add("");
            lines.add("## Workflow Trace");
            lines.add("");
            List<String> traceLines = List.of(workflowTrace.toMarkdown().split("\n", -1));
            // The trace's own title and blank line are replaced by the section heading above.
            List<String> body = new ArrayList<>(traceLines.subList(Math.min(2, traceLines.size()), traceLines.size()));
            // Python's str.splitlines() drops the empty string after a final newline.
            if (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
                body.remove(body.size() - 1);
            }
            lines.addAll(body);
        }
        return String.join("\n", lines);
    }

    private static void provenanceLines(ProvenanceEnvelope p, List<String> lines) {
        lines.add("## Provenance");
        lines.add("");
        lines.add("- WorldForge version: " + p.worldforgeVersion());
        lines.add("- Suite version: " + p.suiteVersion());
        lines.add("- Created at: " + p.createdAt());
        lines.add("- Providers: " + (p.providers().isEmpty() ? "-" : String.join(", ", p.providers())));
        lines.add("- Capabilities: " + (p.capabilities().isEmpty() ? "-" : String.join(", ", p.capabilities())));
        lines.add("- Event count: " + p.eventCount());
        lines.add("- Input digest: " + p.inputDigest().orElse("-"));
        lines.add("- Result digest: " + p.resultDigest().orElse("-"));
        if (!p.runtimeManifests().isEmpty()) {
            List<String> parts = new ArrayList<>();
            new TreeMap<>(p.runtimeManifests()).forEach((k, v) -> parts.add(k + "=" + v));
            lines.add("- Runtime manifests: " + String.join(", ", parts));
        }
        p.budgetFile().ifPresent(b -> lines.add("- Budget file: " + text(b.get("path"))));
        if (!p.datasetManifests().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (JsonObject ref : p.datasetManifests()) {
                parts.add(text(ref.get("id")) + " (" + text(ref.get("sha256")) + ")");
            }
            lines.add("- Dataset manifests: " + String.join(", ", parts));
        }
        if (!p.command().isEmpty()) {
            lines.add("- Command: `" + String.join(" ", p.command()) + "`");
        }
        p.notes().ifPresent(n -> lines.add("- Notes: " + n));
        lines.add("");
    }

    private static String text(@Nullable JsonValue value) {
        return value instanceof ai.worldforge.json.JsonString s ? s.value() : String.valueOf(value);
    }

    /**
     * CSV with header {@value #CSV_HEADER}: Python {@code csv.DictWriter} defaults ({@code \r\n}
     * rows, minimal quoting), stripped.
     */
    public String toCsv() {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (EvaluationResult r : results) {
            out.append(csvField(suiteId))
                    .append(',')
                    .append(csvField(suite))
                    .append(',')
                    .append(csvField(r.provider()))
                    .append(',')
                    .append(csvField(r.scenario()))
                    .append(',')
                    .append(PyFormat.fixed(r.score(), 4))
                    .append(',')
                    .append(r.passed() ? "true" : "false")
                    .append(',')
                    .append(csvField(Json.write(r.metrics())))
                    .append("\r\n");
        }
        return out.toString().strip();
    }

    /** Python's {@code QUOTE_MINIMAL}: quote when the field holds a comma, quote or line break. */
    static String csvField(String value) {
        if (value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /**
     * A self-contained static HTML page (no script, link or anchor tags; every text escaped) with
     * the reference's sections plus inline SVG score charts; see {@link ReportHtml#evaluation}.
     */
    public String toHtml() {
        return ReportHtml.evaluation(toJsonObject());
    }

    /**
     * Named renderings: {@code json}, {@code markdown}, {@code csv}, {@code html}, {@code failure_gallery.json}
     * and {@code failure_gallery.md} (every failure), plus {@code
     * workflow_trace.json} (pretty) and {@code workflow_trace.md} when a trace is attached.
     */
    public Map<String, String> artifacts() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("json", toJson());
        out.put("markdown", toMarkdown());
        out.put("csv", toCsv());
        out.put("html", toHtml());
        EvaluationFailureGallery gallery = failureGallery(null);
        out.put("failure_gallery.json", gallery.toJson());
        out.put("failure_gallery.md", gallery.toMarkdown());
        if (workflowTrace != null) {
            out.put("workflow_trace.json", workflowTrace.toJsonText());
            out.put("workflow_trace.md", workflowTrace.toMarkdown());
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return "EvaluationReport[" + suiteId + ", " + results.size() + " results]";
    }

    /** Builder for {@link EvaluationReport}; not thread-safe. */
    public static final class Builder {
        private final String suiteId;
        private final String suite;
        private final List<EvaluationResult> results;
        private @Nullable ProvenanceEnvelope provenance;
        private @Nullable WorkflowTrace workflowTrace;
        private String claimBoundary = EvaluationSuite.CLAIM_BOUNDARY;
        private String metricSemantics = EvaluationSuite.METRIC_SEMANTICS;

        private Builder(String suiteId, String suite, List<EvaluationResult> results) {
            this.suiteId = suiteId;
            this.suite = suite;
            this.results = List.copyOf(results);
        }

        /** Attaches a provenance envelope of kind {@code evaluation}. */
        public Builder provenance(ProvenanceEnvelope value) {
            this.provenance = Objects.requireNonNull(value, "provenance");
            return this;
        }

        /** Attaches a workflow trace. */
        public Builder workflowTrace(WorkflowTrace value) {
            this.workflowTrace = Objects.requireNonNull(value, "workflowTrace");
            return this;
        }

        /** Overrides the claim boundary. */
        public Builder claimBoundary(String value) {
            this.claimBoundary = Objects.requireNonNull(value, "claimBoundary");
            return this;
        }

        /** Overrides the metric semantics. */
        public Builder metricSemantics(String value) {
            this.metricSemantics = Objects.requireNonNull(value, "metricSemantics");
            return this;
        }

        /** Validates and builds. */
        public EvaluationReport build() {
            return new EvaluationReport(this);
        }
    }
}
