package ai.worldforge.capability;

import ai.worldforge.json.JsonObject;
import ai.worldforge.model.ActionPolicyResult;

/**
 * Selects actions for an observation (the {@code policy} capability).
 *
 * <p>Implement {@link #name()} and this one method, then register with
 * {@code forge.registerPolicy(impl)} or {@code forge.register(impl)}. See {@link NamedCapability}
 * for the optional metadata.
 */
public interface Policy extends NamedCapability {
    /** Selects actions given observation {@code info}. */
    ActionPolicyResult selectActions(JsonObject info);
}
