package ai.worldforge.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsPruneTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path tmp;

    private void run(String runId, String kind) {
        RunWorkspaces.create(tmp, runId, kind, "worldforge " + kind);
    }

    // Behaviour 54: a run under 24 h old is skip-young unless max_age is 0.
    @Test
    void youngRunsAreSkippedUnlessMaxAgeIsZero() {
        run("20260301T110000Z-00000001", "eval");

        PruneReport plan = RunsPrune.plan(tmp, new RunsRetentionPolicy(1, 0, List.of()), NOW);
        assertThat(plan.candidates()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("skip-young");
            assertThat(c.reason()).isEqualTo("younger than 24 hours; pass max_age_days=0 to override");
        });

        PruneReport forced = RunsPrune.plan(tmp, new RunsRetentionPolicy(0, 0, List.of()), NOW);
        assertThat(forced.candidates().get(0).action()).isEqualTo("delete");
        assertThat(forced.candidates().get(0).reason())
                .isEqualTo("max_age_days=0 forces delete after keep_latest window");
        assertThat(forced.applied()).isFalse();
        assertThat(tmp.resolve("runs/20260301T110000Z-00000001")).isDirectory();
    }

    @Test
    void defaultsKeepAFreshRunAndReportTheirPolicy() {
        run("20260301T110000Z-00000001", "eval");

        PruneReport plan = RunsPrune.plan(tmp, RunsRetentionPolicy.DEFAULT, NOW);

        assertThat(plan.candidates().get(0).action()).isEqualTo("skip-keep-latest");
        assertThat(plan.candidates().get(0).reason()).isEqualTo("within keep_latest=10");
        assertThat(Json.write(plan.toJson().get("policy")))
                .isEqualTo("{\"families\":[],\"keep_latest\":10,\"max_age_days\":30}");
        assertThat(plan.generatedAt()).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(plan.candidates().get(0).runDir())
                .isEqualTo(RunPaths.resolve(tmp)
                        .resolve("runs/20260301T110000Z-00000001")
                        .toString());
        assertThat(plan.candidates().get(0).sizeBytes()).isPositive();
    }

    @Test
    void oldRunsOutsideTheKeepWindowAreDeleted() {
        for (int day = 1; day <= 5; day++) {
            run("2026010" + day + "T000000Z-0000000" + day, "eval");
        }

        PruneReport plan = RunsPrune.plan(tmp, new RunsRetentionPolicy(30, 2, List.of()), NOW);

        assertThat(plan.candidates())
                .extracting(PruneCandidate::action)
                .containsExactly("skip-keep-latest", "skip-keep-latest", "delete", "delete", "delete");
        assertThat(plan.candidates().get(2).reason()).isEqualTo("older than 30 days");
        assertThat(plan.toJson().get("delete_count")).isEqualTo(ai.worldforge.json.JsonInt.of(3));

        PruneReport generous = RunsPrune.plan(tmp, new RunsRetentionPolicy(365, 2, List.of()), NOW);
        assertThat(generous.candidates().get(4).action()).isEqualTo("keep");
        assertThat(generous.candidates().get(4).reason()).isEqualTo("kept by policy");
    }

    // Behaviour 54: keep_latest is scoped to the family filter.
    @Test
    void keepLatestIsCountedInsideTheFamilyFilter() {
        run("20260101T000000Z-00000001", "benchmark");
        run("20260102T000000Z-00000002", "benchmark");
        run("20260103T000000Z-00000003", "eval");

        PruneReport plan = RunsPrune.plan(tmp, new RunsRetentionPolicy(30, 1, List.of(" benchmark ")), NOW);

        assertThat(plan.candidates())
                .extracting(PruneCandidate::action)
                .containsExactly("skip-family", "skip-keep-latest", "delete");
        assertThat(plan.candidates().get(0).reason()).isEqualTo("kind 'eval' is not in selected families");
        assertThat(plan.policy().families()).containsExactly("benchmark");
        assertThat(plan.toMarkdown()).contains("- families: benchmark\n");
    }

    @Test
    void runsWithoutAnyCreationTimeAreNotDeleted() throws IOException {
        Path odd = Files.createDirectories(tmp.resolve("runs/not-a-run-id"));
        Files.writeString(odd.resolve("run_manifest.json"), "{\"kind\": \"eval\"}");

        PruneReport plan = RunsPrune.plan(tmp, new RunsRetentionPolicy(30, 0, List.of()), NOW);

        assertThat(plan.candidates().get(0).action()).isEqualTo("skip-young");
        assertThat(plan.candidates().get(0).reason())
                .isEqualTo("manifest missing or unparseable created_at; refusing to delete");
        assertThat(plan.candidates().get(0).runId()).isEqualTo("not-a-run-id");
    }

    // Behaviour 54: a second apply raises.
    @Test
    void applyDeletesOnlyDeleteRowsAndRefusesASecondApply() {
        run("20260101T000000Z-00000001", "eval");
        run("20260102T000000Z-00000002", "eval");

        PruneReport applied = RunsPrune.apply(RunsPrune.plan(tmp, new RunsRetentionPolicy(0, 1, List.of()), NOW));

        assertThat(applied.applied()).isTrue();
        assertThat(tmp.resolve("runs/20260101T000000Z-00000001")).doesNotExist();
        assertThat(tmp.resolve("runs/20260102T000000Z-00000002")).isDirectory();
        assertThat(applied.toMarkdown()).contains("- mode: apply\n");
        assertThatThrownBy(() -> RunsPrune.apply(applied))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("PruneReport already applied; build a fresh plan first.");
    }

    // Behaviour 55: crafted and symlinked paths outside runs are refused.
    @Test
    void applyRefusesTargetsOutsideTheRunsDirectory() throws IOException {
        run("20260101T000000Z-00000001", "eval");
        Path victim = Files.createDirectories(tmp.resolve("victim"));
        Path link = Files.createSymbolicLink(tmp.resolve("runs/20260102T000000Z-00000002"), victim);
        PruneCandidate crafted =
                new PruneCandidate("x", victim.toString(), "eval", "", 0, "delete", "older than 30 days");
        PruneReport craftedReport =
                new PruneReport(tmp.toString(), RunsRetentionPolicy.DEFAULT, "t", List.of(crafted), false);

        assertThatThrownBy(() -> RunsPrune.apply(craftedReport))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageStartingWith("Refusing to prune outside runs directory; target ")
                .hasMessageContaining("is not inside resolved runs root");

        PruneCandidate viaLink = new PruneCandidate("y", link.toString(), "eval", "", 0, "delete", "forced");
        assertThatThrownBy(() -> RunsPrune.apply(
                        new PruneReport(tmp.toString(), RunsRetentionPolicy.DEFAULT, "t", List.of(viaLink), false)))
                .hasMessageStartingWith("Refusing to prune outside runs directory");
        assertThat(victim).isDirectory();
        assertThat(tmp.resolve("runs/20260101T000000Z-00000001")).isDirectory();
    }

    // Behaviour 55: deletion errors are wrapped.
    @Test
    void deletionErrorsAreWrapped() {
        run("20260101T000000Z-00000001", "eval");
        PruneReport plan = RunsPrune.plan(tmp, new RunsRetentionPolicy(0, 0, List.of()), NOW);

        assertThatThrownBy(() -> RunsPrune.apply(plan, dir -> {
                    throw new IOException("disk says no");
                }))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageStartingWith("Failed to remove run workspace ")
                .hasMessageContaining("disk says no");
    }

    @Test
    void missingRunsDirectoryGivesAnEmptyReport() {
        PruneReport plan = RunsPrune.plan(tmp.resolve("absent"), RunsRetentionPolicy.DEFAULT, NOW);

        assertThat(plan.candidates()).isEmpty();
        assertThat(plan.toMarkdown())
                .isEqualTo("# WorldForge Run Prune Report\n\n- workspace: `" + tmp + "/absent`\n"
                        + "- generated_at: 2026-03-01T12:00:00Z\n- mode: dry-run\n- max_age_days: 30\n"
                        + "- keep_latest: 10\n- families: (all)\n- candidates: 0\n- to delete: 0 (0 bytes)\n\n"
                        + "## Candidates\n\n| Run | Kind | Created | Size | Action | Reason |\n"
                        + "| --- | --- | --- | ---: | --- | --- |\n| - | - | - | - | - | - |\n");
        JsonObject json = (JsonObject) Json.parse(plan.toJsonText());
        assertThat(json.keys())
                .containsExactly(
                        "applied",
                        "candidate_count",
                        "candidates",
                        "delete_bytes",
                        "delete_count",
                        "generated_at",
                        "policy",
                        "schema_version",
                        "workspace_dir");
        assertThat(RunsPrune.plan(tmp, RunsRetentionPolicy.DEFAULT, Instant.parse("2026-03-01T12:00:00.5Z"))
                        .generatedAt())
                .isEqualTo("2026-03-01T12:00:00.500000Z");
    }

    @Test
    void policyValidationUsesTheReferenceMessages() {
        assertThatThrownBy(() -> new RunsRetentionPolicy(-1, 10, List.of()))
                .hasMessage("max_age_days must be a non-negative integer.");
        assertThatThrownBy(() -> new RunsRetentionPolicy(30, -1, List.of()))
                .hasMessage("keep_latest must be a non-negative integer.");
        assertThatThrownBy(() -> new RunsRetentionPolicy(30, 1, List.of(" ")))
                .hasMessage("families entries must be non-empty strings.");
    }

    @Test
    void retentionBlocksParseWithTheReferenceMessages() {
        assertThat(RunsRetentionPolicy.parse(Json.parse("{\"max_age_days\": 7, \"families\": [\"eval\"]}")))
                .isEqualTo(new RunsRetentionPolicy(7, 10, List.of("eval")));
        assertThatThrownBy(() -> RunsRetentionPolicy.parse(Json.parse("[]")))
                .hasMessage("runs_retention must be a JSON object.");
        assertThatThrownBy(() -> RunsRetentionPolicy.parse(Json.parse("{\"zeta\": 1, \"alpha\": 2}")))
                .hasMessage("runs_retention has unsupported keys: alpha, zeta.");
        assertThatThrownBy(() -> RunsRetentionPolicy.parse(Json.parse("{\"max_age_days\": \"7\"}")))
                .hasMessage("runs_retention.max_age_days must be an integer; got str.");
        assertThatThrownBy(() -> RunsRetentionPolicy.parse(Json.parse("{\"keep_latest\": true}")))
                .hasMessage("runs_retention.keep_latest must be an integer; got bool.");
        assertThatThrownBy(() -> RunsRetentionPolicy.parse(Json.parse("{\"families\": \"eval\"}")))
                .hasMessage("runs_retention.families must be an array.");
        assertThatThrownBy(() -> RunsRetentionPolicy.parse(Json.parse("{\"families\": [1]}")))
                .hasMessage("runs_retention.families[0] must be a string; got int.");
        assertThatThrownBy(() -> RunsRetentionPolicy.parse(Json.parse("{\"max_age_days\": -2}")))
                .hasMessage("max_age_days must be a non-negative integer.");
    }

    @Test
    void explicitValuesBeatTheRetentionProfile() throws IOException {
        Path profile = tmp.resolve("retention.json");
        Files.writeString(
                profile, "{\"runs_retention\": {\"max_age_days\": 7, \"keep_latest\": 3, \"families\": [\"eval\"]}}");

        assertThat(RunsPrune.resolvePolicy(OptionalInt.empty(), OptionalInt.of(1), List.of(), Optional.of(profile)))
                .isEqualTo(new RunsRetentionPolicy(7, 1, List.of("eval")));
        assertThat(RunsPrune.resolvePolicy(
                        OptionalInt.empty(), OptionalInt.empty(), List.of("flow"), Optional.of(profile)))
                .isEqualTo(new RunsRetentionPolicy(7, 3, List.of("flow")));
        assertThat(RunsPrune.resolvePolicy(OptionalInt.empty(), OptionalInt.empty(), List.of(), Optional.empty()))
                .isEqualTo(RunsRetentionPolicy.DEFAULT);
        assertThatThrownBy(() ->
                        RunsPrune.resolvePolicy(OptionalInt.of(-1), OptionalInt.empty(), List.of(), Optional.empty()))
                .hasMessage("max_age_days must be a non-negative integer.");

        Files.writeString(profile, "{\"runs_retention\": {\"max_age_days\": 7, \"extra\": 1}}");
        assertThatThrownBy(() -> RunsPrune.loadRetentionProfile(profile))
                .hasMessage("runs_retention has unsupported keys: extra.");
        Files.writeString(profile, "{broken");
        assertThatThrownBy(() -> RunsPrune.loadRetentionProfile(profile))
                .hasMessageStartingWith("Failed to read retention profile " + profile + ": ");
        Files.writeString(profile, "[]");
        assertThatThrownBy(() -> RunsPrune.loadRetentionProfile(profile))
                .hasMessage("retention profile " + profile + " must be a JSON object.");
        Files.writeString(profile, "{\"runs_retention\": []}");
        assertThat(RunsPrune.loadRetentionProfile(profile)).isEmpty();
    }
}
