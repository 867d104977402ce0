/**
 * Capability negotiation: before a workflow runs, report whether the registered and known
 * providers can satisfy the capabilities it needs, classify every candidate provider and
 * recommend the next step for each gap. Start at {@link
 * ai.worldforge.negotiation.CapabilityNegotiator#negotiate(ai.worldforge.WorldForge,
 * java.util.List)}; the built-in workflows are in {@link ai.worldforge.negotiation.Workflows}.
 *
 * <p>The report is read-only: nothing is installed, configured or invoked.
 */
@NullMarked
package ai.worldforge.negotiation;

import org.jspecify.annotations.NullMarked;
