package ai.worldforge.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.StructuredGoal;
import ai.worldforge.plan.PlanFixtures.PolicyProvider;
import ai.worldforge.plan.PlanFixtures.ScoreProvider;
import ai.worldforge.provider.mock.MockProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** World planning: behaviours 45–50 of upstream-core.md §9 and the messages of §4.5. */
class WorldPlanTest {
    @TempDir
    Path dir;

    WorldForge forge;
    World world;

    static final Action A0 = Action.moveTo(0.1, 0.5, 0.0, "cube-1");
    static final Action A1 = Action.moveTo(0.2, 0.5, 0.0, "cube-1");
    static final Action A2 = Action.moveTo(0.3, 0.5, 0.0, "cube-1");

    @BeforeEach
    void setUp() {
        forge = WorldForge.builder().stateDir(dir).build();
        world = seeded(forge);
    }

    /** A world with {@code cube-1} at (0, 0.5, 0) and {@code mug-1} at (0.25, 0.8, 0). */
    static World seeded(WorldForge forge) {
        World world = forge.createWorld("plan-world");
        Position cube = new Position(0.0, 0.5, 0.0);
        world.addObject(SceneObject.of("cube-1", "cube", cube, BBox.around(cube, 0.05)));
        Position mug = new Position(0.25, 0.8, 0.0);
        world.addObject(SceneObject.of("mug-1", "mug", mug, BBox.around(mug, 0.05)));
        return world;
    }

    static JsonObject info(String key, String value) {
        return JsonObject.of(key, JsonString.of(value));
    }

    static List<String> stepField(Plan plan, String field) {
        JsonArray steps = (JsonArray) trace(plan).get("steps");
        return steps.items().stream()
                .map(s -> {
                    JsonValue v = ((JsonObject) s).get(field);
                    return v == null ? "-" : ((JsonString) v).value();
                })
                .toList();
    }

    static JsonObject trace(Plan plan) {
        return (JsonObject) plan.metadata().get("workflow_trace");
    }

    // ------------------------------------------------------------------ predict mode (45)

    @Test
    void predictPlanOnKitchenAndMugScores078AndLeavesTheWorldUnchanged() {
        World kitchen = forge.createWorldFromPrompt("A kitchen with a mug");
        String before = Json.write(kitchen.toJson());

        Plan plan = kitchen.plan("move the mug");

        assertThat(plan.successProbability()).isEqualTo(0.78);
        assertThat(plan.provider()).isEqualTo("mock");
        assertThat(plan.planner()).isEqualTo("cem");
        assertThat(plan.goal()).isEqualTo("move the mug");
        assertThat(plan.goalSpec()).isEmpty();
        assertThat(plan.actionCount()).isEqualTo(1);
        assertThat(plan.predictedStates()).hasSize(1);
        assertThat(plan.predictedStates().get(0).step()).isEqualTo(1);
        assertThat(plan.metadata().keys()).containsExactly("planning_mode", "workflow_trace");
        assertThat(plan.planningMode()).contains("predict");
        assertThat(Json.write(kitchen.toJson())).isEqualTo(before);

        JsonObject trace = trace(plan);
        assertThat(trace.get("workflow_id")).isEqualTo(JsonString.of("plan:predict"));
        assertThat(trace.get("name")).isEqualTo(JsonString.of("World plan (predict)"));
        assertThat(trace.get("status")).isEqualTo(JsonString.of("success"));
        assertThat(stepField(plan, "step_id")).containsExactly("plan", "predict-1");
        assertThat(stepField(plan, "status")).containsExactly("success", "success");
    }

