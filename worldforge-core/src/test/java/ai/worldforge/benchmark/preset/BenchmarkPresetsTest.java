package ai.worldforge.benchmark.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.benchmark.BenchmarkBudget;
import ai.worldforge.benchmark.BenchmarkInputs;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BenchmarkPresetsTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void fivePresetsCoverFourCategoriesAndLoad() {
        // Behaviour 38.
        assertThat(BenchmarkPresets.names())
                .containsExactly(
                        "mock-smoke", "parser-overhead", "remote-media-dryrun", "prepared-host", "release-evidence");
        Set<String> categories =
                BenchmarkPresets.all().stream().map(BenchmarkPreset::category).collect(Collectors.toSet());
        assertThat(categories).containsExactlyInAnyOrder("checkout-safe", "remote-media", "prepared-host", "release");
        for (BenchmarkPreset preset : BenchmarkPresets.all()) {
            assertThat(BenchmarkPresets.loadInputs(preset)).isNotNull();
            BenchmarkPresets.loadBudgets(preset);
        }
        assertThat(BenchmarkPresets.get("release-evidence").concurrency()).isEqualTo(2);
        assertThat(BenchmarkPresets.get("release-evidence").iterations()).isEqualTo(10);
        List<BenchmarkBudget> budgets = BenchmarkPresets.loadBudgets(BenchmarkPresets.get("release-evidence"));
        assertThat(budgets).hasSize(1);
        assertThat(budgets.get(0).minThroughputPerSecond().getAsDouble()).isEqualTo(5.0);
        assertThat(budgets.get(0).maxP95LatencyMs().getAsDouble()).isEqualTo(400.0);
        assertThat(BenchmarkPresets.loadBudgets(BenchmarkPresets.get("remote-media-dryrun")))
                .isEmpty();
        BenchmarkInputs mock = BenchmarkPresets.loadInputs(BenchmarkPresets.get("mock-smoke"));
        assertThat(mock.generationPrompt()).isEqualTo("preset orbiting cube");
        assertThat(mock.embeddingText()).isEqualTo("preset cube state");
    }

    @Test
    void unknownPresetListsKnownOnes() {
        assertThatThrownBy(() -> BenchmarkPresets.get("nope"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Unknown benchmark preset 'nope'. Known presets: mock-smoke, parser-overhead,"
                        + " remote-media-dryrun, prepared-host, release-evidence.");
    }

    @Test
    void remoteMediaSkipsWithoutEnvAndRunsWithRunwaySecret() {
        // Behaviour 39.
        BenchmarkPreset preset = BenchmarkPresets.get("remote-media-dryrun");
        String reason = "no eligible provider profile is configured: provider profile 'cosmos' is not configured:"
                + " missing COSMOS_BASE_URL; provider profile 'runway' is not configured: missing RUNWAYML_API_SECRET"
                + " or RUNWAY_API_SECRET";
        assertThat(preset.skipReason(NO_ENV)).contains(reason);
        assertThat(BenchmarkPresets.skipDecision(preset, NO_ENV)).contains(reason);
        assertThat(BenchmarkPresets.skipJson(preset, reason))
                .isEqualTo("{\"preset\":\"remote-media-dryrun\",\"reason\":\"" + reason + "\",\"status\":\"skipped\"}");
        assertThat(BenchmarkPresets.skipMarkdown(preset, reason))
                .isEqualTo("# Benchmark preset 'remote-media-dryrun' skipped\n\nReason: " + reason);
        assertThat(preset.configuredProviders(NO_ENV)).isEmpty();
        assertThatThrownBy(() -> BenchmarkPresets.runnableProviders(preset, NO_ENV))
                .hasMessage("Benchmark preset 'remote-media-dryrun' has no configured providers on this host.");

        Map<String, String> runway = Map.of("RUNWAY_API_SECRET", "x");
        assertThat(preset.skipReason(runway)).isEmpty();
        assertThat(preset.configuredProviders(runway)).containsExactly("runway");
        assertThat(preset.skipReason(Map.of("RUNWAY_API_SECRET", "   "))).isPresent();
        assertThat(BenchmarkPresets.get("mock-smoke").skipReason(NO_ENV)).isEmpty();
        assertThat(BenchmarkPresets.get("mock-smoke").configuredProviders(NO_ENV))
                .containsExactly("mock");
    }

    @Test
    void failOnViolationPresetThatCannotRunIsAnError() {
        BenchmarkPreset gated = new BenchmarkPreset(
                "gated",
                "Gated",
                "s",
                "remote-media",
                List.of("cosmos"),
                List.of("generate"),
                1,
                1,
                Optional.empty(),
                Optional.empty(),
                BenchmarkPreset.FAIL_ON_VIOLATION,
                List.of("cosmos"),
                List.of(),
                "",
                List.of());
        assertThatThrownBy(() -> BenchmarkPresets.skipDecision(gated, NO_ENV))
                .hasMessage("Benchmark preset 'gated' cannot run on this host: provider profile 'cosmos' is not"
                        + " configured: missing COSMOS_BASE_URL");
        assertThat(BenchmarkPresets.skipDecision(gated, Map.of("COSMOS_BASE_URL", "http://h")))
                .isEmpty();
        assertThat(BenchmarkPresets.loadInputs(gated).generationPrompt()).isEqualTo("benchmark orbiting cube");
    }

    @Test
    void presetValidationMessages() {
        assertThatThrownBy(() -> preset(" ", "release", List.of("predict"), 1, 1, "fail-on-violation", List.of()))
                .hasMessage("BenchmarkPreset name must be a non-empty string.");
        assertThatThrownBy(() -> preset("p", "other", List.of("predict"), 1, 1, "fail-on-violation", List.of()))
                .hasMessage("BenchmarkPreset category must be one of: checkout-safe, remote-media, prepared-host,"
                        + " release.");
        assertThatThrownBy(() -> preset("p", "release", List.of(), 1, 1, "fail-on-violation", List.of()))
                .hasMessage("BenchmarkPreset must declare at least one operation.");
        assertThatThrownBy(() -> preset("p", "release", List.of("plan", "x"), 1, 1, "fail-on-violation", List.of()))
                .hasMessage("BenchmarkPreset has unknown operations: plan, x.");
        assertThatThrownBy(() -> preset("p", "release", List.of("predict"), 0, 1, "fail-on-violation", List.of()))
                .hasMessage("BenchmarkPreset iterations must be greater than 0.");
        assertThatThrownBy(() -> preset("p", "release", List.of("predict"), 1, 0, "fail-on-violation", List.of()))
                .hasMessage("BenchmarkPreset concurrency must be greater than 0.");
        assertThatThrownBy(() -> preset("p", "release", List.of("predict"), 1, 1, "maybe", List.of()))
                .hasMessage("BenchmarkPreset failure_tolerance must be 'fail-on-violation' or"
                        + " 'skip-when-env-missing'.");
        assertThatThrownBy(() -> preset("p", "release", List.of("predict"), 1, 1, "fail-on-violation", List.of("jepa")))
                .hasMessage("BenchmarkPreset references unknown provider runtime profiles: jepa.");
    }

    private static BenchmarkPreset preset(
            String name,
            String category,
            List<String> operations,
            int iterations,
            int concurrency,
            String tolerance,
            List<String> choice) {
        return new BenchmarkPreset(
                name,
                "t",
                "s",
                category,
                List.of("mock"),
                operations,
                iterations,
                concurrency,
                Optional.empty(),
                Optional.empty(),
                tolerance,
                List.of(),
                choice,
                "",
                List.of());
    }

    @Test
    void toJsonHasFifteenKeysInOrder() {
        JsonObject json = BenchmarkPresets.get("remote-media-dryrun").toJson();
        assertThat(json.keys())
                .containsExactly(
                        "name",
                        "title",
                        "summary",
                        "category",
                        "providers",
                        "operations",
                        "iterations",
                        "concurrency",
                        "inputs_file",
                        "budget_file",
                        "failure_tolerance",
                        "requires_provider_profiles",
                        "requires_provider_choice",
                        "notes",
                        "tags");
        assertThat(Json.write(json.get("budget_file"))).isEqualTo("null");
        assertThat(json.get("requires_provider_choice"))
                .isEqualTo(JsonArray.of(JsonString.of("cosmos"), JsonString.of("runway")));
    }

    @Test
    void digestsMatchPythonJsonDumpsSortKeys() {
        // Digests computed with Python: sha256(json.dumps(json.load(f), sort_keys=True)).
        BenchmarkPreset smoke = BenchmarkPresets.get("mock-smoke");
        JsonObject input = BenchmarkPresets.inputFileMetadata(smoke).orElseThrow();
        assertThat(input.get("path")).isEqualTo(JsonString.of("benchmark_presets/_data/inputs-mock.json"));
        assertThat(input.get("sha256"))
                .isEqualTo(JsonString.of("96014e65ac30ccf88e6c12b657678395c39b2fabe35de37c6356c1c654d29730"));
        assertThat(((JsonObject) input.get("metadata")).has("runtime")).isTrue();
        JsonObject budget = BenchmarkPresets.budgetFileSummary(smoke).orElseThrow();
        assertThat(budget.get("sha256"))
                .isEqualTo(JsonString.of("sha256:a1a7fdd30b80ba2ccc25140014648a0563ad2d2a905d20d1fb39d3d92d2a75a4"));
        assertThat(BenchmarkPresets.bareDigest(budget).get("sha256"))
                .isEqualTo(JsonString.of("a1a7fdd30b80ba2ccc25140014648a0563ad2d2a905d20d1fb39d3d92d2a75a4"));
        assertThat(BenchmarkPresets.inputFileMetadata(BenchmarkPresets.get("prepared-host"))
                        .orElseThrow()
                        .get("sha256"))
                .isEqualTo(JsonString.of("c629d8963579ce3ecd97cbd58b2fa39806b2fe80e398ed2fffca6e525296a06a"));
        assertThat(BenchmarkPresets.budgetFileSummary(BenchmarkPresets.get("prepared-host")))
                .isEmpty();
    }

    @Test
    void listCsvAndJson() {
        assertThat(BenchmarkPresets.listCsv()).isEqualTo("""
                        name,category,providers,operations,iterations,budget_file,failure_tolerance
                        mock-smoke,checkout-safe,mock,predict+generate+embed,5,budget-mock-smoke.json,fail-on-violation
                        parser-overhead,checkout-safe,mock,predict+reason+generate+transfer+embed,20,budget-parser-overhead.json,fail-on-violation
                        remote-media-dryrun,remote-media,cosmos+runway,generate,1,,skip-when-env-missing
                        prepared-host,prepared-host,leworldmodel+lerobot+gr00t,score+policy,3,,skip-when-env-missing
                        release-evidence,release,mock,predict+reason+generate+transfer+embed,10,budget-release-evidence.json,fail-on-violation""");
        String json = BenchmarkPresets.listJson();
        assertThat(json).startsWith("{\"presets\":[{\"budget_file\":\"budget-mock-smoke.json\",\"category\":");
        assertThat(((JsonArray) ((JsonObject) Json.parse(json)).get("presets")).size())
                .isEqualTo(5);
    }

    @Test
    void listMarkdown() {
        String markdown = BenchmarkPresets.listMarkdown(NO_ENV);
        assertThat(markdown).startsWith("""
                        # Benchmark Presets

                        ## checkout-safe

                        - **mock-smoke** \u2014 Mock provider smoke. providers=[mock] operations=[predict, generate, embed] \
                        iterations=5 failure_tolerance=fail-on-violation status=ready
                          Fast checkout-safe regression check: runs the mock provider across predict, generate, and embed \
                        with five iterations and a tight success-rate gate.
                        """);
        assertThat(markdown)
                .contains("\n\n## remote-media\n\n- **remote-media-dryrun** \u2014 Remote media dry-run."
                        + " providers=[cosmos, runway] operations=[generate] iterations=1"
                        + " failure_tolerance=skip-when-env-missing status=skip: no eligible provider profile is"
                        + " configured: provider profile 'cosmos'");
        assertThat(markdown).endsWith("preserve manifests for release attestation.");
        assertThat(markdown).doesNotEndWith("\n");
    }

    @Test
    void showTextAndJson() {
        BenchmarkPreset smoke = BenchmarkPresets.get("mock-smoke");
        assertThat(BenchmarkPresets.showText(smoke, NO_ENV)).isEqualTo("""
                        # Mock provider smoke

                        Name: mock-smoke
                        Category: checkout-safe
                        Providers: mock
                        Operations: predict, generate, embed
                        Iterations: 5 (concurrency=1)
                        Failure tolerance: fail-on-violation
                        Inputs file: inputs-mock.json
                        Budget file: budget-mock-smoke.json
                        Skip reason: none (preset can run on this host)

                        Fast checkout-safe regression check: runs the mock provider across predict, generate, and \
                        embed with five iterations and a tight success-rate gate.

                        Use this preset for every-branch CI regression checks.""");
        String remote = BenchmarkPresets.showText(BenchmarkPresets.get("remote-media-dryrun"), NO_ENV);
        assertThat(remote)
                .contains("Budget file: -\nAny-of runtimes: cosmos, runway\nSkip reason: no eligible provider");
        JsonObject show = (JsonObject) Json.parse(BenchmarkPresets.showJson(smoke, NO_ENV));
        assertThat(show.keys())
                .containsExactly("budget_payload", "configured_providers", "inputs_payload", "preset", "skip_reason");
        assertThat(Json.write(show.get("skip_reason"))).isEqualTo("null");
        // The em dash of the bundled metadata is escaped like Python's ensure_ascii.
        assertThat(BenchmarkPresets.showJson(smoke, NO_ENV)).contains("mock provider \\u2014 runs");
        JsonObject remoteShow = BenchmarkPresets.show(BenchmarkPresets.get("remote-media-dryrun"), NO_ENV);
        assertThat(Json.write(remoteShow.get("budget_payload"))).isEqualTo("null");
    }

    @Test
    void gatedJsonWrapsPresetBenchmarkAndGate() {
        assertThat(BenchmarkPresets.gatedJson(
                        BenchmarkPresets.get("mock-smoke"),
                        JsonObject.EMPTY,
                        JsonObject.of("passed", JsonString.of("x"))))
                .isEqualTo("{\"benchmark\":{},\"gate\":{\"passed\":\"x\"},\"preset\":\"mock-smoke\"}");
    }
}
