package ai.worldforge.provider.cosmospolicy;

import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.observation;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.policyInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import org.junit.jupiter.api.Test;

class CosmosPolicyRequestTest {
    private static CosmosPolicyRequest build(JsonObject info) {
        return CosmosPolicyRequest.fromInfo(info, null);
    }

    private static void assertRejected(JsonObject info, String message) {
        assertThatThrownBy(() -> build(info))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage(message);
    }

    private static JsonObject withObservation(JsonObject info, String key, JsonValue value) {
        return info.with("observation", ((JsonObject) info.get("observation")).with(key, value));
    }

    @Test
    void payloadIsObservationPlusTaskOptionsReturnAllAndHorizon() {
        JsonObject info = policyInfo()
                .with("task_description", JsonString.of("  put the candy in the bowl  "))
                .with("options", JsonObject.of("seed", JsonInt.of(3)));
        CosmosPolicyRequest request = CosmosPolicyRequest.fromInfo(info, true);
        assertThat(request.payload().keys())
                .containsExactly(
                        "primary_image",
                        "left_wrist_image",
                        "right_wrist_image",
                        "proprio",
                        "task_description",
                        "seed",
                        "return_all_query_results",
                        "action_horizon");
        assertThat(request.payload().get("task_description")).isEqualTo(JsonString.of("put the candy in the bowl"));
        assertThat(request.payload().get("return_all_query_results")).isEqualTo(JsonBool.TRUE);
        assertThat(request.payload().get("action_horizon")).isEqualTo(JsonInt.of(2));
        assertThat(request.taskDescription()).isEqualTo("put the candy in the bowl");
        assertThat(request.actionHorizon()).contains(2);
        assertThat(request.payload().get("primary_image"))
                .isEqualTo(observation().get("primary_image"));
    }

    @Test
    void infoReturnAllBeatsTheDefaultAndMustBeBoolean() {
        JsonObject info = policyInfo().with("return_all_query_results", JsonBool.FALSE);
        assertThat(CosmosPolicyRequest.fromInfo(info, true).payload().get("return_all_query_results"))
                .isEqualTo(JsonBool.FALSE);
        assertThat(build(policyInfo()).payload().has("return_all_query_results"))
                .isFalse();
        assertRejected(
                policyInfo().with("return_all_query_results", JsonString.of("yes")),
                "Cosmos-Policy return_all_query_results must be a boolean.");
    }

    @Test
    void taskDescriptionFallsBackToTheObservationOnlyWhenTheKeyIsAbsent() {
        JsonObject info = withObservation(
                policyInfo().without("task_description"), "task_description", JsonString.of(" from observation "));
        CosmosPolicyRequest request = build(info);
        assertThat(request.taskDescription()).isEqualTo("from observation");
        // Replaced in place, keeping the observation's key order.
        assertThat(request.payload().keys()).containsSubsequence("proprio", "task_description", "action_horizon");
        assertRejected(
                withObservation(policyInfo(), "task_description", JsonString.of("valid fallback"))
                        .with("task_description", JsonString.of("   ")),
                "Cosmos-Policy policy info must include a non-empty task_description.");
        assertRejected(
                policyInfo().without("task_description"),
                "Cosmos-Policy policy info must include a non-empty task_description.");
    }

    @Test
    void observationMustHoldTheAlohaFields() {
        for (String field : CosmosPolicyRequest.OBSERVATION_FIELDS) {
            assertRejected(
                    policyInfo().with("observation", observation().without(field)),
                    "Cosmos-Policy ALOHA observation must include '" + field + "'.");
        }
        assertRejected(
                policyInfo().with("observation", JsonObject.EMPTY),
                "Cosmos-Policy policy info.observation must be a non-empty JSON object.");
        assertRejected(
                policyInfo().with("observation", JsonArray.EMPTY),
                "Cosmos-Policy policy info.observation must be a non-empty JSON object.");
    }

    @Test
    void nonFiniteNumbersAnywhereAreRejected() {
        assertThatThrownBy(() -> build(withObservation(policyInfo(), "primary_image", JsonFloat.of(Double.NaN))))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(
                        () -> build(withObservation(policyInfo(), "proprio", JsonArray.of(JsonFloat.of(Double.NaN)))))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageContaining("finite");
    }

