package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * A point in world coordinates (metres by convention). Immutable and thread-safe.
 *
 * @param x finite x coordinate
 * @param y finite y coordinate
 * @param z finite z coordinate
 */
public record Position(double x, double y, double z) {
    /** The origin. */
    public static final Position ORIGIN = new Position(0.0, 0.0, 0.0);

    /** Validates that every coordinate is finite. */
    public Position {
        Checks.finite(x, "Position.x");
        Checks.finite(y, "Position.y");
        Checks.finite(z, "Position.z");
    }

    /** Factory for {@code new Position(x, y, z)}. */
    public static Position of(double x, double y, double z) {
        return new Position(x, y, z);
    }

    /** Euclidean distance to {@code other}. */
    public double distanceTo(Position other) {
        double dx = x - other.x;
        double dy = y - other.y;
        double dz = z - other.z;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** This position moved by {@code (dx, dy, dz)}. */
    public Position plus(double dx, double dy, double dz) {
        return new Position(x + dx, y + dy, z + dz);
    }

    /** {@code {"x":…,"y":…,"z":…}}. */
    public JsonObject toJson() {
        return JsonObject.builder(3)
                .put("x", JsonFloat.of(x))
                .put("y", JsonFloat.of(y))
                .put("z", JsonFloat.of(z))
                .build();
    }

    /** Decodes {@code {"x","y","z"}}; every coordinate is required. */
    public static Position fromJson(@Nullable JsonValue payload) {
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException("Position payload must be a JSON object.");
        }
        double[] coordinates = new double[3];
        String[] keys = {"x", "y", "z"};
        for (int i = 0; i < 3; i++) {
            JsonValue value = object.get(keys[i]);
            if (value == null) {
                throw new WorldForgeException("Position payload is missing coordinate '" + keys[i] + "'.");
            }
            coordinates[i] = JsonReads.toDouble(value, "Position." + keys[i]);
        }
        return new Position(coordinates[0], coordinates[1], coordinates[2]);
    }
}
