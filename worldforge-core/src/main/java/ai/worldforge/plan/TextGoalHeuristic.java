package ai.worldforge.plan;

import ai.worldforge.model.Action;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.WorldState;
import java.util.List;
import java.util.Locale;

/**
 * The reference's heuristic for free-text goals (used when a plan has no structured goal):
 * {@code spawn} spawns the first of cube, ball, block or mug mentioned (cube by default);
 * otherwise the first object in the scene moves right ({@code right}: +1.0 x), towards the
 * dishwasher ({@code dishwasher}: +0.8 x, -0.4 z) or a little (+0.3 x); an empty scene spawns a
 * cube. Stateless and thread-safe.
 */
public final class TextGoalHeuristic {
    private static final List<String> SPAWNABLE = List.of("cube", "ball", "block", "mug");

    private TextGoalHeuristic() {}

    /** The actions the heuristic derives from {@code goal} for {@code state}. */
    public static List<Action> actionsFor(String goal, WorldState state) {
        String lowered = goal.toLowerCase(Locale.ROOT);
        if (lowered.contains("spawn")) {
            String name = "cube";
            for (String candidate : SPAWNABLE) {
                if (lowered.contains(candidate)) {
                    name = candidate;
                    break;
                }
            }
            return List.of(Action.spawnObject(name));
        }
        if (state.objects().isEmpty()) {
            return List.of(Action.spawnObject("cube"));
        }
        SceneObject first = state.objects().values().iterator().next();
        Position p = first.position();
        if (lowered.contains("right")) {
            return List.of(Action.moveTo(p.x() + 1.0, p.y(), p.z()));
        }
        if (lowered.contains("dishwasher")) {
            return List.of(Action.moveTo(p.x() + 0.8, p.y(), p.z() - 0.4));
        }
        return List.of(Action.moveTo(p.x() + 0.3, p.y(), p.z()));
    }
}