    @Test
    void predictPlanChainsStatesAndClampsTheMeanPhysicsScore() {
        // Swap: two chained predictions; mock physics with two objects is 0.78 each.
        Plan plan = world.plan(PlanRequest.builder()
                .goalSpec(StructuredGoal.swapObjects("cube-1", null, "mug-1", null, 0.05))
                .build());
        assertThat(plan.predictedStates()).hasSize(2);
        assertThat(plan.predictedStates().get(1).step()).isEqualTo(2);
        assertThat(plan.predictedStates().get(1).objects().get("mug-1").position())
                .isEqualTo(new Position(0.0, 0.5, 0.0));
        assertThat(plan.successProbability()).isEqualTo(0.78);
        assertThat(stepField(plan, "step_id")).containsExactly("plan", "predict-1", "predict-2");
        assertThat(stepField(plan, "output")).containsOnly("-");

        // Empty world: the spawned cube is the only object, the mock scores 0.75, inside the clamp.
        World empty = forge.createWorld("empty");
        assertThat(empty.plan("anything").successProbability()).isEqualTo(0.75);
    }

    @Test
    void predictTraceMatchesTheReferenceShapeExactly() {
        Plan plan = world.plan(PlanRequest.builder("move the cube right")
                .planner("sampling")
                .provider("mock")
                .build());
        String expected = "{\"metadata\":{\"action_count\":1,\"candidate_count\":null,\"planner\":\"sampling\","
                + "\"planning_mode\":\"predict\"},\"name\":\"World plan (predict)\",\"safe_to_attach\":true,"
                + "\"schema_version\":1,\"status\":\"success\",\"status_counts\":{\"failed\":0,\"pending\":0,"
                + "\"running\":0,\"skipped\":0,\"success\":2},\"step_count\":2,\"steps\":["
                + "{\"input_artifacts\":[{\"label\":\"world-state\",\"safe_to_attach\":true}],"
                + "\"operation\":\"predict planning\",\"output_artifacts\":[{\"label\":\"plan\",\"safe_to_attach\":true}],"
                + "\"provider\":\"mock\",\"status\":\"success\",\"step_id\":\"plan\"},"
                + "{\"capability\":\"predict\",\"input_artifacts\":[{\"label\":\"world-state\",\"safe_to_attach\":true}],"
                + "\"operation\":\"predict next state\",\"output_artifacts\":[{\"label\":\"predicted-state-1\","
                + "\"safe_to_attach\":true}],\"parent_id\":\"plan\",\"provider\":\"mock\",\"status\":\"success\","
                + "\"step_id\":\"predict-1\"}],\"workflow_id\":\"plan:predict\"}";
        assertThat(Json.write(trace(plan))).isEqualTo(expected);
        assertThat(trace(plan).keys())
                .containsExactly(
                        "schema_version",
                        "workflow_id",
                        "name",
                        "status",
                        "safe_to_attach",
                        "step_count",
                        "status_counts",
                        "metadata",
                        "steps");
        assertThat(((JsonObject) trace(plan).get("status_counts")).keys())
                .containsExactly("pending", "running", "success", "skipped", "failed");
    }

    @Test
    void textGoalsFollowTheHeuristic() {
        Plan right = world.plan(
                PlanRequest.builder("move the cube right").maxSteps(1).build());
        assertThat(right.actions().get(0).parameters().get("target")).isEqualTo(new Position(1.0, 0.5, 0.0).toJson());
        Plan dishwasher = world.plan("move the cube to the dishwasher");
        assertThat(dishwasher.actions().get(0).parameters().get("target"))
                .isEqualTo(new Position(0.8, 0.5, -0.4).toJson());
        Plan spawn = forge.createWorld("e").plan("make a ball");
        assertThat(spawn.actions().get(0).kind()).isEqualTo("spawn_object");
        assertThat(spawn.actions().get(0).parameters().get("name")).isEqualTo(JsonString.of("cube"));
    }

    @Test
    void planUsesTheRequestedProviderAndPlannerLabel() {
        forge.registerProvider(new MockProvider("manual-mock", null));
        Plan plan = world.plan(PlanRequest.builder("spawn cube")
                .provider("manual-mock")
                .planner("sampling")
                .maxSteps(3)
                .build());
        assertThat(plan.provider()).isEqualTo("manual-mock");
        assertThat(plan.planner()).isEqualTo("sampling");
        // An empty provider means the world's (Python's `provider or world.provider`).
        assertThat(world.plan(PlanRequest.builder("spawn cube").provider("").build())
                        .provider())
                .isEqualTo("mock");
    }

