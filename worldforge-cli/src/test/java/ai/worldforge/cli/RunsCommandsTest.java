package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.cli.CliRunner.Result;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.runs.RunManifest;
import ai.worldforge.runs.RunStatus;
import ai.worldforge.runs.RunWorkspace;
import ai.worldforge.runs.RunWorkspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runs list|compare|bundle|index|prune|cleanup}: behaviours 50–56 of upstream-cli.md §8. */
class RunsCommandsTest {
    private static final String TRIAGE = "First triage: inspect the run manifest and rerun `bin/worldforge runs --help`"
            + " for bundle or cleanup syntax.\n";

    @TempDir
    Path dir;

    CliRunner cli;
    Path workspace;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
        workspace = dir.resolve(".worldforge");
    }

    /** A finished run written by the library, as eval or benchmark would leave it. */
    private void run(String runId, String kind) {
        RunWorkspace run = RunWorkspaces.create(
                workspace,
                runId,
                kind,
                "worldforge " + kind,
                Optional.of("mock"),
                Optional.of("predict"),
                JsonObject.EMPTY);
        run.writeJson("reports/report.json", JsonObject.of("schema_version", JsonInt.of(1)));
        RunWorkspaces.writeManifest(
                run,
                RunManifest.builder(runId, kind, "worldforge " + kind, RunStatus.COMPLETED)
                        .provider("mock")
                        .operation("predict")
                        .artifactPath("json", "reports/report.json")
                        .build());
    }

    private static String text(JsonValue object, String key) {
        return ((JsonString) ((JsonObject) object).get(key)).value();
    }

    private List<String> runIds() throws IOException {
        try (Stream<Path> list = Files.list(workspace.resolve("runs"))) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void listIsEmptyWithoutAWorkspaceAndNewestFirstOtherwise() {
        Result empty = cli.run("runs", "list");
        assertThat(empty.code()).isZero();
        assertThat(empty.out()).isEqualTo("[]\n");
        assertThat(workspace).doesNotExist();

        run("20260101T000000Z-00000001", "eval");
        run("20260102T000000Z-00000002", "benchmark");
        JsonArray runs = (JsonArray) cli.run("runs", "list").value();
        assertThat(runs.items())
                .extracting(run -> text(run, "run_id"))
                .containsExactly("20260102T000000Z-00000002", "20260101T000000Z-00000001");
        assertThat(text(runs.get(0), "path"))
                .isEqualTo(workspace.resolve("runs/20260102T000000Z-00000002").toString());
        assertThat(cli.run("runs", "list", "--format", "markdown").out())
                .startsWith("# WorldForge Runs\n\n| run_id | kind | status | provider | operation | path |");
    }

    @Test
    void cleanupPreviewsThenRemovesAndRejectsANegativeKeep() throws IOException {
        run("20260101T000000Z-00000001", "eval");
        run("20260102T000000Z-00000002", "eval");
        Result preview = cli.run("runs", "cleanup", "--keep", "1", "--dry-run");
        assertThat(preview.code()).isZero();
        JsonObject payload = preview.json();
        assertThat(payload.keys()).containsExactly("dry_run", "selected_count", "removed_count", "paths");
        assertThat(payload.get("dry_run")).isEqualTo(JsonBool.TRUE);
        assertThat(payload.get("selected_count")).isEqualTo(JsonInt.of(1));
        assertThat(payload.get("removed_count")).isEqualTo(JsonInt.of(0));
        assertThat(runIds()).hasSize(2);

        Result removed = cli.run("runs", "cleanup", "--keep", "1", "--format", "markdown");
        assertThat(removed.out()).startsWith("# WorldForge Run Cleanup\n").contains("- removed_count: 1");
        assertThat(runIds()).containsExactly("20260102T000000Z-00000002");

        Result negative = cli.run("runs", "cleanup", "--keep", "-1");
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err())
                .isEqualTo("WorldForge CLI error [runs cleanup]: keep must be greater than or equal to 0\n" + TRIAGE);
    }

    @Test
    void pruneIsADryRunUntilApplied() throws IOException {
        run("20200101T000000Z-00000001", "benchmark");
        Result plan = cli.run("runs", "prune", "--max-age-days", "0", "--keep-latest", "0");
        assertThat(plan.code()).isZero();
        assertThat(plan.json().get("applied")).isEqualTo(JsonBool.FALSE);
        assertThat(plan.json().get("delete_count")).isEqualTo(JsonInt.of(1));
        assertThat(runIds()).hasSize(1);

        Result applied = cli.run("runs", "prune", "--max-age-days", "0", "--keep-latest", "0", "--apply");
        assertThat(applied.json().get("applied")).isEqualTo(JsonBool.TRUE);
        assertThat(runIds()).isEmpty();
    }

    @Test
    void pruneDefaultsKeepTheLatestTenAndFamiliesScopeTheKeepWindow() {
        run("20200101T000000Z-00000001", "eval");
        run("20200102T000000Z-00000002", "benchmark");
        Result defaults = cli.run("runs", "prune");
        JsonObject policy = (JsonObject) defaults.json().get("policy");
        assertThat(Json.write(policy)).isEqualTo("{\"families\":[],\"keep_latest\":10,\"max_age_days\":30}");
        JsonArray candidates = (JsonArray) defaults.json().get("candidates");
        assertThat(candidates.items())
                .allSatisfy(c -> assertThat(text(c, "action")).isEqualTo("skip-keep-latest"));

        Result family = cli.run("runs", "prune", "--family", "benchmark", "--keep-latest", "0", "--format", "markdown");
        assertThat(family.out())
                .startsWith("# WorldForge Run Prune Report\n")
                .contains("- families: benchmark")
                .contains("skip-family");

        Result negative = cli.run("runs", "prune", "--max-age-days", "-1");
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err()).contains("max_age_days must be a non-negative integer.");
    }

    @Test
    void pruneReadsDefaultsFromARetentionProfile() throws IOException {
        run("20200101T000000Z-00000001", "eval");
        Files.writeString(dir.resolve("retention.json"), "{\"runs_retention\":{\"max_age_days\":0,\"keep_latest\":0}}");
        Result result = cli.run("runs", "prune", "--retention-profile", "retention.json");
        assertThat(result.json().get("delete_count")).isEqualTo(JsonInt.of(1));
        Files.writeString(dir.resolve("bad.json"), "{\"runs_retention\":{\"keep_latest\":\"3\"}}");
        Result bad = cli.run("runs", "prune", "--retention-profile", "bad.json");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("runs_retention.keep_latest must be an integer; got str.");
    }

    @Test
    void bundleWritesAnIssueBundleOnceUnlessOverwritten() throws IOException {
        run("20260101T000000Z-00000001", "eval");
        Result json = cli.run("runs", "bundle", "20260101T000000Z-00000001", "--format", "json");
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.json().keys())
                .containsExactly(
                        "run_id",
                        "output_dir",
                        "manifest_path",
                        "summary_path",
                        "issue_template_path",
                        "safe_to_attach",
                        "included_count",
                        "excluded_count",
                        "first_triage_step");
        Path bundle = workspace.resolve("issue-bundles/20260101T000000Z-00000001");
        for (String file : List.of("evidence_manifest.json", "summary.md", "summary.html", "issue.md", "issue.html")) {
            assertThat(bundle.resolve(file)).as(file).isRegularFile();
        }
        Result again = cli.run("runs", "bundle", "20260101T000000Z-00000001");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("Evidence bundle output directory is not empty");
        Result markdown = cli.run("runs", "bundle", "20260101T000000Z-00000001", "--overwrite");
        assertThat(markdown.out()).startsWith("## WorldForge Run Issue: `20260101T000000Z-00000001`");
        Result html = cli.run("runs", "bundle", "20260101T000000Z-00000001", "--overwrite", "--format", "html");
        assertThat(html.out()).startsWith("<!DOCTYPE html>").doesNotContain("<script");
        Result malformed = cli.run("runs", "bundle", "not-a-run");
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err()).contains("Evidence bundle run_id is invalid: run_id must match");
    }

    @Test
    void indexAddsRerunCommandsFiltersAndRejectsBadDates() throws IOException {
        run("20260101T000000Z-00000001", "eval");
        run("20260102T000000Z-00000002", "benchmark");
        Result index = cli.run("runs", "index");
        assertThat(index.json().keys())
                .containsExactlyInAnyOrder(
                        "entries",
                        "entry_count",
                        "filter_applied",
                        "generated_at",
                        "issue_count",
                        "issues",
                        "schema_version",
                        "workspace_dir");
        JsonArray entries = (JsonArray) index.json().get("entries");
        assertThat(text(entries.get(0), "rerun_command")).startsWith("bin/worldforge benchmark --run-workspace ");

        Result filtered = cli.run("runs", "index", "--status", "COMPLETED", "--created-from", "2026-01-02");
        assertThat(filtered.json().get("entry_count")).isEqualTo(JsonInt.of(1));
        assertThat(cli.run("runs", "index", "--format", "csv").out())
                .startsWith("run_id,kind,status,provider,capability,created_at,artifact_count,safe_artifact_types,"
                        + "event_count,failure_summary,path\n");

        assertThat(cli.run("runs", "index", "--output", "out/index.md", "--format", "markdown")
                        .out())
                .isEmpty();
        assertThat(Files.readString(dir.resolve("out/index.md"))).startsWith("# WorldForge Run Index");

        Result bad = cli.run("runs", "index", "--created-from", "01/02/2026");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err())
                .isEqualTo("WorldForge CLI error [runs index]: run history date must use YYYY-MM-DD: 01/02/2026\n"
                        + TRIAGE);
    }

    @Test
    void compareNeedsTwoRunsOfOneKind() throws IOException {
        Result eval1 = cli.run("eval", "--run-workspace", ".worldforge");
        Result eval2 = cli.run("eval", "--run-workspace", ".worldforge");
        assertThat(eval1.code() + eval2.code()).isZero();
        List<String> ids = runIds();
        Result markdown = cli.run(
                "runs",
                "compare",
                ".worldforge/runs/" + ids.get(0),
                ".worldforge/runs/" + ids.get(1),
                "--format",
                "markdown");
        assertThat(markdown.code()).as(markdown.err()).isZero();
        assertThat(markdown.out()).startsWith("# WorldForge Run Comparison");
        Result regression = cli.run(
                "runs",
                "compare",
                ".worldforge/runs/" + ids.get(0),
                ".worldforge/runs/" + ids.get(1),
                "--mode",
                "regression",
                "--output",
                "cmp.json");
        assertThat(regression.out()).isEmpty();
        assertThat(Files.readString(dir.resolve("cmp.json"))).contains("\"regression_summary\"");

        Result one = cli.run("runs", "compare", ".worldforge/runs/" + ids.get(0));
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("runs compare requires at least two run directories or manifest paths.");
        assertThat(cli.run("runs", "compare").err()).contains("the following arguments are required: paths");
    }
}
