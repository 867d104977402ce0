package ai.worldforge.evaluation;

/** Scores one scenario for one provider; the custom-suite extension point. */
@FunctionalInterface
public interface ScenarioEvaluator {
    /**
     * Evaluates the scenario described by {@code context}.
     *
     * @param context the suite, scenario, provider, a fresh world copy, the forge and the index
     * @return the outcome (use {@link EvaluationContext#outcome})
     */
    EvaluationScenarioOutcome evaluate(EvaluationContext context);
}
