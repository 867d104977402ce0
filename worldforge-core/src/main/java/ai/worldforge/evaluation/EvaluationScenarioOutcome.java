package ai.worldforge.evaluation;

import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonObject;

/**
 * What a scenario evaluator returns: a score in {@code [0, 1]}, a pass flag and JSON metrics.
 *
 * @param score the scenario score, between 0 and 1
 * @param passed whether the scenario passed
 * @param metrics JSON-compatible metrics
 */
public record EvaluationScenarioOutcome(double score, boolean passed, JsonObject metrics) {
    /** Validates the score range and the metrics. */
    public EvaluationScenarioOutcome {
        Checks.probability(score, "outcome score");
        metrics = Checks.jsonObject(metrics, "EvaluationScenarioOutcome metrics");
    }

    /** An outcome without metrics. */
    public static EvaluationScenarioOutcome of(double score, boolean passed) {
        return new EvaluationScenarioOutcome(score, passed, JsonObject.EMPTY);
    }
}
