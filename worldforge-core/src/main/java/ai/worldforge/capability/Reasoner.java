package ai.worldforge.capability;

import ai.worldforge.model.ReasoningResult;
import ai.worldforge.model.WorldState;
import org.jspecify.annotations.Nullable;

/**
 * Answers questions, optionally about a world snapshot (the {@code reason} capability).
 *
 * <p>Implement {@link #name()} and this one method, then register with
 * {@code forge.registerReasoner(impl)} or {@code forge.register(impl)}. See {@link NamedCapability}
 * for the optional metadata.
 */
public interface Reasoner extends NamedCapability {
    /** Answers {@code query}; {@code state} is the world snapshot when the caller passed a world. */
    ReasoningResult reason(String query, @Nullable WorldState state);
}
