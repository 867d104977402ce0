package ai.worldforge.provider.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.ProviderException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.Action;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyHelpersTest {
    private static final Action A = Action.moveTo(0, 0, 0);
    private static final Action B = Action.moveTo(1, 0, 0);

    @Test
    void actionListIsOneCandidate() {
        assertThat(PolicyCandidates.normalize(List.of(A, B), "GR00T")).containsExactly(List.of(A, B));
        assertThat(PolicyCandidates.normalize(List.of(List.of(A), List.of(B, A)), "GR00T"))
                .containsExactly(List.of(A), List.of(B, A));
    }

    @Test
    void badTranslatorResultsFailWithLabelledMessages() {
        assertThatThrownBy(() -> PolicyCandidates.normalize(List.of(), "LeRobot"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("LeRobot action translator must return a non-empty action sequence.");
        assertThatThrownBy(() -> PolicyCandidates.normalize("move", "LeRobot"))
                .hasMessage("LeRobot action translator must return a non-empty action sequence.");
        assertThatThrownBy(() -> PolicyCandidates.normalize(null, "LeRobot"))
                .hasMessage("LeRobot action translator must return a non-empty action sequence.");
        assertThatThrownBy(() -> PolicyCandidates.normalize(List.of(List.of(A), List.of()), "GR00T"))
                .hasMessage("GR00T action translator candidate 1 must be a non-empty action sequence.");
        assertThatThrownBy(() -> PolicyCandidates.normalize(List.of(A, List.of(B)), "GR00T"))
                .hasMessage("GR00T action translator candidate 0 must be a non-empty action sequence.");
        assertThatThrownBy(() -> PolicyCandidates.normalize(List.of(List.of(A, "noop")), "aloha embodiment"))
                .hasMessage("aloha embodiment action translator candidate 0 must contain only Action instances.");
    }

    @Test
    void jsonCompatibleNormalisesContainersArraysAndKeys() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(" actions ", new Object[] {new double[] {1, 2.5}, Arrays.asList(3, null)});
        payload.put("metadata", Map.of("valid", true));
        assertThat(PolicyJson.jsonCompatible(payload, "policy output"))
                .isEqualTo(Json.parse("{\"actions\": [[1.0, 2.5], [3, null]], \"metadata\": {\"valid\": true}}"));
        assertThat(PolicyJson.jsonObject(JsonObject.of(" ok ", JsonArray.of(JsonInt.of(1))), "policy metadata"))
                .isEqualTo(JsonObject.of("ok", JsonArray.of(JsonInt.of(1))));
        assertThat(PolicyJson.jsonCompatible(null, "x")).isEqualTo(JsonNull.INSTANCE);
        assertThat(PolicyJson.jsonCompatible("s", "x")).isEqualTo(JsonString.of("s"));
        assertThat(PolicyJson.jsonCompatible(false, "x")).isEqualTo(JsonBool.FALSE);
    }

    @Test
    void jsonCompatibleRejectsNonFiniteNumbersBadKeysAndForeignObjects() {
        assertThatThrownBy(() -> PolicyJson.jsonCompatible(
                        Map.of("actions", List.of(Double.POSITIVE_INFINITY)), "policy output"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("policy output.actions[0] must contain only finite numbers.");
        assertThatThrownBy(() -> PolicyJson.jsonCompatible(JsonArray.of(JsonFloat.of(Double.NaN)), "out"))
                .hasMessage("out[0] must contain only finite numbers.");
        assertThatThrownBy(() -> PolicyJson.jsonCompatible(Map.of("", 1), "policy output"))
                .hasMessage("policy output keys must be non-empty strings.");
        assertThatThrownBy(() -> PolicyJson.jsonCompatible(Map.of(1, 1), "policy output"))
                .hasMessage("policy output keys must be non-empty strings.");
        assertThatThrownBy(() -> PolicyJson.jsonCompatible(new Object(), "policy output"))
                .hasMessage("policy output must be JSON-compatible.");
        assertThatThrownBy(() -> PolicyJson.jsonObject(List.of(1, 2, 3), "policy metadata"))
                .hasMessage("policy metadata must be a JSON object.");
    }

    @Test
    void policyInfoHelpers() {
        JsonObject info = JsonObject.builder()
                .put("observation", JsonObject.of("state", JsonArray.EMPTY))
                .put("mode", " predict_chunk ")
                .put("action_horizon", JsonInt.of(4))
                .put("embodiment_tag", " so100 ")
                .build();
        assertThat(PolicyInfo.observation(info, "LeRobot", true, List.of("state", "image"))
                        .keys())
                .containsExactly("state");
        assertThatThrownBy(() -> PolicyInfo.observation(info, "LeRobot", false, List.of("a", "b", "c")))
                .isInstanceOf(ProviderException.class)
                .hasMessage("LeRobot policy observation must include at least one of a, b, or c.");
        assertThatThrownBy(() -> PolicyInfo.observation(JsonObject.EMPTY, "GR00T", true, List.of()))
                .hasMessage("GR00T policy info.observation must be a non-empty JSON object.");
        assertThatThrownBy(() -> PolicyInfo.observation(JsonObject.EMPTY, "GR00T", false, List.of()))
                .hasMessage("GR00T policy info.observation must be a JSON object.");
        assertThat(PolicyInfo.mode(info, "LeRobot", "select_action", List.of("select_action", "predict_chunk")))
                .isEqualTo("predict_chunk");
        assertThat(PolicyInfo.mode(
                        JsonObject.EMPTY, "LeRobot", "select_action", List.of("select_action", "predict_chunk")))
                .isEqualTo("select_action");
        assertThatThrownBy(() -> PolicyInfo.mode(
                        info.with("mode", JsonString.of("x")),
                        "LeRobot",
                        "select_action",
                        List.of("select_action", "predict_chunk")))
                .hasMessage("LeRobot policy info.mode must be 'select_action' or 'predict_chunk'.");
        assertThat(PolicyInfo.actionHorizon(info, "GR00T", "GR00T action_horizon", false))
                .contains(4);
        assertThat(PolicyInfo.actionHorizon(JsonObject.EMPTY, "GR00T", "GR00T action_horizon", false))
                .isEmpty();
        assertThatThrownBy(() -> PolicyInfo.actionHorizon(
                        info.with("action_horizon", JsonBool.TRUE), "GR00T", "GR00T action_horizon", false))
                .hasMessage("GR00T info.action_horizon must be an integer greater than 0.");
        assertThatThrownBy(() -> PolicyInfo.actionHorizon(
                        info.with("action_horizon", JsonInt.of(0)), "GR00T", "GR00T action_horizon", false))
                .hasMessage("GR00T action_horizon must be an integer greater than 0.");
        assertThat(PolicyInfo.actionHorizon(
                        info.with("action_horizon", JsonString.of(" 3 ")), "LeRobot", "LeRobot action_horizon", true))
                .contains(3);
        assertThat(PolicyInfo.actionHorizon(
                        info.with("action_horizon", JsonString.of(" ")), "LeRobot", "LeRobot action_horizon", true))
                .isEmpty();
        assertThatThrownBy(() -> PolicyInfo.actionHorizon(
                        info.with("action_horizon", JsonString.of("x")), "LeRobot", "LeRobot action_horizon", true))
                .hasMessage("LeRobot action_horizon must be an integer greater than 0.");
        assertThat(PolicyInfo.embodimentTag(info, "GR00T")).contains("so100");
        assertThatThrownBy(() -> PolicyInfo.embodimentTag(info.with("embodiment_tag", JsonInt.of(1)), "GR00T"))
                .hasMessage("GR00T policy info.embodiment_tag must be a non-empty string when provided.");
        assertThat(PolicyInfo.options(info, "GR00T")).isEmpty();
        assertThatThrownBy(() -> PolicyInfo.options(info.with("options", JsonArray.EMPTY), "GR00T"))
                .hasMessage("GR00T policy info.options must be a JSON object when provided.");
    }
}