    @Test
    void embodimentTagAndOptionsAreValidated() {
        assertRejected(
                policyInfo().with("embodiment_tag", JsonInt.of(3)),
                "Cosmos-Policy policy info.embodiment_tag must be a non-empty string.");
        assertRejected(
                policyInfo().with("embodiment_tag", JsonString.of(" ")),
                "Cosmos-Policy policy info.embodiment_tag must be a non-empty string.");
        assertThat(build(policyInfo().with("embodiment_tag", JsonNull.INSTANCE)).payload())
                .isNotNull();
        assertRejected(
                policyInfo().with("options", JsonArray.EMPTY),
                "Cosmos-Policy policy info.options must be a JSON object.");
    }

    @Test
    void optionsThatConflictWithTheObservationAreRejected() {
        assertRejected(
                policyInfo().with("options", JsonObject.of("proprio", JsonArray.EMPTY)),
                "Cosmos-Policy option 'proprio' conflicts with the observation payload.");
        assertRejected(
                policyInfo().with("options", JsonObject.of("task_description", JsonString.of("other"))),
                "Cosmos-Policy option 'task_description' conflicts with the observation payload.");
        // Python equality: 0 == 0.0 == False, so an equal option is not a conflict.
        JsonObject info = withObservation(policyInfo(), "seed", JsonInt.of(0))
                .with("options", JsonObject.of("seed", JsonFloat.of(0.0)));
        assertThat(build(info).payload().get("seed")).isEqualTo(JsonFloat.of(0.0));
        JsonObject boolInfo = withObservation(policyInfo(), "flag", JsonInt.of(1))
                .with("options", JsonObject.of("flag", JsonBool.TRUE));
        assertThat(build(boolInfo).payload().get("flag")).isEqualTo(JsonBool.TRUE);
    }

    @Test
    void actionHorizonSourcesMustAgreeAndBePositiveIntegers() {
        assertRejected(
                policyInfo().with("options", JsonObject.of("action_horizon", JsonInt.of(1))),
                "Cosmos-Policy option 'action_horizon' conflicts with info.action_horizon.");
        assertRejected(
                withObservation(policyInfo().without("action_horizon"), "action_horizon", JsonInt.of(1))
                        .with("options", JsonObject.of("action_horizon", JsonInt.of(2))),
                "Cosmos-Policy option 'action_horizon' conflicts with the observation payload.");
        assertRejected(
                withObservation(policyInfo().without("action_horizon"), "action_horizon", JsonNull.INSTANCE),
                "Cosmos-Policy observation.action_horizon must be an integer greater than 0.");
        assertRejected(
                policyInfo()
                        .without("action_horizon")
                        .with("options", JsonObject.of("action_horizon", JsonNull.INSTANCE)),
                "Cosmos-Policy options.action_horizon must be an integer greater than 0.");
        assertRejected(
                withObservation(policyInfo().with("action_horizon", JsonInt.of(1)), "action_horizon", JsonBool.TRUE),
                "Cosmos-Policy observation.action_horizon must be an integer greater than 0.");
        assertRejected(
                policyInfo()
                        .with("action_horizon", JsonInt.of(1))
                        .with("options", JsonObject.of("action_horizon", JsonBool.TRUE)),
                "Cosmos-Policy options.action_horizon must be an integer greater than 0.");
        assertRejected(
                policyInfo().with("action_horizon", JsonBool.TRUE),
                "Cosmos-Policy info.action_horizon must be an integer greater than 0.");
        assertRejected(
                policyInfo().with("action_horizon", JsonNull.INSTANCE),
                "Cosmos-Policy info.action_horizon must be an integer greater than 0.");
        assertRejected(
                policyInfo().with("action_horizon", JsonInt.of(0)),
                "Cosmos-Policy info.action_horizon must be an integer greater than 0.");

        CosmosPolicyRequest fromOptions = build(
                policyInfo().without("action_horizon").with("options", JsonObject.of("action_horizon", JsonInt.of(5))));
        assertThat(fromOptions.actionHorizon()).contains(5);
        CosmosPolicyRequest fromObservation =
                build(withObservation(policyInfo().without("action_horizon"), "action_horizon", JsonInt.of(7)));
        assertThat(fromObservation.actionHorizon()).contains(7);
        assertThat(fromObservation.payload().get("action_horizon")).isEqualTo(JsonInt.of(7));
        CosmosPolicyRequest none = build(policyInfo().without("action_horizon"));
        assertThat(none.actionHorizon()).isEmpty();
        assertThat(none.payload().has("action_horizon")).isFalse();
    }
}
