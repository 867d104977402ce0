package ai.worldforge.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.WorldForge;
import ai.worldforge.benchmark.BenchmarkReport;
import ai.worldforge.benchmark.BenchmarkResult;
import ai.worldforge.evaluation.EvaluationReport;
import ai.worldforge.evaluation.EvaluationResult;
import ai.worldforge.evaluation.EvaluationScenario;
import ai.worldforge.evaluation.EvaluationScenarioOutcome;
import ai.worldforge.evaluation.EvaluationSuite;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.trace.ProvenanceEnvelope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** §18 static HTML for evaluation and benchmark reports (behaviour 60) plus the inline SVG charts. */
class ReportHtmlTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final String HOSTILE = "<script>alert('x')</script>";

    @TempDir
    Path dir;

    static EvaluationResult result(String provider, String scenario, double score, boolean passed) {
        return new EvaluationResult("custom", "Custom Suite", scenario, provider, score, passed, JsonObject.EMPTY);
    }

    static BenchmarkResult benchmark(String provider, String operation, int success, int errors, OptionalDouble avg) {
        return new BenchmarkResult(
                provider,
                operation,
                success + errors,
                1,
                success,
                errors,
                0,
                2.0,
                avg,
                avg,
                avg,
                avg,
                avg,
                success / 0.002,
                JsonObject.of("events", JsonArray.EMPTY),
                Collections.nCopies(errors, "simulated failure"));
    }

    private static void assertInert(String html) {
        assertThat(html).startsWith("<!DOCTYPE html>\n").endsWith("</html>\n");
        assertThat(html).doesNotContain("<script", "<link", "<a ", "javascript:", "http://", "https://");
    }

    @Test
    void evaluationPageFollowsTheReferenceStructureWithCharts() {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        EvaluationReport report = EvaluationSuite.fromBuiltin("physics", CLOCK).runReport(List.of("mock"), forge);
        String html = report.toHtml();
        assertInert(html);
        assertThat(html)
                .contains("<title>WorldForge Evaluation Report: Physics Evaluation Suite</title>")
                .contains("<h1>WorldForge Evaluation Report: Physics Evaluation Suite</h1>")
                .contains("<li><strong>Suite ID:</strong> <code>physics</code></li>")
                .contains("<section class=\"warning\">")
                .contains("<th>Provider</th><th>Average Score</th><th>Passed</th><th>Scenarios</th>")
                .contains("<th>Provider</th><th>Scenario</th><th>Score</th><th>Passed</th>")
                .contains("<td>mock</td><td>object-stability</td><td class=\"numeric\">0.74</td><td>yes</td>")
                .contains("<th>Step</th><th>Parent</th><th>Operation</th><th>Provider</th><th>Capability</th>")
                .contains("<footer>WorldForge " + ProvenanceEnvelope.DEFAULT_WORLDFORGE_VERSION + "</footer>")
                .doesNotContain("<h2>Failure Gallery</h2>");
        assertThat(sections(html)).containsExactly("Provider Summaries", "Scenario Results", "Workflow Trace");
        assertThat(count(html, "<figure class=\"chart\">")).isEqualTo(2);
        assertThat(html).contains("<figcaption>Average score per provider (0 to 1).</figcaption>");
        // The scores chart is on a fixed 0..1 axis with quarter ticks.
        assertThat(html).contains(">0</text>", ">0.25</text>", ">0.5</text>", ">0.75</text>", ">1</text>");
        assertThat(html).contains("fill=\"" + SvgCharts.Tone.PASS.colour() + "\"");
        assertThat(report.toHtml()).isEqualTo(html);
    }

    @Test
    void failureGalleryKeepsTheReferenceQuirkAndFailedBarsAreRed() {
        EvaluationReport report = EvaluationReport.builder(
                        "custom",
                        "Custom Suite",
                        List.of(result("alpha", "s1", 0.2, false), result("alpha", "s2", 0.9, true)))
                .build();
        String html = report.toHtml();
        assertInert(html);
        assertThat(sections(html)).containsExactly("Provider Summaries", "Scenario Results", "Failure Gallery");
        assertThat(html)
                .contains("<th>Provider</th><th>Scenario</th><th>Observed Score</th><th>Expected</th>")
                .contains("<tr><td>alpha</td><td>s1</td><td>-</td><td>-</td></tr>")
                .contains("fill=\"" + SvgCharts.Tone.FAIL.colour() + "\"")
                .contains("<td class=\"numeric\">0.55</td><td class=\"numeric\">1/2</td><td class=\"numeric\">2</td>")
                .doesNotContain("<footer>");
    }

    @Test
    void allFailedRunHasEverySectionInTheReferenceOrder() {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        EvaluationSuite suite = EvaluationSuite.builder("Failing Suite")
                .clock(CLOCK)
                .scenario(EvaluationScenario.fromCallable(
                        "always-fails",
                        "Fails on purpose.",
                        ctx -> EvaluationScenarioOutcome.of(0.1, false),
                        List.of()))
                .scenario(EvaluationScenario.fromCallable(
                        "also-fails", "Fails on purpose.", ctx -> EvaluationScenarioOutcome.of(0.0, false), List.of()))
                .build();
        String html = suite.runReport(List.of("mock"), forge).toHtml();
        assertInert(html);
        assertThat(sections(html))
                .containsExactly("Provider Summaries", "Scenario Results", "Failure Gallery", "Workflow Trace");
        assertThat(html)
                .contains("<tr><td>mock</td><td>also-fails</td><td>-</td><td>-</td></tr>")
                .contains("<td class=\"numeric\">0.05</td><td class=\"numeric\">0/2</td>")
                .doesNotContain("fill=\"" + SvgCharts.Tone.PASS.colour() + "\"");
        assertThat(count(html, "fill=\"" + SvgCharts.Tone.FAIL.colour() + "\"")).isEqualTo(2);
    }

    @Test
    void hostileProviderAndScenarioNamesAreEscapedEverywhere() {
        EvaluationReport report = EvaluationReport.builder(
                        "custom",
                        "Custom <b>Suite</b>",
                        List.of(new EvaluationResult(
                                "custom", "Custom <b>Suite</b>", HOSTILE, HOSTILE, 0.5, false, JsonObject.EMPTY)))
                .build();
        String html = report.toHtml();
        assertInert(html);
        assertThat(html)
                .doesNotContain("<b>")
                .contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;")
                .contains("<title>WorldForge Evaluation Report: Custom &lt;b&gt;Suite&lt;/b&gt;</title>");

        BenchmarkReport bench = new BenchmarkReport(
                List.of(benchmark(HOSTILE, "predict", 1, 0, OptionalDouble.of(1.0))), JsonObject.EMPTY);
        String benchHtml = bench.toHtml();
        assertInert(benchHtml);
        assertThat(benchHtml).contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
    }

    @Test
    void emptyEvaluationRendersDashRowsAndPlaceholderCharts() {
        String html = EvaluationReport.builder("custom", "Custom Suite", List.of())
                .build()
                .toHtml();
        assertInert(html);
        assertThat(html).contains("<tr><td>-</td><td>-</td><td>-</td><td>-</td></tr>");
        assertThat(count(html, "No data to chart.")).isEqualTo(2);
    }

    @Test
    void gatedBenchmarkPageShowsTheGateStatusAndItsViolations() {
        BenchmarkReport report = new BenchmarkReport(
                List.of(benchmark("mock", "predict", 2, 0, OptionalDouble.of(3.5))), JsonObject.EMPTY);
        JsonObject failing = report.evaluateBudgets(ai.worldforge.benchmark.BenchmarkBudget.parseAll(
                        ai.worldforge.json.Json.parse("{\"budgets\":[{\"provider\":\"mock\",\"operation\":"
                                + "\"predict\",\"max_average_latency_ms\":1.0}]}")))
                .toJson();
        String html = ReportHtml.benchmarkWithGate(report.toJson(), failing);
        assertInert(html);
        assertThat(sections(html)).containsExactly("Budget Gate", "Results");
        assertThat(html)
                .contains("<p><strong>Status: failed</strong></p>")
                .contains("<li><strong>Violations:</strong> <code>1</code></li>")
                .contains("<tr><td>mock</td><td>predict</td><td>average_latency_ms</td>"
                        + "<td class=\"numeric\">3.5</td><td class=\"numeric\">1.0</td>");
        JsonObject passing = report.evaluateBudgets(ai.worldforge.benchmark.BenchmarkBudget.parseAll(
                        ai.worldforge.json.Json.parse("{\"budgets\":[{\"provider\":\"mock\",\"operation\":"
                                + "\"predict\",\"max_average_latency_ms\":10.0}]}")))
                .toJson();
        assertThat(ReportHtml.benchmarkWithGate(report.toJson(), passing))
                .contains("<p><strong>Status: passed</strong></p>")
                .doesNotContain("<th>Metric</th>");
        assertThat(ReportHtml.benchmark(report.toJson())).doesNotContain("Budget Gate");
    }

    @Test
    void benchmarkPageHasTheResultsTableAndLatencyAndThroughputCharts() {
        ProvenanceEnvelope provenance = ProvenanceEnvelope.builder(
                        ProvenanceEnvelope.KIND_BENCHMARK, "benchmark", "benchmark:1", CLOCK)
                .worldforgeVersion("0.5.0")
                .claimBoundary("c")
                .metricSemantics("m")
                .build();
        BenchmarkReport report = new BenchmarkReport(
                List.of(
                        benchmark("mock", "generate", 1, 0, OptionalDouble.of(1200.5)),
                        benchmark("mock", "predict", 0, 2, OptionalDouble.empty())),
                JsonObject.EMPTY,
                Optional.of(provenance));
        String html = report.toHtml();
        assertInert(html);
        assertThat(html)
                .contains("<title>WorldForge Benchmark Report</title>")
                .contains("<th>Provider</th><th>Operation</th><th>OK</th><th>Retries</th><th>Avg ms</th>"
                        + "<th>P95 ms</th><th>Throughput / s</th>")
                .contains("<tr><td>mock</td><td>generate</td><td class=\"numeric\">1/1</td>"
                        + "<td class=\"numeric\">0</td><td class=\"numeric\">1200.50</td>"
                        + "<td class=\"numeric\">1200.50</td><td class=\"numeric\">500.00</td></tr>")
                // An all-failed case: latencies print 0.00 in the table and n/a in the chart.
                .contains("<td class=\"numeric\">0/2</td><td class=\"numeric\">0</td><td class=\"numeric\">0.00</td>")
                .contains(">n/a</text>")
                .contains(">average</text>", ">p50</text>", ">p95</text>")
                .contains("<footer>WorldForge 0.5.0</footer>");
        assertThat(sections(html)).containsExactly("Results");
        assertThat(count(html, "<figure class=\"chart\">")).isEqualTo(2);
        // 1200.5 ms is charted on a nice 0..1250 axis.
        assertThat(html).contains(">1250</text>").contains(">1200.50 ms</text>");
        assertThat(report.artifacts().keySet()).containsExactly("json", "markdown", "csv", "html");
        assertThat(report.artifacts().get("html")).isEqualTo(html);
        assertThat(report.artifacts().get("json")).isEqualTo(report.toJsonText());
    }

    @Test
    void emptyBenchmarkRendersPlaceholders() {
        String html = new BenchmarkReport(List.of(), JsonObject.EMPTY).toHtml();
        assertInert(html);
        assertThat(count(html, "No data to chart.")).isEqualTo(2);
        assertThat(html).doesNotContain("<footer>");
    }

    private static List<String> sections(String html) {
        Matcher m = Pattern.compile("<h2>(.*?)</h2>").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
