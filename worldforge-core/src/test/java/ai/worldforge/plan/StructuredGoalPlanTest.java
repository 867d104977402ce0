package ai.worldforge.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.Action;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.StructuredGoal;
import ai.worldforge.model.WorldState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Structured goals → actions: behaviour 51 and the messages of upstream-core.md §4.6. */
class StructuredGoalPlanTest {
    @TempDir
    Path dir;

    WorldForge forge;
    World world;

    @BeforeEach
    void setUp() {
        forge = WorldForge.builder().stateDir(dir).build();
        world = WorldPlanTest.seeded(forge);
    }

    private Plan plan(StructuredGoal goal) {
        return world.plan(PlanRequest.builder().goalSpec(goal).build());
    }

    @Test
    void objectAtMovesTheNamedObject() {
        StructuredGoal goal = StructuredGoal.objectAt(new Position(0.8, 0.8, 0.0), "mug-1", "mug");
        Plan plan = plan(goal);
        assertThat(plan.actions()).containsExactly(Action.moveTo(0.8, 0.8, 0.0, "mug-1"));
        assertThat(plan.goalSpec()).contains(goal.toJson());
        assertThat(plan.goal()).isEqualTo("move mug to (0.80, 0.80, 0.00)");
        // By unique name.
        assertThat(plan(StructuredGoal.objectAt(new Position(0.8, 0.8, 0.0), null, "mug"))
                        .actions())
                .containsExactly(Action.moveTo(0.8, 0.8, 0.0, "mug-1"));
    }

    @Test
    void objectNearMovesNextToTheReference() {
        Plan plan =
                plan(StructuredGoal.objectNear("cube-1", "cube", "mug-1", "mug", new Position(0.15, 0.0, 0.0), 0.05));
        assertThat(plan.actions()).containsExactly(Action.moveTo(0.25 + 0.15, 0.8, 0.0, "cube-1"));
        Plan defaultOffset = plan(StructuredGoal.objectNear("cube-1", null, "mug-1", null, null, 0.05));
        assertThat(defaultOffset.actions()).containsExactly(Action.moveTo(0.25 + 0.1, 0.8, 0.0, "cube-1"));
    }

    @Test
    void swapEmitsTwoMoves() {
        Plan plan = plan(StructuredGoal.swapObjects(null, "cube", null, "mug", 0.05));
        assertThat(plan.actions())
                .containsExactly(Action.moveTo(0.25, 0.8, 0.0, "cube-1"), Action.moveTo(0.0, 0.5, 0.0, "mug-1"));
        assertThat(plan.goal()).isEqualTo("swap cube with mug");
        Plan truncated = world.plan(PlanRequest.builder()
                .goalSpec(StructuredGoal.swapObjects("cube-1", null, "mug-1", null, 0.05))
                .maxSteps(1)
                .build());
        assertThat(truncated.actions()).containsExactly(Action.moveTo(0.25, 0.8, 0.0, "cube-1"));
        assertThat(truncated.predictedStates()).hasSize(1);
    }

    @Test
    void spawnUsesTheGoalPosition() {
        StructuredGoal goal = StructuredGoal.spawnObject("block", new Position(0.2, 0.5, 0.1));
        Plan plan = world.plan(PlanRequest.builder().goalSpec(goal).maxSteps(2).build());
        assertThat(plan.actions()).containsExactly(Action.spawnObject("block", new Position(0.2, 0.5, 0.1), null));
        assertThat(plan.goalSpec())
                .contains(JsonObject.of(
                        "kind",
                        JsonString.of("spawn_object"),
                        "object",
                        JsonObject.of("name", JsonString.of("block")),
                        "position",
                        new Position(0.2, 0.5, 0.1).toJson()));
        assertThat(plan.goal()).isEqualTo("spawn block");
    }

