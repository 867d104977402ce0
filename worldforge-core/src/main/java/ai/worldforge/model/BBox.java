package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An axis-aligned bounding box. Immutable and thread-safe.
 *
 * @param min lower corner; each coordinate at most the matching {@code max} coordinate
 * @param max upper corner
 */
public record BBox(Position min, Position max) {
    /** Validates {@code min <= max} on every axis. */
    public BBox {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.x() > max.x() || min.y() > max.y() || min.z() > max.z()) {
            throw new WorldForgeException("BBox min coordinates must be less than or equal to max.");
        }
    }

    /** A box of half-extent {@code half} on every axis around {@code center}. */
    public static BBox around(Position center, double half) {
        return new BBox(center.plus(-half, -half, -half), center.plus(half, half, half));
    }

    /** This box moved by {@code (dx, dy, dz)}. */
    public BBox translate(double dx, double dy, double dz) {
        return new BBox(min.plus(dx, dy, dz), max.plus(dx, dy, dz));
    }

    /** {@code {"min":…,"max":…}}. */
    public JsonObject toJson() {
        return JsonObject.of("min", min.toJson(), "max", max.toJson());
    }

    /** Decodes {@code {"min","max"}}. */
    public static BBox fromJson(@Nullable JsonValue payload) {
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException("BBox payload must be a JSON object.");
        }
        for (String key : new String[] {"min", "max"}) {
            if (!object.has(key)) {
                throw new WorldForgeException("BBox payload is missing '" + key + "'.");
            }
        }
        return new BBox(Position.fromJson(object.get("min")), Position.fromJson(object.get("max")));
    }
}
