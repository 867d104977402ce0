package ai.worldforge.provider.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.ProviderException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbodimentTranslatorContractTest {
    private static final JsonObject ALOHA = JsonObject.of("embodiment_tag", JsonString.of("aloha"));

    @Test
    void providerInfoTagIsUsedWhenInfoOmitsIt() {
        EmbodimentTranslatorContract contract = new EmbodimentTranslatorContract("aloha", 3, null, JsonObject.EMPTY);
        assertThatThrownBy(() -> contract.validateRawActions(
                        Json.parse("[[0.1, 0.5, 0.0]]"),
                        JsonObject.EMPTY,
                        JsonObject.of("embodiment_tag", JsonString.of("so100"))))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Embodiment translator for 'aloha' cannot translate actions tagged 'so100'.");
        assertThat(contract.validateRawActions(Json.parse("[[0.1, 0.5, 0.0]]"), JsonObject.EMPTY, JsonObject.EMPTY))
                .containsExactly(1, 3);
    }

    @Test
    void scalarShapesAreReportedForDimAndHorizonMismatches() {
        EmbodimentTranslatorContract dim = new EmbodimentTranslatorContract("aloha", 3, null, JsonObject.EMPTY);
        assertThatThrownBy(() -> dim.validateRawActions(JsonFloat.of(0.1), ALOHA, JsonObject.EMPTY))
                .hasMessage("Embodiment translator expected action_dim=3, got scalar.");
        assertThatThrownBy(() -> dim.validateRawActions(Json.parse("[[1, 2]]"), ALOHA, JsonObject.EMPTY))
                .hasMessage("Embodiment translator expected action_dim=3, got 2.");
        EmbodimentTranslatorContract horizon = new EmbodimentTranslatorContract("aloha", null, 2, JsonObject.EMPTY);
        assertThatThrownBy(() -> horizon.validateRawActions(Json.parse("[0.1, 0.5, 0.0]"), ALOHA, JsonObject.EMPTY))
                .hasMessage("Embodiment translator expected action_horizon=2, got scalar.");
    }

    @Test
    void rawActionsMustBeFiniteRectangularNumbers() {
        EmbodimentTranslatorContract contract = EmbodimentTranslatorContract.of(" aloha ");
        assertThat(contract.embodimentTag()).isEqualTo("aloha");
        assertThatThrownBy(() -> contract.validateRawActions(Json.parse("[[1, 2], [3]]"), ALOHA, JsonObject.EMPTY))
                .hasMessage("raw policy actions must be rectangular.");
        assertThatThrownBy(() -> contract.validateRawActions(Json.parse("[[]]"), ALOHA, JsonObject.EMPTY))
                .hasMessage("raw policy actions must not contain empty action dimensions.");
        assertThatThrownBy(() -> contract.validateRawActions(Json.parse("[[true]]"), ALOHA, JsonObject.EMPTY))
                .hasMessage("raw policy actions must contain only numeric action values.");
        assertThatThrownBy(() -> contract.validateRawActions(
                        ai.worldforge.json.JsonArray.of(JsonFloat.of(Double.NaN)), ALOHA, JsonObject.EMPTY))
                .hasMessage("raw policy actions must contain only finite action values.");
    }

    @Test
    void constructorValidates() {
        assertThatThrownBy(() -> EmbodimentTranslatorContract.of(" "))
                .isInstanceOf(ProviderException.class)
                .hasMessage("embodiment_tag must be a non-empty string.");
        assertThatThrownBy(() -> new EmbodimentTranslatorContract("aloha", 0, null, JsonObject.EMPTY))
                .hasMessage("action_dim must be an integer greater than 0.");
        assertThatThrownBy(() -> new EmbodimentTranslatorContract("aloha", null, -1, JsonObject.EMPTY))
                .hasMessage("action_horizon must be an integer greater than 0.");
    }

    @Test
    void wrapperValidatesBothSidesAndReportsTheContract() throws Exception {
        EmbodimentTranslatorContract contract =
                new EmbodimentTranslatorContract("aloha", 2, 2, JsonObject.of("robot", JsonString.of("left-arm")));
        ActionTranslator twoSteps =
                (raw, info, providerInfo) -> List.of(Action.moveTo(0, 0, 0), Action.moveTo(1, 0, 0));
        EmbodimentActionTranslator translator = new EmbodimentActionTranslator(contract, twoSteps);
        assertThat(translator.contractSummary())
                .isEqualTo(Json.parse("{\"embodiment_tag\": \"aloha\", \"action_dim\": 2, \"action_horizon\": 2,"
                        + " \"raw_action_shape\": null, \"metadata\": {\"robot\": \"left-arm\"}}"));
        JsonValue raw = Json.parse("[[[0.1, 0.2], [0.3, 0.4]]]");
        assertThat(translator.translate(raw, ALOHA, JsonObject.EMPTY)).hasSize(1);
        assertThat(translator.lastRawShape()).contains(List.of(1, 2, 2));
        assertThat(translator.contractSummary().get("raw_action_shape")).isEqualTo(Json.parse("[1, 2, 2]"));

        EmbodimentActionTranslator oneStep =
                new EmbodimentActionTranslator(contract, (r, i, p) -> List.of(Action.moveTo(0, 0, 0)));
        assertThatThrownBy(() -> oneStep.translate(raw, ALOHA, JsonObject.EMPTY))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Embodiment translator candidate 0 returned 1 WorldForge action(s), expected 2.");
        EmbodimentActionTranslator nothing = new EmbodimentActionTranslator(contract, (r, i, p) -> List.of());
        assertThatThrownBy(() -> nothing.translate(raw, ALOHA, JsonObject.EMPTY))
                .hasMessage("aloha embodiment action translator must return a non-empty action sequence.");
        assertThat(oneStep.lastRawShape()).isEmpty();
    }
}