    @Test
    void goalJsonModernAndLegacyForms() {
        Plan modern = world.plan(PlanRequest.builder()
                .goalJson("{\"kind\":\"object_near\",\"object\":\"cube\",\"reference_object\":{\"id\":\"mug-1\"}}")
                .build());
        assertThat(modern.actions()).containsExactly(Action.moveTo(0.25 + 0.1, 0.8, 0.0, "cube-1"));
        Plan legacySwap = world.plan(PlanRequest.builder()
                .goalJson(
                        "{\"type\":\"condition\",\"condition\":{\"SwapObjects\":{\"first_object\":{\"id\":\"cube-1\","
                                + "\"name\":\"cube\"},\"second_object\":{\"id\":\"mug-1\",\"name\":\"mug\"},\"tolerance\":0.05}}}")
                .maxSteps(4)
                .build());
        assertThat(legacySwap.actionCount()).isEqualTo(2);
        assertThat(legacySwap.goalSpec().orElseThrow().toCanonicalJson())
                .isEqualTo("{\"kind\":\"swap_objects\",\"object\":{\"id\":\"cube-1\",\"name\":\"cube\"},"
                        + "\"reference_object\":{\"id\":\"mug-1\",\"name\":\"mug\"},\"tolerance\":0.05}");
    }

    @Test
    void resolutionMessages() {
        assertThatThrownBy(() -> plan(StructuredGoal.objectAt(new Position(0, 0, 0), "nope", null)))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Structured goal references missing object id 'nope'.");
        assertThatThrownBy(() -> plan(StructuredGoal.objectAt(new Position(0, 0, 0), "cube-1", "mug")))
                .hasMessage("Structured goal object id/name selectors do not match the same object.");
        assertThatThrownBy(() -> plan(StructuredGoal.objectAt(new Position(0, 0, 0), null, "plate")))
                .hasMessage("Structured goal references unknown object name 'plate'.");
        assertThatThrownBy(() -> plan(StructuredGoal.objectNear("cube-1", null, "missing-object", null, null, 0.05)))
                .hasMessage("Structured goal references missing reference object id 'missing-object'.");
        assertThatThrownBy(() -> plan(StructuredGoal.objectNear("cube-1", null, "mug-1", "cube", null, 0.05)))
                .hasMessage("Structured goal reference object id/name selectors do not match the same object.");
        assertThatThrownBy(() -> plan(StructuredGoal.swapObjects("cube-1", null, null, "table", 0.05)))
                .hasMessage("Structured goal references unknown reference object name 'table'.");
        assertThatThrownBy(() -> plan(StructuredGoal.objectNear("cube-1", null, null, "cube", null, 0.05)))
                .hasMessage("Structured goal object_near requires distinct primary and reference objects.");
        assertThatThrownBy(() -> plan(StructuredGoal.swapObjects("cube-1", null, null, "cube", 0.05)))
                .hasMessage("Structured goal swap_objects requires distinct primary and reference objects.");
    }

    @Test
    void ambiguousNamesAreRejected() {
        World twoMugs = forge.createWorld("ambiguous");
        Position a = new Position(0.0, 0.8, 0.0);
        Position b = new Position(0.3, 0.8, 0.0);
        twoMugs.addObject(SceneObject.of("m1", "mug", a, BBox.around(a, 0.05)));
        twoMugs.addObject(SceneObject.of("m2", "mug", b, BBox.around(b, 0.05)));
        assertThatThrownBy(() -> twoMugs.plan(PlanRequest.builder()
                        .goalSpec(StructuredGoal.objectAt(new Position(0.6, 0.8, 0.0), null, "mug"))
                        .build()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Structured goal object name 'mug' is ambiguous; use object_id instead.")
                .hasMessageContaining("ambiguous");
        assertThatThrownBy(() -> twoMugs.plan(PlanRequest.builder()
                        .goalSpec(StructuredGoal.objectNear("m1", null, null, "mug", null, 0.05))
                        .build()))
                .hasMessage("Structured goal reference object name 'mug' is ambiguous; use object_id instead.");
        // An id disambiguates.
        assertThat(twoMugs.plan(PlanRequest.builder()
                                .goalSpec(StructuredGoal.objectAt(new Position(0.6, 0.8, 0.0), "m2", "mug"))
                                .build())
                        .actions())
                .containsExactly(Action.moveTo(0.6, 0.8, 0.0, "m2"));
    }

    @Test
    void actionsForWorksOnBareSnapshots() {
        Position p = new Position(1, 2, 3);
        WorldState state = WorldState.of(
                "w",
                "w",
                "mock",
                "",
                0,
                Map.of("a", SceneObject.of("a", "a", p, BBox.around(p, 0.1))),
                JsonObject.EMPTY);
        List<Action> actions =
                StructuredGoalActions.actionsFor(StructuredGoal.objectAt(new Position(0, 0, 0), null, "a"), state);
        assertThat(actions).containsExactly(Action.moveTo(0, 0, 0, "a"));
    }
}
