package ai.worldforge.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.WorldForge;
import ai.worldforge.benchmark.BenchmarkReport;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.evaluation.EvaluationReport;
import ai.worldforge.evaluation.EvaluationSuite;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.trace.ProvenanceEnvelope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** §17 report renderer registry (behaviour 59) and the built-in evaluation/benchmark renderers. */
class ReportRendererRegistryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static ReportRenderer text(String family, String format, boolean safe, Function<JsonObject, String> fn) {
        return ReportRenderer.ofText(family, format, "text/plain", List.of(family + ":1"), safe, fn, "d");
    }

    @Test
    void safeOutputWithASecretRaises() {
        ReportRendererRegistry registry = new ReportRendererRegistry();
        registry.register(text("custom", "txt", true, p -> "token=abc"));
        assertThatThrownBy(() -> registry.render("custom", "txt", JsonObject.EMPTY))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Report renderer safe output contains secret-like material.");
        // The same text is accepted from a local-only renderer.
        registry.register(text("custom", "local", false, p -> "token=abc"));
        ReportRenderResult local = registry.render("custom", "local", JsonObject.EMPTY);
        assertThat(local.localOnly()).isTrue();
        assertThat(local.safeToAttach()).isFalse();
        assertThat(local.toJson())
                .isEqualTo(Json.parse("{\"media_type\":\"text/plain\",\"safe_to_attach\":false,"
                        + "\"local_only\":true,\"size_bytes\":9}"));
    }

    @Test
    void duplicateRegistrationRaisesUnlessReplacing() {
        ReportRendererRegistry registry = new ReportRendererRegistry();
        registry.register(text("custom", "txt", true, p -> "one"));
        assertThatThrownBy(() -> registry.register(text("custom", "txt", true, p -> "two")))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Report renderer already registered for custom:txt.");
        registry.register(text("custom", "txt", true, p -> "two"), true);
        assertThat(registry.render("custom", "txt", JsonObject.EMPTY).content()).isEqualTo("two");
    }

    @Test
    void mediaTypeMismatchRaises() {
        ReportRendererRegistry registry = new ReportRendererRegistry();
        registry.register(new ReportRenderer(
                "custom",
                "txt",
                "text/plain",
                List.of("custom:1"),
                true,
                p -> ReportRenderResult.safe("x", "text/html"),
                ""));
        assertThatThrownBy(() -> registry.render("custom", "txt", JsonObject.EMPTY))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Report renderer output media_type must match renderer metadata.");
    }

    @Test
    void registryIsPerInstance() {
        ReportRendererRegistry one = new ReportRendererRegistry();
        one.register(text("custom", "txt", true, p -> "x"));
        assertThat(new ReportRendererRegistry().list()).isEmpty();
        assertThat(one.contains("custom", "txt")).isTrue();
    }

    @Test
    void missingRendererAndInvalidIdentifiers() {
        ReportRendererRegistry registry = new ReportRendererRegistry();
        assertThatThrownBy(() -> registry.get("custom", "pdf"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("No report renderer registered for custom:pdf.");
        assertThatThrownBy(() -> registry.get("Custom", "pdf"))
                .hasMessage("Report renderer artifact_family must use lowercase letters, numbers, '_' or '-'.");
        assertThatThrownBy(() -> registry.list(Optional.of("-x")))
                .hasMessage("Report renderer artifact_family must use lowercase letters, numbers, '_' or '-'.");
        assertThatThrownBy(() -> text("custom", "p df", true, p -> ""))
                .hasMessage("Report renderer output_format must use lowercase letters, numbers, '_' or '-'.");
        assertThatThrownBy(() -> ReportRenderer.ofText("custom", "txt", "text", List.of("c:1"), true, p -> "", ""))
                .hasMessage("Report renderer media_type must be a valid type/subtype string.");
        assertThatThrownBy(() -> ReportRenderer.ofText("custom", "txt", "text/plain", List.of(), true, p -> "", ""))
                .hasMessage("Report renderer supported_schemas must be a non-empty string tuple.");
        assertThatThrownBy(() -> ReportRenderer.ofText("custom", "txt", "text/plain", List.of(" "), true, p -> "", ""))
                .hasMessage("Report renderer supported_schemas must be a non-empty string tuple.");
        assertThatThrownBy(() -> new ReportRenderer("custom", "txt", "text/plain", List.of("c:1"), true, null, ""))
                .hasMessage("Report renderer render must be callable.");
        assertThatThrownBy(
                        () -> new ReportRenderer("custom", "txt", "text/plain", List.of("c:1"), true, p -> null, null))
                .hasMessage("Report renderer description must be a string.");
    }

    @Test
    void resultValidation() {
        assertThatThrownBy(() -> new ReportRenderResult("x", "text/plain", true, true))
                .hasMessage("Report renderer output must be exactly one of safe-to-attach or local-only.");
        assertThatThrownBy(() -> new ReportRenderResult("x", "text/plain", false, false))
                .hasMessage("Report renderer output must be exactly one of safe-to-attach or local-only.");
        assertThatThrownBy(() -> new ReportRenderResult("x", "plain", true, false))
                .hasMessage("Report renderer media_type must be a valid type/subtype string.");
        assertThatThrownBy(() -> new ReportRenderResult(null, "text/plain", true, false))
                .hasMessage("Report renderer content must be a string.");
        assertThat(ReportRenderResult.safe("é", "text/plain").sizeBytes()).isEqualTo(2);
    }

    @Test
    void nullCallbackResultAndNonFinitePayloadRaise() {
        ReportRendererRegistry registry = new ReportRendererRegistry();
        registry.register(text("custom", "txt", true, p -> null));
        assertThatThrownBy(() -> registry.render("custom", "txt", JsonObject.EMPTY))
                .hasMessage("Report renderer must return a string or ReportRenderResult.");
        registry.register(new ReportRenderer("custom", "raw", "text/plain", List.of("c:1"), true, p -> null, ""));
        assertThatThrownBy(() -> registry.render("custom", "raw", JsonObject.EMPTY))
                .hasMessage("Report renderer must return a string or ReportRenderResult.");
        assertThatThrownBy(() -> registry.render("custom", "txt", JsonObject.of("x", JsonFloat.of(Double.NaN))))
                .hasMessage("Report renderer payload.x must be a finite number.");
    }

    @Test
    void metadataAndSortedListing() {
        ReportRendererRegistry registry = ReportRendererRegistry.withBuiltins();
        List<String> keys = registry.list().stream()
                .map(m -> ((JsonString) m.get("artifact_family")).value() + ":"
                        + ((JsonString) m.get("output_format")).value())
                .toList();
        assertThat(keys)
                .containsExactly(
                        "benchmark:csv",
                        "benchmark:html",
                        "benchmark:json",
                        "benchmark:markdown",
                        "evaluation:csv",
                        "evaluation:html",
                        "evaluation:json",
                        "evaluation:markdown");
        assertThat(registry.list(Optional.of("evaluation"))).hasSize(4);
        assertThat(registry.list(Optional.of("evidence-bundle"))).isEmpty();
        assertThat(registry.get("evaluation", "html").metadata())
                .isEqualTo(Json.parse("{\"artifact_family\":\"evaluation\",\"output_format\":\"html\","
                        + "\"media_type\":\"text/html\",\"supported_schemas\":[\"evaluation:1\"],"
                        + "\"safe_to_attach\":true,\"local_only\":false,"
                        + "\"description\":\"Evaluation report as html.\"}"));
        // A later family is one call away.
        registry.register(text("evidence-bundle", "json", true, Json::write));
        assertThat(registry.list()).hasSize(9);
    }

    @Test
    void builtinEvaluationRenderersMatchTheReportRenderings() {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        EvaluationReport report = EvaluationSuite.fromBuiltin("planning", CLOCK).runReport(List.of("mock"), forge);
        JsonObject payload = report.toJsonObject();
        ReportRendererRegistry registry = ReportRendererRegistry.withBuiltins();
        assertThat(registry.render("evaluation", "json", payload).content()).isEqualTo(report.toJson());
        assertThat(registry.render("evaluation", "markdown", payload).content()).isEqualTo(report.toMarkdown());
        assertThat(registry.render("evaluation", "csv", payload).content()).isEqualTo(report.toCsv());
        ReportRenderResult html = registry.render("evaluation", "html", payload);
        assertThat(html.content()).isEqualTo(report.toHtml());
        assertThat(html.mediaType()).isEqualTo("text/html");
        assertThat(html.safeToAttach()).isTrue();
        // The payload round-trips through fromJson.
        assertThat(EvaluationReport.fromJson(payload).toJsonObject()).isEqualTo(payload);
    }

    @Test
    void builtinBenchmarkRenderersMatchTheReportRenderings() {
        ProvenanceEnvelope provenance = ProvenanceEnvelope.builder(
                        ProvenanceEnvelope.KIND_BENCHMARK, "benchmark", "benchmark:1", CLOCK)
                .claimBoundary("c")
                .metricSemantics("m")
                .command(List.of("worldforge", "benchmark"))
                .build();
        BenchmarkReport report = new BenchmarkReport(
                List.of(
                        ReportHtmlTest.benchmark("mock", "generate", 2, 0, OptionalDouble.of(1.5)),
                        ReportHtmlTest.benchmark("mock", "predict", 0, 1, OptionalDouble.empty())),
                JsonObject.of("iterations", ai.worldforge.json.JsonInt.of(2)),
                Optional.of(provenance));
        JsonObject payload = report.toJson();
        ReportRendererRegistry registry = ReportRendererRegistry.withBuiltins();
        assertThat(registry.render("benchmark", "json", payload).content()).isEqualTo(report.toJsonText());
        assertThat(registry.render("benchmark", "markdown", payload).content()).isEqualTo(report.toMarkdown());
        assertThat(registry.render("benchmark", "csv", payload).content()).isEqualTo(report.toCsv());
        assertThat(registry.render("benchmark", "html", payload).content()).isEqualTo(report.toHtml());
        assertThat(BenchmarkReport.fromJson(payload)).isEqualTo(report);
    }

    @Test
    void malformedBuiltinPayloadsRaiseWorldForgeErrors() {
        ReportRendererRegistry registry = ReportRendererRegistry.withBuiltins();
        assertThatThrownBy(() -> registry.render("evaluation", "markdown", JsonObject.EMPTY))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("EvaluationReport payload.suite_id must be a string.");
        assertThatThrownBy(() -> registry.render("benchmark", "csv", JsonObject.of("results", JsonString.of("x"))))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("BenchmarkReport payload.results must be a list.");
        assertThatThrownBy(() -> registry.render("evaluation", "html", JsonObject.of("results", JsonString.of("x"))))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("evaluation report results must be a list.");
    }
}
