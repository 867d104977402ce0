package ai.worldforge.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.Action;
import ai.worldforge.model.Position;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Candidate helpers: behaviour 65 and the messages of upstream-core.md §7.3. */
class ActionCandidatesTest {
    private static final Position ORIGIN = new Position(0.0, 0.5, 0.0);

    private static double targetX(List<Action> plan) {
        return ((JsonFloat) ((ai.worldforge.json.JsonObject)
                                plan.get(0).parameters().get("target"))
                        .get("x"))
                .value();
    }

    @Test
    void cartesianOffsetsBuildSingleAndMultiStepPlans() {
        List<List<Action>> plans = ActionCandidates.cartesianOffsetCandidates(
                ORIGIN,
                List.of(new Position(0.1, 0.0, 0.0), List.of(new Position(0.2, 0.0, 0.0), new Position(0.4, 0.0, 0.0))),
                "cube-1");
        assertThat(plans)
                .containsExactly(
                        List.of(Action.moveTo(0.1, 0.5, 0.0, "cube-1")),
                        List.of(Action.moveTo(0.2, 0.5, 0.0, "cube-1"), Action.moveTo(0.4, 0.5, 0.0, "cube-1")));
        assertThat(Json.write(ActionCandidates.toScorePayload(plans)))
                .isEqualTo(
                        "[[{\"parameters\":{\"object_id\":\"cube-1\",\"speed\":1.0,\"target\":{\"x\":0.1,\"y\":0.5,"
                                + "\"z\":0.0}},\"type\":\"move_to\"}],[{\"parameters\":{\"object_id\":\"cube-1\",\"speed\":1.0,"
                                + "\"target\":{\"x\":0.2,\"y\":0.5,\"z\":0.0}},\"type\":\"move_to\"},{\"parameters\":{\"object_id\":"
                                + "\"cube-1\",\"speed\":1.0,\"target\":{\"x\":0.4,\"y\":0.5,\"z\":0.0}},\"type\":\"move_to\"}]]");
        // Speed and a missing object id.
        List<List<Action>> slow =
                ActionCandidates.cartesianOffsetCandidates(ORIGIN, List.of(new Position(0, 0, 0)), null, 0.5);
        assertThat(slow).containsExactly(List.of(Action.moveTo(0.0, 0.5, 0.0, 0.5, null)));
    }

    @Test
    void objectNearIsCartesianFromTheReference() {
        List<List<Action>> near = ActionCandidates.objectNearCandidates(
                new Position(0.5, 0.5, 0.0), List.of(new Position(0.1, 0.0, 0.0)), "cube-1");
        assertThat(near.get(0).get(0).parameters().get("target")).isEqualTo(new Position(0.6, 0.5, 0.0).toJson());
    }

