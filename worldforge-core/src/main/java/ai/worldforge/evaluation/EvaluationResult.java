package ai.worldforge.evaluation;

import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;

/**
 * The result of one scenario for one provider.
 *
 * @param suiteId the suite id
 * @param suite the suite name
 * @param scenario the scenario name
 * @param provider the provider name
 * @param score the score, between 0 and 1
 * @param passed whether the scenario passed
 * @param metrics JSON metrics
 */
public record EvaluationResult(
        String suiteId,
        String suite,
        String scenario,
        String provider,
        double score,
        boolean passed,
        JsonObject metrics) {
    /** Strips the text fields and validates the score and metrics. */
    public EvaluationResult {
        suiteId = EvaluationScenario.requiredText(suiteId, "EvaluationResult suite_id");
        suite = EvaluationScenario.requiredText(suite, "EvaluationResult suite");
        scenario = EvaluationScenario.requiredText(scenario, "EvaluationResult scenario");
        provider = EvaluationScenario.requiredText(provider, "EvaluationResult provider");
        Checks.probability(score, "EvaluationResult score");
        metrics = Checks.jsonObject(metrics, "EvaluationResult metrics");
    }

    /** {@code {suite_id, suite, scenario, provider, score, passed, metrics}} in the reference's order. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("suite_id", suiteId)
                .put("suite", suite)
                .put("scenario", scenario)
                .put("provider", provider)
                .put("score", JsonFloat.of(score))
                .put("passed", JsonBool.of(passed))
                .put("metrics", metrics)
                .build();
    }
}
