package ai.worldforge.report;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Static HTML pages for evaluation and benchmark reports, rendered from their JSON payloads
 * ({@code EvaluationReport.toJsonObject()}, {@code BenchmarkReport.toJson()}) so the same code
 * serves the report objects and the {@link ReportRendererRegistry}. The structure follows the
 * reference's {@code render_evaluation_html} / {@code render_benchmark_html} (titles, sections,
 * tables, numeric columns, footer); inline SVG charts from {@link SvgCharts} are added after the
 * tables they summarise. Stateless.
 */
public final class ReportHtml {
    private ReportHtml() {}

    /**
     * The evaluation page: title {@code WorldForge Evaluation Report: <suite>}, a suite summary
     * list, the claim block, {@code Provider Summaries} (with an average-score chart), {@code
     * Scenario Results} (with a per-scenario score chart), {@code Failure Gallery} when a case
     * failed and {@code Workflow Trace} when a trace is attached; footer {@code WorldForge
     * <version>} from the provenance.
     *
     * <p>As in the reference, the failure-gallery table reads the keys {@code observed_score} and
     * {@code expected_contract}, which gallery cases do not carry, so those cells show {@code -}.
     *
     * @throws WorldForgeException when a section of the payload has the wrong JSON type
     */
    public static String evaluation(JsonObject payload) {
        String suite = text(payload.get("suite"), "-");
        String title = "WorldForge Evaluation Report: " + suite;
        List<String> body = new ArrayList<>();
        body.add("<h1>" + HtmlDocument.escape(title) + "</h1>");
        body.add(HtmlDocument.summaryList(List.of(
                entry("Suite ID", optionalText(payload.get("suite_id"))),
                entry("Suite", optionalText(payload.get("suite"))))));
        body.add(claimBlock(payload));

        body.add("<h2>Provider Summaries</h2>");
        List<List<String>> summaryRows = new ArrayList<>();
        List<SvgCharts.Bar> averageBars = new ArrayList<>();
        for (JsonObject summary : objects(payload, "provider_summaries", "evaluation report")) {
            String provider = text(summary.get("provider"), "-");
            double average = number(summary.get("average_score"), "average_score");
            String count = text(summary.get("scenario_count"), "0");
            summaryRows.add(List.of(
                    provider,
                    PyFormat.fixed(average, 2),
                    text(summary.get("passed_scenario_count"), "0") + "/" + count,
                    count));
            averageBars.add(new SvgCharts.Bar(provider, OptionalDouble.of(average), SvgCharts.Tone.NEUTRAL));
        }
        body.add(HtmlDocument.table(
                List.of("Provider", "Average Score", "Passed", "Scenarios"), summaryRows, Set.of(1, 2, 3)));
        body.add(SvgCharts.barChart(
                "Average score per provider (0 to 1).",
                "",
                averageBars,
                OptionalDouble.of(1.0),
                OptionalDouble.empty()));

        body.add("<h2>Scenario Results</h2>");
        List<List<String>> resultRows = new ArrayList<>();
        List<SvgCharts.Bar> scoreBars = new ArrayList<>();
        for (JsonObject result : objects(payload, "results", "evaluation report")) {
            String provider = text(result.get("provider"), "-");
            String scenario = text(result.get("scenario"), "-");
            double score = number(result.get("score"), "score");
            boolean passed = JsonReads.truthy(result.get("passed"));
            resultRows.add(List.of(provider, scenario, PyFormat.fixed(score, 2), passed ? "yes" : "no"));
            scoreBars.add(new SvgCharts.Bar(
                    provider + " / " + scenario,
                    OptionalDouble.of(score),
                    passed ? SvgCharts.Tone.PASS : SvgCharts.Tone.FAIL));
        }
        body.add(HtmlDocument.table(List.of("Provider", "Scenario", "Score", "Passed"), resultRows, Set.of(2)));
        body.add(SvgCharts.barChart(
                "Score per provider and scenario (0 to 1); green passed, red failed.",
                "",
                scoreBars,
                OptionalDouble.of(1.0),
                OptionalDouble.empty()));

        if (payload.get("failure_gallery") instanceof JsonObject gallery
                && JsonReads.truthy(gallery.get("case_count"))) {
            body.add("<h2>Failure Gallery</h2>");
            List<List<String>> caseRows = new ArrayList<>();
            for (JsonObject item : objects(gallery, "cases", "failure_gallery")) {
                caseRows.add(List.of(
                        text(item.get("provider"), "-"),
                        text(item.get("scenario"), "-"),
                        truthyText(item.get("observed_score")),
                        truthyText(item.get("expected_contract"))));
            }
            body.add(HtmlDocument.table(List.of("Provider", "Scenario", "Observed Score", "Expected"), caseRows));
        }

        if (payload.get("workflow_trace") instanceof JsonObject trace) {
            body.add("<h2>Workflow Trace</h2>");
            body.add(HtmlDocument.summaryList(List.of(
                    entry("Workflow", optionalText(trace.get("name"))),
                    entry("Status", optionalText(trace.get("status"))),
                    entry("Steps", optionalText(trace.get("step_count"))))));
            if (trace.get("steps") instanceof JsonArray steps) {
                List<List<String>> stepRows = new ArrayList<>();
                for (JsonValue value : steps) {
                    if (value instanceof JsonObject step) {
                        stepRows.add(List.of(
                                text(step.get("step_id"), "-"),
                                text(step.get("parent_id"), "-"),
                                text(step.get("operation"), "-"),
                                text(step.get("provider"), "-"),
                                text(step.get("capability"), "-"),
                                text(step.get("status"), "-")));
                    }
                }
                body.add(HtmlDocument.table(
                        List.of("Step", "Parent", "Operation", "Provider", "Capability", "Status"), stepRows));
            }
        }
        return HtmlDocument.document(title, String.join("\n", body), provenanceFooter(payload.get("provenance")));
    }

