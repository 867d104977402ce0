package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A machine-checkable planning goal: {@code object_at}, {@code object_near}, {@code spawn_object}
 * or {@code swap_objects}, with object selectors by id or name. Immutable and thread-safe.
 *
 * <p>Empty selector strings count as absent (the reference tests truthiness) and are stored as
 * absent.
 */
public final class StructuredGoal {
    /** Goal kind: move an object to a position. */
    public static final String OBJECT_AT = "object_at";
    /** Goal kind: create a named object. */
    public static final String SPAWN_OBJECT = "spawn_object";
    /** Goal kind: move an object next to a reference object. */
    public static final String OBJECT_NEAR = "object_near";
    /** Goal kind: exchange two objects' positions. */
    public static final String SWAP_OBJECTS = "swap_objects";
    /** Every kind, in the reference's order. */
    public static final List<String> KINDS = List.of(OBJECT_AT, SPAWN_OBJECT, OBJECT_NEAR, SWAP_OBJECTS);
    /** Default tolerance in metres. */
    public static final double DEFAULT_TOLERANCE = 0.05;

    private static final Position DEFAULT_NEAR_OFFSET = new Position(0.1, 0.0, 0.0);

    private final String kind;
    private final @Nullable String objectId;
    private final @Nullable String objectName;
    private final @Nullable Position position;
    private final @Nullable String referenceObjectId;
    private final @Nullable String referenceObjectName;
    private final @Nullable Position offset;
    private final double tolerance;

