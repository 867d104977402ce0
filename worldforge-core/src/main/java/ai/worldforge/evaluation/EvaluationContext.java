package ai.worldforge.evaluation;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.json.JsonObject;

/**
 * What a {@link ScenarioEvaluator} sees.
 *
 * @param suiteId the suite id
 * @param suite the suite name
 * @param scenario the scenario
 * @param provider the provider under evaluation
 * @param world a fresh copy of the suite's seeded base world (scenarios are isolated)
 * @param forge the forge that runs the suite
 * @param index the scenario's position in the suite
 */
public record EvaluationContext(
        String suiteId,
        String suite,
        EvaluationScenario scenario,
        String provider,
        World world,
        WorldForge forge,
        int index) {

    /** Builds an outcome with metrics. */
    public EvaluationScenarioOutcome outcome(double score, boolean passed, JsonObject metrics) {
        return new EvaluationScenarioOutcome(score, passed, metrics);
    }

    /** Builds an outcome without metrics. */
    public EvaluationScenarioOutcome outcome(double score, boolean passed) {
        return EvaluationScenarioOutcome.of(score, passed);
    }
}
