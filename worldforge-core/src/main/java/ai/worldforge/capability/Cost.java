package ai.worldforge.capability;

import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.ActionScoreResult;

/**
 * Scores a batch of candidate actions or action plans (the {@code score} capability; lower is
 * better unless the result says otherwise).
 *
 * <p>Implement {@link #name()} and this one method, then register with
 * {@code forge.registerCost(impl)} or {@code forge.register(impl)}. See {@link NamedCapability}
 * for the optional metadata.
 */
public interface Cost extends NamedCapability {
    /** Scores {@code actionCandidates} given observation/goal {@code info}. */
    ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates);
}
