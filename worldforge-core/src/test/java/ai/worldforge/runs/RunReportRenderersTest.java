package ai.worldforge.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.report.ReportRenderResult;
import ai.worldforge.report.ReportRendererRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportRenderersTest {
    @TempDir
    Path dir;

    @Test
    void standardRegistryHoldsEveryFamily() {
        ReportRendererRegistry registry = RunReportRenderers.standardRegistry();
        assertThat(registry.list().stream()
                        .map(m -> ((JsonString) m.get("artifact_family")).value())
                        .distinct())
                .containsExactly("benchmark", "comparison", "evaluation", "evidence-bundle", "issue-bundle");
        assertThat(registry.contains("issue-bundle", "html")).isTrue();
        assertThat(registry.contains("evidence-bundle", "csv")).isFalse();
        assertThatThrownBy(() -> RunReportRenderers.register(registry))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageContaining("Report renderer already registered for evidence-bundle:json.");
    }

    @Test
    void bundleManifestsRenderThroughTheRegistryLikeTheBundleFiles() {
        Path workspace = dir.resolve("ws");
        String runId = "20260101T000000Z-00000001";
        RunWorkspace run = RunWorkspaces.create(
                workspace,
                runId,
                "eval",
                "worldforge eval",
                Optional.of("mock"),
                Optional.of("physics"),
                JsonObject.EMPTY);
        RunWorkspaces.writeManifest(
                run,
                RunManifest.builder(runId, "eval", "worldforge eval", RunStatus.COMPLETED)
                        .build());
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        BundleResult bundle = EvidenceBundles.generateIssue(
                workspace,
                runId,
                dir.resolve("bundle"),
                EvidenceBundleOptions.builder(clock).build());
        ReportRendererRegistry registry = RunReportRenderers.standardRegistry();
        ReportRenderResult markdown = registry.render("issue-bundle", "markdown", bundle.manifest());
        assertThat(markdown.content()).isEqualTo(EvidenceBundles.renderIssueMarkdown(bundle.manifest()));
        assertThat(markdown.mediaType()).isEqualTo("text/markdown");
        assertThat(markdown.safeToAttach()).isTrue();
        ReportRenderResult html = registry.render("evidence-bundle", "html", bundle.manifest());
        assertThat(html.content()).startsWith("<!DOCTYPE html>").doesNotContain("<script");
        assertThat(registry.render("evidence-bundle", "json", bundle.manifest()).content())
                .startsWith("{\n")
                .doesNotEndWith("\n");
    }
}
