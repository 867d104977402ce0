package ai.worldforge.provider.cosmospolicy;

import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.provider.policy.ActionTranslator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Shared builders mirroring the reference's cosmos-policy test helpers. */
final class CosmosPolicyFixtures {
    private CosmosPolicyFixtures() {}

    static double[] rowValues(double seed) {
        double[] values = new double[14];
        for (int i = 0; i < 14; i++) {
            values[i] = seed + i / 100.0;
        }
        return values;
    }

    static JsonArray row(double seed) {
        List<JsonValue> out = new ArrayList<>();
        for (double v : rowValues(seed)) {
            out.add(JsonFloat.of(v));
        }
        return JsonArray.copyOf(out);
    }

    static JsonArray actions(double seed) {
        return JsonArray.of(row(seed), row(seed + 1.0));
    }

    static JsonObject jsonNumpyRow(double seed, String dtype) {
        double[] values = rowValues(seed);
        String normalized = dtype.strip().toLowerCase(java.util.Locale.ROOT);
        boolean f8 = normalized.endsWith("8") || normalized.endsWith("64");
        ByteBuffer buffer = ByteBuffer.allocate(values.length * (f8 ? 8 : 4))
                .order(
                        normalized.startsWith(">")
                                ? ByteOrder.BIG_ENDIAN
                                : normalized.startsWith("=") || normalized.startsWith("|")
                                        ? ByteOrder.nativeOrder()
                                        : ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (f8) {
                buffer.putDouble(v);
            } else {
                buffer.putFloat((float) v);
            }
        }
        return JsonObject.builder()
                .put("__numpy__", Base64.getEncoder().encodeToString(buffer.array()))
                .put("dtype", dtype)
                .put("shape", JsonArray.of(JsonInt.of(14)))
                .build();
    }

    static JsonObject uint8Payload(int... shape) {
        int count = 1;
        List<JsonValue> dims = new ArrayList<>();
        for (int d : shape) {
            count *= d;
            dims.add(JsonInt.of(d));
        }
        return JsonObject.builder()
                .put("__numpy__", Base64.getEncoder().encodeToString(new byte[count]))
                .put("dtype", "|u1")
                .put("shape", JsonArray.copyOf(dims))
                .build();
    }

    static JsonArray image(int value) {
        return JsonArray.of(
                JsonArray.of(JsonArray.of(JsonArray.of(JsonInt.of(value), JsonInt.of(value), JsonInt.of(value)))));
    }

    static JsonObject observation() {
        List<JsonValue> proprio = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            proprio.add(JsonFloat.of(0.0));
        }
        return JsonObject.builder()
                .put("primary_image", image(0))
                .put("left_wrist_image", image(1))
                .put("right_wrist_image", image(2))
                .put("proprio", JsonArray.copyOf(proprio))
                .build();
    }

    static JsonObject policyInfo() {
        return JsonObject.builder()
                .put("observation", observation())
                .put("task_description", "put the candy in the bowl")
                .put("embodiment_tag", "aloha")
                .put("action_horizon", JsonInt.of(2))
                .build();
    }

    private static Action moveTo(JsonValue row) {
        JsonArray values = (JsonArray) row;
        return Action.moveTo(
                ((JsonFloat) values.get(0)).value(),
                ((JsonFloat) values.get(1)).value(),
                ((JsonFloat) values.get(2)).value());
    }

    private static List<Action> plan(JsonValue matrix) {
        List<Action> out = new ArrayList<>();
        for (JsonValue row : (JsonArray) matrix) {
            out.add(moveTo(row));
        }
        return out;
    }

    /** One plan from {@code raw.actions}. */
    static final ActionTranslator TRANSLATOR = (raw, info, providerInfo) -> plan(((JsonObject) raw).get("actions"));

    /** One plan per {@code raw.all_actions} entry (or {@code raw.actions}). */
    static final ActionTranslator CANDIDATE_TRANSLATOR = (raw, info, providerInfo) -> {
        JsonObject object = (JsonObject) raw;
        JsonValue all = object.get("all_actions");
        List<List<Action>> out = new ArrayList<>();
        if (all instanceof JsonArray candidates) {
            candidates.forEach(c -> out.add(plan(c)));
        } else {
            out.add(plan(object.get("actions")));
        }
        return out;
    };

    static JsonObject response(JsonValue actions) {
        return JsonObject.of("actions", actions);
    }

    static JsonString text(String value) {
        return JsonString.of(value);
    }
}