    @Test
    void offsetMessages() {
        assertThatThrownBy(() -> ActionCandidates.cartesianOffsetCandidates(ORIGIN, List.of(), null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("offsets must be a non-empty sequence.");
        assertThatThrownBy(() -> ActionCandidates.cartesianOffsetCandidates(ORIGIN, null, null))
                .hasMessage("offsets must be a non-empty sequence.");
        assertThatThrownBy(() -> ActionCandidates.cartesianOffsetCandidates(ORIGIN, List.of(List.of("x")), null))
                .hasMessage("offsets[0] must contain only Position instances.");
        assertThatThrownBy(() -> ActionCandidates.cartesianOffsetCandidates(
                        ORIGIN, List.of(new Position(0, 0, 0), List.of()), null))
                .hasMessage("offsets[1] must be a Position or non-empty sequence of Positions.");
        assertThatThrownBy(() -> ActionCandidates.cartesianOffsetCandidates(ORIGIN, List.of("p"), null))
                .hasMessage("offsets[0] must be a Position or non-empty sequence of Positions.");
        assertThatThrownBy(() -> ActionCandidates.cartesianOffsetCandidates(null, List.of(ORIGIN), null))
                .hasMessage("origin must be a Position.");
        // Speed is checked before the offsets, as in the reference.
        assertThatThrownBy(() -> ActionCandidates.cartesianOffsetCandidates(ORIGIN, List.of(), null, 0.0))
                .hasMessage("candidate speed must be greater than 0.");
        assertThatThrownBy(() -> ActionCandidates.cartesianOffsetCandidates(ORIGIN, List.of(ORIGIN), null, Double.NaN))
                .hasMessage("candidate speed must be a finite number.");
        assertThatThrownBy(() -> ActionCandidates.cartesianOffsetCandidates(ORIGIN, List.of(ORIGIN), " "))
                .hasMessage("Action.move_to object_id must not be empty when provided.");
    }

    @Test
    void swapCandidatesReturnBothOrders() {
        List<List<Action>> swap = ActionCandidates.swapActionCandidates(
                "cube-1", new Position(0.0, 0.5, 0.0), "mug-1", new Position(0.4, 0.8, 0.0));
        Action cubeToMug = Action.moveTo(0.4, 0.8, 0.0, "cube-1");
        Action mugToCube = Action.moveTo(0.0, 0.5, 0.0, "mug-1");
        assertThat(swap).containsExactly(List.of(cubeToMug, mugToCube), List.of(mugToCube, cubeToMug));
        assertThat(((JsonArray) ActionCandidates.toScorePayload(swap).get(0)).get(0))
                .isEqualTo(cubeToMug.toJson());
        assertThat(ActionCandidates.swapActionCandidates(" a ", ORIGIN, "b", ORIGIN, 2.0)
                        .get(0)
                        .get(0)
                        .parameters()
                        .get("object_id"))
                .isEqualTo(JsonString.of("a"));
    }

    @Test
    void swapMessages() {
        assertThatThrownBy(() -> ActionCandidates.swapActionCandidates("cube-1", ORIGIN, " cube-1 ", ORIGIN))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("swap_action_candidates object ids must be distinct.");
        assertThatThrownBy(() -> ActionCandidates.swapActionCandidates(" ", ORIGIN, "b", ORIGIN))
                .hasMessage("first_object_id must be a non-empty string.");
        assertThatThrownBy(() -> ActionCandidates.swapActionCandidates("a", ORIGIN, "", ORIGIN))
                .hasMessage("second_object_id must be a non-empty string.");
        assertThatThrownBy(() -> ActionCandidates.swapActionCandidates("a", null, "b", ORIGIN))
                .hasMessage("first_position must be a Position.");
        assertThatThrownBy(() -> ActionCandidates.swapActionCandidates("a", ORIGIN, "b", null))
                .hasMessage("second_position must be a Position.");
        assertThatThrownBy(() -> ActionCandidates.swapActionCandidates("a", ORIGIN, "b", ORIGIN, -1.0))
                .hasMessage("candidate speed must be greater than 0.");
    }

    @Test
    void gridUsesMidpointsAndXMajorOrder() {
        List<List<Action>> grid = ActionCandidates.boundedMoveGridCandidates(
                new double[] {0.1, 0.7}, new double[] {0.5, 0.5}, new double[] {0.0, 0.0}, 3, 1, 1, "cube-1");
        assertThat(grid.stream().map(ActionCandidatesTest::targetX).toList()).containsExactly(0.1, 0.4, 0.7);
        assertThat(grid).allSatisfy(plan -> assertThat(plan).hasSize(1));

        List<List<Action>> ordered = ActionCandidates.boundedMoveGridCandidates(
                new double[] {0.0, 1.0}, new double[] {0.0, 2.0}, new double[] {-1.0, 1.0}, 2, 2, 1, null, 0.5);
        List<Action> expected = List.of(
                Action.moveTo(0.0, 0.0, 0.0, 0.5, null),
                Action.moveTo(0.0, 2.0, 0.0, 0.5, null),
                Action.moveTo(1.0, 0.0, 0.0, 0.5, null),
                Action.moveTo(1.0, 2.0, 0.0, 0.5, null));
        assertThat(ordered.stream().map(p -> p.get(0)).toList()).isEqualTo(expected);
    }

    @Test
    void gridLinspaceMatchesPythonArithmetic() {
        // lower + stride * i, not lower + (upper - lower) * i / (n - 1).
        List<List<Action>> grid = ActionCandidates.boundedMoveGridCandidates(
                new double[] {0.0, 1.0}, new double[] {0, 0}, new double[] {0, 0}, 4, 1, 1, null);
        double stride = 1.0 / 3;
        assertThat(grid.stream().map(ActionCandidatesTest::targetX).toList())
                .containsExactly(0.0, stride, stride * 2, stride * 3);
    }

    @Test
    void gridMessages() {
        double[] ok = {0.0, 1.0};
        assertThatThrownBy(() ->
                        ActionCandidates.boundedMoveGridCandidates(new double[] {1.0, 0.0}, ok, ok, 3, 1, 1, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("x_bounds lower bound must be less than or equal to upper bound.");
        assertThatThrownBy(() ->
                        ActionCandidates.boundedMoveGridCandidates(new double[] {0.0, 0.5, 1.0}, ok, ok, 3, 1, 1, null))
                .hasMessage("x_bounds must contain exactly two finite numbers.");
        assertThatThrownBy(() -> ActionCandidates.boundedMoveGridCandidates(null, ok, ok, 3, 1, 1, null))
                .hasMessage("x_bounds must contain exactly two finite numbers.");
        assertThatThrownBy(() -> ActionCandidates.boundedMoveGridCandidates(
                        ok, new double[] {0.5, Double.NaN}, ok, 3, 1, 1, null))
                .hasMessage("y_bounds[1] must be a finite number.");
        assertThatThrownBy(() -> ActionCandidates.boundedMoveGridCandidates(
                        ok, ok, new double[] {Double.POSITIVE_INFINITY, 0}, 3, 1, 1, null))
                .hasMessage("z_bounds[0] must be a finite number.");
        assertThatThrownBy(() -> ActionCandidates.boundedMoveGridCandidates(ok, ok, ok, 0, 1, 1, null))
                .hasMessage("x_steps must be an integer greater than 0.");
        // Axis by axis: x steps are checked before y bounds.
        assertThatThrownBy(() -> ActionCandidates.boundedMoveGridCandidates(ok, null, ok, 0, 1, 1, null))
                .hasMessage("x_steps must be an integer greater than 0.");
        assertThatThrownBy(() -> ActionCandidates.boundedMoveGridCandidates(ok, ok, ok, 1, 1, -2, null))
                .hasMessage("z_steps must be an integer greater than 0.");
        assertThatThrownBy(() -> ActionCandidates.boundedMoveGridCandidates(ok, ok, ok, 1, 1, 1, null, 0.0))
                .hasMessage("candidate speed must be greater than 0.");
    }

    @Test
    void normalizeWrapsSingleActionsAndValidates() {
        Action a = Action.noop();
        Action b = Action.moveTo(1, 2, 3);
        List<Object> mutable = new ArrayList<>(List.of(a, List.of(a, b)));
        List<List<Action>> plans = ActionCandidates.normalize(mutable);
        assertThat(plans).containsExactly(List.of(a), List.of(a, b));
        mutable.clear();
        assertThat(plans).hasSize(2);
        assertThatThrownBy(() -> plans.add(List.of())).isInstanceOf(UnsupportedOperationException.class);

        assertThatThrownBy(() -> ActionCandidates.normalize(List.of()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("candidate_actions must be a non-empty sequence.");
        assertThatThrownBy(() -> ActionCandidates.normalize(null))
                .hasMessage("candidate_actions must be a non-empty sequence.");
        assertThatThrownBy(() -> ActionCandidates.normalize(List.of(a, "x")))
                .hasMessage("candidate_actions[1] must be an Action or non-empty sequence of Actions.");
        assertThatThrownBy(() -> ActionCandidates.normalize(List.of(List.of())))
                .hasMessage("candidate_actions[0] must be an Action or non-empty sequence of Actions.");
        assertThatThrownBy(() -> ActionCandidates.normalize(List.of(a, List.of(a, 1))))
                .hasMessage("candidate_actions[1] must contain only Action instances.");
        assertThatThrownBy(() -> ActionCandidates.normalize(List.of(Arrays.asList(a, null))))
                .hasMessage("candidate_actions[0] must contain only Action instances.");
        assertThatThrownBy(() -> ActionCandidates.toScorePayload(List.of()))
                .hasMessage("candidate_actions must be a non-empty sequence.");
    }

    @Test
    void scorePayloadIsBuiltOnceAndReused() {
        List<List<Action>> plans = ActionCandidates.normalize(List.of(Action.noop(), List.of(Action.moveTo(1, 2, 3))));
        JsonArray first = ActionCandidates.toScorePayload(plans);
        assertThat(ActionCandidates.toScorePayload(plans)).isSameAs(first);
        assertThat(ActionCandidates.normalize(plans)).isSameAs(plans);
        assertThat(Json.write(first))
                .isEqualTo(
                        "[[{\"parameters\":{},\"type\":\"noop\"}],[{\"parameters\":{\"speed\":1.0,\"target\":{\"x\":1.0,"
                                + "\"y\":2.0,\"z\":3.0}},\"type\":\"move_to\"}]]");
        // Equal to a plain list of the same plans.
        assertThat(plans).isEqualTo(List.of(List.of(Action.noop()), List.of(Action.moveTo(1, 2, 3))));
    }
}
