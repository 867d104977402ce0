package ai.worldforge.plan;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonArray;
import ai.worldforge.model.Action;
import ai.worldforge.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Provider-agnostic builders of candidate action plans for score and policy+score planning, the
 * reference's {@code action_candidates} module. A candidate plan is a non-empty list of actions;
 * helpers return immutable {@code List<List<Action>>} values that remember their score payload,
 * so scoring the same candidates again does not re-serialise them. Stateless and thread-safe.
 *
 * <p>Every failure is a {@link WorldForgeException} with the reference's message.
 */
public final class ActionCandidates {
    private static final double DEFAULT_SPEED = 1.0;

    private ActionCandidates() {}

    /**
     * Validates candidates as action plans: each element is an {@link Action} (a one-action plan)
     * or a non-empty {@code List} of actions.
     *
     * @param candidateActions the candidates (the Java form of the reference's {@code Action |
     *     Sequence[Action]} elements)
     * @return an immutable list of immutable plans, in input order
     * @throws WorldForgeException {@code candidate_actions must be a non-empty sequence.}, {@code
     *     candidate_actions[{i}] must be an Action or non-empty sequence of Actions.} or {@code
     *     candidate_actions[{i}] must contain only Action instances.}
     */
    public static List<List<Action>> normalize(@Nullable List<?> candidateActions) {
        return normalizePlans(candidateActions);
    }

    /** {@link #normalize} returning the payload-caching type used by the planner. */
    static CandidatePlans normalizePlans(@Nullable List<?> candidateActions) {
        return Objects.requireNonNull(normalizePlans(candidateActions, true));
    }

    /** The validated candidates, or {@code null} when they are invalid (nothing is thrown). */
    static @Nullable CandidatePlans tryNormalize(List<?> candidateActions) {
        return normalizePlans(candidateActions, false);
    }

    private static @Nullable CandidatePlans normalizePlans(@Nullable List<?> candidateActions, boolean raise) {
        if (candidateActions instanceof CandidatePlans already) {
            return already;
        }
        if (candidateActions == null || candidateActions.isEmpty()) {
            return invalid(raise, "candidate_actions must be a non-empty sequence.");
        }
        List<Action>[] plans = newPlanArray(candidateActions.size());
        int index = 0;
        for (Object candidate : candidateActions) {
            if (candidate instanceof Action action) {
                plans[index] = List.of(action);
            } else if (candidate instanceof List<?> list && !list.isEmpty()) {
                for (Object item : list) {
                    if (!(item instanceof Action)) {
                        return invalid(raise, "candidate_actions[" + index + "] must contain only Action instances.");
                    }
                }
                // List.copyOf returns an already immutable list as is: no copy for List.of inputs.
                @SuppressWarnings("unchecked")
                List<Action> actions = List.copyOf((List<Action>) list);
                plans[index] = actions;
            } else {
                return invalid(
                        raise, "candidate_actions[" + index + "] must be an Action or non-empty sequence of Actions.");
            }
            index++;
        }
        return new CandidatePlans(List.of(plans));
    }

