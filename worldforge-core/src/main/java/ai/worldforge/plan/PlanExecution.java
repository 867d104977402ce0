package ai.worldforge.plan;

import ai.worldforge.World;
import ai.worldforge.model.Action;
import java.util.List;
import java.util.Objects;

/**
 * The result of executing a {@link Plan}: a new world (a copy of the source world, history
 * included) after every action was predicted on it, and the actions applied. The source world is
 * not changed. Immutable apart from the returned world, which the caller owns.
 *
 * @param finalWorld the world after the plan's actions
 * @param actionsApplied the actions applied, in order (the plan's actions)
 */
public record PlanExecution(World finalWorld, List<Action> actionsApplied) {
    /** Copies the action list. */
    public PlanExecution {
        Objects.requireNonNull(finalWorld, "finalWorld");
        actionsApplied = List.copyOf(actionsApplied);
    }
}