    /**
     * The benchmark page: title {@code WorldForge Benchmark Report}, the claim block, and a {@code
     * Results} table (ok as {@code success/iterations}, absent latencies as {@code 0.00}) followed
     * by a latency chart (average, p50, p95; {@code n/a} when no sample succeeded) and a
     * throughput chart; footer {@code WorldForge <version>} from the provenance.
     *
     * @throws WorldForgeException when a section of the payload has the wrong JSON type
     */
    public static String benchmark(JsonObject payload) {
        return benchmark(payload, null);
    }

    /**
     * The benchmark page with its budget gate: after the claim block, a {@code Budget Gate}
     * section with the status ({@code passed} or {@code failed}), the budget, checked-result and
     * violation counts and a table of the violations (provider, operation, metric, observed,
     * threshold, condition, budget), so the page says why a gated run failed. The reference's
     * HTML omits the gate.
     *
     * @param gate {@code BenchmarkGateReport.toJson()}
     * @throws WorldForgeException when a section of either payload has the wrong JSON type
     */
    public static String benchmarkWithGate(JsonObject payload, JsonObject gate) {
        return benchmark(payload, gate);
    }

    private static String benchmark(JsonObject payload, @Nullable JsonObject gate) {
        String title = "WorldForge Benchmark Report";
        List<String> body = new ArrayList<>();
        body.add("<h1>" + HtmlDocument.escape(title) + "</h1>");
        body.add(claimBlock(payload));
        if (gate != null) {
            body.add(gateSection(gate));
        }
        body.add("<h2>Results</h2>");
        List<List<String>> rows = new ArrayList<>();
        List<SvgCharts.Group> latencyGroups = new ArrayList<>();
        List<SvgCharts.Bar> throughputBars = new ArrayList<>();
        for (JsonObject result : objects(payload, "results", "benchmark report")) {
            String provider = text(result.get("provider"), "-");
            String operation = text(result.get("operation"), "-");
            OptionalDouble average = optionalNumber(result.get("average_latency_ms"), "average_latency_ms");
            OptionalDouble p50 = optionalNumber(result.get("p50_latency_ms"), "p50_latency_ms");
            OptionalDouble p95 = optionalNumber(result.get("p95_latency_ms"), "p95_latency_ms");
            double throughput = number(result.get("throughput_per_second"), "throughput_per_second");
            rows.add(List.of(
                    provider,
                    operation,
                    text(result.get("success_count"), "0") + "/" + text(result.get("iterations"), "0"),
                    text(result.get("retry_count"), "0"),
                    PyFormat.fixed(average.orElse(0.0), 2),
                    PyFormat.fixed(p95.orElse(0.0), 2),
                    PyFormat.fixed(throughput, 2)));
            String label = provider + " / " + operation;
            latencyGroups.add(new SvgCharts.Group(label, List.of(average, p50, p95)));
            throughputBars.add(new SvgCharts.Bar(label, OptionalDouble.of(throughput), SvgCharts.Tone.NEUTRAL));
        }
        body.add(HtmlDocument.table(
                List.of("Provider", "Operation", "OK", "Retries", "Avg ms", "P95 ms", "Throughput / s"),
                rows,
                Set.of(2, 3, 4, 5, 6)));
        body.add(SvgCharts.groupedBarChart(
                "Latency per provider and operation in milliseconds (average, p50, p95);"
                        + " n/a when no sample succeeded.",
                " ms",
                List.of("average", "p50", "p95"),
                latencyGroups));
        body.add(SvgCharts.barChart(
                "Throughput per provider and operation (successful calls per second).",
                "/s",
                throughputBars,
                OptionalDouble.empty(),
                OptionalDouble.empty()));
        return HtmlDocument.document(title, String.join("\n", body), provenanceFooter(payload.get("provenance")));
    }

