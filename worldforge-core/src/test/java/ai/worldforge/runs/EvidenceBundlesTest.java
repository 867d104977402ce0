package ai.worldforge.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceBundlesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);
    private static final String EVAL_ID = "20260101T000000Z-00000001";
    private static final String BENCH_ID = "20260101T000005Z-00000002";

    @TempDir
    Path tmp;

    private Path ws() {
        return tmp.resolve("ws");
    }

    private EvidenceBundleOptions.Builder options() {
        return EvidenceBundleOptions.builder(CLOCK);
    }

    private RunWorkspace evalRun() {
        RunWorkspace run =
                RunWorkspaces.create(ws(), EVAL_ID, "eval", "worldforge eval --suite planning --provider mock");
        run.writeJson(
                "reports/report.json",
                JsonObject.builder().put("suite_id", "planning").build());
        run.writeText("reports/report.md", "# Evaluation Report");
        run.writeJson(
                "results/summary.json",
                JsonObject.builder().put("result_count", JsonInt.of(4)).build());
        RunWorkspaces.writeManifest(
                run,
                RunManifest.builder(
                                EVAL_ID,
                                "eval",
                                "worldforge eval --suite planning --provider mock",
                                RunStatus.COMPLETED)
                        .provider("mock")
                        .operation("planning")
                        .artifactPath("json", "reports/report.json")
                        .artifactPath("markdown", "reports/report.md")
                        .build());
        return run;
    }

    private RunWorkspace benchmarkRun() {
        RunWorkspace run = RunWorkspaces.create(ws(), BENCH_ID, "benchmark", "worldforge benchmark --provider mock");
        run.writeJson(
                "reports/report.json",
                JsonObject.builder()
                        .put(
                                "run_metadata",
                                JsonObject.builder()
                                        .put(
                                                "input_file",
                                                JsonObject.of(
                                                        "path",
                                                        JsonString.of("benchmark_presets/_data/inputs-mock.json")))
                                        .put(
                                                "budget_file",
                                                JsonObject.of("path", JsonString.of("/opt/elsewhere/budget.json")))
                                        .build())
                        .build());
        RunWorkspaces.writeManifest(
                run,
                RunManifest.builder(BENCH_ID, "benchmark", "worldforge benchmark --provider mock", RunStatus.FAILED)
                        .provider("mock")
                        .operation("predict")
                        .resultSummary(JsonObject.of("failure_reason", JsonString.of("budget gate failed")))
                        .artifactPath("json", "reports/report.json")
                        .build());
        return run;
    }

    private static JsonObject file(JsonObject manifest, String path) {
        for (JsonValue item : (JsonArray) manifest.get("files")) {
            JsonObject file = (JsonObject) item;
            if (file.get("path").equals(JsonString.of(path))) {
                return file;
            }
        }
        throw new AssertionError("no bundle file " + path);
    }

    // Behaviour 56: evidence bundle of eval + benchmark.
    @Test
    void bundlesEvalAndBenchmarkRuns() throws IOException {
        evalRun();
        benchmarkRun();
        Path out = tmp.resolve("bundle");

        BundleResult result = EvidenceBundles.generate(ws(), out, options().build());
        JsonObject manifest = result.manifest();

        assertThat(manifest.get("run_count")).isEqualTo(JsonInt.of(2));
        assertThat(out.resolve("runs/" + EVAL_ID + "/run_manifest.json")).isRegularFile();
        assertThat(out.resolve("runs/" + BENCH_ID + "/run_manifest.json")).isRegularFile();
        assertThat(out.resolve("runs/" + EVAL_ID + "/reports/report.json")).isRegularFile();
        assertThat(out.resolve("runs/" + BENCH_ID + "/reports/report.json")).isRegularFile();
        assertThat(Files.readString(result.manifestPath())).isEqualTo(Json.writePretty(manifest) + "\n");
        assertThat(manifest.get("generated_at")).isEqualTo(JsonString.of("2026-01-02T03:04:05+00:00"));
        assertThat(manifest.get("source_workspace")).isEqualTo(JsonString.of("<host-local:ws>"));

        JsonObject preset = file(manifest, "inputs/src/worldforge/benchmark_presets/_data/inputs-mock.json");
        assertThat(preset.get("included")).isEqualTo(JsonBool.TRUE);
        assertThat(preset.get("source"))
                .isEqualTo(JsonString.of("worldforge.benchmark_presets._data/inputs-mock.json"));
        assertThat(out.resolve("inputs/src/worldforge/benchmark_presets/_data/inputs-mock.json"))
                .isRegularFile();
        JsonObject budget = file(manifest, "budgets/" + BENCH_ID + "/budget_file.json");
        assertThat(budget.get("reason"))
                .isEqualTo(JsonString.of("referenced path is missing, absolute, or outside the repository"));
        assertThat(budget.get("source")).isEqualTo(JsonString.of("<host-local:budget.json>"));
        assertThat(budget.get("local_only")).isEqualTo(JsonBool.TRUE);
        assertThat(manifest.get("safe_to_attach")).isEqualTo(JsonBool.FALSE);

        JsonObject copied = file(manifest, "runs/" + EVAL_ID + "/reports/report.md");
        byte[] bytes = Files.readAllBytes(ws().resolve("runs/" + EVAL_ID + "/reports/report.md"));
        assertThat(copied.get("sha256")).isEqualTo(JsonString.of(EvidenceBundles.sha256(bytes)));
        assertThat(copied.get("size_bytes")).isEqualTo(JsonInt.of(bytes.length));
        assertThat(((JsonString) copied.get("sha256")).value()).matches("sha256:[0-9a-f]{64}");

        JsonArray fixtures = (JsonArray) manifest.get("fixture_digests");
        assertThat(fixtures.items())
                .extracting(item -> ((JsonObject) item).get("path"))
                .contains(JsonString.of("src/worldforge/benchmark_presets/_data/inputs-mock.json"));

        String summary = Files.readString(result.summaryPath());
        assertThat(summary)
                .startsWith("# WorldForge Evidence Bundle\n\n- Schema version: `1`\n")
                .contains("- Runs: 2\n")
                .contains("| " + BENCH_ID + " | benchmark | failed | mock | predict | "
                        + "`worldforge benchmark --provider mock` | - |")
                .contains("## Claim Boundary")
                .endsWith("or claim physical fidelity.\n");
        String html = Files.readString(out.resolve("summary.html"));
        assertThat(html)
                .contains("<h1>WorldForge Evidence Bundle</h1>")
                .contains("<li><strong>Safe to attach:</strong> <code>False</code></li>")
                .doesNotContain("<script", "<link", "<a ");
        assertThat(result.issueTemplatePath()).isEmpty();
    }

    // Behaviour 57.
    @Test
    void unsafeAndMissingArtifactsAreExcludedWithReasons() throws IOException {
        RunWorkspace run = RunWorkspaces.create(ws(), EVAL_ID, "flow", "worldforge harness --flow leworldmodel");
        Files.write(run.artifactsDir().resolve("clip.mp4"), new byte[] {0, 1, 2});
        RunWorkspaces.writeManifest(
                run,
                RunManifest.builder(EVAL_ID, "flow", "worldforge harness --flow leworldmodel", RunStatus.COMPLETED)
                        .artifactPath("video", "artifacts/clip.mp4")
                        .artifactPath("absolute", "/var/data/out.json")
                        .artifactPath("escape", "../other/out.json")
                        .artifactPath("missing", "results/missing.json")
                        .build());

        JsonObject manifest = EvidenceBundles.generate(
                        ws(), tmp.resolve("b"), options().build())
                .manifest();

        JsonObject video = file(manifest, "runs/" + EVAL_ID + "/artifacts/clip.mp4");
        assertThat(video.get("reason")).isEqualTo(JsonString.of("unsupported artifact suffix '.mp4'"));
        assertThat(video.get("included")).isEqualTo(JsonBool.FALSE);
        assertThat(video.get("local_only")).isEqualTo(JsonBool.FALSE);
        assertThat(video.get("size_bytes")).isEqualTo(JsonInt.of(3));
        JsonObject absolute = file(manifest, "runs/" + EVAL_ID + "/artifacts/absolute");
        assertThat(absolute.get("reason")).isEqualTo(JsonString.of("absolute artifact path is local-only"));
        assertThat(absolute.get("local_only")).isEqualTo(JsonBool.TRUE);
        assertThat(absolute.get("source")).isEqualTo(JsonString.of("<host-local:out.json>"));
        assertThat(absolute.get("sha256")).isEqualTo(JsonNull.INSTANCE);
        JsonObject escape = file(manifest, "runs/" + EVAL_ID + "/artifacts/escape");
        assertThat(escape.get("reason")).isEqualTo(JsonString.of("artifact path escapes the run workspace"));
        assertThat(escape.get("local_only")).isEqualTo(JsonBool.TRUE);
        assertThat(escape.get("source")).isEqualTo(JsonString.of("../other/out.json"));
        assertThat(file(manifest, "runs/" + EVAL_ID + "/artifacts/missing").get("reason"))
                .isEqualTo(JsonString.of("artifact reference does not exist"));
        assertThat(manifest.get("safe_to_attach")).isEqualTo(JsonBool.FALSE);
        assertThat(tmp.resolve("b/runs/" + EVAL_ID + "/artifacts/clip.mp4")).doesNotExist();
    }

    @Test
    void copySafetyChecksApplyInOrder() {
        byte[] ok = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
        assertThat(EvidenceBundles.unsafeReason(".json", ok.length, ok)).isNull();
        assertThat(EvidenceBundles.unsafeReason("", 1, ok)).isEqualTo("unsupported artifact suffix '<none>'");
        assertThat(EvidenceBundles.unsafeReason(".JSON", 1_000_001, ok))
                .isEqualTo("file exceeds 1000000 byte safe attachment limit");
        assertThat(reason("{\"header\": \"Authorization: x /Users/me\"}")).isEqualTo("secret-like material detected");
        assertThat(reason("Bearer abc.def")).isEqualTo("secret-like material detected");
        assertThat(reason("export RUNWAYML_API_SECRET")).isEqualTo("secret-like material detected");
        assertThat(reason("bearer ")).isNull();
        assertThat(reason("see /Users/me/run.json")).isEqualTo("host-local path detected");
        assertThat(reason("C:\\data\\x")).isEqualTo("host-local path detected");
        assertThat(reason("/tmp/run.json is fine")).isNull();
        assertThat(reason("{\"url\": \"https://cdn.example/v.mp4?sig=abc\"}"))
                .isEqualTo("signed or credentialed URL detected");
        assertThat(reason("https://cdn.example/v.mp4?sig=abc outside JSON")).isNull();
    }

    private static String reason(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return EvidenceBundles.unsafeReason(".txt", data.length, data);
    }

    @Test
    void hostLocalFilesAreLocalOnlyAndSymlinkEscapesAreExcluded() throws IOException {
        RunWorkspace run = evalRun();
        run.writeText("logs/transcript.txt", "opened /Users/me/world.json");
        Path outside = Files.writeString(tmp.resolve("outside.json"), "{}");
        Files.createSymbolicLink(run.logsDir().resolve("link.json"), outside);

        JsonObject manifest = EvidenceBundles.generate(
                        ws(), tmp.resolve("b"), options().build())
                .manifest();

        JsonObject transcript = file(manifest, "runs/" + EVAL_ID + "/logs/transcript.txt");
        assertThat(transcript.get("reason")).isEqualTo(JsonString.of("host-local path detected"));
        assertThat(transcript.get("local_only")).isEqualTo(JsonBool.TRUE);
        assertThat(transcript.get("source")).isEqualTo(JsonString.of("<host-local:transcript.txt>"));
        JsonObject link = file(manifest, "runs/" + EVAL_ID + "/logs/link.json");
        assertThat(link.get("reason")).isEqualTo(JsonString.of("run artifact resolves outside the run workspace"));
        assertThat(link.get("source")).isEqualTo(JsonString.of("<host-local:link.json>"));
    }

    @Test
    void repositoryRootsGiveRelativeSourcesAndResolveReferences() throws IOException {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("examples"));
        Files.writeString(repo.resolve("examples/budget.json"), "{\"max_error_count\": 0}");
        RunWorkspace run =
                RunWorkspaces.create(repo.resolve(".worldforge"), BENCH_ID, "benchmark", "worldforge benchmark");
        run.writeJson(
                "reports/report.json",
                JsonObject.of(
                        "run_metadata",
                        JsonObject.of("budget_file", JsonObject.of("path", JsonString.of("examples/budget.json")))));

        JsonObject manifest = EvidenceBundles.generate(
                        repo.resolve(".worldforge"),
                        tmp.resolve("b"),
                        options().repositoryRoot(repo).build())
                .manifest();

        assertThat(manifest.get("source_workspace")).isEqualTo(JsonString.of(".worldforge"));
        JsonObject budget = file(manifest, "budgets/examples/budget.json");
        assertThat(budget.get("source")).isEqualTo(JsonString.of("examples/budget.json"));
        assertThat(budget.get("kind")).isEqualTo(JsonString.of("budget_file"));
        assertThat(tmp.resolve("b/budgets/examples/budget.json")).hasContent("{\"max_error_count\": 0}");
        JsonObject run0 = (JsonObject) ((JsonArray) manifest.get("runs")).get(0);
        assertThat(run0.get("source_path")).isEqualTo(JsonString.of(".worldforge/runs/" + BENCH_ID));
    }

    // Behaviour 58.
    @Test
    void issueBundleHasItsKindTemplateAndHostLocalSource() throws IOException {
        evalRun();
        benchmarkRun();
        Path out = EvidenceBundles.defaultIssueBundleDir(ws(), EVAL_ID);

        BundleResult result = EvidenceBundles.generateIssue(
                ws(),
                EVAL_ID,
                out,
                options().generatedAt("2026-01-01T00:00:00+00:00").build());
        JsonObject manifest = result.manifest();

        assertThat(manifest.get("bundle_kind")).isEqualTo(JsonString.of("issue-run"));
        assertThat(manifest.get("issue_template")).isEqualTo(JsonString.of("issue.md"));
        assertThat(manifest.get("generated_at")).isEqualTo(JsonString.of("2026-01-01T00:00:00+00:00"));
        assertThat(manifest.get("run_count")).isEqualTo(JsonInt.of(1));
        assertThat(manifest.get("fixture_digests")).isEqualTo(JsonArray.EMPTY);
        JsonObject run = (JsonObject) ((JsonArray) manifest.get("runs")).get(0);
        assertThat(run.get("source_path")).isEqualTo(JsonString.of("<host-local:" + EVAL_ID + ">"));
        assertThat(run.get("expected_signal"))
                .isEqualTo(JsonString.of("The preserved command completes and writes a non-failed run_manifest.json."));
        assertThat(run.get("observed_failure")).isEqualTo(JsonString.of("Run status is completed."));
        assertThat(manifest.get("safe_to_attach")).isEqualTo(JsonBool.TRUE);
        assertThat(manifest.get("first_triage_step"))
                .isEqualTo(JsonString.of("Open summary.md, then inspect the copied run_manifest.json and report "
                        + "artifacts for the preserved run."));
        for (String name : List.of("evidence_manifest.json", "summary.md", "summary.html", "issue.md", "issue.html")) {
            assertThat(out.resolve(name)).isRegularFile();
        }
        assertThat(Json.parse(Files.readString(out.resolve("evidence_manifest.json"))))
                .isEqualTo(manifest);

        String issue = Files.readString(result.issueTemplatePath().orElseThrow());
        assertThat(issue)
                .startsWith("## WorldForge Run Issue: `" + EVAL_ID + "`\n\n### Command\n\n"
                        + "`worldforge eval --suite planning --provider mock`\n\n### Expected Signal\n\n")
                .contains("### Observed Failure", "### Artifacts", "### Safe-To-Attach Notes", "### First Triage Step")
                .contains("- safe_to_attach: `true`\n- Attach the bundle contents from this directory.\n")
                .endsWith("report artifacts for the preserved run.\n");
        String html = Files.readString(out.resolve("issue.html"));
        assertThat(html)
                .contains("<title>WorldForge Run Issue: " + EVAL_ID + "</title>")
                .contains("<pre>worldforge eval --suite planning --provider mock</pre>")
                .doesNotContain("<strong>Warning:</strong>")
                .doesNotContain("<script", "<link", "<a ");

        JsonObject cli = result.toCliJson(EVAL_ID);
        assertThat(List.copyOf(cli.keys()))
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
        assertThat(cli.get("output_dir"))
                .isEqualTo(JsonString.of(RunPaths.resolve(out).toString()));
        assertThat(cli.get("issue_template_path"))
                .isEqualTo(
                        JsonString.of(RunPaths.resolve(out).resolve("issue.md").toString()));
    }

    @Test
    void unsafeIssueBundlesWarnAndPointAtTheManifest() throws IOException {
        RunWorkspace run = RunWorkspaces.create(ws(), EVAL_ID, "operator_drill", "worldforge drills run x");
        run.writeText("logs/events.jsonl", "{\"api_key\": \"sk-live\"}");
        RunWorkspaces.writeManifest(
                run,
                RunManifest.builder(EVAL_ID, "operator_drill", "worldforge drills run x", RunStatus.SKIPPED)
                        .resultSummary(JsonObject.builder()
                                .put("validation_errors", JsonArray.of(JsonString.of("bad <input>")))
                                .build())
                        .build());

        BundleResult result = EvidenceBundles.generateIssue(
                ws(), EVAL_ID, tmp.resolve("issue"), options().build());

        assertThat(result.safeToAttach()).isFalse();
        assertThat(result.manifest().get("first_triage_step"))
                .isEqualTo(JsonString.of("Open evidence_manifest.json, inspect excluded files and local_only entries,"
                        + " and remove or replace unsafe artifacts before attaching the bundle."));
        JsonObject record = (JsonObject) ((JsonArray) result.manifest().get("runs")).get(0);
        assertThat(record.get("skip_reason")).isEqualTo(JsonString.of("skipped without a structured reason"));
        assertThat(record.get("observed_failure")).isEqualTo(JsonString.of("bad <input>"));
        assertThat(Files.readString(tmp.resolve("issue/issue.html")))
                .contains("<strong>Warning:</strong>")
                .contains("<li>bad &lt;input&gt;</li>");
        assertThat(Files.readString(tmp.resolve("issue/issue.md")))
                .contains("Validation errors:\n- bad <input>\n")
                .contains("- safe_to_attach: `false`\n- Review `evidence_manifest.json` before attaching;");
        assertThat(tmp.resolve("issue/runs/" + EVAL_ID + "/logs/events.jsonl")).doesNotExist();
    }

    @Test
    void selectionAndOutputErrorsUseTheReferenceMessagesAndTouchNothing() throws IOException {
        assertThatThrownBy(() -> EvidenceBundles.generate(
                        ws(), tmp.resolve("b"), options().build()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("No run workspaces found for evidence bundle generation.");
        assertThatThrownBy(() -> EvidenceBundles.generateIssue(
                        ws(), "nope", tmp.resolve("b"), options().build()))
                .hasMessage("Evidence bundle run_id is invalid: run_id must match YYYYMMDDTHHMMSSZ-xxxxxxxx "
                        + "with a lowercase hex suffix");
        assertThatThrownBy(() -> EvidenceBundles.generateIssue(
                        ws(), EVAL_ID, tmp.resolve("b"), options().build()))
                .hasMessageStartingWith("Run manifest not found: ");
        assertThat(tmp.resolve("b")).doesNotExist();

        evalRun();
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> EvidenceBundles.generateIssue(
                        ws(), EVAL_ID, out, options().build()))
                .hasMessage("Evidence bundle output directory is not empty: " + RunPaths.resolve(out));
        assertThat(out.resolve("keep.txt")).hasContent("mine");

        BundleResult result = EvidenceBundles.generateIssue(
                ws(), EVAL_ID, out, options().overwrite(true).build());
        assertThat(out.resolve("keep.txt")).doesNotExist();
        assertThat(result.manifestPath()).isRegularFile();
        assertThat(EvidenceBundles.generate(
                                ws(),
                                tmp.resolve("empty-ok"),
                                options().runIds(List.of(EVAL_ID)).build())
                        .manifest()
                        .get("run_count"))
                .isEqualTo(JsonInt.of(1));
    }

    // Behaviour 60: markup in run data is escaped; no script, link or anchor tags.
    @Test
    void htmlEscapesRunData() throws IOException {
        RunWorkspace run = RunWorkspaces.create(ws(), EVAL_ID, "eval", "worldforge eval");
        RunWorkspaces.writeManifest(
                run,
                RunManifest.builder(
                                EVAL_ID,
                                "eval",
                                "worldforge eval --suite '<script>alert(1)</script>'",
                                RunStatus.FAILED)
                        .build());

        BundleResult result = EvidenceBundles.generateIssue(
                ws(), EVAL_ID, tmp.resolve("b"), options().build());

        String issueHtml = Files.readString(result.issueHtmlPath().orElseThrow());
        String summaryHtml = Files.readString(tmp.resolve("b/summary.html"));
        for (String html : List.of(issueHtml, summaryHtml)) {
            assertThat(html)
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script", "<link", "<a ")
                    .startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        }
        assertThat(issueHtml).contains("<p>Run failed without a structured failure reason.</p>");
    }

    @Test
    void renderedOutputWithSecretsIsRefused() {
        RunWorkspace run = RunWorkspaces.create(ws(), EVAL_ID, "eval", "worldforge eval");
        RunWorkspaces.writeManifest(
                run,
                RunManifest.builder(EVAL_ID, "eval", "worldforge eval --header 'Authorization: abc'", RunStatus.FAILED)
                        .build());

        assertThatThrownBy(() -> EvidenceBundles.generateIssue(
                        ws(), EVAL_ID, tmp.resolve("b"), options().build()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Report renderer safe output contains secret-like material.");
        assertThat(tmp.resolve("b")).doesNotExist();
    }
}
