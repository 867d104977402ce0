package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.internal.StorageIds;
import ai.worldforge.json.CanonicalJsonWriter;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonDepthException;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads and writes persisted world JSON (the reference's {@code World.to_dict()} / {@code
 * from_state} format, schema version 1).
 *
 * <p>Reading validates in the reference's order and reports every failure as a {@link
 * WorldStateException} prefixed with a context such as {@code World state} or {@code Prediction
 * world_state}. Writing streams canonical JSON straight from the typed model; history snapshots
 * share scene objects, so each distinct object is serialised once and its bytes reused. Stateless
 * and thread-safe.
 */
public final class WorldStateCodec {
    private static final List<String> REQUIRED_KEYS = List.of("schema_version", "id", "name", "provider");

    private WorldStateCodec() {}

    /**
     * Validates {@code payload} as a persisted world and builds it. A missing or empty history
     * becomes one {@code world restored} entry at the current step.
     */
    public static WorldRecord restore(JsonValue payload, String context) {
        WorldRecord record = parse(payload, context);
        if (record.history().isEmpty()) {
            WorldState state = record.state();
            return new WorldRecord(state, List.of(HistoryEntry.trusted(state.step(), state, "world restored", null)));
        }
        return record;
    }

    /** Validates {@code payload} as a persisted world without inventing history. */
    public static WorldRecord parse(JsonValue payload, String context) {
        return new Reader().read(payload, context);
    }

    /** Streaming reader state: decoded scene objects are reused by JSON identity. */
    private static final class Reader {
        private final IdentityHashMap<JsonObject, SceneObject> objects = new IdentityHashMap<>();
        private final Map<String, Boolean> checkedActions = new java.util.HashMap<>();

        WorldRecord read(JsonValue payload, String context) {
            if (!(payload instanceof JsonObject state)) {
                throw new WorldStateException(context + " must be a JSON object.");
            }
            TreeSet<String> missing = new TreeSet<>();
            for (String key : REQUIRED_KEYS) {
                if (!state.has(key)) {
                    missing.add(key);
                }
            }
            if (!missing.isEmpty()) {
                throw new WorldStateException(
                        context + " is missing required keys: " + String.join(", ", missing) + ".");
            }
            JsonValue schema = state.get("schema_version");
            if (!(schema instanceof JsonInt version) || version.value().signum() <= 0) {
                throw new WorldStateException(context + " field 'schema_version' must be an integer greater than 0.");
            }
            if (!version.fitsLong() || version.longValue() != WorldState.SCHEMA_VERSION) {
                throw new WorldStateException(context + " field 'schema_version' must be 1.");
            }
            String id = requireText(state.get("id"), context, "id");
            if (!StorageIds.isFileSafe(id.strip())) {
                throw new WorldStateException(context + " field " + StorageIds.fileSafeMessage("'id'"));
            }
            if (id.strip().length() > StorageIds.MAX_LENGTH) {
                throw new WorldStateException(context + " field " + StorageIds.tooLongMessage("'id'"));
            }
            String name = requireText(state.get("name"), context, "name");
            String provider = requireText(state.get("provider"), context, "provider");
            String description = "";
            JsonValue descriptionValue = state.get("description");
            if (descriptionValue != null && !(descriptionValue instanceof JsonNull)) {
                if (!(descriptionValue instanceof JsonString text)) {
                    throw new WorldStateException(context + " field 'description' must be a string.");
                }
                description = text.value();
            }
            LinkedHashMap<String, SceneObject> sceneObjects = readScene(state.get("scene"), context);
            JsonObject metadata = readMetadata(state.get("metadata"), context);
            JsonValue historyValue = state.get("history");
            JsonArray history = JsonArray.EMPTY;
            if (historyValue != null) {
                if (!(historyValue instanceof JsonArray list)) {
                    throw new WorldStateException(context + " field 'history' must be a JSON array.");
                }
                history = list;
            }
            long step = readStep(state.get("step"), context);
            WorldState snapshot = WorldState.trusted(
                    id.strip(), name.strip(), provider.strip(), description, step, sceneObjects, metadata);
            List<HistoryEntry> entries = new ArrayList<>(history.size());
            for (int i = 0; i < history.size(); i++) {
                entries.add(readHistoryEntry(history.get(i), context, i, step));
            }
            return new WorldRecord(snapshot, entries);
        }

