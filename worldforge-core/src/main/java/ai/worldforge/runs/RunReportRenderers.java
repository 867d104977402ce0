package ai.worldforge.runs;

import ai.worldforge.comparison.RunComparison;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.report.ReportRenderer;
import ai.worldforge.report.ReportRendererRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report renderers of preserved-run artefacts, for a {@link ReportRendererRegistry}: the
 * reference's built-in {@code evidence-bundle} and {@code issue-bundle} families (json, markdown,
 * html; schema {@code <family>:1}) and {@code comparison} (json, markdown, csv, html). {@link
 * #standardRegistry()} is one registry with every family WorldForge renders: evaluation, benchmark,
 * evidence-bundle, issue-bundle and comparison. Stateless.
 */
public final class RunReportRenderers {
    /** The evidence bundle family. */
    public static final String EVIDENCE_BUNDLE = "evidence-bundle";

    /** The issue bundle family. */
    public static final String ISSUE_BUNDLE = "issue-bundle";

    /** The run comparison family. */
    public static final String COMPARISON = "comparison";

    private RunReportRenderers() {}

    /** A registry with the evaluation and benchmark built-ins plus the families of this class. */
    public static ReportRendererRegistry standardRegistry() {
        ReportRendererRegistry registry = ReportRendererRegistry.withBuiltins();
        register(registry);
        return registry;
    }

    /**
     * Registers the evidence-bundle, issue-bundle and comparison renderers.
     *
     * @throws ai.worldforge.error.WorldForgeException when one of them is already registered
     */
    public static void register(ReportRendererRegistry registry) {
        Map<String, Function<JsonObject, String>> evidence = Map.of(
                "json", RunReportRenderers::prettyJson,
                "markdown", EvidenceBundles::renderSummaryMarkdown,
                "html", EvidenceBundles::renderSummaryHtml);
        Map<String, Function<JsonObject, String>> issue = Map.of(
                "json", RunReportRenderers::prettyJson,
                "markdown", EvidenceBundles::renderIssueMarkdown,
                "html", EvidenceBundles::renderIssueHtml);
        for (String format : List.of("json", "markdown", "html")) {
            registry.register(renderer(EVIDENCE_BUNDLE, format, List.of(EVIDENCE_BUNDLE + ":1"), evidence.get(format)));
            registry.register(renderer(ISSUE_BUNDLE, format, List.of(ISSUE_BUNDLE + ":1"), issue.get(format)));
        }
        for (String format : RunComparison.FORMATS) {
            registry.register(renderer(
                    COMPARISON,
                    format,
                    List.of(
                            "comparison:" + RunComparison.COMPARISON_SCHEMA_VERSION,
                            "regression:" + RunComparison.REGRESSION_SCHEMA_VERSION),
                    payload -> RunComparison.render(payload, format)));
        }
    }

    /** Indented, key-sorted JSON without a trailing newline, as the reference's bundle JSON renderer. */
    private static String prettyJson(JsonObject payload) {
        return Json.writePretty(payload);
    }

    private static ReportRenderer renderer(
            String family, String format, List<String> schemas, Function<JsonObject, String> render) {
        return ReportRenderer.ofText(
                family,
                format,
                ReportRenderer.BUILTIN_MEDIA_TYPES.get(format),
                schemas,
                true,
                render,
                family + " as " + format + ".");
    }
}
