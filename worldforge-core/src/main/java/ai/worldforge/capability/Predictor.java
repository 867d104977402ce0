package ai.worldforge.capability;

import ai.worldforge.model.Action;
import ai.worldforge.model.PredictionPayload;
import ai.worldforge.model.WorldState;

/**
 * Advances a world state under an action (the {@code predict} capability).
 *
 * <p>Implement {@link #name()} and this one method, then register with
 * {@code forge.registerPredictor(impl)} or {@code forge.register(impl)}. See {@link NamedCapability}
 * for the optional metadata.
 */
public interface Predictor extends NamedCapability {
    /** Predicts the state after {@code action} applied for {@code steps} (at least 1) steps. */
    PredictionPayload predict(WorldState state, Action action, int steps);
}
