package ai.worldforge.provider.cosmospolicy;

import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.actions;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.jsonNumpyRow;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.response;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.row;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.rowValues;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.uint8Payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CosmosPolicyResponseTest {
    private static final String NAME = "cosmos-policy";

    private static CosmosPolicyResponse parse(JsonObject payload) {
        return CosmosPolicyResponse.parse(payload, NAME, 14);
    }

    private static JsonObject numpy(String data, String dtype, int... shape) {
        List<ai.worldforge.json.JsonValue> dims = new ArrayList<>();
        for (int d : shape) {
            dims.add(JsonInt.of(d));
        }
        return JsonObject.builder()
                .put("__numpy__", data)
                .put("dtype", dtype)
                .put("shape", JsonArray.copyOf(dims))
                .build();
    }

    static List<Arguments> malformedResponses() {
        String f8Row = ((JsonString) jsonNumpyRow(0.1, "<f8").get("__numpy__")).value();
        return List.of(
                Arguments.of(
                        response(JsonArray.EMPTY),
                        "Provider 'cosmos-policy' policy response field 'actions' must be a non-empty action matrix."),
                Arguments.of(
                        response(JsonArray.of(JsonArray.of(JsonFloat.of(0.0), JsonFloat.of(1.0)))),
                        "Provider 'cosmos-policy' policy response field 'actions' action_dim must be 14; got 2."),
                Arguments.of(
                        response(JsonArray.of(row(0.1), JsonArray.of(JsonFloat.of(0.0)))),
                        "Provider 'cosmos-policy' policy response field 'actions' must be rectangular."),
                Arguments.of(
                        response(JsonArray.of(row(0.1))).with("value_prediction", JsonFloat.of(Double.NaN)),
                        "Provider 'cosmos-policy' policy response field 'value_prediction' must be a finite number."),
                Arguments.of(
                        response(JsonArray.of(row(0.1))).with("all_actions", JsonArray.EMPTY),
                        "Provider 'cosmos-policy' policy response field 'all_actions' must be a non-empty list when present."),
                Arguments.of(
                        response(JsonArray.of(numpy("not-base64", "<f8", 14))),
                        "Provider 'cosmos-policy' policy response field 'actions'[0].__numpy__ is not valid base64."),
                Arguments.of(
                        response(JsonArray.of(numpy(f8Row, "", 14))),
                        "Provider 'cosmos-policy' policy response field 'actions'[0].dtype must be a non-empty string."),
                Arguments.of(
                        response(JsonArray.of(numpy(f8Row, "|u1", 14))),
                        "Provider 'cosmos-policy' policy response field 'actions'[0].dtype must be float32 or float64 encoded numpy data."),
                Arguments.of(
                        response(JsonArray.of(numpy(Base64.getEncoder().encodeToString("0".getBytes()), "<f8", 14))),
                        "Provider 'cosmos-policy' policy response field 'actions'[0] byte length must match shape and dtype; expected 112, got 1."),
                Arguments.of(
                        response(JsonArray.of(JsonObject.of("x", JsonInt.of(1)))),
                        "Provider 'cosmos-policy' policy response field 'actions'[0] must be a non-empty action row."),
                Arguments.of(
                        response(JsonArray.of(JsonArray.EMPTY)),
                        "Provider 'cosmos-policy' policy response field 'actions'[0] must be a non-empty action row."),
                Arguments.of(
                        response(JsonArray.of(numpy(f8Row, "<f8", 2, 7))),
                        "Provider 'cosmos-policy' policy response field 'actions'[0] must be a 1-D encoded numpy action row."),
                Arguments.of(
                        response(JsonArray.of(JsonObject.builder()
                                .put("__numpy__", f8Row)
                                .put("dtype", "<f8")
                                .build())),
                        "Provider 'cosmos-policy' policy response field 'actions'[0].shape must be a list of non-negative integers."),
                Arguments.of(
                        response(JsonArray.of(JsonObject.builder()
                                .put("__numpy__", f8Row)
                                .put("dtype", "<f8")
                                .put("shape", JsonArray.of(JsonBool.TRUE))
                                .build())),
                        "Provider 'cosmos-policy' policy response field 'actions'[0].shape[0] must be a non-negative integer."),
                Arguments.of(
                        response(JsonArray.of(numpy("", "<f8", 14))),
                        "Provider 'cosmos-policy' policy response field 'actions'[0].__numpy__ must be a non-empty string."),
                Arguments.of(
                        response(JsonArray.of(numpy("AAAAAAAAAAA", "<f8", 14))),
                        "Provider 'cosmos-policy' policy response field 'actions'[0].__numpy__ is not valid base64."),
                Arguments.of(
                        response(JsonArray.of(rowWith(3, JsonString.of("x")))),
                        "Provider 'cosmos-policy' policy response field 'actions'[0][3] must be a finite number."),
                Arguments.of(
                        response(JsonArray.of(rowWith(0, JsonBool.TRUE))),
                        "Provider 'cosmos-policy' policy response field 'actions'[0][0] must be a finite number."),
                Arguments.of(
                        response(JsonArray.of(row(0.1)))
                                .with(
                                        "all_actions",
                                        JsonArray.of(JsonArray.of(row(0.1), JsonArray.of(JsonFloat.of(1.0))))),
                        "Provider 'cosmos-policy' policy response field 'all_actions'[0] must be rectangular."),
                Arguments.of(
                        response(JsonArray.of(row(0.1))).with("all_value_predictions", JsonString.of("x")),
                        "Provider 'cosmos-policy' policy response field 'all_value_predictions' must be a list when present."),
                Arguments.of(
                        response(JsonArray.of(row(0.1))).with("all_value_predictions_by_depth", JsonInt.of(3)),
                        "Provider 'cosmos-policy' policy response field 'all_value_predictions_by_depth' must be a list when present."));
    }

    private static JsonArray rowWith(int index, ai.worldforge.json.JsonValue value) {
        List<ai.worldforge.json.JsonValue> items = new ArrayList<>(row(0.1).items());
        items.set(index, value);
        return JsonArray.copyOf(items);
    }

    @ParameterizedTest
    @MethodSource("malformedResponses")
    void malformedResponsesAreWorldStateErrors(JsonObject payload, String message) {
        assertThatThrownBy(() -> parse(payload))
                .isInstanceOf(WorldStateException.class)
                .hasMessage(message);
    }

    @Test
    void fromPayloadKeepsTheReferenceExceptionFamilies() {
        assertThatThrownBy(() -> CosmosPolicyResponse.fromPayload(JsonArray.EMPTY, NAME, 14))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'cosmos-policy' policy response must be a JSON object.");
        assertThatThrownBy(() -> CosmosPolicyResponse.parse(JsonString.of("error"), NAME, 14))
                .isInstanceOf(WorldStateException.class)
                .hasMessage("Provider 'cosmos-policy' policy response must be a JSON object.");
        assertThatThrownBy(() -> CosmosPolicyResponse.fromPayload(
                        response(JsonArray.of(row(0.1))).with("value_prediction", JsonFloat.of(Double.NaN)), NAME, 14))
                .isInstanceOf(WorldForgeException.class)
                .isNotInstanceOf(WorldStateException.class);
    }

    @Test
    void valuePredictionCountsMustMatchTheCandidates() {
        JsonObject base = response(actions(0.1));
        assertThatThrownBy(() ->
                        CosmosPolicyResponse.fromPayload(base.with("all_value_predictions", JsonArray.EMPTY), NAME, 14))
                .isInstanceOf(ProviderException.class)
                .hasMessage(
                        "Provider 'cosmos-policy' policy response field 'all_value_predictions' must contain exactly 1"
                                + " value when 'all_actions' is absent.");
        assertThatThrownBy(() -> CosmosPolicyResponse.fromPayload(
                        base.with("all_value_predictions", JsonArray.of(JsonFloat.of(0.1), JsonFloat.of(0.2))),
                        NAME,
                        14))
                .hasMessageContaining("must contain exactly 1 value");
        assertThatThrownBy(() -> parse(base.with("all_actions", JsonArray.of(actions(0.1), actions(2.0)))
                        .with("all_value_predictions", JsonArray.of(JsonFloat.of(0.1)))))
                .isInstanceOf(WorldStateException.class)
                .hasMessage(
                        "Provider 'cosmos-policy' policy response field 'all_value_predictions' must contain 2 value(s)"
                                + " to match 'all_actions'; got 1.");
        assertThat(parse(base.with("all_value_predictions", JsonArray.of(JsonInt.of(1))))
                        .allValuePredictions())
                .containsExactly(1.0);
    }

    @Test
    void decodesJsonNumpyRowsInEveryByteOrder() {
        for (String dtype : List.of("<f8", "<f4", ">f8", ">f4", "=f8", "|f4", "float64", "FLOAT32", " <f8 ")) {
            CosmosPolicyResponse parsed =
                    parse(response(JsonArray.of(jsonNumpyRow(0.1, dtype), jsonNumpyRow(1.1, "<f8"))));
            List<Double> first = parsed.actions().get(0);
            double[] expected = rowValues(0.1);
            for (int i = 0; i < 14; i++) {
                assertThat(first.get(i)).as(dtype).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-6));
            }
        }
        CosmosPolicyResponse parsed = parse(response(JsonArray.of(jsonNumpyRow(0.1, "<f8"), jsonNumpyRow(1.1, "<f8"))));
        assertThat(parsed.rawActions()).isEqualTo(JsonObject.of("actions", actions(0.1)));
        assertThat(parsed.rawActionSummary().get("actions_shape")).isEqualTo(Json.parse("[2, 14]"));
    }

    @Test
    void nonFiniteDecodedValuesAreRejected() {
        byte[] bytes = new byte[14 * 8];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(40, Double.NaN);
        assertThatThrownBy(() ->
                        parse(response(JsonArray.of(numpy(Base64.getEncoder().encodeToString(bytes), "<f8", 14)))))
                .isInstanceOf(WorldStateException.class)
                .hasMessage("Provider 'cosmos-policy' policy response field 'actions'[0][5] must be a finite number.");
    }

    @Test
    void misSizedJsonNumpyRowsAreRejectedBeforeDecoding() {
        // The payload is not even base64: the shape check must fire first.
        JsonObject oversized = response(JsonArray.of(numpy("!!!", "<f8", 2048)));
        assertThatThrownBy(() -> CosmosPolicyResponse.fromPayload(oversized, NAME, 14))
                .isInstanceOf(ProviderException.class)
                .hasMessage(
                        "Provider 'cosmos-policy' policy response field 'actions'[0] action_dim must be 14; got 2048.");
        assertThatThrownBy(() -> CosmosPolicyResponse.fromPayload(oversized, NAME, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage(
                        "Provider 'cosmos-policy' policy response field 'actions'[0] encoded action row exceeds 1024 elements.");
        assertThatThrownBy(() ->
                        CosmosPolicyResponse.fromPayload(response(JsonArray.of(numpy("AA==", "<f8", 0))), NAME, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage(
                        "Provider 'cosmos-policy' policy response field 'actions'[0] must encode a non-empty action row.");
    }

    @Test
    void anyRectangularWidthWithoutAnExpectedDim() {
        JsonObject payload = response(JsonArray.of(JsonArray.of(JsonInt.of(1), JsonInt.of(2))));
        assertThat(CosmosPolicyResponse.parse(payload, NAME, null).actions()).containsExactly(List.of(1.0, 2.0));
    }

    @Test
    void providerInfoSummarisesFuturePredictionsByShape() {
        JsonObject payload = response(actions(2.0))
                .with("all_actions", JsonArray.of(actions(0.1), actions(2.0)))
                .with("value_prediction", JsonFloat.of(0.91))
                .with("all_value_predictions", JsonArray.of(JsonFloat.of(0.1), JsonFloat.of(0.91)))
                .with("all_value_predictions_by_depth", Json.parse("[[0.1], [0.91]]"))
                .with("all_actions_by_depth", Json.parse("[[[[1, 2]]], [[[3, 4]]]]"))
                .with(
                        "future_image_predictions",
                        JsonObject.builder()
                                .put("future_left_wrist_image", Json.parse("[[[[1, 1, 1]]]]"))
                                .put("future_image", Json.parse("[[[[0, 0, 0]]]]"))
                                .put("encoded", uint8Payload(1, 2, 3))
                                .build())
                .with("all_future_image_predictions", uint8Payload(2, 4))
                .with("future_image_predictions_by_depth", JsonString.of("scalar"));
        CosmosPolicyResponse parsed = parse(payload);
        assertThat(parsed.selectedIndex()).isEqualTo(1);
        assertThat(parsed.valuePrediction()).isEqualTo(0.91);
        assertThat(parsed.providerInfo())
                .isEqualTo(Json.parse("{\"value_prediction\": 0.91, \"all_value_predictions\": [0.1, 0.91],"
                        + " \"future_prediction_summary\": {\"future_image_predictions\": {"
                        + "\"encoded\": {\"shape\": [1, 2, 3]}, \"future_image\": {\"shape\": [1, 1, 1, 3]},"
                        + " \"future_left_wrist_image\": {\"shape\": [1, 1, 1, 3]}},"
                        + " \"future_image_predictions_by_depth\": {\"shape\": []},"
                        + " \"all_future_image_predictions\": {\"shape\": [2, 4]}},"
                        + " \"all_actions_by_depth_shape\": [2, 1, 1, 2],"
                        + " \"all_value_predictions_by_depth\": [[0.1], [0.91]]}"));
        assertThat(parsed.rawActionSummary())
                .isEqualTo(Json.parse("{\"actions_shape\": [2, 14], \"all_actions_shape\": [2, 2, 14]}"));
    }

    @Test
    void predictionSummaryIsBoundedInKeysAndDepth() {
        JsonObject.Builder wide = JsonObject.builder();
        for (int i = 39; i >= 0; i--) {
            wide.put(String.format("k%02d", i), Json.parse("[[" + i + "]]"));
        }
        JsonObject summary = (JsonObject) parse(response(actions(0.1)).with("future_image_predictions", wide.build()))
                .futurePredictionSummary()
                .get("future_image_predictions");
        assertThat(summary.keys()).hasSize(33).startsWith("k00", "k01").endsWith("k31", "truncated_keys");
        assertThat(summary.get("k00")).isEqualTo(Json.parse("{\"shape\": [1, 1]}"));
        assertThat(summary.get("truncated_keys")).isEqualTo(JsonInt.of(8));

        JsonObject deep = JsonObject.of("leaf", JsonInt.of(1));
        for (int i = 0; i < 10; i++) {
            deep = JsonObject.of("child", deep);
        }
        JsonObject deepSummary = (JsonObject) parse(response(actions(0.1)).with("future_image_predictions", deep))
                .futurePredictionSummary()
                .get("future_image_predictions");
        String expected = "{\"truncated\": true}";
        for (int i = 0; i < 8; i++) {
            expected = "{\"child\": " + expected + "}";
        }
        assertThat(deepSummary).isEqualTo(Json.parse(expected));
    }

    @Test
    void selectedCandidateUsesTolerantMatching() {
        JsonArray f4Candidates = JsonArray.of(
                JsonArray.of(jsonNumpyRow(0.1, "<f4"), jsonNumpyRow(1.1, "<f4")),
                JsonArray.of(jsonNumpyRow(2.0, "<f4"), jsonNumpyRow(3.0, "<f4")));
        CosmosPolicyResponse parsed = parse(response(actions(2.0)).with("all_actions", f4Candidates));
        assertThat(parsed.selectedIndex()).isEqualTo(1);
        assertThat(parsed.rawActions().get("actions")).isEqualTo(actions(2.0));

        CosmosPolicyResponse unknown =
                parse(response(actions(4.0)).with("all_actions", JsonArray.of(actions(0.1), actions(2.0))));
        assertThatThrownBy(unknown::selectedIndex)
                .isInstanceOf(WorldStateException.class)
                .hasMessage("Cosmos-Policy response field 'actions' must match one entry in 'all_actions'.");
        assertThat(parse(response(actions(0.1))).selectedIndex()).isZero();
    }
}