    /**
     * Creates and validates a goal in the reference's order (tolerance, kind, then per-kind rules).
     * Prefer the factories.
     */
    public StructuredGoal(
            String kind,
            @Nullable String objectId,
            @Nullable String objectName,
            @Nullable Position position,
            @Nullable String referenceObjectId,
            @Nullable String referenceObjectName,
            @Nullable Position offset,
            double tolerance) {
        Checks.finite(tolerance, "StructuredGoal tolerance");
        if (kind == null || !KINDS.contains(kind)) {
            throw new WorldForgeException(
                    "StructuredGoal kind must be one of: object_at, spawn_object, object_near, swap_objects.");
        }
        objectId = emptyToNull(objectId);
        objectName = emptyToNull(objectName);
        referenceObjectId = emptyToNull(referenceObjectId);
        referenceObjectName = emptyToNull(referenceObjectName);
        boolean hasPrimary = objectId != null || objectName != null;
        boolean hasReference = referenceObjectId != null || referenceObjectName != null;
        String prefix = "StructuredGoal " + kind + " goals ";
        if (!kind.equals(SPAWN_OBJECT) && tolerance <= 0) {
            throw new WorldForgeException("StructuredGoal " + kind + " tolerance must be greater than 0.");
        }
        switch (kind) {
            case OBJECT_AT -> {
                if (position == null) {
                    throw new WorldForgeException("StructuredGoal object_at goals require a target position.");
                }
                requirePrimary(hasPrimary, prefix);
                if (hasReference) {
                    throw new WorldForgeException(prefix + "do not accept reference_object selectors.");
                }
                if (offset != null) {
                    throw new WorldForgeException(prefix + "do not accept offset.");
                }
            }
            case SPAWN_OBJECT -> {
                if (objectName == null) {
                    throw new WorldForgeException("StructuredGoal spawn_object goals require object_name.");
                }
                if (objectId != null) {
                    throw new WorldForgeException("StructuredGoal spawn_object goals do not accept object_id.");
                }
                if (hasReference) {
                    throw new WorldForgeException(prefix + "do not accept reference_object selectors.");
                }
                if (offset != null) {
                    throw new WorldForgeException(prefix + "do not accept offset.");
                }
            }
            case OBJECT_NEAR -> {
                requirePrimary(hasPrimary, prefix);
                requireReference(hasReference, prefix);
                if (position != null) {
                    throw new WorldForgeException("StructuredGoal object_near goals do not accept position.");
                }
                if (offset == null) {
                    offset = DEFAULT_NEAR_OFFSET;
                }
                requireDistinct(objectId, objectName, referenceObjectId, referenceObjectName, prefix);
            }
            default -> {
                requirePrimary(hasPrimary, prefix);
                requireReference(hasReference, prefix);
                if (position != null) {
                    throw new WorldForgeException(prefix + "do not accept position.");
                }
                if (offset != null) {
                    throw new WorldForgeException(prefix + "do not accept offset.");
                }
                requireDistinct(objectId, objectName, referenceObjectId, referenceObjectName, prefix);
            }
        }
        this.kind = kind;
        this.objectId = objectId;
        this.objectName = objectName;
        this.position = position;
        this.referenceObjectId = referenceObjectId;
        this.referenceObjectName = referenceObjectName;
        this.offset = offset;
        this.tolerance = tolerance;
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static void requirePrimary(boolean present, String prefix) {
        if (!present) {
            throw new WorldForgeException(prefix + "require object_id or object_name.");
        }
    }

    private static void requireReference(boolean present, String prefix) {
        if (!present) {
            throw new WorldForgeException(prefix + "require reference_object.id or reference_object.name.");
        }
    }

    private static void requireDistinct(
            @Nullable String id,
            @Nullable String name,
            @Nullable String refId,
            @Nullable String refName,
            String prefix) {
        boolean sameIds = id != null && id.equals(refId);
        boolean sameNames = id == null && refId == null && name != null && name.equals(refName);
        if (sameIds || sameNames) {
            throw new WorldForgeException(prefix + "require distinct primary and reference objects.");
        }
    }

    /** Move the selected object to {@code position} within the default tolerance. */
    public static StructuredGoal objectAt(Position position, @Nullable String objectId, @Nullable String objectName) {
        return objectAt(position, objectId, objectName, DEFAULT_TOLERANCE);
    }

    /** Move the selected object to {@code position} within {@code tolerance}. */
    public static StructuredGoal objectAt(
            Position position, @Nullable String objectId, @Nullable String objectName, double tolerance) {
        return new StructuredGoal(OBJECT_AT, objectId, objectName, position, null, null, null, tolerance);
    }

    /** Move the selected object next to the reference object (offset defaults to (0.1, 0, 0)). */
    public static StructuredGoal objectNear(
            @Nullable String objectId,
            @Nullable String objectName,
            @Nullable String referenceObjectId,
            @Nullable String referenceObjectName,
            @Nullable Position offset,
            double tolerance) {
        return new StructuredGoal(
                OBJECT_NEAR, objectId, objectName, null, referenceObjectId, referenceObjectName, offset, tolerance);
    }

    /** Create an object named {@code name}, optionally at {@code position}. */
    public static StructuredGoal spawnObject(String name, @Nullable Position position) {
        return new StructuredGoal(SPAWN_OBJECT, null, name, position, null, null, null, DEFAULT_TOLERANCE);
    }

    /** Create an object named {@code name} at the default spawn position. */
    public static StructuredGoal spawnObject(String name) {
        return spawnObject(name, null);
    }

    /** Exchange the positions of two objects. */
    public static StructuredGoal swapObjects(
            @Nullable String objectId,
            @Nullable String objectName,
            @Nullable String referenceObjectId,
            @Nullable String referenceObjectName,
            double tolerance) {
        return new StructuredGoal(
                SWAP_OBJECTS, objectId, objectName, null, referenceObjectId, referenceObjectName, null, tolerance);
    }

    /** The kind (one of {@link #KINDS}). */
    public String kind() {
        return kind;
    }

    /** Primary object id selector. */
    public Optional<String> objectId() {
        return Optional.ofNullable(objectId);
    }

    /** Primary object name selector. */
    public Optional<String> objectName() {
        return Optional.ofNullable(objectName);
    }

    /** Target position ({@code object_at}; optional for {@code spawn_object}). */
    public Optional<Position> position() {
        return Optional.ofNullable(position);
    }

    /** Reference object id selector. */
    public Optional<String> referenceObjectId() {
        return Optional.ofNullable(referenceObjectId);
    }

    /** Reference object name selector. */
    public Optional<String> referenceObjectName() {
        return Optional.ofNullable(referenceObjectName);
    }

    /** Offset from the reference object ({@code object_near}). */
    public Optional<Position> offset() {
        return Optional.ofNullable(offset);
    }

    /** Tolerance in metres. */
    public double tolerance() {
        return tolerance;
    }

    /** The reference's {@code to_dict()}. */
    public JsonObject toJson() {
        JsonObject.Builder out = JsonObject.builder().put("kind", JsonString.of(kind));
        out.put("object", selector(objectId, objectName));
        if (position != null) {
            out.put("position", position.toJson());
        }
        if (referenceObjectId != null || referenceObjectName != null) {
            out.put("reference_object", selector(referenceObjectId, referenceObjectName));
        }
        if (offset != null) {
            out.put("offset", offset.toJson());
        }
        if (!kind.equals(SPAWN_OBJECT)) {
            out.put("tolerance", JsonFloat.of(tolerance));
        }
        return out.build();
    }

    private static JsonObject selector(@Nullable String id, @Nullable String name) {
        JsonObject.Builder out = JsonObject.builder();
        if (id != null) {
            out.put("id", JsonString.of(id));
        }
        if (name != null) {
            out.put("name", JsonString.of(name));
        }
        return out.build();
    }

    /** One-line human summary, e.g. {@code move mug to (1.00, 0.50, 0.00)}. */
    public String summary() {
        String target = objectName != null ? objectName : objectId != null ? objectId : "object";
        String reference = referenceObjectName != null
                ? referenceObjectName
                : referenceObjectId != null ? referenceObjectId : "reference object";
        return switch (kind) {
            case SPAWN_OBJECT -> "spawn " + objectName;
            case OBJECT_NEAR ->
                "move " + target + " near " + reference + " with offset " + triple(Objects.requireNonNull(offset));
            case SWAP_OBJECTS -> "swap " + target + " with " + reference;
            default -> "move " + target + " to " + triple(Objects.requireNonNull(position));
        };
    }

    private static String triple(Position p) {
        return "(" + PyFormat.fixed(p.x(), 2) + ", " + PyFormat.fixed(p.y(), 2) + ", " + PyFormat.fixed(p.z(), 2) + ")";
    }

    /** Parses goal JSON text (modern or legacy form). */
    public static StructuredGoal fromJsonText(String goalJson) {
        JsonValue value;
        try {
            value = Json.parse(goalJson);
        } catch (JsonSyntaxException e) {
            throw new WorldForgeException("goal_json must be valid JSON: " + e.getMessage(), e);
        }
        return fromJson(value);
    }

    /** Decodes the modern form ({@code kind} key) or the legacy {@code type=condition} form. */
    public static StructuredGoal fromJson(JsonValue payload) {
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException("Structured goals must decode to a JSON object.");
        }
        if (object.has("kind")) {
            String[] primary = selectorOf(object.get("object"), "object");
            String[] reference = selectorOf(object.get("reference_object"), "reference_object");
            return new StructuredGoal(
                    JsonReads.toStr(Objects.requireNonNull(object.get("kind"))),
                    primary[0],
                    primary[1],
                    positionIfMap(object.get("position")),
                    reference[0],
                    reference[1],
                    positionIfMap(object.get("offset")),
                    toleranceOf(object));
        }
        JsonValue type = object.get("type");
        if (!(type instanceof JsonString t) || !t.value().equals("condition")) {
            throw new WorldForgeException("StructuredGoal JSON must include either 'kind' or legacy type='condition'.");
        }
        JsonValue condition = object.get("condition");
        if (!(condition instanceof JsonObject conditions) || conditions.size() != 1) {
            throw new WorldForgeException("Legacy goal_json condition payload must contain exactly one condition.");
        }
        Map.Entry<String, JsonValue> only =
                conditions.members().entrySet().iterator().next();
        JsonObject body = only.getValue() instanceof JsonObject o ? o : JsonObject.EMPTY;
        return fromLegacy(only.getKey(), body);
    }

