package ai.worldforge.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIndexTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T10:00:00.123456Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private RunWorkspace run(String runId, String kind, String command, RunStatus status, RunManifest.Builder tweaks) {
        RunWorkspace workspace = RunWorkspaces.create(tmp, runId, kind, command);
        RunWorkspaces.writeManifest(workspace, tweaks.status(status).build());
        return workspace;
    }

    private void seedThreeRuns() {
        run(
                "20260101T000000Z-00000001",
                "eval",
                "worldforge eval --suite planning --provider mock",
                RunStatus.COMPLETED,
                RunManifest.builder(
                                "20260101T000000Z-00000001",
                                "eval",
                                "worldforge eval --suite planning --provider mock",
                                RunStatus.COMPLETED)
                        .provider("mock")
                        .operation("planning")
                        .artifactPath("json", "reports/report.json")
                        .artifactPath("markdown", "reports/report.md"));
        run(
                "20260102T000000Z-00000002",
                "benchmark",
                "worldforge benchmark --provider runway --operation generate",
                RunStatus.FAILED,
                RunManifest.builder(
                                "20260102T000000Z-00000002",
                                "benchmark",
                                "worldforge benchmark --provider runway --operation generate",
                                RunStatus.FAILED)
                        .provider("runway")
                        .operation("generate")
                        .resultSummary(JsonObject.builder()
                                .put("failure_reason", "budget | exceeded")
                                .build())
                        .artifactPath("csv", "reports/report.csv")
                        .eventCount(7));
        run(
                "20260103T000000Z-00000003",
                "flow",
                "worldforge harness --flow leworldmodel",
                RunStatus.SKIPPED,
                RunManifest.builder(
                                "20260103T000000Z-00000003",
                                "flow",
                                "worldforge harness --flow leworldmodel",
                                RunStatus.SKIPPED)
                        .operation("leworldmodel"));
    }

    // Behaviour 53: missing manifest, invalid JSON and non-object manifests are issues.
    @Test
    void unreadableRunDirectoriesBecomeIssues() throws Exception {
        seedThreeRuns();
        Files.createDirectories(tmp.resolve("runs/20260201T000000Z-0000000a"));
        Path invalid = Files.createDirectories(tmp.resolve("runs/20260202T000000Z-0000000b"));
        Files.writeString(invalid.resolve("run_manifest.json"), "{nope");
        Path array = Files.createDirectories(tmp.resolve("runs/20260203T000000Z-0000000c"));
        Files.writeString(array.resolve("run_manifest.json"), "[1]");

        RunIndex index = RunIndex.build(tmp, Optional.empty(), CLOCK);

        assertThat(index.entries()).hasSize(3);
        assertThat(index.issues())
                .extracting(RunIndexIssue::reason)
                .containsExactly("manifest-not-object", "manifest-invalid-json", "manifest-missing");
        assertThat(index.issues().get(2).detail()).isEqualTo("run_manifest.json not found");
        assertThat(index.issues().get(0).detail()).isEqualTo("manifest payload is not a JSON object");
        assertThat(index.issues().get(2).runDir()).isEqualTo(tmp + "/runs/20260201T000000Z-0000000a");
        assertThat(index.toMarkdown())
                .contains("| Path | Reason | Detail |")
                .contains("| `" + tmp
                        + "/runs/20260201T000000Z-0000000a` | manifest-missing | run_manifest.json not found |");
    }

    // Behaviour 53: filters AND together.
    @Test
    void filtersCombineWithAnd() {
        seedThreeRuns();

        assertThat(ids(RunHistoryFilter.fromStrings("RUN", null, null, null, null, null)))
                .containsExactly("20260102T000000Z-00000002");
        assertThat(ids(RunHistoryFilter.fromStrings(null, "generate", "failed", null, null, "CSV")))
                .containsExactly("20260102T000000Z-00000002");
        assertThat(ids(RunHistoryFilter.fromStrings(null, "generate", "completed", null, null, null)))
                .isEmpty();
        assertThat(ids(RunHistoryFilter.fromStrings(null, "eval", null, null, null, "markdown")))
                .containsExactly("20260101T000000Z-00000001");
        assertThat(ids(RunHistoryFilter.fromStrings(null, null, null, "2026-01-02", "2026-01-03", null)))
                .containsExactly("20260103T000000Z-00000003", "20260102T000000Z-00000002");
        assertThat(ids(RunHistoryFilter.fromStrings(null, "score", null, null, null, null)))
                .containsExactly("20260103T000000Z-00000003");
        assertThat(ids(RunHistoryFilter.fromStrings(" ", "", null, " ", null, null)))
                .hasSize(3);
    }

    private List<String> ids(RunHistoryFilter filter) {
        return RunIndex.build(tmp, Optional.of(filter), CLOCK).entries().stream()
                .map(RunHistoryRecord::runId)
                .toList();
    }

    @Test
    void aBadDateUsesTheReferenceMessage() {
        assertThatThrownBy(() -> RunHistoryFilter.fromStrings(null, null, null, "01/02/2026", null, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("run history date must use YYYY-MM-DD: 01/02/2026");
        assertThatThrownBy(() -> RunHistoryFilter.fromStrings(null, null, null, null, "2026-02-30", null))
                .hasMessage("run history date must use YYYY-MM-DD: 2026-02-30");
    }

    // Behaviour 53: the CSV header has 11 columns.
    @Test
    void csvHasTheElevenColumnHeaderAndQuotesLikePython() {
        seedThreeRuns();

        String csv =
                RunIndex.build(Path.of(tmp.toString()), Optional.empty(), CLOCK).toCsv();
        List<String> lines = csv.lines().toList();

        assertThat(lines.get(0))
                .isEqualTo("run_id,kind,status,provider,capability,created_at,artifact_count,"
                        + "safe_artifact_types,event_count,failure_summary,path");
        assertThat(lines.get(0).split(",")).hasSize(11);
        assertThat(lines.get(2))
                .isEqualTo("20260102T000000Z-00000002,benchmark,failed,runway,generate,2026-01-02T00:00:00Z,1,"
                        + "csv,7,budget | exceeded,<workspace-dir>/runs/20260102T000000Z-00000002");
        assertThat(csv).endsWith("\n");
    }

    @Test
    void jsonIsSortedAndHoldsTheCliKeys() {
        seedThreeRuns();

        RunIndex index = RunIndex.build(tmp, Optional.of(RunHistoryFilter.NONE), CLOCK);
        JsonObject json = (JsonObject) Json.parse(index.toJsonText());

        assertThat(json.keys())
                .containsExactly(
                        "entries",
                        "entry_count",
                        "filter_applied",
                        "generated_at",
                        "issue_count",
                        "issues",
                        "schema_version",
                        "workspace_dir");
        assertThat(index.toJsonText()).isEqualTo(Json.writePretty(index.toJson()) + "\n");
        assertThat(json.get("generated_at")).isEqualTo(JsonString.of("2026-02-01T10:00:00.123456Z"));
        assertThat(((JsonObject) json.get("filter_applied")).size()).isEqualTo(6);
        JsonObject eval = (JsonObject) ((JsonArray) json.get("entries")).get(2);
        assertThat(eval.get("rerun_command"))
                .isEqualTo(JsonString.of(
                        "bin/worldforge eval --suite planning --provider mock --run-workspace '<workspace-dir>'"));
        assertThat(eval.get("comparison_command"))
                .isEqualTo(JsonString.of("bin/worldforge runs compare '<workspace-dir>/runs/20260101T000000Z-00000001'"
                        + " <other-run>"));
        assertThat(eval.get("recovery_command")).isEqualTo(JsonNull.INSTANCE);
        assertThat(eval.get("capabilities")).isEqualTo(JsonArray.of(JsonString.of("eval")));
        assertThat(eval.get("safe_artifact_types"))
                .isEqualTo(JsonArray.of(JsonString.of("json"), JsonString.of("markdown")));
        JsonObject flow = (JsonObject) ((JsonArray) json.get("entries")).get(0);
        assertThat(flow.get("failure_summary"))
                .isEqualTo(JsonString.of("Run was skipped without a structured reason."));
        assertThat(flow.get("recovery_command"))
                .isEqualTo(JsonString.of(
                        "bin/worldforge runs bundle 20260103T000000Z-00000003 --workspace-dir '<workspace-dir>'"));
        assertThat(flow.get("issue_bundle_path"))
                .isEqualTo(JsonString.of("<workspace-dir>/issue-bundles/20260103T000000Z-00000003"));
    }

    @Test
    void relativeAndDotWorldforgeWorkspacesAreShownAsGiven() {
        assertThat(RunHistory.workspaceDisplay(Path.of("./runs-ws/"))).isEqualTo("runs-ws");
        assertThat(RunHistory.workspaceDisplay(Path.of("/somewhere/.worldforge")))
                .isEqualTo(".worldforge");
        assertThat(RunHistory.workspaceDisplay(Path.of("/somewhere/else"))).isEqualTo("<workspace-dir>");
    }

    @Test
    void rerunCommandsRedactSecretsAndHostPaths() {
        JsonObject manifest = JsonObject.builder()
                .put("kind", "benchmark")
                .put(
                        "command",
                        "worldforge benchmark --api-key secret-value --input /tmp/private-input.json "
                                + "RUNWAY_TOKEN=abc https://h/v?token=x file:///Users/me/clip.mp4 --run-workspace w")
                .build();

        assertThat(RunHistory.rerunCommand(manifest, ".worldforge"))
                .isEqualTo("bin/worldforge benchmark --api-key '<redacted>' --input '<host-local:private-input.json>' "
                        + "'RUNWAY_TOKEN=<redacted>' '<redacted-url>' '<host-local:clip.mp4>' --run-workspace w");
        assertThat(RunHistory.rerunCommand(
                        JsonObject.builder().put("kind", "eval").build(), "ws"))
                .isEqualTo("bin/worldforge eval --suite planning --provider mock --run-workspace ws");
        assertThat(RunHistory.rerunCommand(
                        JsonObject.builder()
                                .put("command", "worldforge 'unbalanced")
                                .build(),
                        "ws"))
                .isEqualTo("bin/worldforge ''\"'\"'unbalanced'");
    }

    @Test
    void markdownShowsFillerRowsAndTheFilterLine() {
        RunIndex empty = RunIndex.build(
                tmp.resolve("missing"),
                Optional.of(RunHistoryFilter.fromStrings("mock", null, null, "2026-01-01", null, null)),
                CLOCK);

        assertThat(empty.toMarkdown())
                .isEqualTo("# WorldForge Run Index\n\n- workspace: `" + tmp + "/missing`\n"
                        + "- generated_at: 2026-02-01T10:00:00.123456Z\n- schema_version: 1\n- entries: 0\n"
                        + "- issues: 0\n- filter: created_from=2026-01-01, provider=mock\n\n## Entries\n\n"
                        + "| Run | Kind | Status | Provider | Capability | Created | Artifacts | Failure |\n"
                        + "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
                        + "| - | - | - | - | - | - | - | - |\n\n## Issues\n\n"
                        + "- No malformed or unreadable run workspaces.\n");
        assertThat(empty.toCsv().lines().toList()).hasSize(1);

        seedThreeRuns();
        String markdown = RunIndex.build(tmp, Optional.empty(), CLOCK).toMarkdown();
        assertThat(markdown)
                .contains("| `20260102T000000Z-00000002` | benchmark | failed | runway | generate | "
                        + "2026-01-02T00:00:00Z | csv | budget \\| exceeded |")
                .doesNotContain("- filter:");
    }

    @Test
    void indexesManifestsWrittenByTheReference() throws Exception {
        Path reference = Files.createDirectories(tmp.resolve("runs/20260430T120000Z-1a2b3c4d"));
        Files.writeString(reference.resolve("run_manifest.json"), RunWorkspacesTest.REFERENCE_MANIFEST);

        RunHistoryRecord record =
                RunIndex.build(tmp, Optional.empty(), CLOCK).entries().get(0);

        assertThat(record.runId()).isEqualTo("20260430T120000Z-1a2b3c4d");
        assertThat(record.provider()).isEqualTo("mock");
        assertThat(record.capabilities()).containsExactly("eval");
        assertThat(record.createdDate()).hasValue(java.time.LocalDate.of(2026, 4, 30));
        assertThat(record.artifactCount()).isEqualTo(2);
        // One type per artifact: the Markdown report is "markdown", not also "md".
        assertThat(record.safeArtifactTypes()).containsExactly("json", "markdown");
        assertThat(record.artifactSuffixes()).containsExactly("json", "md");
        RunHistoryFilter bySuffix = RunHistoryFilter.fromStrings(null, null, null, null, null, "md");
        assertThat(RunIndex.build(tmp, Optional.of(bySuffix), CLOCK).entries()).hasSize(1);
        assertThat(record.failureSummary()).isEmpty();
        assertThat(record.toJson().get("event_count")).isEqualTo(JsonInt.of(0));
    }
}
