package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores for candidate action plans from a score (cost) model. Immutable and thread-safe.
 *
 * @param provider non-blank provider name
 * @param scores one finite score per candidate (non-empty)
 * @param bestIndex index of the best candidate
 * @param lowerIsBetter whether lower scores are better (costs)
 * @param metadata JSON metadata
 */
public record ActionScoreResult(
        String provider, List<Double> scores, int bestIndex, boolean lowerIsBetter, JsonObject metadata) {
    /** Validates every field. */
    public ActionScoreResult {
        provider = Checks.nonBlank(provider, "ActionScoreResult provider must be a non-empty string.");
        if (scores.isEmpty()) {
            throw new WorldForgeException("ActionScoreResult scores must not be empty.");
        }
        for (Double score : scores) {
            if (score == null || !Double.isFinite(score)) {
                throw new WorldForgeException("ActionScoreResult scores must contain only finite numbers.");
            }
        }
        scores = List.copyOf(scores);
        if (bestIndex < 0 || bestIndex >= scores.size()) {
            throw new WorldForgeException("ActionScoreResult best_index is out of range.");
        }
        Checks.jsonObject(metadata, "ActionScoreResult metadata");
    }

    /** Costs with lower-is-better and no metadata. */
    public static ActionScoreResult of(String provider, List<Double> scores, int bestIndex) {
        return new ActionScoreResult(provider, scores, bestIndex, true, JsonObject.EMPTY);
    }

    /** {@code scores[bestIndex]}. */
    public double bestScore() {
        return scores.get(bestIndex);
    }

    /** {@code {provider, scores, best_index, best_score, lower_is_better, metadata}}. */
    public JsonObject toJson() {
        List<JsonValue> values = new ArrayList<>(scores.size());
        scores.forEach(s -> values.add(JsonFloat.of(s)));
        return JsonObject.builder()
                .put("provider", JsonString.of(provider))
                .put("scores", JsonArray.copyOf(values))
                .put("best_index", JsonInt.of(bestIndex))
                .put("best_score", JsonFloat.of(bestScore()))
                .put("lower_is_better", JsonBool.of(lowerIsBetter))
                .put("metadata", metadata)
                .build();
    }
}