    private static StructuredGoal fromLegacy(String name, JsonObject body) {
        switch (name) {
            case "ObjectAt" -> {
                Position target = positionIfMap(body.get("position"));
                if (target == null) {
                    throw new WorldForgeException("Legacy ObjectAt goals require a position object.");
                }
                return new StructuredGoal(
                        OBJECT_AT,
                        strOrNull(body.get("object")),
                        strOrNull(body.get("object_name")),
                        target,
                        null,
                        null,
                        null,
                        toleranceOf(body));
            }
            case "SpawnObject" -> {
                JsonValue object = body.get("object");
                String objectName = null;
                if (object instanceof JsonString s) {
                    objectName = s.value();
                } else if (object instanceof JsonObject o) {
                    objectName = strOrNull(o.get("name"));
                }
                if (objectName == null || objectName.isEmpty()) {
                    objectName = strOrNull(body.get("name"));
                }
                if (objectName == null || objectName.isEmpty()) {
                    throw new WorldForgeException("Legacy SpawnObject goals require object.name or name.");
                }
                return new StructuredGoal(
                        SPAWN_OBJECT,
                        null,
                        objectName,
                        positionIfMap(body.get("position")),
                        null,
                        null,
                        null,
                        DEFAULT_TOLERANCE);
            }
            case "ObjectNear" -> {
                String[] primary = selectorOf(body.get("object"), "object");
                JsonValue ref = body.has("reference_object") ? body.get("reference_object") : body.get("anchor");
                String[] reference = selectorOf(ref, "reference_object");
                return new StructuredGoal(
                        OBJECT_NEAR,
                        primary[0],
                        primary[1],
                        null,
                        reference[0],
                        reference[1],
                        positionIfMap(body.get("offset")),
                        toleranceOf(body));
            }
            case "SwapObjects" -> {
                JsonValue first = body.has("object") ? body.get("object") : body.get("first_object");
                JsonValue second =
                        body.has("reference_object") ? body.get("reference_object") : body.get("second_object");
                String[] primary = selectorOf(first, "object");
                String[] reference = selectorOf(second, "reference_object");
                return new StructuredGoal(
                        SWAP_OBJECTS,
                        primary[0],
                        primary[1],
                        null,
                        reference[0],
                        reference[1],
                        null,
                        toleranceOf(body));
            }
            default -> throw new WorldForgeException("Unsupported legacy structured goal condition '" + name + "'.");
        }
    }

    /** {@code [id, name]} from null, a string (a name) or {@code {id?, name?}}. */
    private static @Nullable String[] selectorOf(@Nullable JsonValue value, String field) {
        if (value == null || value instanceof JsonNull) {
            return new String[2];
        }
        if (value instanceof JsonString s) {
            return new String[] {null, s.value()};
        }
        if (value instanceof JsonObject o) {
            return new String[] {strOrNull(o.get("id")), strOrNull(o.get("name"))};
        }
        throw new WorldForgeException("StructuredGoal field '" + field + "' must be a JSON object.");
    }

    private static @Nullable String strOrNull(@Nullable JsonValue value) {
        return value == null || value instanceof JsonNull ? null : JsonReads.toStr(value);
    }

    private static @Nullable Position positionIfMap(@Nullable JsonValue value) {
        return value instanceof JsonObject ? Position.fromJson(value) : null;
    }

    private static double toleranceOf(JsonObject object) {
        JsonValue value = object.get("tolerance");
        return value == null || value instanceof JsonNull
                ? DEFAULT_TOLERANCE
                : JsonReads.toDouble(value, "StructuredGoal tolerance");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StructuredGoal g && toJson().equals(g.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "StructuredGoal" + toJson();
    }
}
