package ai.worldforge.internal;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Lenient readers for decoded JSON that follow Python's conversions ({@code float(x)}, {@code
 * str(x)}, {@code bool(x)}) where the reference applies them to persisted payloads.
 */
public final class JsonReads {
    private JsonReads() {}

    /** Python {@code float(value)}: numbers, numeric strings and booleans; else {@code name must be a finite number.}. */
    public static double toDouble(@Nullable JsonValue value, String name) {
        if (value instanceof JsonFloat f) {
            return f.value();
        }
        if (value instanceof JsonInt i) {
            return i.doubleValue();
        }
        if (value instanceof JsonBool b) {
            return b.value() ? 1.0 : 0.0;
        }
        if (value instanceof JsonString s) {
            try {
                return Double.parseDouble(s.value().strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new WorldForgeException(name + " must be a finite number.", e);
            }
        }
        throw new WorldForgeException(name + " must be a finite number.");
    }

    /** Python {@code str(value)} for scalars; containers use canonical JSON text. */
    public static String toStr(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.value();
        }
        if (value instanceof JsonNull) {
            return "None";
        }
        if (value instanceof JsonBool b) {
            return b.value() ? "True" : "False";
        }
        if (value instanceof JsonInt i) {
            return i.value().toString();
        }
        if (value instanceof JsonFloat f) {
            return ai.worldforge.json.Json.formatDouble(f.value());
        }
        return value.toCanonicalJson();
    }

    /** Python truthiness of a decoded JSON value. */
    public static boolean truthy(@Nullable JsonValue value) {
        if (value == null || value instanceof JsonNull) {
            return false;
        }
        if (value instanceof JsonBool b) {
            return b.value();
        }
        if (value instanceof JsonString s) {
            return !s.value().isEmpty();
        }
        if (value instanceof JsonInt i) {
            return i.value().signum() != 0;
        }
        if (value instanceof JsonFloat f) {
            return f.value() != 0.0;
        }
        if (value instanceof ai.worldforge.json.JsonObject o) {
            return !o.isEmpty();
        }
        return !((ai.worldforge.json.JsonArray) value).isEmpty();
    }
}
