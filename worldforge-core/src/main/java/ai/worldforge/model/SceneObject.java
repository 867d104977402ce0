package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.Ids;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * An object in a world's scene. Immutable and thread-safe; updates produce new instances, which
 * lets every history snapshot share unchanged objects.
 *
 * <p>Like the reference, only the position of the pose is stored: serialisation always writes
 * the identity rotation and an input rotation is dropped. The bounding box need not contain the
 * position.
 *
 * @param id stripped, non-blank identifier (unique within a world)
 * @param name stripped, non-blank display name
 * @param position where the object is
 * @param bbox its bounding box
 * @param graspable whether a robot may pick it up
 * @param metadata JSON metadata with finite numbers only
 */
public record SceneObject(
        String id, String name, Position position, BBox bbox, boolean graspable, JsonObject metadata) {

    /** Validates in the reference's order and strips the name and id. */
    public SceneObject {
        if (name == null || name.isBlank()) {
            throw new WorldForgeException("SceneObject name must be a non-empty string.");
        }
        if (position == null) {
            throw new WorldForgeException("SceneObject position must be a Position.");
        }
        if (bbox == null) {
            throw new WorldForgeException("SceneObject bbox must be a BBox.");
        }
        if (id == null || id.isBlank()) {
            throw new WorldForgeException("SceneObject id must be a non-empty string.");
        }
        if (metadata == null) {
            throw new WorldForgeException("SceneObject metadata must be a JSON object.");
        }
        name = name.strip();
        id = id.strip();
        Checks.jsonObject(metadata, "SceneObject metadata");
    }

    /** A non-graspable object without metadata and with a fresh {@code obj_} id. */
    public static SceneObject create(String name, Position position, BBox bbox) {
        return new SceneObject(Ids.generate("obj"), name, position, bbox, false, JsonObject.EMPTY);
    }

    /** A non-graspable object without metadata. */
    public static SceneObject of(String id, String name, Position position, BBox bbox) {
        return new SceneObject(id, name, position, bbox, false, JsonObject.EMPTY);
    }

    /** The pose: this position with the identity rotation. */
    public Pose pose() {
        return Pose.of(position);
    }

    /** A copy with another id. */
    public SceneObject withId(String newId) {
        return new SceneObject(newId, name, position, bbox, graspable, metadata);
    }

    /** A copy with another name. */
    public SceneObject withName(String newName) {
        return new SceneObject(id, newName, position, bbox, graspable, metadata);
    }

    /** A copy moved to {@code newPosition} without touching the bounding box. */
    public SceneObject withPosition(Position newPosition) {
        return new SceneObject(id, name, newPosition, bbox, graspable, metadata);
    }

    /** A copy with another graspable flag. */
    public SceneObject withGraspable(boolean newGraspable) {
        return new SceneObject(id, name, position, bbox, newGraspable, metadata);
    }

    /** A copy with other metadata. */
    public SceneObject withMetadata(JsonObject newMetadata) {
        return new SceneObject(id, name, position, bbox, graspable, newMetadata);
    }

    /**
     * Applies a patch: name, then position (the bounding box is translated by the position
     * delta), then graspable.
     */
    public SceneObject apply(SceneObjectPatch patch) {
        SceneObject result = this;
        if (patch.name().isPresent()) {
            result = result.withName(patch.name().get());
        }
        if (patch.position().isPresent()) {
            Position target = patch.position().get();
            double dx = target.x() - position.x();
            double dy = target.y() - position.y();
            double dz = target.z() - position.z();
            result = new SceneObject(
                    result.id,
                    result.name,
                    target,
                    result.bbox.translate(dx, dy, dz),
                    result.graspable,
                    result.metadata);
        }
        if (patch.graspable().isPresent()) {
            result = result.withGraspable(patch.graspable().get());
        }
        return result;
    }

    /** {@code {id, name, pose:{position, rotation}, bbox, is_graspable, metadata}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("id", JsonString.of(id))
                .put("name", JsonString.of(name))
                .put("pose", pose().toJson())
                .put("bbox", bbox.toJson())
                .put("is_graspable", JsonBool.of(graspable))
                .put("metadata", metadata)
                .build();
    }

    /** Decodes an object, inventing an {@code obj_} id when {@code id} is absent or empty. */
    public static SceneObject fromJson(@Nullable JsonValue payload) {
        return fromJson(payload, null);
    }

    /**
     * Decodes an object. The pose comes from {@code pose}, else the legacy {@code position}; the id
     * from {@code id}, else {@code defaultId}, else a fresh {@code obj_} id.
     */
    public static SceneObject fromJson(@Nullable JsonValue payload, @Nullable String defaultId) {
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException("SceneObject payload must be a JSON object.");
        }
        Position position;
        JsonValue pose = object.get("pose");
        if (pose != null) {
            position = Pose.fromJson(pose).position();
        } else if (object.has("position")) {
            position = Position.fromJson(object.get("position"));
        } else {
            throw new WorldForgeException("SceneObject payload is missing 'pose'.");
        }
        JsonValue idValue = object.get("id");
        String id = JsonReads.truthy(idValue)
                ? JsonReads.toStr(idValue)
                : (defaultId != null ? defaultId : Ids.generate("obj"));
        JsonValue name = object.get("name");
        if (name == null) {
            throw new WorldForgeException("SceneObject payload is missing 'name'.");
        }
        if (!(name instanceof JsonString nameText)) {
            throw new WorldForgeException("SceneObject name must be a non-empty string.");
        }
        if (!object.has("bbox")) {
            throw new WorldForgeException("SceneObject payload is missing 'bbox'.");
        }
        BBox bbox = BBox.fromJson(object.get("bbox"));
        JsonValue graspable = object.get("is_graspable");
        boolean isGraspable = false;
        if (graspable != null) {
            if (!(graspable instanceof JsonBool flag)) {
                throw new WorldForgeException("SceneObject is_graspable must be a boolean.");
            }
            isGraspable = flag.value();
        }
        JsonValue metadata = object.get("metadata");
        if (metadata == null) {
            metadata = JsonObject.EMPTY;
        }
        if (!(metadata instanceof JsonObject meta)) {
            throw new WorldForgeException("SceneObject metadata must be a JSON object.");
        }
        return new SceneObject(id, nameText.value(), position, bbox, isGraspable, meta);
    }

    /** Changes as the reference records them in {@code update_object} history entries. */
    static JsonObject changesOf(SceneObjectPatch patch) {
        JsonObject.Builder changes = JsonObject.builder();
        patch.name().ifPresent(n -> changes.put("name", JsonString.of(n)));
        patch.position().ifPresent(p -> changes.put("position", p.toJson()));
        patch.graspable().ifPresent(g -> changes.put("is_graspable", JsonBool.of(g)));
        return changes.build();
    }
}
