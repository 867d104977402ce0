/**
 * Helpers shared by embodied policy providers: the host-supplied {@link
 * ai.worldforge.provider.policy.ActionTranslator} that turns raw policy output into WorldForge
 * actions, normalisation of its result into candidate plans, JSON conversion of provider-native
 * output, validation of the common {@code info} fields, and embodiment translator contracts.
 */
@NullMarked
package ai.worldforge.provider.policy;

import org.jspecify.annotations.NullMarked;