    private static @Nullable CandidatePlans invalid(boolean raise, String message) {
        if (raise) {
            throw new WorldForgeException(message);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Action>[] newPlanArray(int size) {
        return (List<Action>[]) new List<?>[size];
    }

    /**
     * The score payload of validated candidates: {@code [[{"type": …, "parameters": …}, …], …]},
     * what score providers receive.
     *
     * @throws WorldForgeException as {@link #normalize}
     */
    public static JsonArray toScorePayload(@Nullable List<?> candidateActions) {
        return normalizePlans(candidateActions).payload();
    }

    /** {@link #cartesianOffsetCandidates(Position, List, String, double)} at speed 1.0. */
    public static List<List<Action>> cartesianOffsetCandidates(
            Position origin, List<?> offsets, @Nullable String objectId) {
        return cartesianOffsetCandidates(origin, offsets, objectId, DEFAULT_SPEED);
    }

    /**
     * Move candidates: each offset ({@link Position} delta, or a non-empty list of deltas for a
     * multi-step plan) becomes {@code move_to(origin + delta)}.
     *
     * @param origin the position the offsets apply to
     * @param offsets {@code Position} or non-empty {@code List<Position>} elements
     * @param objectId the object to move, or {@code null}
     * @param speed finite and greater than 0
     * @throws WorldForgeException {@code origin must be a Position.}, {@code candidate speed must be
     *     greater than 0.}, {@code offsets must be a non-empty sequence.}, {@code offsets[{i}] must
     *     be a Position or non-empty sequence of Positions.} or {@code offsets[{i}] must contain only
     *     Position instances.}
     */
    public static List<List<Action>> cartesianOffsetCandidates(
            Position origin, List<?> offsets, @Nullable String objectId, double speed) {
        requirePosition(origin, "origin");
        double resolvedSpeed = validateSpeed(speed);
        List<List<Position>> offsetPlans = normalizeOffsets(offsets);
        List<List<Action>> plans = new ArrayList<>(offsetPlans.size());
        for (List<Position> offsetPlan : offsetPlans) {
            List<Action> plan = new ArrayList<>(offsetPlan.size());
            for (Position offset : offsetPlan) {
                plan.add(Action.moveTo(
                        origin.x() + offset.x(),
                        origin.y() + offset.y(),
                        origin.z() + offset.z(),
                        resolvedSpeed,
                        objectId));
            }
            plans.add(List.copyOf(plan));
        }
        return new CandidatePlans(List.copyOf(plans));
    }

    /** {@link #objectNearCandidates(Position, List, String, double)} at speed 1.0. */
    public static List<List<Action>> objectNearCandidates(
            Position referencePosition, List<?> offsets, @Nullable String objectId) {
        return objectNearCandidates(referencePosition, offsets, objectId, DEFAULT_SPEED);
    }

    /**
     * Candidates placing an object near {@code referencePosition}: {@link
     * #cartesianOffsetCandidates} from that position (messages name it {@code origin}, as the
     * reference does).
     */
    public static List<List<Action>> objectNearCandidates(
            Position referencePosition, List<?> offsets, @Nullable String objectId, double speed) {
        return cartesianOffsetCandidates(referencePosition, offsets, objectId, speed);
    }

    /** {@link #swapActionCandidates(String, Position, String, Position, double)} at speed 1.0. */
    public static List<List<Action>> swapActionCandidates(
            String firstObjectId, Position firstPosition, String secondObjectId, Position secondPosition) {
        return swapActionCandidates(firstObjectId, firstPosition, secondObjectId, secondPosition, DEFAULT_SPEED);
    }

    /**
     * The two direct swap plans, {@code [[A→B's position, B→A's position], [B→A's position, A→B's
     * position]]}.
     *
     * @throws WorldForgeException {@code first_object_id must be a non-empty string.}, {@code
     *     swap_action_candidates object ids must be distinct.}, {@code first_position must be a
     *     Position.} or {@code candidate speed must be greater than 0.}
     */
    public static List<List<Action>> swapActionCandidates(
            String firstObjectId,
            Position firstPosition,
            String secondObjectId,
            Position secondPosition,
            double speed) {
        String firstId = Checks.nonBlank(firstObjectId, "first_object_id must be a non-empty string.");
        String secondId = Checks.nonBlank(secondObjectId, "second_object_id must be a non-empty string.");
        if (firstId.equals(secondId)) {
            throw new WorldForgeException("swap_action_candidates object ids must be distinct.");
        }
        requirePosition(firstPosition, "first_position");
        requirePosition(secondPosition, "second_position");
        double resolvedSpeed = validateSpeed(speed);
        Action firstToSecond =
                Action.moveTo(secondPosition.x(), secondPosition.y(), secondPosition.z(), resolvedSpeed, firstId);
        Action secondToFirst =
                Action.moveTo(firstPosition.x(), firstPosition.y(), firstPosition.z(), resolvedSpeed, secondId);
        return new CandidatePlans(
                List.of(List.of(firstToSecond, secondToFirst), List.of(secondToFirst, firstToSecond)));
    }

    /** {@link #boundedMoveGridCandidates(double[], double[], double[], int, int, int, String, double)} at speed 1.0. */
    public static List<List<Action>> boundedMoveGridCandidates(
            double[] xBounds,
            double[] yBounds,
            double[] zBounds,
            int xSteps,
            int ySteps,
            int zSteps,
            @Nullable String objectId) {
        return boundedMoveGridCandidates(xBounds, yBounds, zBounds, xSteps, ySteps, zSteps, objectId, DEFAULT_SPEED);
    }

    /**
     * One-action {@code move_to} plans over an inclusive grid, x-major then y then z. An axis with
     * one step uses the midpoint of its bounds; otherwise {@code lower + (upper - lower) / (n - 1) *
     * i}.
     *
     * @param xBounds {@code {lower, upper}}, finite, lower ≤ upper (same for y and z)
     * @param xSteps positive number of grid values on x (same for y and z)
     * @param objectId the object to move, or {@code null}
     * @param speed finite and greater than 0
     * @throws WorldForgeException {@code x_bounds must contain exactly two finite numbers.}, {@code
     *     x_bounds[1] must be a finite number.}, {@code x_bounds lower bound must be less than or
     *     equal to upper bound.}, {@code x_steps must be an integer greater than 0.} (checked axis by
     *     axis, bounds before steps) or {@code candidate speed must be greater than 0.}
     */
    public static List<List<Action>> boundedMoveGridCandidates(
            double[] xBounds,
            double[] yBounds,
            double[] zBounds,
            int xSteps,
            int ySteps,
            int zSteps,
            @Nullable String objectId,
            double speed) {
        double[] xs = linspace(bounds(xBounds, "x_bounds"), xSteps, "x_steps");
        double[] ys = linspace(bounds(yBounds, "y_bounds"), ySteps, "y_steps");
        double[] zs = linspace(bounds(zBounds, "z_bounds"), zSteps, "z_steps");
        double resolvedSpeed = validateSpeed(speed);
        List<List<Action>> plans = new ArrayList<>(xs.length * ys.length * zs.length);
        for (double x : xs) {
            for (double y : ys) {
                for (double z : zs) {
                    plans.add(List.of(Action.moveTo(x, y, z, resolvedSpeed, objectId)));
                }
            }
        }
        return new CandidatePlans(List.copyOf(plans));
    }

    private static List<List<Position>> normalizeOffsets(@Nullable List<?> offsets) {
        if (offsets == null || offsets.isEmpty()) {
            throw new WorldForgeException("offsets must be a non-empty sequence.");
        }
        List<List<Position>> plans = new ArrayList<>(offsets.size());
        int index = 0;
        for (Object item : offsets) {
            if (item instanceof Position position) {
                plans.add(List.of(position));
            } else if (item instanceof List<?> list && !list.isEmpty()) {
                List<Position> plan = new ArrayList<>(list.size());
                for (Object offset : list) {
                    if (!(offset instanceof Position position)) {
                        throw new WorldForgeException("offsets[" + index + "] must contain only Position instances.");
                    }
                    plan.add(position);
                }
                plans.add(plan);
            } else {
                throw new WorldForgeException(
                        "offsets[" + index + "] must be a Position or non-empty sequence of Positions.");
            }
            index++;
        }
        return plans;
    }

    private static double[] bounds(double @Nullable [] value, String name) {
        if (value == null || value.length != 2) {
            throw new WorldForgeException(name + " must contain exactly two finite numbers.");
        }
        double lower = Checks.finite(value[0], name + "[0]");
        double upper = Checks.finite(value[1], name + "[1]");
        if (lower > upper) {
            throw new WorldForgeException(name + " lower bound must be less than or equal to upper bound.");
        }
        return new double[] {lower, upper};
    }

    private static double[] linspace(double[] bounds, int steps, String name) {
        int count = (int) Checks.positiveInt(steps, name);
        double lower = bounds[0];
        double upper = bounds[1];
        if (count == 1) {
            return new double[] {(lower + upper) / 2};
        }
        double stride = (upper - lower) / (count - 1);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = lower + stride * i;
        }
        return values;
    }

    private static double validateSpeed(double speed) {
        Checks.finite(speed, "candidate speed");
        if (speed <= 0.0) {
            throw new WorldForgeException("candidate speed must be greater than 0.");
        }
        return speed;
    }

    private static void requirePosition(@Nullable Position value, String name) {
        if (value == null) {
            throw new WorldForgeException(name + " must be a Position.");
        }
    }
}
