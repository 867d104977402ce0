package ai.worldforge.evaluation;

import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One failed scenario in an {@link EvaluationFailureGallery}, with sanitised metrics for issue
 * triage.
 *
 * @param fixtureId {@code evaluation:{suite_id}:{scenario}}
 * @param suiteId the suite id
 * @param suite the suite name
 * @param scenario the scenario name
 * @param provider the provider name
 * @param score the score, between 0 and 1
 * @param expectedContractNotes what the scenario expects
 * @param observedResult a one-line summary of the failure
 * @param metricsPreview redacted, size-bounded metrics
 * @param triageSteps what to do next
 */
public record EvaluationFailureCase(
        String fixtureId,
        String suiteId,
        String suite,
        String scenario,
        String provider,
        double score,
        String expectedContractNotes,
        String observedResult,
        JsonObject metricsPreview,
        List<String> triageSteps) {
    /** Strips and validates every field. */
    public EvaluationFailureCase {
        fixtureId = EvaluationScenario.requiredText(fixtureId, "EvaluationFailureCase fixture_id");
        suiteId = EvaluationScenario.requiredText(suiteId, "EvaluationFailureCase suite_id");
        suite = EvaluationScenario.requiredText(suite, "EvaluationFailureCase suite");
        scenario = EvaluationScenario.requiredText(scenario, "EvaluationFailureCase scenario");
        provider = EvaluationScenario.requiredText(provider, "EvaluationFailureCase provider");
        Checks.probability(score, "EvaluationFailureCase score");
        expectedContractNotes =
                EvaluationScenario.requiredText(expectedContractNotes, "EvaluationFailureCase expected_contract_notes");
        observedResult = EvaluationScenario.requiredText(observedResult, "EvaluationFailureCase observed_result");
        metricsPreview = Checks.jsonObject(metricsPreview, "EvaluationFailureCase metrics_preview");
        for (String step : triageSteps) {
            if (step == null || step.isBlank()) {
                throw new ai.worldforge.error.WorldForgeException(
                        "EvaluationFailureCase triage_steps must be a tuple of non-empty strings.");
            }
        }
        triageSteps = List.copyOf(triageSteps);
    }

    /**
     * {@code {fixture_id, suite_id, suite, scenario, provider, score, passed (false),
     * expected_contract_notes, observed_result, metrics_preview, triage_steps}}.
     */
    public JsonObject toJson() {
        List<JsonValue> steps = new ArrayList<>();
        triageSteps.forEach(s -> steps.add(JsonString.of(s)));
        return JsonObject.builder()
                .put("fixture_id", fixtureId)
                .put("suite_id", suiteId)
                .put("suite", suite)
                .put("scenario", scenario)
                .put("provider", provider)
                .put("score", JsonFloat.of(score))
                .put("passed", JsonBool.of(false))
                .put("expected_contract_notes", expectedContractNotes)
                .put("observed_result", observedResult)
                .put("metrics_preview", metricsPreview)
                .put("triage_steps", JsonArray.copyOf(steps))
                .build();
    }
}
