package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.StorageIds;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a world without its history: identity, step, scene objects in insertion order and
 * metadata. This is what providers receive and return, and what every history entry stores.
 * Immutable and thread-safe; scene objects are shared between snapshots.
 */
public final class WorldState {
    /** The persisted schema version WorldForge reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    private final String id;
    private final String name;
    private final String provider;
    private final String description;
    private final long step;
    private final Map<String, SceneObject> objects;
    private final JsonObject metadata;

    private WorldState(
            String id,
            String name,
            String provider,
            String description,
            long step,
            Map<String, SceneObject> objects,
            JsonObject metadata) {
        this.id = id;
        this.name = name;
        this.provider = provider;
        this.description = description;
        this.step = step;
        this.objects = objects;
        this.metadata = metadata;
    }

    /**
     * Creates a validated snapshot.
     *
     * @param id file-safe world id
     * @param name non-blank name (stripped)
     * @param provider non-blank provider name (stripped)
     * @param description free text
     * @param step non-negative step counter
     * @param objects scene objects keyed by their ids, in scene order (copied)
     * @param metadata JSON metadata
     */
    public static WorldState of(
            String id,
            String name,
            String provider,
            String description,
            long step,
            Map<String, SceneObject> objects,
            JsonObject metadata) {
        String safeId = StorageIds.require(id, "world_id");
        String cleanName = Checks.nonBlank(name, "World name must not be empty.");
        String cleanProvider = Checks.nonBlank(provider, "World provider must be a non-empty string.");
        Checks.nonNegativeInt(step, "step");
        Objects.requireNonNull(description, "description");
        LinkedHashMap<String, SceneObject> copy = new LinkedHashMap<>(Math.max(4, objects.size() * 2));
        for (Map.Entry<String, SceneObject> entry : objects.entrySet()) {
            if (!entry.getKey().equals(entry.getValue().id())) {
                throw new WorldForgeException("Scene object key '" + entry.getKey() + "' does not match embedded id '"
                        + entry.getValue().id() + "'.");
            }
            copy.put(entry.getKey(), entry.getValue());
        }
        return new WorldState(
                safeId,
                cleanName,
                cleanProvider,
                description,
                step,
                Collections.unmodifiableMap(copy),
                Checks.jsonObject(metadata, "World metadata"));
    }

    /** Builds from an already validated, owned, insertion-ordered map (no copy). */
    static WorldState trusted(
            String id,
            String name,
            String provider,
            String description,
            long step,
            Map<String, SceneObject> ownedObjects,
            JsonObject metadata) {
        return new WorldState(
                id, name, provider, description, step, Collections.unmodifiableMap(ownedObjects), metadata);
    }

    /** World id. */
    public String id() {
        return id;
    }

    /** World name. */
    public String name() {
        return name;
    }

    /** Provider the world is bound to. */
    public String provider() {
        return provider;
    }

    /** Description. */
    public String description() {
        return description;
    }

    /** Step counter. */
    public long step() {
        return step;
    }

    /** Scene objects keyed by id, in scene order (unmodifiable). */
    public Map<String, SceneObject> objects() {
        return objects;
    }

    /** Scene objects in scene order. */
    public Collection<SceneObject> sceneObjects() {
        return objects.values();
    }

    /** The object with {@code objectId}, or {@code null}. */
    public @Nullable SceneObject object(String objectId) {
        return objects.get(objectId);
    }

    /** Metadata. */
    public JsonObject metadata() {
        return metadata;
    }

    /** A copy with other objects (validated). */
    public WorldState withObjects(Map<String, SceneObject> newObjects) {
        return of(id, name, provider, description, step, newObjects, metadata);
    }

    /** A copy with other metadata. */
    public WorldState withMetadata(JsonObject newMetadata) {
        return new WorldState(
                id, name, provider, description, step, objects, Checks.jsonObject(newMetadata, "World metadata"));
    }

    /** A copy with another step. */
    public WorldState withStep(long newStep) {
        Checks.nonNegativeInt(newStep, "step");
        return new WorldState(id, name, provider, description, newStep, objects, metadata);
    }

    /** A copy with another id, name and metadata (used by import, fork). */
    public WorldState withIdentity(String newId, String newName, JsonObject newMetadata) {
        return new WorldState(
                StorageIds.require(newId, "world_id"),
                Checks.nonBlank(newName, "World name must not be empty."),
                provider,
                description,
                step,
                objects,
                Checks.jsonObject(newMetadata, "World metadata"));
    }

    /** A copy bound to another provider. */
    public WorldState withProvider(String newProvider) {
        return new WorldState(
                id,
                name,
                Checks.nonBlank(newProvider, "World provider must be a non-empty string."),
                description,
                step,
                objects,
                metadata);
    }

    /**
     * The snapshot JSON: {@code schema_version, id, name, provider, description, step,
     * scene:{objects:{…}}, metadata}.
     */
    public JsonObject toJson() {
        JsonObject.Builder sceneObjects = JsonObject.builder();
        for (SceneObject object : objects.values()) {
            sceneObjects.put(object.id(), object.toJson());
        }
        return JsonObject.builder()
                .put("schema_version", JsonInt.of(SCHEMA_VERSION))
                .put("id", JsonString.of(id))
                .put("name", JsonString.of(name))
                .put("provider", JsonString.of(provider))
                .put("description", JsonString.of(description))
                .put("step", JsonInt.of(step))
                .put("scene", JsonObject.of("objects", sceneObjects.build()))
                .put("metadata", metadata)
                .build();
    }

    /** Validates {@code payload} as a world state under the context {@code World state}. */
    public static WorldState fromJson(JsonValue payload) {
        return WorldStateCodec.parse(payload, "World state").state();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof WorldState s
                && step == s.step
                && id.equals(s.id)
                && name.equals(s.name)
                && provider.equals(s.provider)
                && description.equals(s.description)
                && metadata.equals(s.metadata)
                && objects.equals(s.objects)
                && java.util.List.copyOf(objects.keySet()).equals(java.util.List.copyOf(s.objects.keySet()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, provider, description, step, objects, metadata);
    }

    @Override
    public String toString() {
        return "WorldState[id=" + id + ", name=" + name + ", step=" + step + ", objects=" + objects.size() + "]";
    }
}
