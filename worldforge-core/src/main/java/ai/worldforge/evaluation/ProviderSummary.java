package ai.worldforge.evaluation;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;

/**
 * One provider's aggregate over a suite run.
 *
 * @param provider the provider name
 * @param averageScore mean scenario score (0 without results)
 * @param scenarioCount scenarios run
 * @param passedScenarioCount scenarios passed
 * @param failedScenarioCount scenarios failed
 */
public record ProviderSummary(
        String provider, double averageScore, int scenarioCount, int passedScenarioCount, int failedScenarioCount) {
    /** Validates the counts: passed plus failed must equal the scenario count. */
    public ProviderSummary {
        provider = EvaluationScenario.requiredText(provider, "ProviderSummary provider");
        Checks.probability(averageScore, "ProviderSummary average_score");
        Checks.nonNegativeInt(scenarioCount, "ProviderSummary scenario_count");
        Checks.nonNegativeInt(passedScenarioCount, "ProviderSummary passed_scenario_count");
        Checks.nonNegativeInt(failedScenarioCount, "ProviderSummary failed_scenario_count");
        if (passedScenarioCount + failedScenarioCount != scenarioCount) {
            throw new WorldForgeException(
                    "ProviderSummary passed and failed scenario counts must sum to scenario_count.");
        }
    }

    /** Passed over count, 0 when nothing ran. */
    public double passRate() {
        return scenarioCount == 0 ? 0.0 : (double) passedScenarioCount / scenarioCount;
    }

    /** {@code {provider, average_score, scenario_count, passed_scenario_count, failed_scenario_count, pass_rate}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("provider", provider)
                .put("average_score", JsonFloat.of(averageScore))
                .put("scenario_count", JsonInt.of(scenarioCount))
                .put("passed_scenario_count", JsonInt.of(passedScenarioCount))
                .put("failed_scenario_count", JsonInt.of(failedScenarioCount))
                .put("pass_rate", JsonFloat.of(passRate()))
                .build();
    }
}
