/**
 * The transport-independent parts of the {@code cosmos-policy} provider (NVIDIA Cosmos-Policy
 * ALOHA {@code /act} server): configuration, {@code /act} request building, response parsing
 * (including json_numpy-encoded rows), and turning a parsed response into an {@link
 * ai.worldforge.model.ActionPolicyResult} through a host {@link
 * ai.worldforge.provider.policy.ActionTranslator}. Sending the request is left to the HTTP layer.
 */
@NullMarked
package ai.worldforge.provider.cosmospolicy;

import org.jspecify.annotations.NullMarked;
