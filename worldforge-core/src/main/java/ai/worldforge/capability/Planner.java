package ai.worldforge.capability;

import ai.worldforge.json.JsonObject;
import ai.worldforge.model.ActionPolicyResult;

/**
 * Composes a multi-step plan (the {@code plan} capability). Reserved, as in the reference:
 * planners can be registered and diagnosed, but no facade call dispatches to them yet.
 *
 * <p>Implement {@link #name()} and this one method, then register with
 * {@code forge.registerPlanner(impl)} or {@code forge.register(impl)}. See {@link NamedCapability}
 * for the optional metadata.
 */
public interface Planner extends NamedCapability {
    /** Plans actions given {@code info}. */
    ActionPolicyResult plan(JsonObject info);
}
