package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A typed action: a kind ({@code move_to}, {@code spawn_object}, {@code noop}, …) and JSON
 * parameters. Kinds are free strings; the factories build the ones WorldForge interprets.
 * Immutable and thread-safe (the reference's {@code Action} is mutable; nothing in WorldForge
 * mutates one, so this port makes it a value). Its JSON form is built once and kept: planners
 * send the same action to cost models, traces and history many times.
 */
public final class Action {
    private final String kind;
    private final JsonObject parameters;
    // Benign race: every thread computes an equal, immutable value.
    private @Nullable JsonObject json;

    /**
     * Validates and normalises the kind and parameters.
     *
     * @param kind stripped, non-blank kind
     * @param parameters JSON parameters with finite numbers only
     */
    public Action(String kind, JsonObject parameters) {
        this.kind = Checks.nonBlank(kind, "Action kind must be a non-empty string.");
        if (parameters == null) {
            throw new WorldForgeException("Action parameters must be a JSON object.");
        }
        Checks.jsonObject(parameters, "Action parameters");
        this.parameters = parameters;
    }

    /** The stripped, non-blank kind ({@code move_to}, {@code spawn_object}, {@code noop}, …). */
    public String kind() {
        return kind;
    }

    /** The JSON parameters. */
    public JsonObject parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Action action && kind.equals(action.kind) && parameters.equals(action.parameters);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + parameters.hashCode();
    }

    @Override
    public String toString() {
        return "Action[kind=" + kind + ", parameters=" + parameters + "]";
    }

    /** An action without parameters. */
    public static Action of(String kind) {
        return new Action(kind, JsonObject.EMPTY);
    }

    /** An action from plain Java parameters (maps, lists, strings, numbers, booleans). */
    public static Action of(String kind, Map<String, ?> parameters) {
        return new Action(kind, Checks.jsonObjectFromJava(parameters, "Action parameters"));
    }

    /** {@code move_to} at speed 1.0 without an object id. */
    public static Action moveTo(double x, double y, double z) {
        return moveTo(x, y, z, 1.0, null);
    }

    /** {@code move_to} at speed 1.0 for the given object. */
    public static Action moveTo(double x, double y, double z, @Nullable String objectId) {
        return moveTo(x, y, z, 1.0, objectId);
    }

    /** {@code move_to} for the given position. */
    public static Action moveTo(Position target, @Nullable String objectId) {
        return moveTo(target.x(), target.y(), target.z(), 1.0, objectId);
    }

    /**
     * {@code move_to}: parameters {@code {target:{x,y,z}, speed[, object_id]}}.
     *
     * @param speed finite and greater than 0
     * @param objectId optional target object; stripped and non-empty when given
     */
    public static Action moveTo(double x, double y, double z, double speed, @Nullable String objectId) {
        Position target = new Position(x, y, z);
        Checks.finite(speed, "Action.move_to speed");
        if (speed <= 0) {
            throw new WorldForgeException("Action.move_to speed must be greater than 0.");
        }
        JsonObject.Builder parameters =
                JsonObject.builder(3).put("target", target.toJson()).put("speed", JsonFloat.of(speed));
        if (objectId != null) {
            String id = objectId.strip();
            if (id.isEmpty()) {
                throw new WorldForgeException("Action.move_to object_id must not be empty when provided.");
            }
            parameters.put("object_id", JsonString.of(id));
        }
        return new Action("move_to", parameters.build());
    }

    /** {@code spawn_object} at (0, 0.5, 0) with a ±0.05 box. */
    public static Action spawnObject(String name) {
        return spawnObject(name, null, null);
    }

    /**
     * {@code spawn_object}: parameters {@code {name, position, bbox}}; the position defaults to
     * (0, 0.5, 0) and the box to the position ±0.05 on each axis.
     */
    public static Action spawnObject(String name, @Nullable Position position, @Nullable BBox bbox) {
        String stripped = Checks.nonBlank(name, "Action.spawn_object name must be a non-empty string.");
        Position at = position == null ? new Position(0.0, 0.5, 0.0) : position;
        BBox box = bbox == null ? BBox.around(at, 0.05) : bbox;
        return new Action(
                "spawn_object",
                JsonObject.builder()
                        .put("name", JsonString.of(stripped))
                        .put("position", at.toJson())
                        .put("bbox", box.toJson())
                        .build());
    }

    /** {@code noop}. */
    public static Action noop() {
        return of("noop");
    }

    /** {@code {"type": kind, "parameters": {…}}} (built once per action). */
    public JsonObject toJson() {
        JsonObject cached = json;
        if (cached == null) {
            cached = JsonObject.of("type", JsonString.of(kind), "parameters", parameters);
            json = cached;
        }
        return cached;
    }

    /** Canonical JSON of {@link #toJson()}. */
    public String toCanonicalJson() {
        return Json.write(toJson());
    }

    /**
     * Decodes either {@code {"type": kind, "parameters": {…}}} or the single-key form {@code {kind:
     * {…}}}.
     */
    public static Action fromJson(@Nullable JsonValue payload) {
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException("Action.from_dict expects a JSON object.");
        }
        JsonValue type = object.get("type");
        if (type != null) {
            JsonValue parameters = object.get("parameters");
            if (parameters == null) {
                parameters = JsonObject.EMPTY;
            }
            if (!(parameters instanceof JsonObject params)) {
                throw new WorldForgeException("Action.from_dict field 'parameters' must be a JSON object.");
            }
            return new Action(JsonReads.toStr(type), params);
        }
        if (object.size() != 1) {
            throw new WorldForgeException("Action.from_dict expects {'type': ...} or a single-key mapping.");
        }
        Map.Entry<String, JsonValue> only =
                object.members().entrySet().iterator().next();
        if (!(only.getValue() instanceof JsonObject params)) {
            throw new WorldForgeException("Action.from_dict single-key parameters must be a JSON object.");
        }
        return new Action(only.getKey(), params);
    }

    /** Parses canonical or pretty JSON text of either dict form. */
    public static Action fromJson(String text) {
        return fromJson(Json.parse(text));
    }
}
