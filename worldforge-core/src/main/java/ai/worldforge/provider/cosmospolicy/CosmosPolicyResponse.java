package ai.worldforge.provider.cosmospolicy;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.policy.PolicyJson;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A validated {@code /act} response. Action rows arrive as JSON number lists or as json_numpy
 * objects ({@code {"__numpy__": <base64 of raw C-order bytes>, "dtype": "<f4", "shape": [14]}});
 * both become {@code double} rows. Future image predictions are summarised by shape, never copied.
 * Immutable and thread-safe.
 *
 * @param actions the selected action matrix (non-empty, rectangular, finite)
 * @param valuePrediction the server's value prediction, or {@code null}
 * @param allActions every candidate matrix when the server returned them (else empty)
 * @param allValuePredictions one value per candidate when returned (else empty)
 * @param futurePredictionSummary shape summaries of the future-image fields present
 * @param providerInfo {@code {value_prediction, all_value_predictions, future_prediction_summary[,
 *     all_actions_by_depth_shape][, all_value_predictions_by_depth]}}, handed to the translator
 */
public record CosmosPolicyResponse(
        List<List<Double>> actions,
        @Nullable Double valuePrediction,
        List<List<List<Double>>> allActions,
        List<Double> allValuePredictions,
        JsonObject futurePredictionSummary,
        JsonObject providerInfo) {

    /** The json_numpy field holding base64 array bytes. */
    public static final String JSON_NUMPY_DATA_FIELD = "__numpy__";
    /** Largest accepted json_numpy action row, checked before decoding. */
    public static final int MAX_JSON_NUMPY_ACTION_ELEMENTS = 1024;

    private static final int SUMMARY_MAX_DEPTH = 8;
    private static final int SUMMARY_MAX_KEYS = 32;
    private static final Pattern STRICT_BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");
    private static final List<String> FUTURE_KEYS = List.of(
            "future_image_predictions",
            "future_image_predictions_by_depth",
            "all_future_image_predictions",
            "all_future_image_predictions_by_depth");

    /** Copies the lists. */
    public CosmosPolicyResponse {
        actions = copyMatrix(actions);
        List<List<List<Double>>> candidates = new ArrayList<>();
        allActions.forEach(m -> candidates.add(copyMatrix(m)));
        allActions = List.copyOf(candidates);
        allValuePredictions = List.copyOf(allValuePredictions);
        Objects.requireNonNull(futurePredictionSummary);
        Objects.requireNonNull(providerInfo);
    }

    private static List<List<Double>> copyMatrix(List<List<Double>> matrix) {
        List<List<Double>> out = new ArrayList<>(matrix.size());
        matrix.forEach(row -> out.add(List.copyOf(row)));
        return List.copyOf(out);
    }

    /**
     * Parses a response as the provider does: every validation failure becomes a {@link
     * WorldStateException} with the same message (a malformed server reply is bad state, not bad
     * caller input).
     */
    public static CosmosPolicyResponse parse(
            @Nullable JsonValue payload, String providerName, @Nullable Integer expectedActionDim) {
        try {
            return fromPayload(payload, providerName, expectedActionDim);
        } catch (WorldStateException e) {
            throw e;
        } catch (ProviderException | WorldForgeException e) {
            throw new WorldStateException(e.getMessage(), e);
        }
    }

    /**
     * Validates a decoded response with the reference's messages: structural problems throw
     * {@link ProviderException}, non-finite or non-numeric values {@link WorldForgeException}.
     * Field names read like {@code Provider 'cosmos-policy' policy response field 'actions'[0]}.
     */
    public static CosmosPolicyResponse fromPayload(
            @Nullable JsonValue payload, String providerName, @Nullable Integer expectedActionDim) {
        if (!(payload instanceof JsonObject object)) {
            throw new ProviderException("Provider '" + providerName + "' policy response must be a JSON object.");
        }
        String prefix = "Provider '" + providerName + "' policy response field ";
        List<List<Double>> actions = actionMatrix(object.get("actions"), prefix + "'actions'", expectedActionDim);
        List<List<List<Double>>> allActions = allActions(object.get("all_actions"), prefix, expectedActionDim);
        Double valuePrediction = optionalFloat(object.get("value_prediction"), prefix + "'value_prediction'");
        List<Double> allValues =
                optionalFloatList(object.get("all_value_predictions"), prefix + "'all_value_predictions'");
        if (object.has("all_value_predictions")) {
            if (!allActions.isEmpty() && allValues.size() != allActions.size()) {
                throw new ProviderException(prefix + "'all_value_predictions' must contain " + allActions.size()
                        + " value(s) to match 'all_actions'; got " + allValues.size() + ".");
            }
            if (allActions.isEmpty() && allValues.size() != 1) {
                throw new ProviderException(
                        prefix + "'all_value_predictions' must contain exactly 1 value when 'all_actions' is absent.");
            }
        }
        JsonObject.Builder summary = JsonObject.builder();
        for (String key : FUTURE_KEYS) {
            if (object.has(key)) {
                summary.put(key, summarizePrediction(Objects.requireNonNull(object.get(key)), 0));
            }
        }
        JsonObject futureSummary = summary.build();
        JsonObject.Builder info = JsonObject.builder()
                .put("value_prediction", valuePrediction == null ? JsonNull.INSTANCE : JsonFloat.of(valuePrediction))
                .put("all_value_predictions", floats(allValues))
                .put("future_prediction_summary", futureSummary);
        if (object.has("all_actions_by_depth")) {
            info.put("all_actions_by_depth_shape", shapeJson(boundedShape(object.get("all_actions_by_depth"), 0)));
        }
        if (object.has("all_value_predictions_by_depth")) {
            info.put(
                    "all_value_predictions_by_depth",
                    nestedFloatLists(
                            object.get("all_value_predictions_by_depth"), prefix + "'all_value_predictions_by_depth'"));
        }
        return new CosmosPolicyResponse(
                actions,
                valuePrediction,
                allActions,
                allValues,
                futureSummary,
                PolicyJson.jsonObject(info.build(), "Cosmos-Policy provider_info"));
    }

    // ------------------------------------------------------------------------------------------
    // Derived views

    /** {@code {"actions": rows[, "all_actions": matrices]}}, the raw actions handed to the translator. */
    public JsonObject rawActions() {
        JsonObject.Builder raw = JsonObject.builder().put("actions", matrixJson(actions));
        if (!allActions.isEmpty()) {
            List<JsonValue> candidates = new ArrayList<>();
            allActions.forEach(m -> candidates.add(matrixJson(m)));
            raw.put("all_actions", JsonArray.copyOf(candidates));
        }
        return raw.build();
    }

    /**
     * Index of the candidate in {@link #allActions()} matching {@link #actions()} element-wise
     * (Python {@code math.isclose}, relative and absolute tolerance 1e-6); 0 without candidates.
     *
     * @throws WorldStateException {@code Cosmos-Policy response field 'actions' must match one
     *     entry in 'all_actions'.} when none matches
     */
    public int selectedIndex() {
        if (allActions.isEmpty()) {
            return 0;
        }
        for (int index = 0; index < allActions.size(); index++) {
            if (matricesClose(allActions.get(index), actions)) {
                return index;
            }
        }
        throw new WorldStateException("Cosmos-Policy response field 'actions' must match one entry in 'all_actions'.");
    }

    /** {@code {"actions_shape": [n, d], "all_actions_shape": [k, n, d] | null}}. */
    public JsonObject rawActionSummary() {
        return JsonObject.builder()
                .put(
                        "actions_shape",
                        shapeJson(List.of(actions.size(), actions.get(0).size())))
                .put(
                        "all_actions_shape",
                        allActions.isEmpty()
                                ? JsonNull.INSTANCE
                                : shapeJson(List.of(
                                        allActions.size(),
                                        allActions.get(0).size(),
                                        allActions.get(0).get(0).size())))
                .build();
    }

    private static boolean matricesClose(List<List<Double>> left, List<List<Double>> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int r = 0; r < left.size(); r++) {
            List<Double> a = left.get(r);
            List<Double> b = right.get(r);
            if (a.size() != b.size()) {
                return false;
            }
            for (int c = 0; c < a.size(); c++) {
                if (!isClose(a.get(c), b.get(c))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isClose(double a, double b) {
        if (a == b) {
            return true;
        }
        double diff = Math.abs(b - a);
        return diff <= Math.abs(1e-6 * b) || diff <= Math.abs(1e-6 * a) || diff <= 1e-6;
    }

    // ------------------------------------------------------------------------------------------
    // Action matrices

    private static List<List<List<Double>>> allActions(
            @Nullable JsonValue value, String prefix, @Nullable Integer expectedActionDim) {
        if (value == null || value instanceof JsonNull) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new ProviderException(prefix + "'all_actions' must be a non-empty list when present.");
        }
        List<List<List<Double>>> out = new ArrayList<>();
        for (int index = 0; index < array.size(); index++) {
            out.add(actionMatrix(array.get(index), prefix + "'all_actions'[" + index + "]", expectedActionDim));
        }
        return out;
    }

    private static List<List<Double>> actionMatrix(
            @Nullable JsonValue value, String name, @Nullable Integer expectedActionDim) {
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new ProviderException(name + " must be a non-empty action matrix.");
        }
        List<List<Double>> rows = new ArrayList<>();
        Integer width = null;
        for (int rowIndex = 0; rowIndex < array.size(); rowIndex++) {
            JsonValue raw = array.get(rowIndex);
            String rowName = name + "[" + rowIndex + "]";
            List<Double> row;
            if (isJsonNumpy(raw)) {
                row = decodeJsonNumpyRow((JsonObject) raw, rowName, expectedActionDim);
            } else if (raw instanceof JsonArray items && !items.isEmpty()) {
                row = null;
            } else {
                throw new ProviderException(rowName + " must be a non-empty action row.");
            }
            int rowWidth = row != null ? row.size() : ((JsonArray) raw).size();
            if (width == null) {
                width = rowWidth;
                if (expectedActionDim != null && width.intValue() != expectedActionDim) {
                    throw new ProviderException(
                            name + " action_dim must be " + expectedActionDim + "; got " + width + ".");
                }
            } else if (rowWidth != width) {
                throw new ProviderException(name + " must be rectangular.");
            }
            if (row == null) {
                JsonArray items = (JsonArray) raw;
                row = new ArrayList<>(items.size());
                for (int column = 0; column < items.size(); column++) {
                    row.add(finiteNumber(items.get(column), rowName + "[" + column + "]"));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static boolean isJsonNumpy(@Nullable JsonValue value) {
        return value instanceof JsonObject object && object.has(JSON_NUMPY_DATA_FIELD);
    }

    private static List<Integer> jsonNumpyShape(JsonObject value, String name) {
        if (!(value.get("shape") instanceof JsonArray shape)) {
            throw new ProviderException(name + ".shape must be a list of non-negative integers.");
        }
        List<Integer> out = new ArrayList<>();
        for (int index = 0; index < shape.size(); index++) {
            if (!(shape.get(index) instanceof JsonInt item)
                    || item.value().signum() < 0
                    || !item.fitsLong()
                    || item.longValue() > Integer.MAX_VALUE) {
                throw new ProviderException(name + ".shape[" + index + "] must be a non-negative integer.");
            }
            out.add((int) item.longValue());
        }
        return out;
    }

    private static List<Double> decodeJsonNumpyRow(JsonObject value, String name, @Nullable Integer expectedActionDim) {
        List<Integer> shape = jsonNumpyShape(value, name);
        if (shape.size() != 1) {
            throw new ProviderException(name + " must be a 1-D encoded numpy action row.");
        }
        int count = shape.get(0);
        if (expectedActionDim != null && count != expectedActionDim) {
            throw new ProviderException(name + " action_dim must be " + expectedActionDim + "; got " + count + ".");
        }
        if (count > MAX_JSON_NUMPY_ACTION_ELEMENTS) {
            throw new ProviderException(
                    name + " encoded action row exceeds " + MAX_JSON_NUMPY_ACTION_ELEMENTS + " elements.");
        }
        if (!(value.get("dtype") instanceof JsonString dtypeText)
                || dtypeText.value().isBlank()) {
            throw new ProviderException(name + ".dtype must be a non-empty string.");
        }
        if (count <= 0) {
            throw new ProviderException(name + " must encode a non-empty action row.");
        }
        if (!(value.get(JSON_NUMPY_DATA_FIELD) instanceof JsonString data)
                || data.value().isEmpty()) {
            throw new ProviderException(name + "." + JSON_NUMPY_DATA_FIELD + " must be a non-empty string.");
        }
        byte[] bytes = strictBase64(data.value(), name);
        String dtype = dtypeText.value().strip().toLowerCase(Locale.ROOT);
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        char first = dtype.charAt(0);
        if (first == '<' || first == '>' || first == '=' || first == '|') {
            order = first == '<'
                    ? ByteOrder.LITTLE_ENDIAN
                    : first == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.nativeOrder();
            dtype = dtype.substring(1);
        }
        int itemSize;
        if (dtype.equals("f8") || dtype.equals("float64")) {
            itemSize = 8;
        } else if (dtype.equals("f4") || dtype.equals("float32")) {
            itemSize = 4;
        } else {
            throw new ProviderException(name + ".dtype must be float32 or float64 encoded numpy data.");
        }
        long expected = (long) count * itemSize;
        if (bytes.length != expected) {
            throw new ProviderException(name + " byte length must match shape and dtype; expected " + expected
                    + ", got " + bytes.length + ".");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
        List<Double> row = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            double number = itemSize == 8 ? buffer.getDouble() : buffer.getFloat();
            if (!Double.isFinite(number)) {
                throw new WorldForgeException(name + "[" + index + "] must be a finite number.");
            }
            row.add(number);
        }
        return row;
    }

    private static byte[] strictBase64(String text, String name) {
        // Python's b64decode(validate=True): only the alphabet, at most two trailing '=', and
        // complete 4-character groups (Java's decoder alone would accept missing padding).
        if (!STRICT_BASE64.matcher(text).matches() || text.length() % 4 != 0) {
            throw new ProviderException(name + "." + JSON_NUMPY_DATA_FIELD + " is not valid base64.");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(name + "." + JSON_NUMPY_DATA_FIELD + " is not valid base64.", e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Numbers

    private static double finiteNumber(@Nullable JsonValue value, String name) {
        double number;
        if (value instanceof JsonInt i) {
            number = i.doubleValue();
        } else if (value instanceof JsonFloat f) {
            number = f.value();
        } else {
            throw new WorldForgeException(name + " must be a finite number.");
        }
        if (!Double.isFinite(number)) {
            throw new WorldForgeException(name + " must be a finite number.");
        }
        return number;
    }

    private static @Nullable Double optionalFloat(@Nullable JsonValue value, String name) {
        return value == null || value instanceof JsonNull ? null : finiteNumber(value, name);
    }

    private static List<Double> optionalFloatList(@Nullable JsonValue value, String name) {
        if (value == null || value instanceof JsonNull) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new ProviderException(name + " must be a list when present.");
        }
        List<Double> out = new ArrayList<>();
        for (int index = 0; index < array.size(); index++) {
            out.add(finiteNumber(array.get(index), name + "[" + index + "]"));
        }
        return out;
    }

    private static JsonArray nestedFloatLists(@Nullable JsonValue value, String name) {
        if (value == null || value instanceof JsonNull) {
            return JsonArray.EMPTY;
        }
        if (!(value instanceof JsonArray array)) {
            throw new ProviderException(name + " must be a list when present.");
        }
        List<JsonValue> out = new ArrayList<>();
        for (int index = 0; index < array.size(); index++) {
            out.add(floats(optionalFloatList(array.get(index), name + "[" + index + "]")));
        }
        return JsonArray.copyOf(out);
    }

    // ------------------------------------------------------------------------------------------
    // Shapes and summaries

    private static List<Integer> boundedShape(@Nullable JsonValue value, int depth) {
        if (depth >= SUMMARY_MAX_DEPTH) {
            return List.of();
        }
        if (isJsonNumpy(value)) {
            return jsonNumpyShape((JsonObject) value, "encoded numpy payload");
        }
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        if (array.isEmpty()) {
            return List.of(0);
        }
        List<Integer> shape = new ArrayList<>();
        shape.add(array.size());
        shape.addAll(boundedShape(array.get(0), depth + 1));
        return shape;
    }

    private static JsonObject summarizePrediction(JsonValue value, int depth) {
        if (depth >= SUMMARY_MAX_DEPTH) {
            return JsonObject.of("truncated", JsonBool.TRUE);
        }
        if (isJsonNumpy(value)) {
            return JsonObject.of("shape", shapeJson(boundedShape(value, 0)));
        }
        if (value instanceof JsonObject object) {
            List<String> keys = new ArrayList<>(new TreeSet<>(object.keys()));
            JsonObject.Builder summary = JsonObject.builder();
            for (String key : keys.subList(0, Math.min(keys.size(), SUMMARY_MAX_KEYS))) {
                summary.put(key, summarizePrediction(Objects.requireNonNull(object.get(key)), depth + 1));
            }
            if (keys.size() > SUMMARY_MAX_KEYS) {
                summary.put("truncated_keys", JsonInt.of(keys.size() - SUMMARY_MAX_KEYS));
            }
            return summary.build();
        }
        return JsonObject.of("shape", shapeJson(boundedShape(value, 0)));
    }

    private static JsonArray shapeJson(List<Integer> shape) {
        List<JsonValue> out = new ArrayList<>(shape.size());
        shape.forEach(d -> out.add(JsonInt.of(d)));
        return JsonArray.copyOf(out);
    }

    private static JsonArray floats(List<Double> values) {
        List<JsonValue> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(JsonFloat.of(v)));
        return JsonArray.copyOf(out);
    }

    private static JsonArray matrixJson(List<List<Double>> matrix) {
        List<JsonValue> rows = new ArrayList<>(matrix.size());
        matrix.forEach(row -> rows.add(floats(row)));
        return JsonArray.copyOf(rows);
    }
}