    // ------------------------------------------------------------------ validation (46)

    @Test
    void requestChecksFollowTheReferenceOrder() {
        assertThatThrownBy(() -> PlanRequest.builder("x").maxSteps(0).build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("max_steps must be an integer greater than 0.");
        // max_steps is checked first.
        assertThatThrownBy(() -> PlanRequest.builder(" ")
                        .maxSteps(-1)
                        .goalJson("{}")
                        .goalSpec(StructuredGoal.spawnObject("b"))
                        .build())
                .hasMessage("max_steps must be an integer greater than 0.");
        assertThatThrownBy(() -> PlanRequest.builder(" ")
                        .goalJson("{}")
                        .goalSpec(StructuredGoal.spawnObject("b"))
                        .build())
                .hasMessage("plan() accepts at most one of goal_json or goal_spec.");
        assertThatThrownBy(() -> PlanRequest.builder("   ").build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("goal must not be empty when provided.");
        assertThatThrownBy(() -> world.plan(PlanRequest.builder().build()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("plan() requires goal, goal_json, or goal_spec.");
    }

    @Test
    void goalJsonErrorsSurface() {
        assertThatThrownBy(() ->
                        world.plan(PlanRequest.builder().goalJson("{broken").build()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageStartingWith("goal_json must be valid JSON: ");
    }

    @Test
    void goalResolutionRunsInEveryModeBeforeProviderCalls() {
        ScoreProvider cost = ScoreProvider.fixed("cost", List.of(1.0), 0);
        forge.registerProvider(cost);
        assertThatThrownBy(() -> world.plan(PlanRequest.builder()
                        .goalSpec(StructuredGoal.objectAt(new Position(1, 1, 1), "nope", null))
                        .scoreProvider("cost")
                        .scoreInfo(JsonObject.EMPTY)
                        .candidateActions(List.of(A0))
                        .build()))
                .hasMessage("Structured goal references missing object id 'nope'.");
        assertThat(cost.payloads).isEmpty();
        // Without any goal, score mode fails with the goal message too.
        assertThatThrownBy(() -> world.plan(PlanRequest.builder()
                        .scoreProvider("cost")
                        .scoreInfo(JsonObject.EMPTY)
                        .candidateActions(List.of(A0))
                        .build()))
                .hasMessage("plan() requires goal, goal_json, or goal_spec.");
    }

    // ------------------------------------------------------------------ score mode (47, 48)

    @Test
    void scorePlanKeepsTheBestCandidate() {
        ScoreProvider cost = ScoreProvider.fixed("cost", List.of(2.0, 0.5), 1);
        forge.registerProvider(cost);
        String before = Json.write(world.toJson());

        Plan plan = world.plan(PlanRequest.builder("reach")
                .scoreProvider("cost")
                .scoreInfo(info("goal", "reach"))
                .candidateActions(List.of(A0, List.of(A1, A2)))
                .build());

        assertThat(plan.actions()).containsExactly(A1, A2);
        assertThat(plan.successProbability()).isEqualTo(0.6666666666666666);
        assertThat(plan.provider()).isEqualTo("cost");
        assertThat(plan.predictedStates()).isEmpty();
        assertThat(Json.write(world.toJson())).isEqualTo(before);
        assertThat(cost.infos).containsExactly(info("goal", "reach"));
        assertThat(cost.payloads)
                .containsExactly(JsonArray.of(JsonArray.of(A0.toJson()), JsonArray.of(A1.toJson(), A2.toJson())));

        assertThat(plan.metadata().keys())
                .containsExactly(
                        "planning_mode",
                        "score_result",
                        "candidate_count",
                        "success_probability_source",
                        "workflow_trace");
        assertThat(plan.metadata().get("planning_mode")).isEqualTo(JsonString.of("score"));
        assertThat(plan.metadata().get("score_result"))
                .isEqualTo(ActionScoreResult.of("cost", List.of(2.0, 0.5), 1).toJson());
        assertThat(plan.metadata().get("candidate_count")).isEqualTo(JsonInt.of(2));
        assertThat(plan.metadata().get("success_probability_source"))
                .isEqualTo(JsonString.of("inverse_best_cost_heuristic"));

        JsonObject trace = trace(plan);
        assertThat(trace.get("workflow_id")).isEqualTo(JsonString.of("plan:score"));
        assertThat(stepField(plan, "step_id")).containsExactly("plan", "policy", "score");
        assertThat(stepField(plan, "status")).containsExactly("success", "skipped", "success");
        assertThat(stepField(plan, "provider")).containsExactly("cost", "-", "cost");
        assertThat(stepField(plan, "error_summary"))
                .containsExactly("-", "Policy provider not requested; score planning used caller candidates.", "-");
        assertThat(stepField(plan, "operation"))
                .containsExactly("score planning", "select action candidates", "rank action candidates");
        assertThat(trace.get("status")).isEqualTo(JsonString.of("success"));
        assertThat(((JsonObject) trace.get("status_counts")).get("skipped")).isEqualTo(JsonInt.of(1));
        assertThat(((JsonObject) trace.get("metadata")).get("candidate_count")).isEqualTo(JsonInt.of(2));
        assertThat(((JsonObject) trace.get("metadata")).get("action_count")).isEqualTo(JsonInt.of(2));
    }

    @Test
    void scoreSuccessUsesInverseCostClampedAtZeroAndIgnoresLowerIsBetter() {
        forge.registerProvider(new ScoreProvider(
                "neg", (n, p) -> new ActionScoreResult(n, List.of(-3.0, 5.0), 0, false, JsonObject.EMPTY)));
        Plan plan = world.plan(PlanRequest.builder("x")
                .scoreProvider("neg")
                .scoreInfo(JsonObject.EMPTY)
                .candidateActions(List.of(A0, A1))
                .build());
        assertThat(plan.actions()).containsExactly(A0);
        assertThat(plan.successProbability()).isEqualTo(1.0);

        forge.registerProvider(ScoreProvider.fixed("big", List.of(3.0), 0));
        assertThat(world.plan(PlanRequest.builder("x")
                                .scoreProvider("big")
                                .scoreInfo(JsonObject.EMPTY)
                                .candidateActions(List.of(A0))
                                .build())
                        .successProbability())
                .isEqualTo(0.25);
    }

    @Test
    void scorePlanTruncatesToMaxStepsAndRecordsTheExecutionProvider() {
        forge.registerProvider(ScoreProvider.fixed("cost", List.of(0.0), 0));
        Plan plan = world.plan(PlanRequest.builder("x")
                .scoreProvider("cost")
                .scoreInfo(JsonObject.EMPTY)
                .candidateActions(List.of(List.of(A0, A1, A2)))
                .maxSteps(2)
                .executionProvider("mock")
                .build());
        assertThat(plan.actions()).containsExactly(A0, A1);
        assertThat(plan.metadata().keys()).last().isEqualTo("execution_provider");
        assertThat(plan.metadata().get("execution_provider")).isEqualTo(JsonString.of("mock"));
        assertThat(((JsonObject) trace(plan).get("metadata")).get("action_count"))
                .isEqualTo(JsonInt.of(2));
    }

    @Test
    void scoreActionCandidatesArePassedVerbatim() {
        ScoreProvider cost = ScoreProvider.fixed("cost", List.of(1.0, 0.0), 1);
        forge.registerProvider(cost);
        JsonValue custom = JsonObject.of("embedding", JsonArray.of(JsonFloat.of(0.5)));
        Plan plan = world.plan(PlanRequest.builder("x")
                .scoreProvider("cost")
                .scoreInfo(JsonObject.EMPTY)
                .candidateActions(List.of(A0, A1))
                .scoreActionCandidates(custom)
                .build());
        assertThat(cost.payloads).containsExactly(custom);
        assertThat(plan.actions()).containsExactly(A1);
    }

    @Test
    void scoreModeUsesTheWorldProviderWhenNoScoreProviderIsNamed() {
        forge.registerProvider(ScoreProvider.fixed("cost", List.of(0.0), 0));
        World costWorld = forge.createWorld("c", "cost");
        Plan plan = costWorld.plan(PlanRequest.builder("x")
                .scoreInfo(JsonObject.EMPTY)
                .candidateActions(List.of(A0))
                .build());
        assertThat(plan.provider()).isEqualTo("cost");
        // ...or the request's provider.
        Plan viaProvider = world.plan(PlanRequest.builder("x")
                .provider("cost")
                .scoreInfo(JsonObject.EMPTY)
                .candidateActions(List.of(A0))
                .build());
        assertThat(viaProvider.provider()).isEqualTo("cost");
    }

    @Test
    void scoreCountMismatchIsRejected() {
        forge.registerProvider(ScoreProvider.fixed("cost", List.of(1.0), 0));
        assertThatThrownBy(() -> world.plan(PlanRequest.builder("x")
                        .scoreProvider("cost")
                        .scoreInfo(JsonObject.EMPTY)
                        .candidateActions(List.of(A0, A1))
                        .build()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Provider 'cost' returned 1 score(s) for 2 candidate action plan(s).");
    }

    @Test
    void scoreModeValidationMessages() {
        assertThatThrownBy(() -> world.plan(PlanRequest.builder("x")
                        .scoreInfo(JsonObject.EMPTY)
                        .candidateActions(List.of(A0))
                        .build()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Provider 'mock' does not support score-based planning.");
        forge.registerProvider(ScoreProvider.fixed("cost", List.of(1.0), 0));
        assertThatThrownBy(() -> world.plan(PlanRequest.builder("x")
                        .scoreProvider("cost")
                        .scoreInfo(JsonObject.EMPTY)
                        .build()))
                .hasMessage(
                        "Score-based planning requires candidate_actions unless policy planning provides candidates.");
        assertThatThrownBy(() -> world.plan(PlanRequest.builder("x")
                        .scoreProvider("cost")
                        .candidateActions(List.of(A0))
                        .build()))
                .hasMessage("Score-based planning requires score_info.");
        // score_action_candidates alone selects score mode too.
        assertThatThrownBy(() -> world.plan(PlanRequest.builder("x")
                        .scoreActionCandidates(JsonArray.EMPTY)
                        .build()))
                .hasMessage("Provider 'mock' does not support score-based planning.");
    }

    @Test
    void candidateNormalisationMessagesSurfaceFromPlan() {
        forge.registerProvider(ScoreProvider.fixed("cost", List.of(1.0), 0));
        PlanRequest.Builder base =
                PlanRequest.builder("x").scoreProvider("cost").scoreInfo(JsonObject.EMPTY);
        assertThatThrownBy(() -> world.plan(base.candidateActions(List.of()).build()))
                .hasMessage("candidate_actions must be a non-empty sequence.");
        assertThatThrownBy(() ->
                        world.plan(base.candidateActions(List.of(A0, "move")).build()))
                .hasMessage("candidate_actions[1] must be an Action or non-empty sequence of Actions.");
        assertThatThrownBy(() ->
                        world.plan(base.candidateActions(List.of(List.of())).build()))
                .hasMessage("candidate_actions[0] must be an Action or non-empty sequence of Actions.");
        assertThatThrownBy(() -> world.plan(
                        base.candidateActions(List.of(List.of(A0, 3))).build()))
                .hasMessage("candidate_actions[0] must contain only Action instances.");
        assertThatThrownBy(() -> world.plan(
                        base.candidateActions(java.util.Arrays.asList(A0, null)).build()))
                .hasMessage("candidate_actions[1] must be an Action or non-empty sequence of Actions.");
    }

    @Test
    void unknownAndUnregisteredProvidersFollowTheReference() {
        assertThatThrownBy(() -> world.plan(PlanRequest.builder("x")
                        .scoreProvider("zz")
                        .scoreInfo(JsonObject.EMPTY)
                        .candidateActions(List.of(A0))
                        .build()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'zz' is unknown.");
        // A catalog provider with the capability passes the check and fails when called.
        assertThatThrownBy(() -> world.plan(PlanRequest.builder("x")
                        .scoreProvider("leworldmodel")
                        .scoreInfo(JsonObject.EMPTY)
                        .candidateActions(List.of(A0))
                        .build()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'leworldmodel' is not registered.");
        assertThatThrownBy(() -> world.plan(PlanRequest.builder("x")
                        .scoreProvider("cosmos")
                        .scoreInfo(JsonObject.EMPTY)
                        .candidateActions(List.of(A0))
                        .build()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Provider 'cosmos' does not support score-based planning.");
    }

    // ------------------------------------------------------------------ policy mode (49)

    @Test
    void policyPlanUsesTheSelectedActions() {
        PolicyProvider policy = PolicyProvider.fixed("pol", List.of(A0, A1), List.of(List.of(A0, A1), List.of(A2)));
        forge.registerProvider(policy);
        String before = Json.write(world.toJson());

        Plan plan = world.plan(PlanRequest.builder("reach")
                .policyProvider("pol")
                .policyInfo(info("obs", "o"))
                .executionProvider("mock")
                .build());

        assertThat(plan.actions()).containsExactly(A0, A1);
        assertThat(plan.successProbability()).isEqualTo(0.5);
        assertThat(plan.provider()).isEqualTo("pol");
        assertThat(policy.infos).containsExactly(info("obs", "o"));
        assertThat(Json.write(world.toJson())).isEqualTo(before);
        assertThat(plan.metadata().keys())
                .containsExactly(
                        "planning_mode",
                        "policy_provider",
                        "policy_result",
                        "candidate_count",
                        "success_probability_source",
                        "workflow_trace",
                        "execution_provider");
        assertThat(plan.metadata().get("policy_provider")).isEqualTo(JsonString.of("pol"));
        assertThat(plan.metadata().get("candidate_count")).isEqualTo(JsonInt.of(2));
        assertThat(plan.metadata().get("success_probability_source"))
                .isEqualTo(JsonString.of("policy_provider_no_world_model"));
        assertThat(((JsonObject) plan.metadata().get("policy_result")).get("provider"))
                .isEqualTo(JsonString.of("pol"));
        assertThat(trace(plan).get("workflow_id")).isEqualTo(JsonString.of("plan:policy"));
        assertThat(stepField(plan, "step_id")).containsExactly("plan", "policy", "score");
        assertThat(stepField(plan, "status")).containsExactly("success", "success", "skipped");
        assertThat(stepField(plan, "error_summary"))
                .containsExactly("-", "-", "Score provider not requested; policy result used directly.");
        assertThat(stepField(plan, "capability")).containsExactly("-", "policy", "score");
    }

    @Test
    void policyPlanTruncatesActionsToMaxSteps() {
        forge.registerProvider(PolicyProvider.fixed("pol", List.of(A0, A1, A2), List.of()));
        Plan plan = world.plan(PlanRequest.builder("x")
                .policyProvider("pol")
                .policyInfo(JsonObject.EMPTY)
                .maxSteps(1)
                .build());
        assertThat(plan.actions()).containsExactly(A0);
        assertThat(plan.metadata().get("candidate_count")).isEqualTo(JsonInt.of(1));
    }

    @Test
    void policyModeUsesTheWorldProviderWhenOnlyPolicyInfoIsGiven() {
        forge.registerProvider(PolicyProvider.fixed("pol", List.of(A0), List.of()));
        World policyWorld = forge.createWorld("p", "pol");
        Plan plan = policyWorld.plan(
                PlanRequest.builder("x").policyInfo(JsonObject.EMPTY).build());
        assertThat(plan.provider()).isEqualTo("pol");
    }

    @Test
    void policyModeValidationMessages() {
        assertThatThrownBy(() -> world.plan(
                        PlanRequest.builder("x").policyInfo(JsonObject.EMPTY).build()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Provider 'mock' does not support policy planning.");
        forge.registerProvider(PolicyProvider.fixed("pol", List.of(A0), List.of()));
        assertThatThrownBy(() -> world.plan(
                        PlanRequest.builder("x").policyProvider("pol").build()))
                .hasMessage("Policy planning requires policy_info.");
        assertThatThrownBy(() -> world.plan(PlanRequest.builder("x")
                        .policyProvider("pol")
                        .policyInfo(JsonObject.EMPTY)
                        .candidateActions(List.of(A0))
                        .build()))
                .hasMessage("Policy planning derives candidate actions from the policy provider; do not pass"
                        + " candidate_actions.");
        // Policy checks come before score checks.
        assertThatThrownBy(() -> world.plan(PlanRequest.builder("x")
                        .policyInfo(JsonObject.EMPTY)
                        .scoreInfo(JsonObject.EMPTY)
                        .build()))
                .hasMessage("Provider 'mock' does not support policy planning.");
    }

    // ------------------------------------------------------------------ policy+score (50)

    @Test
    void policyScorePicksTheBestPolicyCandidate() {
        PolicyProvider policy =
                PolicyProvider.fixed("pol", List.of(A0), List.of(List.of(A0), List.of(A1, A2), List.of(A2, A0, A1)));
        ScoreProvider cost = ScoreProvider.fixed("cost", List.of(0.9, 0.1, 0.4), 1);
        forge.registerProvider(policy);
        forge.registerProvider(cost);

        Plan plan = world.plan(PlanRequest.builder("reach")
                .policyProvider("pol")
                .policyInfo(info("obs", "o"))
                .scoreProvider("cost")
                .scoreInfo(info("goal", "g"))
                .maxSteps(2)
                .build());

        assertThat(plan.actions()).containsExactly(A1, A2);
        assertThat(plan.provider()).isEqualTo("cost");
        assertThat(plan.successProbability()).isEqualTo(1.0 / 1.1);
        // Candidates are truncated to max_steps before they are scored.
        assertThat(cost.payloads)
                .containsExactly(JsonArray.of(
                        JsonArray.of(A0.toJson()),
                        JsonArray.of(A1.toJson(), A2.toJson()),
                        JsonArray.of(A2.toJson(), A0.toJson())));
        assertThat(plan.metadata().keys())
                .containsExactly(
                        "planning_mode",
                        "policy_provider",
                        "score_provider",
                        "policy_result",
                        "score_result",
                        "candidate_count",
                        "success_probability_source",
                        "workflow_trace");
        assertThat(plan.metadata().get("planning_mode")).isEqualTo(JsonString.of("policy+score"));
        assertThat(plan.metadata().get("candidate_count")).isEqualTo(JsonInt.of(3));
        JsonObject trace = trace(plan);
        assertThat(trace.get("workflow_id")).isEqualTo(JsonString.of("plan:policy-score"));
        assertThat(trace.get("name")).isEqualTo(JsonString.of("World plan (policy+score)"));
        assertThat(stepField(plan, "step_id")).containsExactly("plan", "policy", "score");
        assertThat(stepField(plan, "status")).containsExactly("success", "success", "success");
        assertThat(stepField(plan, "provider")).containsExactly("cost", "pol", "cost");
        assertThat(stepField(plan, "operation"))
                .containsExactly("policy+score planning", "select action candidates", "rank action candidates");
    }

    @Test
    void policyScoreChecksTheScoreCountAgainstPolicyCandidates() {
        forge.registerProvider(PolicyProvider.fixed("pol", List.of(A0), List.of(List.of(A0), List.of(A1))));
        forge.registerProvider(ScoreProvider.fixed("cost", List.of(0.1, 0.2, 0.3), 0));
        assertThatThrownBy(() -> world.plan(PlanRequest.builder("x")
                        .policyProvider("pol")
                        .policyInfo(JsonObject.EMPTY)
                        .scoreProvider("cost")
                        .scoreInfo(JsonObject.EMPTY)
                        .build()))
                .hasMessage("Provider 'cost' returned 3 score(s) for 2 candidate action plan(s).");
        assertThatThrownBy(() -> world.plan(PlanRequest.builder("x")
                        .policyProvider("pol")
                        .policyInfo(JsonObject.EMPTY)
                        .scoreProvider("pol")
                        .scoreInfo(JsonObject.EMPTY)
                        .build()))
                .hasMessage("Provider 'pol' does not support score-based planning.");
    }

    @Test
    void providersWithBothCapabilitiesServeBothRoles() {
        class Both extends ai.worldforge.provider.BaseProvider {
            Both() {
                super(
                        PlanFixtures.profile(
                                "both",
                                ai.worldforge.provider.Capability.POLICY,
                                ai.worldforge.provider.Capability.SCORE),
                        ai.worldforge.provider.Environment.empty(),
                        null);
            }

            @Override
            public ActionPolicyResult selectActions(JsonObject info) {
                return new ActionPolicyResult(
                        "both",
                        List.of(A0),
                        JsonObject.EMPTY,
                        2,
                        "arm",
                        JsonObject.EMPTY,
                        List.of(List.of(A0), List.of(A1)));
            }

            @Override
            public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
                return ActionScoreResult.of("both", List.of(1.0, 0.0), 1);
            }
        }
        forge.registerProvider(new Both());
        Plan plan = world.plan(PlanRequest.builder("x")
                .provider("both")
                .policyInfo(JsonObject.EMPTY)
                .scoreInfo(JsonObject.EMPTY)
                .build());
        assertThat(plan.actions()).containsExactly(A1);
        assertThat(plan.successProbability()).isEqualTo(1.0);
        assertThat(plan.metadata().get("policy_provider")).isEqualTo(JsonString.of("both"));
    }

    // ------------------------------------------------------------------ Plan JSON

    @Test
    void planJsonHasTheReferenceKeysInOrder() {
        Plan plan = world.plan(PlanRequest.builder()
                .goalSpec(StructuredGoal.objectAt(new Position(1.0, 0.5, 0.0), "cube-1", null))
                .build());
        JsonObject json = plan.toJson();
        assertThat(json.keys())
                .containsExactly(
                        "goal",
                        "goal_spec",
                        "planner",
                        "provider",
                        "actions",
                        "action_count",
                        "success_probability",
                        "predicted_states",
                        "metadata");
        assertThat(json.get("goal")).isEqualTo(JsonString.of("move cube-1 to (1.00, 0.50, 0.00)"));
        assertThat(json.get("goal_spec"))
                .isEqualTo(Json.parse("{\"kind\":\"object_at\",\"object\":{\"id\":\"cube-1\"},"
                        + "\"position\":{\"x\":1.0,\"y\":0.5,\"z\":0.0},\"tolerance\":0.05}"));
        assertThat(json.get("actions"))
                .isEqualTo(JsonArray.of(Action.moveTo(1.0, 0.5, 0.0, "cube-1").toJson()));
        assertThat(json.get("action_count")).isEqualTo(JsonInt.of(1));
        assertThat(((JsonArray) json.get("predicted_states")).get(0))
                .isEqualTo(plan.predictedStates().get(0).toJson());
        assertThat(plan.toJsonText()).isEqualTo(Json.write(json));
        assertThat(plan.toJsonText()).startsWith("{\"action_count\":1,\"actions\":[");

        Plan text = world.plan("spawn a ball");
        assertThat(text.toJson().get("goal_spec")).isEqualTo(JsonNull.INSTANCE);
    }

    @Test
    void traceTextIsSanitisedLikeTheReference() {
        Plan plan = world.plan(
                PlanRequest.builder("x").planner("token=abc /tmp/secret-dir/x").build());
        assertThat(plan.planner()).isEqualTo("token=abc /tmp/secret-dir/x");
        assertThat(((JsonObject) trace(plan).get("metadata")).get("planner"))
                .isEqualTo(JsonString.of("token=[redacted] <host-local-path>"));
    }

    @Test
    void plansAreIndependentOfLaterWorldChanges() {
        Plan plan = world.plan("move the cube right");
        world.removeObject("cube-1");
        assertThat(plan.predictedStates().get(0).objects()).containsKey("cube-1");
        assertThat(Map.copyOf(plan.predictedStates().get(0).objects())).hasSize(2);
    }
}
