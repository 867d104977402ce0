package ai.worldforge.report;

import ai.worldforge.benchmark.BenchmarkReport;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.evaluation.EvaluationReport;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A registry of {@link ReportRenderer}s keyed by {@code (artifact family, output format)} (the
 * reference's module-level registry in {@code report_renderers.py}, held here by an instance so
 * that callers and tests never share mutable state). Thread-safe.
 *
 * <p>{@link #withBuiltins()} registers the evaluation and benchmark renderers; other families (for
 * example evidence and issue bundles, run comparisons) are added with one {@link
 * #register(ReportRenderer)} call each.
 */
public final class ReportRendererRegistry {
    /** The built-in output formats of the evaluation and benchmark families. */
    public static final List<String> BUILTIN_FORMATS = List.of("json", "markdown", "csv", "html");

    /** The evaluation report family. */
    public static final String EVALUATION_FAMILY = "evaluation";

    /** The benchmark report family. */
    public static final String BENCHMARK_FAMILY = "benchmark";

    // Sorted by (family, format), as list() reports them.
    private final TreeMap<List<String>, ReportRenderer> renderers = new TreeMap<>((a, b) ->
            a.get(0).equals(b.get(0)) ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));

    /** An empty registry. */
    public ReportRendererRegistry() {}

    /**
     * A registry holding renderers for the {@code evaluation} and {@code benchmark} families in
     * {@code json} (compact canonical JSON, as the reports' {@code toJson}), {@code markdown},
     * {@code csv} and {@code html}. They render from the report JSON payloads ({@link
     * EvaluationReport#toJsonObject()}, {@link BenchmarkReport#toJson()}), are safe to attach and
     * support the schemas {@code evaluation:1} and {@code benchmark:1}.
     */
    public static ReportRendererRegistry withBuiltins() {
        ReportRendererRegistry registry = new ReportRendererRegistry();
        Map<String, Function<JsonObject, String>> evaluation = Map.of(
                "json",
                Json::write,
                "markdown",
                p -> EvaluationReport.fromJson(p).toMarkdown(),
                "csv",
                p -> EvaluationReport.fromJson(p).toCsv(),
                "html",
                ReportHtml::evaluation);
        Map<String, Function<JsonObject, String>> benchmark = Map.of(
                "json",
                Json::write,
                "markdown",
                p -> BenchmarkReport.fromJson(p).toMarkdown(),
                "csv",
                p -> BenchmarkReport.fromJson(p).toCsv(),
                "html",
                ReportHtml::benchmark);
        for (String format : BUILTIN_FORMATS) {
            registry.register(builtin(EVALUATION_FAMILY, format, evaluation.get(format), "Evaluation report"));
            registry.register(builtin(BENCHMARK_FAMILY, format, benchmark.get(format), "Benchmark report"));
        }
        return registry;
    }

    private static ReportRenderer builtin(
            String family, String format, Function<JsonObject, String> render, String what) {
        return ReportRenderer.ofText(
                family,
                format,
                ReportRenderer.BUILTIN_MEDIA_TYPES.get(format),
                List.of(family + ":1"),
                true,
                render,
                what + " as " + format + ".");
    }

    /** {@link #register(ReportRenderer, boolean)} without replacement. */
    public void register(ReportRenderer renderer) {
        register(renderer, false);
    }

    /**
     * Registers {@code renderer} under its family and format.
     *
     * @param replace whether an existing renderer for the same key may be replaced
     * @throws WorldForgeException {@code Report renderer already registered for f:o.}
     */
    public synchronized void register(ReportRenderer renderer, boolean replace) {
        Objects.requireNonNull(renderer, "renderer");
        List<String> key = List.of(renderer.artifactFamily(), renderer.outputFormat());
        if (renderers.containsKey(key) && !replace) {
            throw new WorldForgeException("Report renderer already registered for " + renderer.key() + ".");
        }
        renderers.put(key, renderer);
    }

    /**
     * The renderer for {@code artifactFamily} and {@code outputFormat}.
     *
     * @throws WorldForgeException an identifier message for malformed ids, or {@code No report
     *     renderer registered for f:o.}
     */
    public synchronized ReportRenderer get(String artifactFamily, String outputFormat) {
        ReportRenderer.validateIdentifier(artifactFamily, "artifact_family");
        ReportRenderer.validateIdentifier(outputFormat, "output_format");
        ReportRenderer renderer = renderers.get(List.of(artifactFamily, outputFormat));
        if (renderer == null) {
            throw new WorldForgeException(
                    "No report renderer registered for " + artifactFamily + ":" + outputFormat + ".");
        }
        return renderer;
    }

    /** Whether a renderer is registered for {@code artifactFamily} and {@code outputFormat}. */
    public synchronized boolean contains(String artifactFamily, String outputFormat) {
        return renderers.containsKey(List.of(artifactFamily, outputFormat));
    }

    /**
     * The {@link ReportRenderer#metadata()} of every renderer, sorted by family then format,
     * optionally only those of one family.
     *
     * @throws WorldForgeException when the family is not a valid identifier
     */
    public synchronized List<JsonObject> list(Optional<String> artifactFamily) {
        artifactFamily.ifPresent(f -> ReportRenderer.validateIdentifier(f, "artifact_family"));
        List<JsonObject> out = new ArrayList<>();
        for (ReportRenderer renderer : renderers.values()) {
            if (artifactFamily.isEmpty() || artifactFamily.get().equals(renderer.artifactFamily())) {
                out.add(renderer.metadata());
            }
        }
        return List.copyOf(out);
    }

    /** {@link #list(Optional)} over every family. */
    public List<JsonObject> list() {
        return list(Optional.empty());
    }

    /**
     * Renders {@code payload} with the renderer for {@code artifactFamily} and {@code
     * outputFormat}. The payload must hold finite numbers only; the callback's result must carry
     * the renderer's media type, and safe output must contain no secret-like material (see {@link
     * ReportRenderResult}).
     *
     * @throws WorldForgeException {@code No report renderer registered for f:o.}, {@code Report
     *     renderer payload.<key> must be a finite number.}, {@code Report renderer must return a
     *     string or ReportRenderResult.}, {@code Report renderer output media_type must match
     *     renderer metadata.}, a {@link ReportRenderResult} message, or the callback's own error
     */
    public ReportRenderResult render(String artifactFamily, String outputFormat, JsonObject payload) {
        ReportRenderer renderer = get(artifactFamily, outputFormat);
        JsonObject safePayload = Checks.jsonObject(payload, "Report renderer payload");
        ReportRenderResult result = renderer.render().apply(safePayload);
        if (result == null) {
            throw new WorldForgeException("Report renderer must return a string or ReportRenderResult.");
        }
        if (!result.mediaType().equals(renderer.mediaType())) {
            throw new WorldForgeException("Report renderer output media_type must match renderer metadata.");
        }
        return result;
    }
}
