package ai.worldforge.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.Action;
import ai.worldforge.model.HistoryEntry;
import ai.worldforge.model.Position;
import ai.worldforge.model.StructuredGoal;
import ai.worldforge.plan.PlanFixtures.ScoreProvider;
import ai.worldforge.provider.mock.MockProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code World.executePlan}: behaviour 52 and the messages of upstream-core.md §4.7. */
class ExecutePlanTest {
    @TempDir
    Path dir;

    WorldForge forge;
    World world;

    @BeforeEach
    void setUp() {
        forge = WorldForge.builder().stateDir(dir).build();
        forge.registerProvider(new MockProvider("manual-mock", null));
        forge.registerProvider(new MockProvider("other-mock", null));
        forge.registerProvider(ScoreProvider.fixed("score-only", List.of(0.0), 0));
        world = WorldPlanTest.seeded(forge);
    }

    private Plan plan(String provider, JsonObject metadata) {
        return Plan.builder("move cube", "fixture", provider)
                .actions(List.of(Action.moveTo(0.4, 0.5, 0.0, "cube-1")))
                .successProbability(0.5)
                .metadata(metadata)
                .build();
    }

    private static List<String> summaries(World w) {
        return w.history().stream().map(HistoryEntry::summary).toList();
    }

    @Test
    void executesOnACopyWithHistoryAndLeavesTheSourceUnchanged() {
        String before = Json.write(world.toJson());
        Plan plan = plan("mock", JsonObject.EMPTY);

        PlanExecution execution = world.executePlan(plan);

        World result = execution.finalWorld();
        assertThat(result).isNotSameAs(world);
        assertThat(result.id()).isEqualTo(world.id());
        assertThat(result.getObjectById("cube-1").orElseThrow().position()).isEqualTo(new Position(0.4, 0.5, 0.0));
        assertThat(result.step()).isEqualTo(1);
        assertThat(summaries(result))
                .containsExactly(
                        "world initialized", "added object cube-1", "added object mug-1", "predicted via mock");
        assertThat(execution.actionsApplied()).isEqualTo(plan.actions());
        assertThat(Json.write(world.toJson())).isEqualTo(before);
    }

    @Test
    void explicitProviderWinsOverMetadataAndPlanProvider() {
        Plan plan = plan("score-only", JsonObject.of("execution_provider", JsonString.of("manual-mock")));
        assertThat(world.executePlan(plan, "other-mock").finalWorld().provider())
                .isEqualTo("other-mock");
        assertThat(summaries(world.executePlan(plan, "other-mock").finalWorld()))
                .last()
                .isEqualTo("predicted via other-mock");
    }

    @Test
    void metadataExecutionProviderWinsOverThePlanProvider() {
        Plan plan = plan("score-only", JsonObject.of("execution_provider", JsonString.of("manual-mock")));
        assertThat(world.executePlan(plan).finalWorld().provider()).isEqualTo("manual-mock");
        assertThat(world.executePlan(plan, null).finalWorld().provider()).isEqualTo("manual-mock");
    }

    @Test
    void planProviderIsTheFallback() {
        assertThat(world.executePlan(plan("manual-mock", JsonObject.EMPTY))
                        .finalWorld()
                        .provider())
                .isEqualTo("manual-mock");
        // A falsy metadata value (empty string) falls back too, as Python's `or` does.
        Plan emptyMeta = plan("manual-mock", JsonObject.of("execution_provider", JsonString.of("")));
        assertThat(world.executePlan(emptyMeta).finalWorld().provider()).isEqualTo("manual-mock");
        // A truthy non-string value is used as its Python str().
        Plan numeric = plan("manual-mock", JsonObject.of("execution_provider", JsonInt.of(7)));
        assertThatThrownBy(() -> world.executePlan(numeric))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider '7' is unknown.");
    }

    @Test
    void executionProviderMustSupportPredict() {
        String before = Json.write(world.toJson());
        assertThatThrownBy(() -> world.executePlan(plan("score-only", JsonObject.EMPTY)))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Provider 'score-only' cannot execute plans because it does not support predict(). Pass"
                        + " an execution provider that supports predict().");
        assertThatThrownBy(() -> world.executePlan(plan("mock", JsonObject.EMPTY), "score-only"))
                .hasMessage("Provider 'score-only' cannot execute plans because it does not support predict(). Pass"
                        + " an execution provider that supports predict().");
        // An unregistered catalog provider is judged by its catalog profile.
        assertThatThrownBy(() -> world.executePlan(plan("mock", JsonObject.EMPTY), "cosmos"))
                .hasMessageStartingWith("Provider 'cosmos' cannot execute plans");
        assertThat(Json.write(world.toJson())).isEqualTo(before);
    }

    @Test
    void anEmptyExplicitProviderIsUsedAsGiven() {
        // Python only falls back when provider is None; "" reaches the name check.
        assertThatThrownBy(() -> world.executePlan(plan("mock", JsonObject.EMPTY), ""))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Provider name must be a non-empty string.");
    }

    @Test
    void scorePlansExecuteThroughTheirRecordedExecutionProvider() {
        Plan plan = world.plan(PlanRequest.builder("reach")
                .scoreProvider("score-only")
                .scoreInfo(JsonObject.EMPTY)
                .candidateActions(List.of(Action.moveTo(0.7, 0.5, 0.0, "cube-1")))
                .executionProvider("manual-mock")
                .build());
        World result = world.executePlan(plan).finalWorld();
        assertThat(result.provider()).isEqualTo("manual-mock");
        assertThat(result.getObjectById("cube-1").orElseThrow().position()).isEqualTo(new Position(0.7, 0.5, 0.0));
    }

    @Test
    void swapPlanExecutionExchangesPositions() {
        Plan plan = world.plan(PlanRequest.builder()
                .goalSpec(StructuredGoal.swapObjects("cube-1", "cube", "mug-1", "mug", 0.05))
                .maxSteps(4)
                .build());
        World swapped = world.executePlan(plan, "mock").finalWorld();
        assertThat(swapped.getObjectById("cube-1").orElseThrow().position()).isEqualTo(new Position(0.25, 0.8, 0.0));
        assertThat(swapped.getObjectById("mug-1").orElseThrow().position()).isEqualTo(new Position(0.0, 0.5, 0.0));
        assertThat(swapped.step()).isEqualTo(2);
        assertThat(world.getObjectById("cube-1").orElseThrow().position()).isEqualTo(new Position(0.0, 0.5, 0.0));
    }

    @Test
    void finalWorldIsUsable() {
        Plan plan = world.plan(PlanRequest.builder()
                .goalJson("{\"type\":\"condition\",\"condition\":{\"ObjectAt\":{\"object\":\"cube-1\","
                        + "\"position\":{\"x\":1.0,\"y\":0.5,\"z\":0.0},\"tolerance\":0.05}}}")
                .provider("manual-mock")
                .planner("sampling")
                .maxSteps(4)
                .build());
        assertThat(plan.goalSpec().orElseThrow())
                .isEqualTo(Json.parse("{\"kind\":\"object_at\",\"object\":{\"id\":\"cube-1\"},"
                        + "\"position\":{\"x\":1.0,\"y\":0.5,\"z\":0.0},\"tolerance\":0.05}"));
        PlanExecution execution = world.executePlan(plan, "manual-mock");
        World result = execution.finalWorld();
        assertThat(result.predict(Action.moveTo(0.45, 0.5, 0.0)).provider()).isEqualTo("manual-mock");
        assertThat(world.step()).isZero();
    }
}