        private static String requireText(
                @org.jspecify.annotations.Nullable JsonValue value, String context, String field) {
            if (!(value instanceof JsonString text) || text.value().isBlank()) {
                throw new WorldStateException(context + " field '" + field + "' must be a non-empty string.");
            }
            return text.value();
        }

        private LinkedHashMap<String, SceneObject> readScene(
                @org.jspecify.annotations.Nullable JsonValue value, String context) {
            JsonObject scene = JsonObject.EMPTY;
            if (value != null) {
                if (!(value instanceof JsonObject map)) {
                    throw new WorldStateException(context + " field 'scene' must be a JSON object.");
                }
                scene = map;
            }
            JsonValue objectsValue = scene.get("objects");
            JsonObject objectsJson = JsonObject.EMPTY;
            if (objectsValue != null) {
                if (!(objectsValue instanceof JsonObject map)) {
                    throw new WorldStateException(context + " field 'scene.objects' must be a JSON object.");
                }
                objectsJson = map;
            }
            LinkedHashMap<String, SceneObject> result = new LinkedHashMap<>(Math.max(4, objectsJson.size() * 2));
            for (Map.Entry<String, JsonValue> entry : objectsJson.members().entrySet()) {
                String key = entry.getKey();
                if (key.isBlank()) {
                    throw new WorldStateException(context + " scene object keys must be non-empty strings.");
                }
                if (!(entry.getValue() instanceof JsonObject objectJson)) {
                    throw new WorldStateException(context + " scene object '" + key + "' must be a JSON object.");
                }
                JsonValue embedded = objectJson.get("id");
                if (embedded != null && !(embedded instanceof JsonNull)) {
                    String embeddedId = ai.worldforge.internal.JsonReads.toStr(embedded);
                    if (!embeddedId.equals(key)) {
                        throw new WorldStateException(context + " scene object key '" + key
                                + "' does not match embedded id '" + embeddedId + "'.");
                    }
                }
                SceneObject object = objects.get(objectJson);
                if (object == null || !object.id().equals(key)) {
                    try {
                        object = SceneObject.fromJson(objectJson, key);
                    } catch (WorldForgeException e) {
                        throw new WorldStateException(
                                context + " scene object '" + key + "' is invalid: " + e.getMessage(), e);
                    }
                    if (!object.id().equals(key)) {
                        // An id that strips to something else cannot key the scene map.
                        throw new WorldStateException(context + " scene object key '" + key
                                + "' does not match embedded id '" + object.id() + "'.");
                    }
                    objects.put(objectJson, object);
                }
                result.put(key, object);
            }
            return result;
        }

        private static JsonObject readMetadata(@org.jspecify.annotations.Nullable JsonValue value, String context) {
            if (value == null) {
                return JsonObject.EMPTY;
            }
            try {
                return ai.worldforge.internal.Checks.jsonObject(value, context + " field 'metadata'");
            } catch (WorldForgeException e) {
                throw new WorldStateException(e.getMessage(), e);
            }
        }

        private static long readStep(@org.jspecify.annotations.Nullable JsonValue value, String context) {
            if (value == null || value instanceof JsonNull) {
                return 0;
            }
            if (!(value instanceof JsonInt step) || step.value().signum() < 0 || !step.fitsLong()) {
                throw new WorldStateException(context + " field 'step' must be an integer greater than or equal to 0.");
            }
            return step.longValue();
        }

