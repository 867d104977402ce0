/**
 * Narrow capability interfaces a host implements with one method ({@link
 * ai.worldforge.capability.Cost}, {@link ai.worldforge.capability.Policy}, {@link
 * ai.worldforge.capability.Generator}, {@link ai.worldforge.capability.Predictor}, {@link
 * ai.worldforge.capability.Reasoner}, {@link ai.worldforge.capability.Embedder}, {@link
 * ai.worldforge.capability.Transferer} and the reserved {@link ai.worldforge.capability.Planner}),
 * their descriptors ({@link ai.worldforge.capability.CapabilityKind}), the optional {@link
 * ai.worldforge.capability.RunnableModel} bundle, and the {@link
 * ai.worldforge.capability.ObservableCapability} wrapper the forge puts around every registered
 * implementation to time calls, emit events, check results and report health.
 */
@NullMarked
package ai.worldforge.capability;

import org.jspecify.annotations.NullMarked;
