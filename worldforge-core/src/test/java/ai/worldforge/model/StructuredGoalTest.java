package ai.worldforge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import org.junit.jupiter.api.Test;

/** Behaviours 10–13 of upstream-core.md §9 and the validation order of §1.4. */
class StructuredGoalTest {

    @Test
    void objectNearDefaultsItsOffset() {
        StructuredGoal goal = StructuredGoal.objectNear("c", null, "m", null, null, 0.05);
        assertThat(goal.offset()).contains(new Position(0.1, 0, 0));
    }

    @Test
    void distinctObjectsAreRequiredByIdOrByNameWithoutIds() {
        assertThatThrownBy(() -> StructuredGoal.swapObjects("a", null, "a", null, 0.05))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageContaining("distinct primary and reference objects");
        assertThatThrownBy(() -> StructuredGoal.swapObjects(null, "mug", null, "mug", 0.05))
                .hasMessageContaining("distinct primary and reference objects");
        assertThat(StructuredGoal.swapObjects("a", "mug", "b", "mug", 0.05).kind())
                .isEqualTo("swap_objects");
    }

    @Test
    void spawnGoalSerialisesWithoutTolerance() {
        assertThat(Json.write(StructuredGoal.spawnObject("ball").toJson()))
                .isEqualTo("{\"kind\":\"spawn_object\",\"object\":{\"name\":\"ball\"}}");
    }

    @Test
    void legacyConditionsDecode() {
        StructuredGoal at = StructuredGoal.fromJsonText("{\"type\":\"condition\",\"condition\":{\"ObjectAt\":"
                + "{\"object\":\"cube-1\",\"position\":{\"x\":1,\"y\":0.5,\"z\":0},\"tolerance\":0.05}}}");
        assertThat(Json.write(at.toJson()))
                .isEqualTo("{\"kind\":\"object_at\",\"object\":{\"id\":\"cube-1\"},"
                        + "\"position\":{\"x\":1.0,\"y\":0.5,\"z\":0.0},\"tolerance\":0.05}");
        StructuredGoal near = StructuredGoal.fromJsonText("{\"type\":\"condition\",\"condition\":{\"ObjectNear\":"
                + "{\"object\":{\"id\":\"a\"},\"anchor\":{\"id\":\"b\"}}}}");
        assertThat(near.referenceObjectId()).contains("b");
        StructuredGoal swap = StructuredGoal.fromJsonText("{\"type\":\"condition\",\"condition\":{\"SwapObjects\":"
                + "{\"first_object\":{\"id\":\"a\"},\"second_object\":{\"id\":\"b\"}}}}");
        assertThat(swap.kind()).isEqualTo("swap_objects");
        assertThatThrownBy(
                        () -> StructuredGoal.fromJsonText("{\"type\":\"condition\",\"condition\":{\"Teleport\":{}}}"))
                .hasMessage("Unsupported legacy structured goal condition 'Teleport'.");
        assertThatThrownBy(() -> StructuredGoal.fromJsonText("{\"type\":\"other\"}"))
                .hasMessage("StructuredGoal JSON must include either 'kind' or legacy type='condition'.");
        assertThatThrownBy(() -> StructuredGoal.fromJsonText("{broken"))
                .hasMessageStartingWith("goal_json must be valid JSON: ");
    }

    @Test
    void summaries() {
        assertThat(StructuredGoal.objectAt(new Position(1, 0.5, 0), null, "mug").summary())
                .isEqualTo("move mug to (1.00, 0.50, 0.00)");
        assertThat(StructuredGoal.spawnObject("ball").summary()).isEqualTo("spawn ball");
        assertThat(StructuredGoal.swapObjects("a", null, "b", null, 0.05).summary())
                .isEqualTo("swap a with b");
        assertThat(StructuredGoal.objectNear(null, "cube", null, "mug", null, 0.05)
                        .summary())
                .isEqualTo("move cube near mug with offset (0.10, 0.00, 0.00)");
    }

    @Test
    void validationOrderAndMessages() {
        assertThatThrownBy(() -> new StructuredGoal("teleport", "a", null, null, null, null, null, 0.05))
                .hasMessage("StructuredGoal kind must be one of: object_at, spawn_object, object_near, swap_objects.");
        assertThatThrownBy(() -> StructuredGoal.objectAt(new Position(0, 0, 0), "a", null, 0))
                .hasMessage("StructuredGoal object_at tolerance must be greater than 0.");
        assertThatThrownBy(() -> new StructuredGoal("object_at", "a", null, null, null, null, null, 0.05))
                .hasMessage("StructuredGoal object_at goals require a target position.");
        assertThatThrownBy(() -> StructuredGoal.objectAt(new Position(0, 0, 0), "", "", 0.05))
                .hasMessage("StructuredGoal object_at goals require object_id or object_name.");
        assertThatThrownBy(() -> new StructuredGoal("spawn_object", "x", "ball", null, null, null, null, 0.05))
                .hasMessage("StructuredGoal spawn_object goals do not accept object_id.");
        assertThatThrownBy(() -> StructuredGoal.objectNear("a", null, null, null, null, 0.05))
                .hasMessage("StructuredGoal object_near goals require reference_object.id or reference_object.name.");
        assertThatThrownBy(() -> new StructuredGoal("tolerance", "a", null, null, null, null, null, Double.NaN))
                .hasMessage("StructuredGoal tolerance must be a finite number.");
    }
}
