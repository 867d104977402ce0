/**
 * Provider routing with fallbacks: try a preferred provider, then alternates in order, skipping
 * providers that are not registered or do not advertise the capability, and record every step.
 * Start at {@link ai.worldforge.routing.ProviderRouter#route(ai.worldforge.routing.ProviderRoutingPolicy,
 * ai.worldforge.WorldForge, ai.worldforge.routing.ProviderRouter.Invocation)}.
 *
 * <p>Routing suits optional providers that may be unconfigured on a host and transient remote
 * failures. It does not suit correctness- or billing-sensitive calls, or control loops where the
 * chosen provider must be deterministic: there, pick one provider and let its error surface.
 */
@NullMarked
package ai.worldforge.routing;

import org.jspecify.annotations.NullMarked;
