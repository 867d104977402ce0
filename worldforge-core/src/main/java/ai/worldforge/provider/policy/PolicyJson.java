package ai.worldforge.provider.policy;

import ai.worldforge.error.ProviderException;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Conversion of provider-native output (Java maps, lists, arrays, numbers, or JSON values) into
 * JSON, rejecting what JSON cannot carry with the reference's {@link ProviderException} messages:
 * non-finite numbers, blank or non-string keys (keys are stripped), and other objects.
 */
public final class PolicyJson {
    private PolicyJson() {}

    /**
     * A JSON copy of {@code value}: {@code null}, strings and booleans pass; numbers must be finite
     * ({@code <name> must contain only finite numbers.}); maps need non-blank string keys ({@code
     * <name> keys must be non-empty strings.}); lists, collections and arrays become arrays;
     * anything else fails with {@code <name> must be JSON-compatible.}. Nested values are named
     * {@code <name>.<key>} and {@code <name>[<index>]}.
     */
    public static JsonValue jsonCompatible(@Nullable Object value, String name) {
        if (value == null || value instanceof JsonNull) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof JsonString || value instanceof JsonBool || value instanceof JsonInt) {
            return (JsonValue) value;
        }
        if (value instanceof JsonFloat f) {
            return Double.isFinite(f.value()) ? f : fail(name + " must contain only finite numbers.");
        }
        if (value instanceof String s) {
            return JsonString.of(s);
        }
        if (value instanceof Boolean b) {
            return JsonBool.of(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JsonInt.of(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return new JsonInt(big);
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? JsonFloat.of(number) : fail(name + " must contain only finite numbers.");
        }
        if (value instanceof JsonObject object) {
            return object(object.members(), name);
        }
        if (value instanceof Map<?, ?> map) {
            return object(map, name);
        }
        if (value instanceof JsonArray array) {
            return array(array.items(), name);
        }
        if (value instanceof Collection<?> items) {
            return array(items, name);
        }
        if (value.getClass().isArray()) {
            int length = java.lang.reflect.Array.getLength(value);
            List<Object> items = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                items.add(java.lang.reflect.Array.get(value, i));
            }
            return array(items, name);
        }
        throw new ProviderException(name + " must be JSON-compatible.");
    }

    /** {@link #jsonCompatible} that must yield an object ({@code <name> must be a JSON object.}). */
    public static JsonObject jsonObject(@Nullable Object value, String name) {
        JsonValue normalized = jsonCompatible(value, name);
        if (!(normalized instanceof JsonObject object)) {
            throw new ProviderException(name + " must be a JSON object.");
        }
        return object;
    }

    private static JsonValue fail(String message) {
        throw new ProviderException(message);
    }

    private static JsonObject object(Map<?, ?> map, String name) {
        JsonObject.Builder out = JsonObject.builder(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key) || PyStrings.strip(key).isEmpty()) {
                throw new ProviderException(name + " keys must be non-empty strings.");
            }
            out.put(PyStrings.strip(key), jsonCompatible(entry.getValue(), name + "." + key));
        }
        return out.build();
    }

    private static JsonArray array(Collection<?> items, String name) {
        List<JsonValue> out = new ArrayList<>(items.size());
        int index = 0;
        for (Object item : items) {
            out.add(jsonCompatible(item, name + "[" + index + "]"));
            index++;
        }
        return JsonArray.copyOf(out);
    }
}
