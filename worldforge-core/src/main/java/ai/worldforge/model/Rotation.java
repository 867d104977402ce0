package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * A quaternion rotation {@code (w, x, y, z)}; the identity is {@code (1, 0, 0, 0)}. Immutable and
 * thread-safe.
 *
 * @param w finite scalar part
 * @param x finite x component
 * @param y finite y component
 * @param z finite z component
 */
public record Rotation(double w, double x, double y, double z) {
    /** The identity rotation. */
    public static final Rotation IDENTITY = new Rotation(1.0, 0.0, 0.0, 0.0);

    private static final JsonObject IDENTITY_JSON = IDENTITY.toJson();

    /** Validates that every component is finite. */
    public Rotation {
        Checks.finite(w, "Rotation.w");
        Checks.finite(x, "Rotation.x");
        Checks.finite(y, "Rotation.y");
        Checks.finite(z, "Rotation.z");
    }

    /** {@code {"w","x","y","z"}}. */
    public JsonObject toJson() {
        if (IDENTITY_JSON != null && equals(IDENTITY)) {
            return IDENTITY_JSON;
        }
        return JsonObject.builder()
                .put("w", JsonFloat.of(w))
                .put("x", JsonFloat.of(x))
                .put("y", JsonFloat.of(y))
                .put("z", JsonFloat.of(z))
                .build();
    }

    /** Decodes a rotation; absent or {@code null} is the identity and missing keys default. */
    public static Rotation fromJson(@Nullable JsonValue payload) {
        if (payload == null || payload instanceof JsonNull) {
            return IDENTITY;
        }
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException("Rotation payload must be a JSON object when provided.");
        }
        return new Rotation(
                component(object, "w", 1.0),
                component(object, "x", 0.0),
                component(object, "y", 0.0),
                component(object, "z", 0.0));
    }

    private static double component(JsonObject object, String key, double fallback) {
        JsonValue value = object.get(key);
        return value == null ? fallback : JsonReads.toDouble(value, "Rotation." + key);
    }
}
