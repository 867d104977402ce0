package ai.worldforge.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.capability.Cost;
import ai.worldforge.capability.Policy;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.model.Position;
import ai.worldforge.model.PredictionPayload;
import ai.worldforge.model.WorldState;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.Environment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planning through capability implementations registered with {@code registerCost} / {@code
 * registerPolicy}, the predict success clamp, and request-level caching of candidates.
 */
class CapabilityPlanTest {
    @TempDir
    Path dir;

    WorldForge forge;
    World world;

    static final Action A0 = WorldPlanTest.A0;
    static final Action A1 = WorldPlanTest.A1;
    static final Action A2 = WorldPlanTest.A2;

    @BeforeEach
    void setUp() {
        forge = WorldForge.builder().stateDir(dir).build();
        world = WorldPlanTest.seeded(forge);
    }

    /** A cost scoring each candidate by its number of actions. */
    static final class LengthCost implements Cost {
        final List<JsonValue> payloads = new ArrayList<>();

        @Override
        public String name() {
            return "length-cost";
        }

        @Override
        public synchronized ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
            payloads.add(actionCandidates);
            List<Double> scores = new ArrayList<>();
            int best = 0;
            for (JsonValue candidate : (JsonArray) actionCandidates) {
                scores.add((double) ((JsonArray) candidate).size());
                if (scores.get(scores.size() - 1) < scores.get(best)) {
                    best = scores.size() - 1;
                }
            }
            return ActionScoreResult.of(name(), scores, best);
        }
    }

    static final class FixedPolicy implements Policy {
        @Override
        public String name() {
            return "fixed-policy";
        }

        @Override
        public ActionPolicyResult selectActions(JsonObject info) {
            return new ActionPolicyResult(
                    name(),
                    List.of(A2, A1, A0),
                    JsonObject.EMPTY,
                    null,
                    null,
                    JsonObject.EMPTY,
                    List.of(List.of(A2, A1, A0), List.of(A1)));
        }
    }

    @Test
    void scorePlanningThroughARegisteredCost() {
        LengthCost cost = new LengthCost();
        forge.registerCost(cost);
        Plan plan = world.plan(PlanRequest.builder("shortest")
                .scoreProvider("length-cost")
                .scoreInfo(JsonObject.EMPTY)
                .candidateActions(List.of(List.of(A0, A1), A2, List.of(A0, A1, A2)))
                .build());
        assertThat(plan.actions()).containsExactly(A2);
        assertThat(plan.provider()).isEqualTo("length-cost");
        assertThat(plan.successProbability()).isEqualTo(0.5);
        assertThat(cost.payloads).hasSize(1);
    }

    @Test
    void policyPlanningThroughARegisteredPolicy() {
        forge.registerPolicy(new FixedPolicy());
        Plan plan = world.plan(PlanRequest.builder("x")
                .policyProvider("fixed-policy")
                .policyInfo(JsonObject.of("obs", JsonString.of("o")))
                .maxSteps(2)
                .build());
        assertThat(plan.actions()).containsExactly(A2, A1);
        assertThat(plan.provider()).isEqualTo("fixed-policy");
        assertThat(plan.successProbability()).isEqualTo(0.5);
    }

    @Test
    void policyPlusScoreThroughRegisteredImplementations() {
        forge.registerPolicy(new FixedPolicy());
        LengthCost cost = new LengthCost();
        forge.registerCost(cost);
        Plan plan = world.plan(PlanRequest.builder("x")
                .policyProvider("fixed-policy")
                .policyInfo(JsonObject.EMPTY)
                .scoreProvider("length-cost")
                .scoreInfo(JsonObject.EMPTY)
                .executionProvider("mock")
                .build());
        assertThat(plan.actions()).containsExactly(A1);
        assertThat(plan.metadata().get("planning_mode")).isEqualTo(JsonString.of("policy+score"));
        // Executes through the recorded execution provider.
        World result = world.executePlan(plan).finalWorld();
        assertThat(result.getObjectById("cube-1").orElseThrow().position()).isEqualTo(new Position(0.2, 0.5, 0.0));
        // The registered names do not support the other role.
        assertThatThrownBy(() -> world.plan(PlanRequest.builder("x")
                        .policyProvider("length-cost")
                        .policyInfo(JsonObject.EMPTY)
                        .build()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Provider 'length-cost' does not support policy planning.");
        assertThatThrownBy(() -> world.executePlan(plan, "fixed-policy"))
                .hasMessageStartingWith("Provider 'fixed-policy' cannot execute plans");
    }

    @Test
    void requestsCacheValidatedCandidatesAndTheirPayload() {
        LengthCost cost = new LengthCost();
        forge.registerCost(cost);
        List<Action> mutable = new ArrayList<>(List.of(A0, A1));
        PlanRequest request = PlanRequest.builder("x")
                .scoreProvider("length-cost")
                .scoreInfo(JsonObject.EMPTY)
                .candidateActions(List.of(mutable, A2))
                .build();
        // Later changes to the caller's lists do not reach the request.
        mutable.add(A2);
        world.plan(request);
        world.plan(request);
        world.plan(request.toBuilder().executionProvider("mock").build());
        assertThat(cost.payloads).hasSize(3);
        assertThat(cost.payloads.get(1)).isSameAs(cost.payloads.get(0));
        assertThat(cost.payloads.get(2)).isSameAs(cost.payloads.get(0));
        assertThat((JsonArray) cost.payloads.get(0))
                .containsExactly(JsonArray.of(A0.toJson(), A1.toJson()), JsonArray.of(A2.toJson()));
    }

    @Test
    void invalidCandidatesFailOnEveryPlan() {
        forge.registerCost(new LengthCost());
        PlanRequest request = PlanRequest.builder("x")
                .scoreProvider("length-cost")
                .scoreInfo(JsonObject.EMPTY)
                .candidateActions(List.of(A0, List.of(A1, "nope")))
                .build();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> world.plan(request))
                    .hasMessage("candidate_actions[1] must contain only Action instances.");
        }
    }

    /** A world model with a fixed physics score. */
    static final class FixedPhysics extends BaseProvider {
        final double physics;
        final AtomicInteger calls = new AtomicInteger();

        FixedPhysics(String name, double physics) {
            super(PlanFixtures.profile(name, Capability.PREDICT), Environment.empty(), null);
            this.physics = physics;
        }

        @Override
        public PredictionPayload predict(WorldState state, Action action, int steps) {
            calls.incrementAndGet();
            return new PredictionPayload(
                    state.withStep(state.step() + steps), 0.9, physics, List.of(), JsonObject.EMPTY, 0.1);
        }
    }

    @Test
    void predictSuccessIsClampedTo065And098() {
        FixedPhysics low = new FixedPhysics("low", 0.1);
        FixedPhysics high = new FixedPhysics("high", 1.0);
        forge.registerProvider(low);
        forge.registerProvider(high);
        assertThat(world.plan(PlanRequest.builder("x").provider("low").build()).successProbability())
                .isEqualTo(0.65);
        assertThat(world.plan(PlanRequest.builder("x").provider("high").build()).successProbability())
                .isEqualTo(0.98);
        // Each goal action is predicted once, chained from the previous state.
        Plan chained = world.plan(PlanRequest.builder()
                .goalSpec(ai.worldforge.model.StructuredGoal.swapObjects("cube-1", null, "mug-1", null, 0.05))
                .provider("high")
                .build());
        assertThat(chained.predictedStates().stream().map(WorldState::step).toList())
                .containsExactly(1L, 2L);
        assertThat(high.calls.get()).isEqualTo(3);
    }

    @Test
    void predictModeNeedsAPredictProvider() {
        forge.registerCost(new LengthCost());
        assertThatThrownBy(() -> world.plan(
                        PlanRequest.builder("x").provider("length-cost").build()))
                .isInstanceOf(ai.worldforge.error.ProviderException.class);
    }
}
