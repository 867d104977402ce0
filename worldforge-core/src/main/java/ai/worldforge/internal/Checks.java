package ai.worldforge.internal;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Argument validators shared by the model. Each throws {@link WorldForgeException} with the
 * reference implementation's message for the same failure.
 */
public final class Checks {
    private Checks() {}

    /** {@code name must be a finite number.} unless {@code value} is finite. */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new WorldForgeException(name + " must be a finite number.");
        }
        return value;
    }

    /** {@code name must be an integer greater than 0.} unless {@code value > 0}. */
    public static long positiveInt(long value, String name) {
        if (value <= 0) {
            throw new WorldForgeException(name + " must be an integer greater than 0.");
        }
        return value;
    }

    /** {@code name must be an integer greater than or equal to 0.} unless {@code value >= 0}. */
    public static long nonNegativeInt(long value, String name) {
        if (value < 0) {
            throw new WorldForgeException(name + " must be an integer greater than or equal to 0.");
        }
        return value;
    }

    /** {@code name must be between 0 and 1.} unless {@code value} is finite and in [0, 1]. */
    public static double probability(double value, String name) {
        if (!Double.isFinite(value) || value < 0.0 || value > 1.0) {
            throw new WorldForgeException(name + " must be between 0 and 1.");
        }
        return value;
    }

    /** Finite and {@code >= 0}; {@code message} otherwise. */
    public static double nonNegative(double value, String name) {
        finite(value, name);
        if (value < 0.0) {
            throw new WorldForgeException(name + " must be greater than or equal to 0.");
        }
        return value;
    }

    /** The stripped text; {@code message} when it is blank. */
    public static String nonBlank(@Nullable String value, String message) {
        if (value == null || value.isBlank()) {
            throw new WorldForgeException(message);
        }
        return value.strip();
    }

    /**
     * Validates that a JSON object holds only finite numbers, naming the first offender like the
     * reference: {@code name.key must be a finite number.}, list items as {@code name[]}.
     */
    public static JsonObject jsonObject(JsonValue value, String name) {
        if (!(value instanceof JsonObject object)) {
            throw new WorldForgeException(name + " must be a JSON object.");
        }
        if (!object.allNumbersFinite()) {
            // Only a failing value pays for building the offender's dotted name.
            for (Map.Entry<String, JsonValue> entry : object.members().entrySet()) {
                checkFinite(entry.getValue(), name + "." + entry.getKey());
            }
        }
        return object;
    }

    private static void checkFinite(JsonValue value, String name) {
        if (value instanceof JsonFloat f && !f.isFinite()) {
            throw new WorldForgeException(name + " must be a finite number.");
        } else if (value instanceof JsonObject o) {
            jsonObject(o, name);
        } else if (value instanceof JsonArray a) {
            for (JsonValue item : a) {
                checkFinite(item, name + "[]");
            }
        }
    }

    /**
     * Converts plain Java data (maps with string keys, lists, strings, numbers, booleans, null,
     * {@link JsonValue}s) into a JSON object, with the reference's messages for anything else.
     */
    public static JsonObject jsonObjectFromJava(@Nullable Object value, String name) {
        if (value instanceof JsonValue json) {
            return jsonObject(json, name);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new WorldForgeException(name + " must be a JSON object.");
        }
        return (JsonObject) fromJava(map, name);
    }

    /** Converts plain Java data into a JSON value (see {@link #jsonObjectFromJava}). */
    public static JsonValue fromJava(@Nullable Object value, String name) {
        if (value == null) {
            return ai.worldforge.json.JsonNull.INSTANCE;
        }
        if (value instanceof JsonValue json) {
            if (json instanceof JsonObject o) {
                return jsonObject(o, name);
            }
            checkFinite(json, name);
            return json;
        }
        if (value instanceof String s) {
            return ai.worldforge.json.JsonString.of(s);
        }
        if (value instanceof Boolean b) {
            return ai.worldforge.json.JsonBool.of(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ai.worldforge.json.JsonInt.of(((Number) value).longValue());
        }
        if (value instanceof java.math.BigInteger big) {
            return new ai.worldforge.json.JsonInt(big);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new WorldForgeException(name + " must be a finite number.");
            }
            return JsonFloat.of(d);
        }
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new WorldForgeException(name + " keys must be strings.");
                }
                members.put(key, fromJava(entry.getValue(), name + "." + key));
            }
            return JsonObject.copyOf(members);
        }
        if (value instanceof List<?> list) {
            List<JsonValue> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(fromJava(item, name + "[]"));
            }
            return JsonArray.copyOf(items);
        }
        throw new WorldForgeException(name + " must contain only JSON-compatible values.");
    }
}
