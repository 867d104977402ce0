package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A position plus a rotation. Immutable and thread-safe.
 *
 * @param position where
 * @param rotation orientation (identity by default)
 */
public record Pose(Position position, Rotation rotation) {
    /** Validates both parts are present. */
    public Pose {
        Objects.requireNonNull(position, "Pose position must be a Position.");
        Objects.requireNonNull(rotation, "Pose rotation must be a Rotation.");
    }

    /** A pose at {@code position} with the identity rotation. */
    public static Pose of(Position position) {
        return new Pose(position, Rotation.IDENTITY);
    }

    /** {@code {"position":…,"rotation":…}}. */
    public JsonObject toJson() {
        return JsonObject.of("position", position.toJson(), "rotation", rotation.toJson());
    }

    /** Decodes a pose; {@code position} is required, {@code rotation} optional. */
    public static Pose fromJson(@Nullable JsonValue payload) {
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException("Pose payload must be a JSON object.");
        }
        if (!object.has("position")) {
            throw new WorldForgeException("Pose payload is missing 'position'.");
        }
        return new Pose(Position.fromJson(object.get("position")), Rotation.fromJson(object.get("rotation")));
    }
}
