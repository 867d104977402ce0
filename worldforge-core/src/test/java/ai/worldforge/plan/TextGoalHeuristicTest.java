package ai.worldforge.plan;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.Action;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.WorldState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviour 44 of upstream-core.md §9. */
class TextGoalHeuristicTest {
    private static WorldState withObjectAt(Position p) {
        Map<String, SceneObject> objects = new LinkedHashMap<>();
        objects.put("a", SceneObject.of("a", "a", p, BBox.around(p, 0.05)));
        Position q = new Position(9, 9, 9);
        objects.put("b", SceneObject.of("b", "b", q, BBox.around(q, 0.05)));
        return WorldState.of("w", "w", "mock", "", 0, objects, JsonObject.EMPTY);
    }

    private static final WorldState EMPTY = WorldState.of("w", "w", "mock", "", 0, Map.of(), JsonObject.EMPTY);

    @Test
    void spawnPicksTheFirstKnownNameInOrder() {
        assertThat(TextGoalHeuristic.actionsFor("spawn a ball", EMPTY)
                        .get(0)
                        .parameters()
                        .get("name"))
                .isEqualTo(JsonString.of("ball"));
        assertThat(TextGoalHeuristic.actionsFor("Spawn a MUG and a ball", EMPTY)
                        .get(0)
                        .parameters()
                        .get("name"))
                .isEqualTo(JsonString.of("ball"));
        assertThat(TextGoalHeuristic.actionsFor("spawn something", EMPTY)
                        .get(0)
                        .parameters()
                        .get("name"))
                .isEqualTo(JsonString.of("cube"));
    }

    @Test
    void movesTheFirstInsertedObject() {
        WorldState state = withObjectAt(new Position(1, 2, 3));
        assertThat(TextGoalHeuristic.actionsFor("move right", state)).containsExactly(Action.moveTo(2, 2, 3));
        assertThat(TextGoalHeuristic.actionsFor("load the dishwasher", state))
                .containsExactly(Action.moveTo(1.8, 2, 2.6));
        assertThat(TextGoalHeuristic.actionsFor("tidy up", state)).containsExactly(Action.moveTo(1.3, 2, 3));
        assertThat(TextGoalHeuristic.actionsFor("tidy up", EMPTY)).containsExactly(Action.spawnObject("cube"));
    }
}
