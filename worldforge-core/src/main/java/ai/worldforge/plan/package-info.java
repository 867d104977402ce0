/**
 * Planning: {@link ai.worldforge.plan.PlanRequest} describes what to plan, {@link
 * ai.worldforge.plan.WorldPlanner} (behind {@code World.plan}) turns a goal into a {@link
 * ai.worldforge.plan.Plan} in predict, score, policy or policy+score mode, {@link
 * ai.worldforge.plan.PlanExecution} is the result of {@code World.executePlan}, and {@link
 * ai.worldforge.plan.ActionCandidates} builds candidate action plans for score providers.
 */
@NullMarked
package ai.worldforge.plan;

import org.jspecify.annotations.NullMarked;