    private static String gateSection(JsonObject gate) {
        boolean passed = gate.get("passed") == ai.worldforge.json.JsonBool.TRUE;
        List<String> parts = new ArrayList<>();
        parts.add("<h2>Budget Gate</h2>");
        parts.add("<p><strong>Status: " + (passed ? "passed" : "failed") + "</strong></p>");
        parts.add(HtmlDocument.summaryList(List.of(
                entry("Budgets", text(gate.get("budget_count"), "0")),
                entry("Checked results", text(gate.get("checked_result_count"), "0")),
                entry("Violations", text(gate.get("violation_count"), "0")))));
        List<JsonObject> violations = objects(gate, "violations", "benchmark gate");
        if (!violations.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (JsonObject violation : violations) {
                rows.add(List.of(
                        text(violation.get("provider"), "-"),
                        text(violation.get("operation"), "-"),
                        text(violation.get("metric"), "-"),
                        optionalText(violation.get("observed")) == null ? "-" : text(violation.get("observed"), "-"),
                        text(violation.get("threshold"), "-"),
                        text(violation.get("condition"), "-"),
                        text(violation.get("budget_selector"), "-")));
            }
            parts.add(HtmlDocument.table(
                    List.of("Provider", "Operation", "Metric", "Observed", "Threshold", "Condition", "Budget"),
                    rows,
                    Set.of(3, 4)));
        }
        return String.join("\n", parts);
    }

    /**
     * The reference's one-line footer: {@code WorldForge <worldforge_version>}, joined with {@code
     * generated <generated_at>} by an em dash when present; empty without provenance.
     */
    static @Nullable String provenanceFooter(@Nullable JsonValue provenance) {
        if (!(provenance instanceof JsonObject object)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        JsonValue version = object.get("worldforge_version");
        if (JsonReads.truthy(version)) {
            parts.add("WorldForge " + JsonReads.toStr(version));
        }
        JsonValue generatedAt = object.get("generated_at");
        if (JsonReads.truthy(generatedAt)) {
            parts.add("generated " + JsonReads.toStr(generatedAt));
        }
        return parts.isEmpty() ? null : String.join(" \u2014 ", parts);
    }

    private static String claimBlock(JsonObject payload) {
        return HtmlDocument.claimBoundaryBlock(
                optionalText(payload.get("claim_boundary")), optionalText(payload.get("metric_semantics")));
    }

    private static Map.Entry<String, @Nullable String> entry(String label, @Nullable String value) {
        return new SimpleEntry<>(label, value);
    }

    /** The object items of {@code payload[key]}; absent is empty, anything but a list is refused. */
    private static List<JsonObject> objects(JsonObject payload, String key, String owner) {
        JsonValue value = payload.get(key);
        if (value == null || value instanceof JsonNull) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new WorldForgeException(owner + " " + key + " must be a list.");
        }
        List<JsonObject> out = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (item instanceof JsonObject object) {
                out.add(object);
            }
        }
        return out;
    }

    /** Python's {@code str(value)}; {@code fallback} when absent. */
    private static String text(@Nullable JsonValue value, String fallback) {
        return value == null ? fallback : JsonReads.toStr(value);
    }

    /** {@code str(value)} or null when absent or JSON null (skipped by summary lists). */
    private static @Nullable String optionalText(@Nullable JsonValue value) {
        return value == null || value instanceof JsonNull ? null : JsonReads.toStr(value);
    }

    /** The reference's {@code value or "-"}. */
    private static String truthyText(@Nullable JsonValue value) {
        return JsonReads.truthy(value) ? JsonReads.toStr(value) : "-";
    }

    private static double number(@Nullable JsonValue value, String name) {
        if (value instanceof JsonFloat || value instanceof JsonInt) {
            return JsonReads.toDouble(value, name);
        }
        if (value == null || value instanceof JsonNull) {
            return 0.0;
        }
        throw new WorldForgeException("Report " + name + " must be a number.");
    }

    private static OptionalDouble optionalNumber(@Nullable JsonValue value, String name) {
        if (value == null || value instanceof JsonNull) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(number(value, name));
    }
}
