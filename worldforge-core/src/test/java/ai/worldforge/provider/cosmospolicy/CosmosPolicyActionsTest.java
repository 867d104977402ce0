package ai.worldforge.provider.cosmospolicy;

import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.CANDIDATE_TRANSLATOR;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.TRANSLATOR;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.actions;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.jsonNumpyRow;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.policyInfo;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.response;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.uint8Payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.ProviderException;
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
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.policy.ActionTranslator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CosmosPolicyActionsTest {
    private static final CosmosPolicyConfig CONFIG =
            CosmosPolicyConfig.builder().baseUrl("http://93.184.216.34").build(Environment.empty());

    /** The provider's flow without the HTTP call: request, parse, translate. */
    private static ActionPolicyResult select(JsonObject info, JsonObject serverResponse, ActionTranslator translator) {
        CosmosPolicyRequest request = CosmosPolicyRequest.fromInfo(info, CONFIG.returnAllQueryResults());
        CosmosPolicyResponse parsed =
                CosmosPolicyResponse.parse(serverResponse, "cosmos-policy", CONFIG.expectedActionDim());
        return CosmosPolicyActions.result("cosmos-policy", CONFIG, request, parsed, translator, info);
    }

    @Test
    void translatorIsRequiredBeforeAnyRequest() {
        assertThatThrownBy(() -> CosmosPolicyActions.requireTranslator(null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Cosmos-Policy actions are embodiment-specific; provide action_translator to map raw policy"
                        + " actions into WorldForge Action objects.");
        assertThat(CosmosPolicyActions.requireTranslator(TRANSLATOR)).isSameAs(TRANSLATOR);
    }

    @Test
    void selectsTheMatchingCandidateAndKeepsValuesAndSummaries() {
        JsonObject server = response(actions(2.0))
                .with("all_actions", JsonArray.of(actions(0.1), actions(2.0)))
                .with("value_prediction", JsonFloat.of(0.91))
                .with("all_value_predictions", JsonArray.of(JsonFloat.of(0.1), JsonFloat.of(0.91)))
                .with("all_value_predictions_by_depth", Json.parse("[[0.1], [0.91]]"))
                .with("future_image_predictions", JsonObject.of("future_image", Json.parse("[[[[0, 0, 0]]]]")));
        ActionPolicyResult result = select(policyInfo(), server, CANDIDATE_TRANSLATOR);

        assertThat(result.provider()).isEqualTo("cosmos-policy");
        assertThat(result.actionHorizon()).isEqualTo(2);
        assertThat(result.embodimentTag()).isEqualTo("aloha");
        assertThat(result.rawActions())
                .isEqualTo(JsonObject.of(
                        "actions", actions(2.0), "all_actions", JsonArray.of(actions(0.1), actions(2.0))));
        assertThat(result.actionCandidates()).hasSize(2);
        assertThat(result.actions()).isEqualTo(result.actionCandidates().get(1));
        JsonObject metadata = result.metadata();
        assertThat(metadata.keys())
                .containsExactly(
                        "runtime",
                        "server_path",
                        "model",
                        "task_description",
                        "expected_action_dim",
                        "selected_candidate_index",
                        "candidate_count",
                        "requested_action_horizon",
                        "provider_info",
                        "raw_action_summary");
        assertThat(metadata.get("runtime")).isEqualTo(JsonString.of("cosmos-policy-server"));
        assertThat(metadata.get("server_path")).isEqualTo(JsonString.of("/act"));
        assertThat(metadata.get("model")).isEqualTo(JsonString.of("nvidia/Cosmos-Policy-ALOHA-Predict2-2B"));
        assertThat(metadata.get("expected_action_dim")).isEqualTo(JsonInt.of(14));
        assertThat(metadata.get("selected_candidate_index")).isEqualTo(JsonInt.of(1));
        assertThat(metadata.get("candidate_count")).isEqualTo(JsonInt.of(2));
        assertThat(metadata.get("requested_action_horizon")).isEqualTo(JsonInt.of(2));
        JsonObject providerInfo = (JsonObject) metadata.get("provider_info");
        assertThat(providerInfo.get("value_prediction")).isEqualTo(JsonFloat.of(0.91));
        assertThat(((JsonObject) ((JsonObject) providerInfo.get("future_prediction_summary"))
                                .get("future_image_predictions"))
                        .get("future_image"))
                .isEqualTo(Json.parse("{\"shape\": [1, 1, 1, 3]}"));
    }

    @Test
    void acceptsLiveJsonNumpyRows() {
        JsonObject server = response(JsonArray.of(jsonNumpyRow(0.1, "<f8"), jsonNumpyRow(1.1, "<f8")))
                .with("value_prediction", JsonFloat.of(0.91))
                .with("future_image_predictions", JsonObject.of("future_image", uint8Payload(1, 2, 3)));
        ActionPolicyResult result = select(policyInfo(), server, TRANSLATOR);
        assertThat(result.rawActions()).isEqualTo(JsonObject.of("actions", actions(0.1)));
        assertThat(((JsonObject) result.metadata().get("raw_action_summary")).get("actions_shape"))
                .isEqualTo(Json.parse("[2, 14]"));
        assertThat(((JsonObject) result.metadata().get("raw_action_summary")).get("all_actions_shape"))
                .isEqualTo(JsonNull.INSTANCE);
    }

    @Test
    void actionHorizonIsTheTranslatedLengthAndTheRequestGoesToMetadata() {
        ActionTranslator oneStep = (raw, info, providerInfo) -> List.of(Action.moveTo(0.1, 0.2, 0.3));
        ActionPolicyResult withoutRequest =
                select(policyInfo().without("action_horizon"), response(actions(0.1)), oneStep);
        assertThat(withoutRequest.actions()).hasSize(1);
        assertThat(withoutRequest.actionHorizon()).isEqualTo(1);
        assertThat(withoutRequest.metadata().get("requested_action_horizon")).isEqualTo(JsonNull.INSTANCE);

        ActionPolicyResult requested =
                select(policyInfo().with("action_horizon", JsonInt.of(50)), response(actions(0.1)), oneStep);
        assertThat(requested.actionHorizon()).isEqualTo(1);
        assertThat(requested.metadata().get("requested_action_horizon")).isEqualTo(JsonInt.of(50));
    }

    @Test
    void embodimentTagComesFromInfoElseTheConfiguration() {
        ActionPolicyResult tagged = select(
                policyInfo().with("embodiment_tag", JsonString.of(" aloha-left ")), response(actions(0.1)), TRANSLATOR);
        assertThat(tagged.embodimentTag()).isEqualTo("aloha-left");
        ActionPolicyResult untagged =
                select(policyInfo().without("embodiment_tag"), response(actions(0.1)), TRANSLATOR);
        assertThat(untagged.embodimentTag()).isEqualTo("aloha");
    }

    @Test
    void translatorReceivesRawActionsInfoAndProviderInfo() {
        AtomicReference<JsonValue> seenRaw = new AtomicReference<>();
        AtomicReference<JsonObject> seenProviderInfo = new AtomicReference<>();
        ActionTranslator spy = (raw, info, providerInfo) -> {
            seenRaw.set(raw);
            seenProviderInfo.set(providerInfo);
            return TRANSLATOR.translate(raw, info, providerInfo);
        };
        select(policyInfo(), response(actions(0.1)).with("value_prediction", JsonFloat.of(0.5)), spy);
        assertThat(seenRaw.get()).isEqualTo(JsonObject.of("actions", actions(0.1)));
        assertThat(seenProviderInfo.get().get("value_prediction")).isEqualTo(JsonFloat.of(0.5));
    }

    @Test
    void translatorFailuresHideTheirText() {
        ActionTranslator leaking = (raw, info, providerInfo) -> {
            throw new IllegalStateException("token=cosmos-policy-secret");
        };
        assertThatThrownBy(() -> select(policyInfo(), response(actions(0.1)), leaking))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Cosmos-Policy action translation failed.")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void candidateCountsMustMatchTheRawCandidates() {
        JsonObject withCandidates =
                response(actions(2.0)).with("all_actions", JsonArray.of(actions(0.1), actions(2.0)));
        assertThatThrownBy(() -> select(policyInfo(), withCandidates, TRANSLATOR))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Cosmos-Policy action translator returned 1 candidate(s) for 2 raw candidate(s).");
        ActionTranslator fanout = (raw, info, providerInfo) ->
                List.of(List.of(Action.moveTo(0.1, 0.2, 0.3)), List.of(Action.moveTo(0.4, 0.5, 0.6)));
        assertThatThrownBy(() -> select(policyInfo(), response(actions(0.1)), fanout))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Cosmos-Policy action translator must return exactly 1 candidate when the response omits"
                        + " 'all_actions'.");
    }

    @Test
    void translatorResultsAreNormalised() {
        ActionTranslator empty = (raw, info, providerInfo) -> List.of();
        assertThatThrownBy(() -> select(policyInfo(), response(actions(0.1)), empty))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Cosmos-Policy action translator must return a non-empty action sequence.");
        ActionTranslator mixed = (raw, info, providerInfo) -> List.of(List.of(Action.moveTo(0, 0, 0)), "noop");
        assertThatThrownBy(() -> select(policyInfo(), response(actions(0.1)), mixed))
                .hasMessage("Cosmos-Policy action translator candidate 1 must be a non-empty action sequence.");
    }
}
