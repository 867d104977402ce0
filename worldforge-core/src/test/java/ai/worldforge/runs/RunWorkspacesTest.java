package ai.worldforge.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunWorkspacesTest {
    /** A manifest exactly as the reference writes it: json.dumps(indent=2, sort_keys=True) + newline. */
    static final String REFERENCE_MANIFEST = """
            {
              "artifact_paths": {
                "json": "reports/report.json",
                "markdown": "reports/report.md"
              },
              "command": "worldforge eval --suite planning --provider mock",
              "created_at": "2026-04-30T12:00:00Z",
              "event_count": 0,
              "input_summary": {
                "providers": [
                  "mock"
                ],
                "suite_id": "planning"
              },
              "kind": "eval",
              "layout": {
                "artifacts": "artifacts/",
                "inputs": "inputs/",
                "logs": "logs/",
                "reports": "reports/",
                "results": "results/"
              },
              "operation": "planning",
              "provider": "mock",
              "result_summary": {
                "passed_count": 4,
                "result_count": 4,
                "suite": "Planning",
                "suite_id": "planning"
              },
              "run_id": "20260430T120000Z-1a2b3c4d",
              "schema_version": 1,
              "status": "completed"
            }
            """;

    @TempDir
    Path tmp;

    // Behaviour 52: run ids match the pattern and created_at is derived from them.
    @Test
    void runIdsUseTheTimestampAndEightHexDigitsOfTheUuid() {
        Clock clock = Clock.fixed(Instant.parse("2026-04-30T12:00:00.987Z"), ZoneOffset.UTC);
        String runId = RunIds.create(clock, () -> UUID.fromString("1a2b3c4d-0000-4000-8000-000000000000"));

        assertThat(runId).isEqualTo("20260430T120000Z-1a2b3c4d").matches(RunIds.PATTERN);
        assertThat(RunIds.create(clock)).matches(RunIds.PATTERN);
        assertThat(RunIds.createdAt(runId)).isEqualTo("2026-04-30T12:00:00Z");
    }

    @Test
    void invalidRunIdsAreRejectedWithTheReferenceMessage() {
        for (String bad : List.of("not safe", "20260101T000000Z-ABCDEF12", "20260101T000000Z-0000001", "../x")) {
            assertThatThrownBy(() -> RunIds.validate(bad))
                    .isInstanceOf(WorldForgeException.class)
                    .hasMessage("run_id must match YYYYMMDDTHHMMSSZ-xxxxxxxx with a lowercase hex suffix");
        }
        assertThatThrownBy(() -> RunWorkspaces.create(tmp, "bad", "eval", "worldforge eval"))
                .hasMessageContaining("run_id must match");
        assertThat(tmp.resolve("runs")).doesNotExist();
    }

    // Behaviour 63.
    @Test
    void deterministicIdFactoryStepsTimeAndSuffix() {
        DeterministicIdFactory ids =
                new DeterministicIdFactory(DeterministicIdFactory.DEFAULT_START, Duration.ofSeconds(5), 1);

        assertThat(ids.runId()).isEqualTo("20260101T000000Z-00000001");
        assertThat(ids.runId()).isEqualTo("20260101T000005Z-00000002");
        assertThat(DeterministicIdFactory.prefixedId("world", 3)).isEqualTo("world_000000000003");
        assertThat(new DeterministicIdFactory().runId()).isEqualTo("20260101T000000Z-00000001");
    }

    @Test
    void createMakesTheLayoutAndARunningManifestInTheReferenceFormat() throws Exception {
        RunWorkspace workspace = RunWorkspaces.create(
                tmp,
                "20260430T120000Z-1a2b3c4d",
                "eval",
                "worldforge eval --suite planning --provider mock",
                Optional.of("mock"),
                Optional.of("planning"),
                JsonObject.builder()
                        .put("suite_id", "planning")
                        .put("providers", JsonArray.of(JsonString.of("mock")))
                        .build());

        assertThat(workspace.path()).isEqualTo(tmp.toRealPath().resolve("runs/20260430T120000Z-1a2b3c4d"));
        for (Path dir : List.of(
                workspace.inputsDir(),
                workspace.resultsDir(),
                workspace.reportsDir(),
                workspace.artifactsDir(),
                workspace.logsDir())) {
            assertThat(dir).isDirectory();
        }
        JsonObject manifest = (JsonObject) Json.parse(Files.readString(workspace.manifestPath()));
        assertThat(manifest.get("status")).isEqualTo(JsonString.of("running"));
        assertThat(manifest.get("created_at")).isEqualTo(JsonString.of("2026-04-30T12:00:00Z"));

        RunManifest completed = RunManifest.builder(
                        workspace.runId(),
                        "eval",
                        "worldforge eval --suite planning --provider mock",
                        RunStatus.COMPLETED)
                .provider("mock")
                .operation("planning")
                .inputSummary((JsonObject) manifest.get("input_summary"))
                .resultSummary(JsonObject.builder()
                        .put("suite_id", "planning")
                        .put("suite", "Planning")
                        .put("result_count", JsonInt.of(4))
                        .put("passed_count", JsonInt.of(4))
                        .build())
                .artifactPath("markdown", "reports/report.md")
                .artifactPath("json", "reports/report.json")
                .build();
        RunWorkspaces.writeManifest(workspace, completed);

        assertThat(Files.readString(workspace.manifestPath())).isEqualTo(REFERENCE_MANIFEST);
    }

    @Test
    void configProfileIsWrittenAsAJsonObject() throws Exception {
        RunWorkspace workspace =
                RunWorkspaces.create(tmp, "20260101T000000Z-00000001", "benchmark", "worldforge benchmark");
        JsonObject profile = JsonObject.builder()
                .put("name", "local")
                .put("sha256", "sha256:" + "0".repeat(64))
                .build();
        RunWorkspaces.writeManifest(
                workspace,
                RunManifest.builder(workspace.runId(), "benchmark", "worldforge benchmark", RunStatus.FAILED)
                        .configProfile(profile)
                        .build());

        JsonObject manifest = (JsonObject) Json.parse(Files.readString(workspace.manifestPath()));
        assertThat(manifest.get("config_profile")).isEqualTo(profile);
        assertThat(manifest.get("status")).isEqualTo(JsonString.of("failed"));
    }

    // Behaviour 52: a duplicate id fails.
    @Test
    void aDuplicateRunIdFails() {
        RunWorkspaces.create(tmp, "20260101T000000Z-00000001", "eval", "worldforge eval");

        assertThatThrownBy(() -> RunWorkspaces.create(tmp, "20260101T000000Z-00000001", "eval", "worldforge eval"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageContaining("already exists");
    }

    // Behaviour 52: write_text("../x") raises.
    @Test
    void writersRefusePathsEscapingTheRunDirectory() throws Exception {
        RunWorkspace workspace = RunWorkspaces.create(tmp, "20260101T000000Z-00000001", "eval", "worldforge eval");

        assertThatThrownBy(() -> workspace.writeText("../x", "nope"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("run artifact path escapes workspace: ../x");
        assertThatThrownBy(() -> workspace.writeJson("../escape.json", JsonObject.EMPTY))
                .hasMessage("run artifact path escapes workspace: ../escape.json");
        Files.createSymbolicLink(workspace.path().resolve("outside"), tmp);
        assertThatThrownBy(() -> workspace.writeText("outside/x.txt", "nope"))
                .hasMessage("run artifact path escapes workspace: outside/x.txt");
        assertThat(workspace.path().resolveSibling("x")).doesNotExist();

        Path text = workspace.writeText("logs/nested/transcript.txt", "hello");
        Path json = workspace.writeJson(
                "results/summary.json",
                JsonObject.builder().put("b", JsonInt.of(1)).put("a", "x").build());
        assertThat(Files.readString(text)).isEqualTo("hello\n");
        assertThat(Files.readString(json)).isEqualTo("{\n  \"a\": \"x\",\n  \"b\": 1\n}\n");
    }

    @Test
    void listReadsReferenceManifestsNewestFirstWithUnresolvedPaths() throws Exception {
        Path ws = tmp.resolve("ws");
        Path reference = ws.resolve("runs/20260430T120000Z-1a2b3c4d");
        Files.createDirectories(reference);
        Files.writeString(reference.resolve("run_manifest.json"), REFERENCE_MANIFEST);
        RunWorkspaces.create(ws, "20260101T000000Z-00000001", "benchmark", "worldforge benchmark");
        Path broken = ws.resolve("runs/20260501T000000Z-00000009");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("run_manifest.json"), "{not json");
        Path array = ws.resolve("runs/20260502T000000Z-00000009");
        Files.createDirectories(array);
        Files.writeString(array.resolve("run_manifest.json"), "[]");

        List<JsonObject> runs = RunWorkspaces.list(ws);

        assertThat(runs)
                .extracting(run -> run.get("run_id"))
                .containsExactly(
                        JsonString.of("20260430T120000Z-1a2b3c4d"), JsonString.of("20260101T000000Z-00000001"));
        assertThat(runs.get(0).get("path")).isEqualTo(JsonString.of(ws + "/runs/20260430T120000Z-1a2b3c4d"));
        assertThat(List.copyOf(runs.get(0).keys())).endsWith("status", "path");
        assertThat(RunWorkspaces.list(tmp.resolve("missing"))).isEmpty();
        assertThat(RunWorkspaces.listJson(tmp.resolve("missing"))).isEqualTo(JsonArray.EMPTY);
    }

    @Test
    void listMarkdownMatchesTheCli() {
        Path ws = Path.of("relative-ws");
        JsonObject run = JsonObject.builder()
                .put("run_id", "20260101T000000Z-00000001")
                .put("kind", "eval")
                .put("status", "running")
                .put("provider", ai.worldforge.json.JsonNull.INSTANCE)
                .put("path", ws + "/runs/20260101T000000Z-00000001")
                .build();

        assertThat(RunWorkspaces.listMarkdown(List.of(run))).isEqualTo("""
                        # WorldForge Runs

                        | run_id | kind | status | provider | operation | path |
                        | --- | --- | --- | --- | --- | --- |
                        | `20260101T000000Z-00000001` | eval | running | None |  | `relative-ws/runs/20260101T000000Z-00000001` |
                        """);
    }

    @Test
    void cleanupDryRunSelectsOlderRunsAndKeepsThem() {
        RunWorkspaces.create(tmp, "20260101T000000Z-00000001", "eval", "worldforge eval");
        RunWorkspaces.create(tmp, "20260102T000000Z-00000002", "benchmark", "worldforge benchmark");
        String older = tmp + "/runs/20260101T000000Z-00000001";

        RunCleanup preview = RunWorkspaces.cleanup(tmp, 1, true);

        assertThat(Json.write(preview.toJson()))
                .isEqualTo("{\"dry_run\":true,\"paths\":[\"" + older + "\"],\"removed_count\":0,\"selected_count\":1}");
        assertThat(List.copyOf(preview.toJson().keys()))
                .containsExactly("dry_run", "selected_count", "removed_count", "paths");
        assertThat(preview.toMarkdown())
                .isEqualTo("# WorldForge Run Cleanup Preview\n\n- removed_count: 0\n- selected_count: 1\n- `" + older
                        + "`\n");
        assertThat(RunWorkspaces.list(tmp)).hasSize(2);

        RunCleanup removed = RunWorkspaces.cleanup(tmp, 1, false);

        assertThat(removed.removedCount()).isEqualTo(1);
        assertThat(removed.toMarkdown()).startsWith("# WorldForge Run Cleanup\n\n- removed_count: 1\n");
        assertThat(RunWorkspaces.list(tmp))
                .extracting(run -> run.get("run_id"))
                .containsExactly(JsonString.of("20260102T000000Z-00000002"));
    }

    @Test
    void cleanupRejectsANegativeKeep() {
        RunWorkspaces.create(tmp, "20260101T000000Z-00000001", "eval", "worldforge eval");

        assertThatThrownBy(() -> RunWorkspaces.cleanup(tmp, -1, false))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("keep must be greater than or equal to 0");
        assertThat(RunWorkspaces.list(tmp)).hasSize(1);
    }
}
