package ai.worldforge.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object whose members keep insertion order, like a Python dict (the canonical writer
 * sorts keys; insertion order matters for semantics such as "the first scene object").
 * Like every container, an object nests at most {@link Json#MAX_DEPTH} levels deep ({@link
 * #depth()}); building a deeper one throws {@link JsonDepthException}. Immutable and thread-safe;
 * use {@link #builder()} or {@link #toBuilder()} to derive new ones.
 */
public final class JsonObject implements JsonValue {
    /** The empty object. */
    public static final JsonObject EMPTY = new JsonObject(new LinkedHashMap<>(0));

    private final Map<String, JsonValue> members;
    /** Nesting depth ({@link #depth()}); read directly by {@link JsonDepth}. */
    final int depth;

    private int hash;
    /** 0 not yet computed, 1 every nested number is finite, 2 some nested number is not. */
    private byte finiteState;

    private JsonObject(LinkedHashMap<String, JsonValue> owned) {
        this.depth = JsonDepth.ofMembers(owned.values());
        this.members = Collections.unmodifiableMap(owned);
    }

    /** Wraps a map the caller gives up; used by builders and the parser. */
    static JsonObject adopt(LinkedHashMap<String, JsonValue> owned) {
        return owned.isEmpty() ? EMPTY : new JsonObject(owned);
    }

    /** An object holding a copy of {@code members}, in their iteration order. */
    public static JsonObject copyOf(Map<String, ? extends JsonValue> members) {
        if (members instanceof JsonObject.View view) {
            return view.owner;
        }
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(Math.max(4, members.size() * 2));
        members.forEach((key, value) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value)));
        return adopt(copy);
    }

    /** An object with one member. */
    public static JsonObject of(String key, JsonValue value) {
        return builder(1).put(key, value).build();
    }

    /** An object with two members, in this order. */
    public static JsonObject of(String k1, JsonValue v1, String k2, JsonValue v2) {
        return builder(2).put(k1, v1).put(k2, v2).build();
    }

    /** An object with three members, in this order. */
    public static JsonObject of(String k1, JsonValue v1, String k2, JsonValue v2, String k3, JsonValue v3) {
        return builder(3).put(k1, v1).put(k2, v2).put(k3, v3).build();
    }

    /** A new empty builder. */
    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /**
     * A new empty builder sized for {@code expectedMembers} (small objects such as positions and
     * actions are built by the thousand; a default-sized table would be most of their footprint).
     */
    public static Builder builder(int expectedMembers) {
        // HashMap resizes past 3/4 of its table: size the table so that no resize happens.
        return new Builder(new LinkedHashMap<>(Math.max(2, (expectedMembers * 4 + 2) / 3)));
    }

    /** A builder pre-filled with this object's members. */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(members));
    }

    /** The members as an unmodifiable, insertion-ordered map. */
    public Map<String, JsonValue> members() {
        return new View(this);
    }

    /** The member named {@code key}, or {@code null}. */
    public @Nullable JsonValue get(String key) {
        return members.get(key);
    }

    /** Whether a member named {@code key} exists. */
    public boolean has(String key) {
        return members.containsKey(key);
    }

    /** Member names in insertion order. */
    public Set<String> keys() {
        return members.keySet();
    }

    /**
     * Whether every number nested in this object (through objects and arrays) is finite. Computed
     * once and cached: objects are immutable and shared, so validating the same metadata or action
     * parameters again (every world snapshot does) costs one field read.
     */
    public boolean allNumbersFinite() {
        byte known = finiteState;
        if (known == 0) {
            known = computeAllFinite() ? (byte) 1 : (byte) 2;
            finiteState = known;
        }
        return known == 1;
    }

    private boolean computeAllFinite() {
        for (JsonValue value : members.values()) {
            if (!allFinite(value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(JsonValue value) {
        if (value instanceof JsonFloat f) {
            return f.isFinite();
        } else if (value instanceof JsonObject o) {
            return o.allNumbersFinite();
        } else if (value instanceof JsonArray a) {
            List<JsonValue> items = a.items();
            for (int i = 0, n = items.size(); i < n; i++) {
                if (!allFinite(items.get(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Number of members. */
    public int size() {
        return members.size();
    }

    /** Whether there are no members. */
    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** A copy with {@code key} set to {@code value} (kept in place when it already exists). */
    public JsonObject with(String key, JsonValue value) {
        return toBuilder().put(key, value).build();
    }

    /** A copy without {@code key}. */
    public JsonObject without(String key) {
        if (!members.containsKey(key)) {
            return this;
        }
        return toBuilder().remove(key).build();
    }

    @Override
    public String typeName() {
        return "dict";
    }

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JsonObject that)
                || depth != that.depth
                || members.size() != that.members.size()
                || hashCode() != that.hashCode()) {
            return false;
        }
        // Map.equals semantics, one stack frame per nesting level (the JDK's takes several).
        for (Map.Entry<String, JsonValue> entry : members.entrySet()) {
            JsonValue theirs = that.members.get(entry.getKey());
            if (theirs == null || !entry.getValue().equals(theirs)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            // Map.hashCode's value, one stack frame per nesting level.
            for (Map.Entry<String, JsonValue> entry : members.entrySet()) {
                h += entry.getKey().hashCode() ^ entry.getValue().hashCode();
            }
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    @Override
    public String toString() {
        return Json.write(this);
    }

    /** Unmodifiable map view that remembers its owner, so {@link #copyOf} can avoid a copy. */
    private static final class View extends java.util.AbstractMap<String, JsonValue> {
        private final JsonObject owner;

        View(JsonObject owner) {
            this.owner = owner;
        }

        @Override
        public Set<Entry<String, JsonValue>> entrySet() {
            return owner.members.entrySet();
        }

        @Override
        public @Nullable JsonValue get(Object key) {
            return owner.members.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return owner.members.containsKey(key);
        }

        @Override
        public int size() {
            return owner.members.size();
        }
    }

    /** Mutable builder; not thread-safe. Each builder builds once. */
    public static final class Builder {
        private @Nullable LinkedHashMap<String, JsonValue> members;

        private Builder(LinkedHashMap<String, JsonValue> members) {
            this.members = members;
        }

        private LinkedHashMap<String, JsonValue> open() {
            LinkedHashMap<String, JsonValue> m = members;
            if (m == null) {
                throw new IllegalStateException("JsonObject.Builder has already built its object.");
            }
            return m;
        }

        /** Sets {@code key}; an existing key keeps its position (Python dict semantics). */
        public Builder put(String key, JsonValue value) {
            open().put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets {@code key} to a string. */
        public Builder put(String key, String value) {
            return put(key, JsonString.of(value));
        }

        /** Sets {@code key} to a float. */
        public Builder put(String key, double value) {
            return put(key, JsonFloat.of(value));
        }

        /** Sets {@code key} to an integer. */
        public Builder put(String key, long value) {
            return put(key, JsonInt.of(value));
        }

        /** Sets {@code key} to a boolean. */
        public Builder put(String key, boolean value) {
            return put(key, JsonBool.of(value));
        }

        /** Sets {@code key} to a string, or to {@code null} when {@code value} is null. */
        public Builder putNullable(String key, @Nullable String value) {
            return put(key, value == null ? JsonNull.INSTANCE : JsonString.of(value));
        }

        /** Sets {@code key} only when absent (Python {@code dict.setdefault}). */
        public Builder putIfAbsent(String key, JsonValue value) {
            open().putIfAbsent(key, value);
            return this;
        }

        /** Removes {@code key} if present. */
        public Builder remove(String key) {
            open().remove(key);
            return this;
        }

        /** Whether {@code key} is set. */
        public boolean has(String key) {
            return open().containsKey(key);
        }

        /** The current value of {@code key}, or {@code null}. */
        public @Nullable JsonValue get(String key) {
            return open().get(key);
        }

        /** Builds the object; the builder cannot be used afterwards. */
        public JsonObject build() {
            LinkedHashMap<String, JsonValue> m = open();
            members = null;
            return adopt(m);
        }
    }
}
