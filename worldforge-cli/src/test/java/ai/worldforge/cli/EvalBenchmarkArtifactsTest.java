package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.cli.CliRunner.Result;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval} and {@code benchmark} with the HTML format, run workspaces, dataset manifests,
 * configuration profiles and presets: behaviours 41, 44, 47, 48 and 49 of upstream-cli.md §8.
 */
class EvalBenchmarkArtifactsTest {
    private static final String BENCHMARK_TRIAGE =
            "First triage: validate benchmark input/budget JSON, then run `bin/worldforge benchmark --help`.\n";

    @TempDir
    Path dir;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
    }

    private List<Path> runDirs(String workspace) throws IOException {
        Path runs = dir.resolve(workspace).resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(runs)) {
            return list.sorted().toList();
        }
    }

    private JsonObject manifest(Path runDir) throws IOException {
        return (JsonObject) Json.parse(Files.readString(runDir.resolve("run_manifest.json")));
    }

    private static String text(JsonObject object, String key) {
        return ((JsonString) object.get(key)).value();
    }

    private void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
        }
    }

    @Test
    void evalHtmlIsASelfContainedPageWithCharts() {
        Result result = cli.run("eval", "--suite", "planning", "--format", "html");
        assertThat(result.code()).isZero();
        assertThat(result.out())
                .startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("WorldForge Evaluation Report: Planning Evaluation Suite")
                .contains("<svg")
                .doesNotContain("<script", "<link", "<a ");
    }

    @Test
    void evalRunWorkspacePreservesEveryArtifact() throws IOException {
        Result result = cli.run("eval", "--suite", "planning", "--run-workspace", ".worldforge", "--format", "json");
        assertThat(result.code()).isZero();
        List<Path> runs = runDirs(".worldforge");
        assertThat(runs).hasSize(1);
        JsonObject manifest = manifest(runs.get(0));
        assertThat(text(manifest, "kind")).isEqualTo("eval");
        assertThat(text(manifest, "operation")).isEqualTo("planning");
        assertThat(text(manifest, "status")).isEqualTo("completed");
        assertThat(text(manifest, "command"))
                .isEqualTo("worldforge eval --suite planning --provider mock --run-workspace .worldforge");
        JsonObject paths = (JsonObject) manifest.get("artifact_paths");
        assertThat(text(paths, "json")).isEqualTo("reports/report.json");
        assertThat(text(paths, "html")).isEqualTo("reports/report.html");
        for (String file : List.of(
                "reports/report.json",
                "reports/report.md",
                "reports/report.csv",
                "reports/report.html",
                "reports/report.failure_gallery.json",
                "reports/report.workflow_trace.md",
                "results/summary.json")) {
            assertThat(runs.get(0).resolve(file)).as(file).isRegularFile();
        }
        JsonObject summary =
                (JsonObject) Json.parse(Files.readString(runs.get(0).resolve("results/summary.json")));
        assertThat(summary.get("result_count")).isEqualTo(ai.worldforge.json.JsonInt.of(4));
        // The preserved JSON report is the printed one, re-written with indentation and sorted keys.
        assertThat(Json.parse(Files.readString(runs.get(0).resolve("reports/report.json"))))
                .isEqualTo(Json.parse(result.out()));
    }

    @Test
    void evalCitesDatasetManifestsInProvenanceAndTheRunSummary() throws IOException {
        copyResource(
                "datasets/examples/dataset-manifests/mock-evaluation-fixtures.json",
                dir.resolve("examples/dataset-manifests/mock-evaluation-fixtures.json"));
        copyResource(
                "datasets/examples/scenarios/cube-on-table.json", dir.resolve("examples/scenarios/cube-on-table.json"));
        Result result = cli.run(
                "eval",
                "--format",
                "json",
                "--dataset-manifest",
                "examples/dataset-manifests/mock-evaluation-fixtures.json",
                "--run-workspace",
                ".worldforge");
        assertThat(result.code()).as(result.err()).isZero();
        JsonObject provenance = (JsonObject) result.json().get("provenance");
        JsonArray refs = (JsonArray) provenance.get("dataset_manifests");
        assertThat(refs.items()).hasSize(1);
        JsonObject ref = (JsonObject) refs.get(0);
        assertThat(text(ref, "path")).isEqualTo("examples/dataset-manifests/mock-evaluation-fixtures.json");
        assertThat(ref.has("entries")).isFalse();
        assertThat(((JsonArray) provenance.get("command")).items())
                .contains(
                        JsonString.of("--dataset-manifest"),
                        JsonString.of("examples/dataset-manifests/mock-evaluation-fixtures.json"));
        JsonObject inputs = (JsonObject) manifest(runDirs(".worldforge").get(0)).get("input_summary");
        assertThat(((JsonArray) inputs.get("dataset_manifests")).items()).containsExactly(ref.get("id"));
    }

    @Test
    void missingDatasetManifestIsAHandledErrorAndWritesNothing() {
        Result result = cli.run(
                "eval", "--dataset-manifest", "nope.json", "--run-workspace", ".worldforge", "--state-dir", "s");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("WorldForge CLI error [eval]: Failed to read dataset manifest ");
        assertThat(dir.resolve(".worldforge")).doesNotExist();
        assertThat(dir.resolve("s")).doesNotExist();
    }

    @Test
    void benchmarkHtmlAndFailingBudgetRunWorkspace() throws IOException {
        Files.writeString(
                dir.resolve("fail.json"),
                "{\"budgets\":[{\"provider\":\"mock\",\"operation\":\"predict\",\"max_average_latency_ms\":0.0}]}");
        Result html = cli.run("benchmark", "--operation", "predict", "--iterations", "2", "--format", "html");
        assertThat(html.code()).isZero();
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("WorldForge Benchmark Report", "<svg");

        Result failed = cli.run(
                "benchmark",
                "--operation",
                "predict",
                "--iterations",
                "2",
                "--budget-file",
                "fail.json",
                "--run-workspace",
                ".worldforge");
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.out()).contains("# Benchmark Report", "# Benchmark Gate Report", "average_latency_ms");
        JsonObject manifest = manifest(runDirs(".worldforge").get(0));
        assertThat(text(manifest, "kind")).isEqualTo("benchmark");
        assertThat(text(manifest, "status")).isEqualTo("failed");
        assertThat(text(manifest, "operation")).isEqualTo("predict");
        assertThat(manifest.get("event_count")).isEqualTo(ai.worldforge.json.JsonInt.of(2));
        assertThat(((JsonObject) manifest.get("result_summary")).get("budget_passed"))
                .isEqualTo(JsonBool.FALSE);
        // The recorded command reruns the run: the budget file and the workspace are part of it.
        assertThat(text(manifest, "command"))
                .isEqualTo("worldforge benchmark --provider mock --operation predict --iterations 2 --concurrency 1"
                        + " --budget-file fail.json --run-workspace .worldforge");
    }

    @Test
    void benchmarkWithoutOperationsLabelsTheRunWithTheOperationsThatRan() throws IOException {
        assertThat(cli.run("benchmark", "--iterations", "1", "--run-workspace", "ws")
                        .code())
                .isZero();
        JsonObject manifest = manifest(runDirs("ws").get(0));
        // The mock supports five of the seven benchmarkable operations; only those ran.
        assertThat(text(manifest, "operation")).isEqualTo("predict, reason, generate, transfer, embed");
        assertThat(((JsonObject) manifest.get("result_summary")).get("budget_passed"))
                .isEqualTo(JsonNull.INSTANCE);
        assertThat(text(manifest, "status")).isEqualTo("completed");
    }

    @Test
    void presetsAreListedShownSkippedAndRun() {
        Result csv = cli.run("benchmark", "--list-presets", "--format", "csv");
        assertThat(csv.code()).isZero();
        assertThat(csv.out().split("\n"))
                .hasSize(6)
                .startsWith("name,category,providers,operations,iterations,budget_file,failure_tolerance");
        assertThat(cli.run("benchmark", "--list-presets").out()).startsWith("# Benchmark Presets\n\n## checkout-safe");
        assertThat(cli.run("benchmark", "--show-preset", "mock-smoke").out()).contains("Iterations: 5 (concurrency=1)");
        Result unknown = cli.run("benchmark", "--show-preset", "nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err())
                .startsWith("WorldForge CLI error [benchmark]: Unknown benchmark preset 'nope'. Known presets: ")
                .endsWith(BENCHMARK_TRIAGE);

        Result skipped = cli.run("benchmark", "--preset", "remote-media-dryrun", "--format", "json");
        assertThat(skipped.code()).isZero();
        assertThat(skipped.out()).doesNotContain("\n ").endsWith("}\n");
        assertThat(text(skipped.json(), "status")).isEqualTo("skipped");

        Result gated = cli.run("benchmark", "--preset", "mock-smoke", "--format", "json");
        assertThat(gated.code()).isZero();
        assertThat(gated.json().keys()).containsExactly("benchmark", "gate", "preset");
        JsonObject benchmark = (JsonObject) gated.json().get("benchmark");
        JsonObject metadata = (JsonObject) benchmark.get("run_metadata");
        assertThat(text((JsonObject) metadata.get("input_file"), "path"))
                .isEqualTo("benchmark_presets/_data/inputs-mock.json");
        assertThat(text((JsonObject) metadata.get("budget_file"), "sha256")).hasSize(64);
        JsonObject provenance = (JsonObject) benchmark.get("provenance");
        assertThat(text(provenance, "notes")).isEqualTo("benchmark preset: mock-smoke");
        assertThat(((JsonArray) provenance.get("command")).items())
                .containsExactly(
                        JsonString.of("worldforge"),
                        JsonString.of("benchmark"),
                        JsonString.of("--preset"),
                        JsonString.of("mock-smoke"));
    }

    @Test
    void presetWithConfiguredRunwaySecretIsNotSkipped() {
        CliRunner withSecret = new CliRunner(dir, Map.of("RUNWAY_API_SECRET", "x"));
        Result shown = withSecret.run("benchmark", "--show-preset", "remote-media-dryrun", "--format", "json");
        assertThat(shown.json().get("skip_reason")).isEqualTo(JsonNull.INSTANCE);
        assertThat(((JsonArray) shown.json().get("configured_providers")).items())
                .containsExactly(JsonString.of("runway"));
    }

    @Test
    void jsonProfileSuppliesDefaultsAndTypedFlagsWin() throws IOException {
        Files.writeString(
                dir.resolve("p.json"),
                "{\"schema_version\":1,\"name\":\"ci\",\"providers\":[\"mock\"],\"operations\":[\"predict\"],"
                        + "\"output_format\":\"json\",\"run_workspace\":\".worldforge/profiled-runs\"}");
        Result result = cli.run("benchmark", "--profile", "p.json", "--iterations", "1");
        assertThat(result.code()).as(result.err()).isZero();
        JsonObject report = result.json();
        assertThat(((JsonArray) report.get("results")).items()).hasSize(1);
        JsonObject manifest = manifest(runDirs(".worldforge/profiled-runs").get(0));
        JsonObject profile = (JsonObject) manifest.get("config_profile");
        assertThat(text(profile, "name")).isEqualTo("ci");
        assertThat(text(profile, "run_workspace")).isEqualTo(".worldforge/profiled-runs");
        assertThat(text(profile, "sha256")).startsWith("sha256:").hasSize(71);
        assertThat(text(manifest, "command"))
                .isEqualTo("worldforge benchmark --provider mock --operation predict --profile p.json --iterations 1"
                        + " --concurrency 1");

        Result typed = cli.run("benchmark", "--profile", "p.json", "--iterations", "1", "--format", "csv");
        assertThat(typed.out()).startsWith("provider,operation,iterations");
    }

    @Test
    void tomlProfilesAreReadLikeJsonOnes() {
        Path profile = dir.resolve("p.toml");
        try {
            Files.writeString(
                    profile,
                    "schema_version = 1\nname = \"toml-ci\"\nproviders = [\"mock\"]\noutput_format = \"json\"\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Result result = cli.run("eval", "--profile", "p.toml");
        assertThat(result.code()).as(result.err()).isZero();
        JsonValue command = ((JsonObject) result.json().get("provenance")).get("command");
        assertThat(((JsonArray) command).items()).contains(JsonString.of("--profile"), JsonString.of("p.toml"));
    }

    @Test
    void badProfilesAreHandledErrors() throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{\"schema_version\":1,\"colour\":\"red\"}");
        Result unknownKey = cli.run("benchmark", "--profile", "bad.json");
        assertThat(unknownKey.code()).isEqualTo(2);
        assertThat(unknownKey.err())
                .isEqualTo("WorldForge CLI error [benchmark]: Configuration profile has unsupported keys: colour.\n"
                        + BENCHMARK_TRIAGE);
        Files.writeString(dir.resolve("bad.toml"), "schema_version = = 1\n");
        Result badToml = cli.run("eval", "--profile", "bad.toml");
        assertThat(badToml.code()).isEqualTo(2);
        assertThat(badToml.err()).startsWith("WorldForge CLI error [eval]: Configuration profile ");
        assertThat(badToml.err()).contains("must be valid JSON or TOML: ");
        Result missing = cli.run("eval", "--profile", "missing.json");
        assertThat(missing.err()).contains("Failed to read configuration profile ");
        assertThat(dir.resolve(".worldforge")).doesNotExist();
    }
}