        private HistoryEntry readHistoryEntry(JsonValue value, String context, int index, long currentStep) {
            String where = context + " history[" + index + "]";
            if (!(value instanceof JsonObject entry)) {
                throw new WorldStateException(where + " must be a JSON object.");
            }
            long step;
            String summary;
            String actionJson;
            try {
                if (!entry.has("step") || !entry.has("state")) {
                    throw new WorldForgeException("HistoryEntry payload requires 'step' and 'state'.");
                }
                if (!(entry.get("step") instanceof JsonInt stepValue) || !stepValue.fitsLong()) {
                    throw new WorldForgeException("HistoryEntry step must be an integer greater than or equal to 0.");
                }
                step = ai.worldforge.internal.Checks.nonNegativeInt(stepValue.longValue(), "HistoryEntry step");
                if (!(entry.get("state") instanceof JsonObject)) {
                    throw new WorldForgeException("HistoryEntry state must be a JSON object.");
                }
                JsonValue summaryValue = entry.get("summary");
                summary = summaryValue instanceof JsonString s ? s.value() : "";
                if (summary.isBlank()) {
                    throw new WorldForgeException("HistoryEntry summary must be a non-empty string.");
                }
                summary = summary.strip();
                actionJson = readActionJson(entry.get("action_json"));
            } catch (WorldForgeException e) {
                throw new WorldStateException(where + " is invalid: " + e.getMessage(), e);
            }
            if (step > currentStep) {
                throw new WorldStateException(where + " step must not be greater than current step.");
            }
            WorldState state;
            try {
                state = read(entry.get("state"), where + ".state").state();
            } catch (WorldStateException e) {
                throw new WorldStateException(where + " has invalid state: " + e.getMessage(), e);
            }
            return HistoryEntry.trusted(step, state, summary, actionJson);
        }

        private @org.jspecify.annotations.Nullable String readActionJson(
                @org.jspecify.annotations.Nullable JsonValue value) {
            if (value == null || value instanceof JsonNull) {
                return null;
            }
            if (!(value instanceof JsonString text) || text.value().isBlank()) {
                throw new WorldForgeException("HistoryEntry action_json must be valid JSON.");
            }
            String json = text.value();
            if (checkedActions.containsKey(json)) {
                return json;
            }
            try {
                Action.fromJson(json);
            } catch (WorldForgeException e) {
                throw new WorldForgeException("HistoryEntry action_json must be valid JSON.", e);
            }
            checkedActions.put(json, Boolean.TRUE);
            return json;
        }
    }

    /** The snapshot plus history as a JSON tree (prefer {@link #write} for large worlds). */
    public static JsonObject toJson(WorldRecord record) {
        List<JsonValue> history = new ArrayList<>(record.history().size());
        for (HistoryEntry entry : record.history()) {
            history.add(entry.toJson());
        }
        return record.state().toJson().with("history", JsonArray.copyOf(history));
    }

    /**
     * Streams the canonical JSON of {@code record} (identical bytes to {@code
     * Json.write(toJson(record))}) without building a tree.
     */
    public static void write(WorldRecord record, CanonicalJsonWriter out) throws IOException {
        new Writer(out).world(record);
    }

    /** Streams {@code {"schema_version":1,"state":<world>}}, the reference's export envelope. */
    public static void writeExport(WorldRecord record, CanonicalJsonWriter out) throws IOException {
        out.writeAscii('{');
        out.writeKey("schema_version");
        out.writeLong(WorldState.SCHEMA_VERSION);
        out.writeAscii(',');
        out.writeKey("state");
        write(record, out);
        out.writeAscii('}');
    }

