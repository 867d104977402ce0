package ai.worldforge.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.Action;
import ai.worldforge.model.WorldState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Plan} construction, validation and JSON; {@link PlanRequest} defaults. */
class PlanTest {
    private static final WorldState STATE = WorldState.of("w", "w", "mock", "", 0, Map.of(), JsonObject.EMPTY);

    @Test
    void builderValidatesLikeThePythonConstructor() {
        assertThatThrownBy(() -> Plan.builder(" ", "p", "mock").build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Plan goal must be a non-empty string.");
        assertThatThrownBy(() -> Plan.builder("g", "", "mock").build())
                .hasMessage("Plan planner must be a non-empty string.");
        assertThatThrownBy(() -> Plan.builder("g", "p", "\t").build())
                .hasMessage("Plan provider must be a non-empty string.");
        assertThatThrownBy(() ->
                        Plan.builder("g", "p", "mock").successProbability(1.5).build())
                .hasMessage("Plan success_probability must be between 0 and 1.");
        assertThatThrownBy(() -> Plan.builder("g", "p", "mock")
                        .actions(Arrays.asList(Action.noop(), null))
                        .build())
                .hasMessage("Plan actions must be a sequence of Action instances.");
        assertThatThrownBy(() -> Plan.builder("g", "p", "mock")
                        .predictedStates(Arrays.asList(STATE, null))
                        .build())
                .hasMessage("Plan predicted_states[1] must be a JSON object.");
        assertThatThrownBy(() -> Plan.builder("g", "p", "mock")
                        .metadata(JsonObject.of("x", JsonFloat.of(Double.NaN)))
                        .build())
                .hasMessage("Payload must be JSON serializable and contain only finite numbers.");
        assertThatThrownBy(() -> Plan.builder("g", "p", "mock")
                        .goalSpec(JsonObject.of("x", JsonFloat.of(Double.POSITIVE_INFINITY)))
                        .build())
                .hasMessage("Payload must be JSON serializable and contain only finite numbers.");
    }

    @Test
    void builtPlansAreDetachedFromTheirInputs() {
        List<Action> actions = new ArrayList<>(List.of(Action.moveTo(1.0, 0.5, 0.0)));
        Plan plan = Plan.builder(" move object ", "sampling", "mock")
                .actions(actions)
                .predictedStates(List.of(STATE))
                .successProbability(0.75)
                .goalSpec(JsonObject.of("kind", JsonString.of("object_at")))
                .metadata(JsonObject.of("nested", JsonObject.of("value", JsonInt.of(1))))
                .build();
        actions.clear();
        assertThat(plan.actions()).hasSize(1);
        assertThat(plan.actionCount()).isEqualTo(1);
        assertThat(plan.goal()).isEqualTo("move object");
        assertThat(plan.planningMode()).isEmpty();
        assertThat(plan.toJsonText())
                .isEqualTo(
                        "{\"action_count\":1,\"actions\":[{\"parameters\":{\"speed\":1.0,\"target\":{\"x\":1.0,\"y\":0.5,"
                                + "\"z\":0.0}},\"type\":\"move_to\"}],\"goal\":\"move object\",\"goal_spec\":{\"kind\":\"object_at\"},"
                                + "\"metadata\":{\"nested\":{\"value\":1}},\"planner\":\"sampling\",\"predicted_states\":[{"
                                + "\"description\":\"\",\"id\":\"w\",\"metadata\":{},\"name\":\"w\",\"provider\":\"mock\",\"scene\":"
                                + "{\"objects\":{}},\"schema_version\":1,\"step\":0}],\"provider\":\"mock\",\"success_probability\":0.75}");
    }

    @Test
    void requestDefaults() {
        PlanRequest request = PlanRequest.of("reach");
        assertThat(request.goal()).contains("reach");
        assertThat(request.planner()).isEqualTo("cem");
        assertThat(request.maxSteps()).isEqualTo(20);
        assertThat(request.provider()).isEmpty();
        assertThat(request.candidateActions()).isEmpty();
        assertThat(request.usesPolicy()).isFalse();
        assertThat(request.usesScore()).isFalse();
        PlanRequest copy = request.toBuilder().scoreInfo(JsonObject.EMPTY).build();
        assertThat(copy.usesScore()).isTrue();
        assertThat(copy.goal()).contains("reach");
        List<Object> candidates = new ArrayList<>(List.of(Action.noop()));
        PlanRequest withCandidates =
                PlanRequest.builder("x").candidateActions(candidates).build();
        candidates.clear();
        assertThat(withCandidates.candidateActions().orElseThrow()).hasSize(1);
    }
}
