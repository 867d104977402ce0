package ai.worldforge.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.Position;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationSuiteTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private WorldForge forge;

    @BeforeEach
    void setUp() {
        forge = WorldForge.builder().stateDir(dir).build();
    }

    private List<EvaluationResult> run(String suite) {
        return EvaluationSuite.fromBuiltin(suite, CLOCK).run("mock", forge);
    }

    private static List<Double> scores(List<EvaluationResult> results) {
        return results.stream().map(EvaluationResult::score).toList();
    }

    @Test
    void builtinNamesAndUnknownSuiteMessage() {
        assertThat(EvaluationSuite.builtinNames())
                .containsExactly("generation", "physics", "planning", "reasoning", "transfer");
        assertThatThrownBy(() -> EvaluationSuite.fromBuiltin("bogus"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Unknown evaluation suite 'bogus'. Known suites: generation, physics, planning,"
                        + " reasoning, transfer.");
    }

    @Test
    void builtinSuiteIdentity() {
        EvaluationSuite physics = EvaluationSuite.fromBuiltin("physics");
        assertThat(physics.name()).isEqualTo("Physics Evaluation Suite");
        assertThat(physics.suiteId()).isEqualTo("physics");
        assertThat(physics.suiteVersion()).isEqualTo("evaluation:1");
        assertThat(physics.requiredCapabilities()).containsExactly("predict");
        assertThat(EvaluationSuite.fromBuiltin("generation").requiredCapabilities())
                .containsExactly("generate");
        assertThat(EvaluationSuite.fromBuiltin("transfer").requiredCapabilities())
                .containsExactly("transfer");
        assertThat(EvaluationSuite.fromBuiltin("reasoning").requiredCapabilities())
                .containsExactly("reason");
        assertThat(EvaluationSuite.fromBuiltin("planning").requiredCapabilities())
                .containsExactly("predict");
    }

    @Test
    void physicsOnMock() {
        List<EvaluationResult> results = run("physics");
        assertThat(results)
                .extracting(EvaluationResult::scenario)
                .containsExactly("object-stability", "action-response");
        assertThat(results).allMatch(EvaluationResult::passed);
        // One seeded cube: mock physics 0.75, confidence 0.73.
        assertThat(results.get(0).score()).isCloseTo(0.74, within(1e-12));
        // 0.74 + min(0.2, 0.35 / 2) - 0
        assertThat(results.get(1).score()).isCloseTo(0.915, within(1e-12));
        JsonObject stability = results.get(0).metrics();
        assertThat(stability.keys()).containsExactly("physics_score", "confidence", "displacement", "step");
        assertThat(stability.get("step")).isEqualTo(JsonInt.of(1));
        assertThat(stability.get("displacement")).isEqualTo(JsonFloat.of(0.0));
        JsonObject response = results.get(1).metrics();
        assertThat(response.keys())
                .containsExactly("physics_score", "confidence", "moved_distance", "target_error", "step");
        assertThat(response.get("step")).isEqualTo(JsonInt.of(2));
        assertThat(((JsonFloat) response.get("moved_distance")).value()).isCloseTo(0.35, within(1e-12));
    }

    @Test
    void planningOnMockHasFourResults() {
        List<EvaluationResult> results = run("planning");
        assertThat(results).hasSize(4);
        assertThat(results)
                .extracting(EvaluationResult::scenario)
                .containsExactly("object-relocation", "object-neighbor-placement", "object-swap", "object-spawn");
        assertThat(results).allMatch(EvaluationResult::passed);
        // Two seeded objects: mock physics 0.78 is the plans' success probability.
        assertThat(results.get(0).score()).isCloseTo((0.78 + 0.35) / 2, within(1e-9));
        assertThat(results.get(1).score()).isCloseTo((0.78 + 1 + 1) / 3, within(1e-9));
        assertThat(results.get(2).score()).isCloseTo((0.78 + 1 + 1) / 3, within(1e-9));
        // The spawn plan predicts three objects: physics 0.81.
        assertThat(results.get(3).score()).isCloseTo((0.81 + 1) / 2, within(1e-9));
        assertThat(results.get(2).metrics().get("action_count")).isEqualTo(JsonInt.of(2));
        assertThat(results.get(3).metrics().get("initial_object_count")).isEqualTo(JsonInt.of(2));
        assertThat(results.get(3).metrics().get("final_object_count")).isEqualTo(JsonInt.of(3));
        assertThat(results.get(1).metrics().keys())
                .containsExactly(
                        "action_count", "success_probability", "target_error", "reference_drift", "final_step");
    }

    @Test
    void generationOnMock() {
        List<EvaluationResult> results = run("generation");
        assertThat(results)
                .extracting(EvaluationResult::scenario)
                .containsExactly("text-conditioned-video", "image-conditioned-video");
        assertThat(results).allMatch(EvaluationResult::passed);
        assertThat(scores(results)).containsExactly(1.0, 1.0);
        JsonObject metrics = results.get(1).metrics();
        assertThat(Json.write(metrics))
                .isEqualTo("{\"content_type\":\"application/octet-stream\",\"duration_seconds\":1.0,"
                        + "\"fps\":8.0,\"frame_count\":8,\"image_conditioned\":true,"
                        + "\"mode\":\"deterministic-mock-generate\",\"resolution\":[640,360]}");
    }

    @Test
    void transferOnMock() {
        List<EvaluationResult> results = run("transfer");
        assertThat(results)
                .extracting(EvaluationResult::scenario)
                .containsExactly("prompt-guided-transfer", "reference-guided-transfer");
        assertThat(results).allMatch(EvaluationResult::passed);
        assertThat(scores(results)).containsExactly(1.0, 1.0);
        assertThat(results.get(0).metrics().get("reference_count")).isEqualTo(JsonInt.of(0));
        assertThat(results.get(1).metrics().get("reference_count")).isEqualTo(JsonInt.of(1));
        assertThat(results.get(1).metrics().get("resolution").toString())
                .contains("320")
                .contains("180");
    }

    @Test
    void reasoningOnMock() {
        List<EvaluationResult> results = run("reasoning");
        assertThat(results).extracting(EvaluationResult::scenario).containsExactly("scene-count", "scene-identity");
        assertThat(results).allMatch(EvaluationResult::passed);
        // Mock confidence 0.81; the answer names the count and the evidence lists both ids.
        assertThat(results.get(0).score()).isCloseTo((0.81 + 1 + 1) / 3, within(1e-12));
        assertThat(results.get(1).score()).isCloseTo((0.81 + 1) / 2, within(1e-12));
        assertThat(results.get(0).metrics().get("expected_count")).isEqualTo(JsonInt.of(2));
        assertThat(results.get(1).metrics().get("coverage")).isEqualTo(JsonFloat.of(1.0));
    }

    @Test
    void missingCapabilityMessage() {
        EvaluationSuite suite = EvaluationSuite.builder("Needs Plan")
                .scenario(EvaluationScenario.of("a", "needs plan and score", List.of("score", "plan")))
                .build();
        assertThat(suite.suiteId()).isEqualTo("needs-plan");
        assertThatThrownBy(() -> suite.runReport("mock", null, forge))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Provider 'mock' cannot run evaluation suite 'needs-plan': missing required"
                        + " capabilities: plan, score.");
        assertThatThrownBy(() -> suite.run("mock", forge))
                .hasMessage("Provider 'mock' cannot run evaluation suite 'needs-plan': missing required"
                        + " capabilities: plan, score.");
    }

    @Test
    void runReportRequiresAProvider() {
        assertThatThrownBy(() -> EvaluationSuite.fromBuiltin("physics").runReport(List.of(), forge))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("run_report() requires at least one provider.");
    }

    @Test
    void suiteValidationMessages() {
        assertThatThrownBy(() -> EvaluationSuite.builder("Empty").build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("EvaluationSuite scenarios must contain at least one scenario.");
        assertThatThrownBy(() -> EvaluationScenario.of(" ", "d", List.of()))
                .hasMessage("EvaluationScenario name must be a non-empty string.");
        assertThatThrownBy(() -> EvaluationScenarioOutcome.of(1.5, true))
                .hasMessage("outcome score must be between 0 and 1.");
        assertThatThrownBy(() -> EvaluationScenario.of("a", "d", List.of(" ")))
                .hasMessage("EvaluationScenario required capability must be a non-empty string.");
        assertThatThrownBy(() -> EvaluationScenario.of("a", " ", List.of()))
                .hasMessage("EvaluationScenario description must be a non-empty string.");
        assertThatThrownBy(() -> new EvaluationResult("s", "S", "x", "mock", 1.5, true, JsonObject.EMPTY))
                .hasMessage("EvaluationResult score must be between 0 and 1.");
        assertThatThrownBy(
                        () -> new EvaluationScenarioOutcome(0.5, true, JsonObject.of("bad", JsonFloat.of(Double.NaN))))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageStartingWith("EvaluationScenarioOutcome metrics.bad");
        assertThatThrownBy(() -> new ProviderSummary("mock", 0.5, 2, 1, 0))
                .hasMessage("ProviderSummary passed and failed scenario counts must sum to scenario_count.");
    }

    @Test
    void customSuiteThroughPublicApiWithIsolatedScenarios() {
        List<Integer> seenCounts = new ArrayList<>();
        ScenarioEvaluator addOne = ctx -> {
            seenCounts.add(ctx.world().objectCount());
            ai.worldforge.model.SceneObject obj = ai.worldforge.model.SceneObject.create(
                    "ball", Position.of(0, 0.5, 0), ai.worldforge.model.BBox.around(Position.of(0, 0.5, 0), 0.05));
            ctx.world().addObject(obj);
            return ctx.outcome(0.25, false, JsonObject.of("index", JsonInt.of(ctx.index())));
        };
        EvaluationSuite suite = EvaluationSuite.builder("My Suite")
                .suiteId("mine")
                .clock(CLOCK)
                .scenario(EvaluationScenario.fromCallable("first", "adds a ball", addOne, List.of("predict")))
                .scenario(EvaluationScenario.fromCallable("second", "adds a ball", addOne, List.of()))
                .scenario(EvaluationScenario.of("default", "default check", List.of()))
                .build();
        World world = forge.createWorld("base", "mock");
        EvaluationReport report = suite.runReport("mock", world, forge);
        // Each scenario sees a fresh copy of the base world; the caller's world is untouched.
        assertThat(seenCounts).containsExactly(0, 0);
        assertThat(world.objectCount()).isZero();
        assertThat(report.results()).hasSize(3);
        assertThat(report.results().get(0).metrics()).isEqualTo(JsonObject.of("index", JsonInt.of(0)));
        EvaluationResult fallback = report.results().get(2);
        // Default check on an empty world: mock physics 0.72, confidence 0.70.
        assertThat(fallback.score()).isCloseTo(0.71, within(1e-12));
        assertThat(fallback.passed()).isTrue();
        assertThat(fallback.metrics().keys()).containsExactly("physics_score", "confidence");
        ProviderSummary summary = report.providerSummaries().get(0);
        assertThat(summary.passedScenarioCount()).isEqualTo(1);
        assertThat(summary.failedScenarioCount()).isEqualTo(2);
        assertThat(summary.passRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(report.workflowTrace().orElseThrow().status().wireName()).isEqualTo("failed");
    }

    @Test
    void reportJsonKeysProvenanceAndTrace() {
        EvaluationReport report = EvaluationSuite.fromBuiltin("physics", CLOCK).runReport("mock", null, forge);
        JsonObject json = report.toJsonObject();
        assertThat(json.keys())
                .containsExactly(
                        "suite_id",
                        "suite",
                        "claim_boundary",
                        "metric_semantics",
                        "provider_summaries",
                        "results",
                        "provenance",
                        "workflow_trace");
        assertThat(json.get("claim_boundary")).isEqualTo(JsonString.of(EvaluationSuite.CLAIM_BOUNDARY));
        assertThat(EvaluationSuite.CLAIM_BOUNDARY)
                .isEqualTo("Built-in evaluation suites are deterministic adapter contract checks. Scores are"
                        + " synthetic workflow signals, not claims of physical fidelity, media quality, safety, or"
                        + " real robot performance.");
        assertThat(EvaluationSuite.METRIC_SEMANTICS)
                .isEqualTo("Scenario scores and pass rates measure whether a provider satisfied the suite's typed"
                        + " contract under preserved inputs.");
        JsonObject summary = (JsonObject) ((ai.worldforge.json.JsonArray) json.get("provider_summaries")).get(0);
        assertThat(summary.keys())
                .containsExactly(
                        "provider",
                        "average_score",
                        "scenario_count",
                        "passed_scenario_count",
                        "failed_scenario_count",
                        "pass_rate");
        JsonObject result = (JsonObject) ((ai.worldforge.json.JsonArray) json.get("results")).get(0);
        assertThat(result.keys())
                .containsExactly("suite_id", "suite", "scenario", "provider", "score", "passed", "metrics");
        var provenance = report.provenance().orElseThrow();
        assertThat(provenance.kind()).isEqualTo("evaluation");
        assertThat(provenance.eventCount()).isZero();
        assertThat(provenance.providers()).containsExactly("mock");
        assertThat(provenance.capabilities()).containsExactly("predict");
        assertThat(provenance.runtimeManifests()).isEmpty();
        assertThat(provenance.createdAt()).isEqualTo("2026-01-02T03:04:05+00:00");
        assertThat(provenance.inputDigest().orElseThrow()).startsWith("sha256:");
        // The input digest covers suite, scenarios and providers only, so it is stable across runs.
        assertThat(EvaluationSuite.fromBuiltin("physics", CLOCK)
                        .runReport("mock", null, forge)
                        .provenance()
                        .orElseThrow()
                        .inputDigest())
                .isEqualTo(provenance.inputDigest());
        var trace = report.workflowTrace().orElseThrow();
        assertThat(trace.workflowId()).isEqualTo("evaluation:physics");
        assertThat(trace.name()).isEqualTo("Evaluation suite (physics)");
        assertThat(trace.steps())
                .extracting(s -> s.stepId())
                .containsExactly("evaluation", "provider-1", "provider-1-scenario-1", "provider-1-scenario-2");
        assertThat(trace.steps().get(2).operation()).isEqualTo("object-stability");
        assertThat(Json.write(trace.metadata()))
                .isEqualTo("{\"provider_count\":1,\"scenario_count\":2,\"suite_id\":\"physics\","
                        + "\"suite_version\":\"evaluation:1\"}");
        assertThat(report.toJson()).isEqualTo(Json.write(json));
    }

    @Test
    void datasetManifestReferencesEnterProvenanceAndInputDigest() {
        JsonObject ref = JsonObject.builder()
                .put("id", "mock-evaluation-fixtures")
                .put("name", "Mock evaluation fixtures")
                .put("sha256", "sha256:" + "0".repeat(64))
                .put("license", "Apache-2.0")
                .put("entry_count", JsonInt.of(2))
                .put("privacy", JsonObject.EMPTY)
                .put("safety", JsonObject.EMPTY)
                .put("path", "examples/dataset-manifests/mock-evaluation-fixtures.json")
                .build();
        EvaluationSuite suite = EvaluationSuite.fromBuiltin("physics", CLOCK);
        var plain = suite.runReport(List.of("mock"), null, forge).provenance().orElseThrow();
        var cited = suite.runReport(List.of("mock"), null, forge, List.of(ref))
                .provenance()
                .orElseThrow();
        assertThat(cited.datasetManifests()).hasSize(1);
        assertThat(cited.datasetManifests().get(0).get("path"))
                .isEqualTo(JsonString.of("examples/dataset-manifests/mock-evaluation-fixtures.json"));
        assertThat(cited.inputDigest()).isNotEqualTo(plain.inputDigest());
        assertThat(suite.runReport("mock", null, forge).toMarkdown()).doesNotContain("- Dataset manifests:");
        assertThat(suite.runReport(List.of("mock"), null, forge, List.of(ref)).toMarkdown())
                .contains("- Dataset manifests: mock-evaluation-fixtures (sha256:" + "0".repeat(64) + ")\n");
    }

    @Test
    void multiProviderReportKeepsProviderOrder() {
        EvaluationReport report =
                EvaluationSuite.fromBuiltin("reasoning", CLOCK).runReport(List.of("mock", "mock"), forge);
        assertThat(report.results()).hasSize(4);
        assertThat(report.providerSummaries()).hasSize(1);
        assertThat(report.workflowTrace().orElseThrow().steps())
                .extracting(s -> s.stepId())
                .contains("provider-2");
    }

    @Test
    void markdownShape() {
        EvaluationReport report = EvaluationSuite.fromBuiltin("physics", CLOCK).runReport("mock", null, forge);
        String md = report.toMarkdown();
        List<String> lines = List.of(md.split("\n", -1));
        assertThat(lines.subList(0, 8))
                .containsExactly(
                        "# Evaluation Report",
                        "",
                        "Suite: Physics Evaluation Suite (physics)",
                        "",
                        "Claim boundary: " + EvaluationSuite.CLAIM_BOUNDARY,
                        "Metric semantics: " + EvaluationSuite.METRIC_SEMANTICS,
                        "",
                        "## Provenance");
        assertThat(md)
                .contains("- Created at: 2026-01-02T03:04:05+00:00\n")
                .contains("- Providers: mock\n- Capabilities: predict\n- Event count: 0\n")
                .contains("| provider | average_score | passed | scenarios |\n| --- | ---: | ---: | ---: |\n"
                        + "| mock | 0.83 | 2/2 | 2 |\n")
                .contains("| provider | scenario | score | passed |\n| --- | --- | ---: | ---: |\n"
                        + "| mock | object-stability | 0.74 | yes |\n| mock | action-response | 0.92 | yes |")
                .contains("\n## Workflow Trace\n\n- workflow_id: `evaluation:physics`\n")
                .doesNotEndWith("\n");
    }

    @Test
    void csvShapeAndArtifacts() {
        EvaluationReport report = EvaluationSuite.fromBuiltin("physics", CLOCK).runReport("mock", null, forge);
        String csv = report.toCsv();
        String[] rows = csv.split("\r\n", -1);
        assertThat(rows).hasSize(3);
        assertThat(rows[0]).isEqualTo("suite_id,suite,provider,scenario,score,passed,metrics_json");
        assertThat(rows[1])
                .isEqualTo("physics,Physics Evaluation Suite,mock,object-stability,0.7400,true,"
                        + "\"{\"\"confidence\"\":0.73,\"\"displacement\"\":0.0,\"\"physics_score\"\":0.75,"
                        + "\"\"step\"\":1}\"");
        Map<String, String> artifacts = report.artifacts();
        assertThat(artifacts.keySet())
                .containsExactly(
                        "json",
                        "markdown",
                        "csv",
                        "html",
                        "failure_gallery.json",
                        "failure_gallery.md",
                        "workflow_trace.json",
                        "workflow_trace.md");
        // All physics scenarios pass on the mock: an empty gallery, absent from the report JSON.
        assertThat(artifacts.get("failure_gallery.json")).contains("\"case_count\":0");
        assertThat(artifacts.get("failure_gallery.md"))
                .startsWith("# Evaluation Failure Gallery\n\nSuite: Physics Evaluation Suite (physics)\n")
                .endsWith("\n\nNo failed evaluation cases.");
        assertThat(report.toJsonObject().has("failure_gallery")).isFalse();
        assertThat(artifacts.get("csv")).isEqualTo(csv);
        assertThat(artifacts.get("html")).startsWith("<!DOCTYPE html>").isEqualTo(report.toHtml());
        assertThat(artifacts.get("workflow_trace.json")).endsWith("\n");
    }

    @Test
    void reportRejectsForeignResultsAndBenchmarkProvenance() {
        EvaluationResult other = new EvaluationResult("x", "X", "s", "mock", 0.5, true, JsonObject.EMPTY);
        assertThatThrownBy(
                        () -> EvaluationReport.builder("y", "X", List.of(other)).build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("EvaluationReport results must share the report's suite_id (got 'x', expected 'y').");
        var benchmark = ai.worldforge.trace.ProvenanceEnvelope.builder("benchmark", "y", "benchmark:1", CLOCK)
                .claimBoundary("c")
                .metricSemantics("m")
                .build();
        assertThatThrownBy(() -> EvaluationReport.builder("y", "Y", List.of())
                        .provenance(benchmark)
                        .build())
                .hasMessage("EvaluationReport provenance must have kind='evaluation'.");
    }
}