    /** Serialises a record to canonical bytes. */
    public static byte[] toBytes(WorldRecord record) {
        return CanonicalJsonWriter.toBytes(out -> {
            try {
                write(record, out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Writes keys in sorted order and memoises the bytes of shared scene objects. */
    private static final class Writer {
        private final CanonicalJsonWriter out;
        private final IdentityHashMap<SceneObject, byte[]> objectBytes = new IdentityHashMap<>();
        private final IdentityHashMap<JsonObject, byte[]> metadataBytes = new IdentityHashMap<>();

        Writer(CanonicalJsonWriter out) {
            this.out = out;
        }

        void world(WorldRecord record) throws IOException {
            // Sorted keys: description, history, id, metadata, name, provider, scene, schema_version, step.
            WorldState state = record.state();
            out.writeAscii('{');
            out.writeKey("description");
            out.writeString(state.description());
            out.writeAscii(',');
            out.writeKey("history");
            out.writeAscii('[');
            boolean first = true;
            for (HistoryEntry entry : record.history()) {
                if (!first) {
                    out.writeAscii(',');
                }
                first = false;
                historyEntry(entry);
            }
            out.writeAscii(']');
            out.writeAscii(',');
            snapshotTail(state);
        }

        void snapshot(WorldState state) throws IOException {
            out.writeAscii('{');
            out.writeKey("description");
            out.writeString(state.description());
            out.writeAscii(',');
            snapshotTail(state);
        }

        /** Everything after {@code description} (and {@code history}) up to the closing brace. */
        private void snapshotTail(WorldState state) throws IOException {
            out.writeKey("id");
            out.writeString(state.id());
            out.writeAscii(',');
            out.writeKey("metadata");
            metadata(state.metadata());
            out.writeAscii(',');
            out.writeKey("name");
            out.writeString(state.name());
            out.writeAscii(',');
            out.writeKey("provider");
            out.writeString(state.provider());
            out.writeAscii(',');
            out.writeKey("scene");
            out.writeAscii('{');
            out.writeKey("objects");
            sceneObjects(state.objects());
            out.writeAscii('}');
            out.writeAscii(',');
            out.writeKey("schema_version");
            out.writeLong(WorldState.SCHEMA_VERSION);
            out.writeAscii(',');
            out.writeKey("step");
            out.writeLong(state.step());
            out.writeAscii('}');
        }

        private void historyEntry(HistoryEntry entry) throws IOException {
            // Sorted keys: action_json, state, step, summary.
            out.writeAscii('{');
            out.writeKey("action_json");
            if (entry.actionJson().isPresent()) {
                out.writeString(entry.actionJson().get());
            } else {
                out.writeRaw(NULL);
            }
            out.writeAscii(',');
            out.writeKey("state");
            snapshot(entry.state());
            out.writeAscii(',');
            out.writeKey("step");
            out.writeLong(entry.step());
            out.writeAscii(',');
            out.writeKey("summary");
            out.writeString(entry.summary());
            out.writeAscii('}');
        }

        private void metadata(JsonObject metadata) throws IOException {
            if (metadata.isEmpty()) {
                out.writeRaw(EMPTY_OBJECT);
                return;
            }
            byte[] bytes = metadataBytes.get(metadata);
            if (bytes == null) {
                checkNesting(metadata, WORLD_METADATA_LEVELS, "world metadata");
                bytes = CanonicalJsonWriter.toBytes(w -> w.writeValue(metadata));
                metadataBytes.put(metadata, bytes);
            }
            out.writeRaw(bytes);
        }

        private void sceneObjects(Map<String, SceneObject> objects) throws IOException {
            out.writeAscii('{');
            String[] keys = objects.keySet().toArray(new String[0]);
            Arrays.sort(keys);
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) {
                    out.writeAscii(',');
                }
                out.writeKey(keys[i]);
                SceneObject object = objects.get(keys[i]);
                byte[] bytes = objectBytes.get(object);
                if (bytes == null) {
                    checkNesting(
                            object.metadata(), OBJECT_METADATA_LEVELS, "scene object '" + object.id() + "' metadata");
                    bytes = CanonicalJsonWriter.toBytes(w -> w.writeValue(object.toJson()));
                    objectBytes.put(object, bytes);
                }
                out.writeRaw(bytes);
            }
            out.writeAscii('}');
        }

        /**
         * Refuses to write a world whose file or export could not be parsed back: {@code value}
         * sits {@code levels} containers deep at most (export envelope, history entry, snapshot,
         * scene and objects included), and the whole document may nest {@link Json#MAX_DEPTH}.
         */
        private static void checkNesting(JsonObject value, int levels, String what) {
            int total = levels + value.depth();
            if (total > Json.MAX_DEPTH) {
                throw new JsonDepthException(what + " nests " + value.depth() + " levels deep; a saved world"
                        + " and its export would nest " + total + " levels, over the limit of " + Json.MAX_DEPTH
                        + ". Flatten the metadata.");
            }
        }

        /** Containers around world metadata in the deepest place it is written (an export's history snapshot). */
        private static final int WORLD_METADATA_LEVELS = 5;

        /** Containers around scene-object metadata in the deepest place it is written. */
        private static final int OBJECT_METADATA_LEVELS = 8;

        private static final byte[] NULL = {'n', 'u', 'l', 'l'};
        private static final byte[] EMPTY_OBJECT = {'{', '}'};
    }
}
