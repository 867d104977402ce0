package ai.worldforge.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationFailureGalleryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static EvaluationResult failed(String scenario, String provider, double score, JsonObject metrics) {
        return new EvaluationResult("custom", "Custom", scenario, provider, score, false, metrics);
    }

    private static JsonArray ints(long... values) {
        JsonInt[] items = new JsonInt[values.length];
        for (int i = 0; i < values.length; i++) {
            items[i] = JsonInt.of(values[i]);
        }
        return JsonArray.of(items);
    }

    @Test
    void selectsLowestScoresPerProviderAndValidatesTheLimit() {
        EvaluationReport report = EvaluationReport.builder(
                        "custom",
                        "Custom",
                        List.of(
                                failed("case-a", "mock", 0.4, JsonObject.EMPTY),
                                failed("case-b", "mock", 0.1, JsonObject.EMPTY),
                                failed("case-c", "mock", 0.2, JsonObject.EMPTY),
                                failed("case-e", "other", 0.3, JsonObject.EMPTY)))
                .build();
        EvaluationFailureGallery gallery = report.failureGallery(2);
        assertThat(gallery.cases())
                .extracting(EvaluationFailureCase::scenario)
                .containsExactly("case-b", "case-c", "case-e");
        assertThat(report.failureGallery(null).caseCount()).isEqualTo(4);
        assertThatThrownBy(() -> report.failureGallery(0))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("max_cases_per_provider must be a positive integer or None.");
        // Failures put the gallery (max 3 per provider) into the report JSON and Markdown.
        assertThat(report.toJsonObject().keys()).contains("failure_gallery");
        assertThat(report.toMarkdown()).contains("\n## Failure Gallery\n\nSuite: Custom (custom)\n");
    }

    @Test
    void caseTextAndSanitisedPreview() {
        JsonObject metrics = JsonObject.builder()
                .put("local_path", "/Users/x/run.json")
                .put("tensor_values", JsonArray.of(ints(1, 2, 3), ints(4, 5, 6)))
                .put(
                        "raw_tensor",
                        JsonArray.of(
                                JsonArray.of(JsonFloat.of(0.1), JsonFloat.of(0.2)),
                                JsonArray.of(JsonFloat.of(0.3), JsonFloat.of(0.4))))
                .put("resolution", ints(640, 360))
                .put("api_token", "abc")
                .put("url", "http://localhost:8080/x")
                .build();
        EvaluationReport report = EvaluationReport.builder(
                        "custom", "Custom", List.of(failed("s", "mock", 0.25, metrics)))
                .build();
        EvaluationFailureCase c = report.failureGallery().cases().get(0);
        assertThat(c.fixtureId()).isEqualTo("evaluation:custom:s");
        assertThat(c.expectedContractNotes())
                .isEqualTo("The provider should satisfy the deterministic evaluation contract for `custom/s`.");
        assertThat(c.observedResult())
                .isEqualTo("score=0.2500; passed=false; metric keys: api_token, local_path, raw_tensor, resolution,"
                        + " tensor_values, url");
        assertThat(c.triageSteps().get(1))
                .isEqualTo("Rerun `bin/worldforge eval --suite custom --provider mock --format json` in a clean"
                        + " checkout.");
        JsonObject preview = c.metricsPreview();
        assertThat(preview.get("local_path")).isEqualTo(JsonString.of("[host-local-path]"));
        assertThat(Json.write(preview.get("raw_tensor")))
                .isEqualTo("{\"item_count\":2,\"nested\":true,\"type\":\"array\"}");
        assertThat(Json.write(preview.get("tensor_values")))
                .isEqualTo("{\"item_count\":2,\"nested\":true,\"type\":\"array\"}");
        assertThat(preview.get("resolution")).isEqualTo(ints(640, 360));
        assertThat(preview.get("api_token")).isEqualTo(JsonString.of("[redacted]"));
        assertThat(preview.get("url")).isEqualTo(JsonString.of("[host-local-url]"));
        assertThat(c.toJson().keys())
                .containsExactly(
                        "fixture_id",
                        "suite_id",
                        "suite",
                        "scenario",
                        "provider",
                        "score",
                        "passed",
                        "expected_contract_notes",
                        "observed_result",
                        "metrics_preview",
                        "triage_steps");
        String md = report.failureGallery().toMarkdown();
        assertThat(md)
                .contains("| fixture | provider | scenario | score |\n| --- | --- | --- | ---: |\n"
                        + "| `evaluation:custom:s` | mock | s | 0.25 |\n")
                .contains("### evaluation:custom:s / mock\n\n- Expected: ")
                .contains("- Triage:\n  - Open the preserved evaluation JSON")
                .endsWith("```");
    }

    @Test
    void customClaimBoundaryAndSuiteVersionReachTheGallery() {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        EvaluationSuite suite = EvaluationSuite.builder("Custom Failure Suite")
                .suiteId("custom-failure")
                .suiteVersion("custom-failure:1")
                .claimBoundary("Custom failure gallery is issue-triage evidence only.")
                .clock(CLOCK)
                .scenario(EvaluationScenario.fromCallable(
                        "failing-scenario",
                        "Produces one representative failure.",
                        ctx -> ctx.outcome(
                                0.25, false, JsonObject.of("local_path", JsonString.of("/Users/example/run.json"))),
                        List.of()))
                .build();
        EvaluationReport report = suite.runReport("mock", null, forge);
        JsonObject gallery = (JsonObject) Json.parse(report.artifacts().get("failure_gallery.json"));
        assertThat(gallery.get("case_count")).isEqualTo(JsonInt.of(1));
        assertThat(gallery.get("claim_boundary"))
                .isEqualTo(JsonString.of("Custom failure gallery is issue-triage evidence only."));
        assertThat(gallery.get("suite_version")).isEqualTo(JsonString.of("custom-failure:1"));
        assertThat(report.toJsonObject().get("claim_boundary"))
                .isEqualTo(JsonString.of("Custom failure gallery is issue-triage evidence only."));
        assertThat(report.provenance().orElseThrow().suiteVersion()).isEqualTo("custom-failure:1");
    }

    @Test
    void builtinFailureUsesTheContractNote() {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        // A custom evaluator under the physics id and a built-in scenario name picks up its note.
        EvaluationSuite suite = EvaluationSuite.builder("Physics")
                .suiteId("physics")
                .clock(CLOCK)
                .scenario(EvaluationScenario.fromCallable(
                        "object-stability", "always fails", ctx -> ctx.outcome(0.0, false), List.of()))
                .build();
        EvaluationReport report = suite.runReport("mock", null, forge);
        EvaluationFailureGallery gallery = report.failureGallery();
        assertThat(gallery.cases().get(0).expectedContractNotes())
                .startsWith("A seeded object should remain near its starting pose");
        assertThat(gallery.sourceInputDigest())
                .isEqualTo(report.provenance().orElseThrow().inputDigest());
        assertThat(gallery.suiteVersion()).contains("evaluation:1");
        assertThat(gallery.toJsonObject().keys())
                .containsExactly(
                        "schema_version",
                        "suite_id",
                        "suite",
                        "case_count",
                        "claim_boundary",
                        "metric_semantics",
                        "source_input_digest",
                        "source_result_digest",
                        "suite_version",
                        "cases");
        assertThat(report.toJsonObject().keys())
                .containsExactly(
                        "suite_id",
                        "suite",
                        "claim_boundary",
                        "metric_semantics",
                        "provider_summaries",
                        "results",
                        "failure_gallery",
                        "provenance",
                        "workflow_trace");
        String md = report.toMarkdown();
        assertThat(md.indexOf("## Failure Gallery")).isLessThan(md.indexOf("## Workflow Trace"));
    }
}
