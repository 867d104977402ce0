package ai.worldforge.plan;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.model.Action;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.StructuredGoal;
import ai.worldforge.model.WorldState;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link StructuredGoal} into actions against a world snapshot, resolving object selectors
 * by id (which must exist and agree with a given name) or by a unique name. Moves name the object
 * they move ({@code move_to … object_id}). Stateless and thread-safe.
 */
public final class StructuredGoalActions {
    private StructuredGoalActions() {}

    /**
     * The actions achieving {@code goal} in {@code state}: {@code spawn_object} → one spawn;
     * {@code object_at} → move the object to the position; {@code object_near} → move the object to
     * the reference's position plus the offset; {@code swap_objects} → move each object to the
     * other's position.
     *
     * @throws WorldForgeException {@code Structured goal references missing {label} id '{id}'.},
     *     {@code Structured goal {label} id/name selectors do not match the same object.}, {@code
     *     Structured goal references unknown {label} name '{n}'.}, {@code Structured goal {label}
     *     name '{n}' is ambiguous; use object_id instead.} or {@code Structured goal {kind} requires
     *     distinct primary and reference objects.} ({@code label} is {@code object} or {@code
     *     reference object})
     */
    public static List<Action> actionsFor(StructuredGoal goal, WorldState state) {
        String kind = goal.kind();
        if (kind.equals(StructuredGoal.SPAWN_OBJECT)) {
            return List.of(Action.spawnObject(
                    goal.objectName().orElse("cube"), goal.position().orElse(null), null));
        }
        SceneObject target =
                resolve(state, goal.objectId().orElse(null), goal.objectName().orElse(null), "object");
        switch (kind) {
            case StructuredGoal.OBJECT_NEAR -> {
                SceneObject reference = resolveReference(state, goal, target);
                Position offset = goal.offset().orElseThrow();
                Position p = reference.position();
                return List.of(Action.moveTo(p.x() + offset.x(), p.y() + offset.y(), p.z() + offset.z(), target.id()));
            }
            case StructuredGoal.SWAP_OBJECTS -> {
                SceneObject reference = resolveReference(state, goal, target);
                return List.of(
                        Action.moveTo(reference.position(), target.id()),
                        Action.moveTo(target.position(), reference.id()));
            }
            default -> {
                return List.of(Action.moveTo(goal.position().orElseThrow(), target.id()));
            }
        }
    }

    private static SceneObject resolveReference(WorldState state, StructuredGoal goal, SceneObject target) {
        SceneObject reference = resolve(
                state,
                goal.referenceObjectId().orElse(null),
                goal.referenceObjectName().orElse(null),
                "reference object");
        if (reference.id().equals(target.id())) {
            throw new WorldForgeException(
                    "Structured goal " + goal.kind() + " requires distinct primary and reference objects.");
        }
        return reference;
    }

    private static SceneObject resolve(
            WorldState state, @Nullable String objectId, @Nullable String objectName, String label) {
        if (objectId != null) {
            SceneObject found = state.objects().get(objectId);
            if (found == null) {
                throw new WorldForgeException(
                        "Structured goal references missing " + label + " id '" + objectId + "'.");
            }
            if (objectName != null && !found.name().equals(objectName)) {
                throw new WorldForgeException(
                        "Structured goal " + label + " id/name selectors do not match the same object.");
            }
            return found;
        }
        SceneObject match = null;
        int matches = 0;
        for (SceneObject candidate : state.objects().values()) {
            if (candidate.name().equals(objectName)) {
                if (match == null) {
                    match = candidate;
                }
                matches++;
            }
        }
        if (match == null) {
            throw new WorldForgeException(
                    "Structured goal references unknown " + label + " name '" + objectName + "'.");
        }
        if (matches > 1) {
            throw new WorldForgeException(
                    "Structured goal " + label + " name '" + objectName + "' is ambiguous; use object_id instead.");
        }
        return match;
    }
}
