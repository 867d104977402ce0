package ai.worldforge.json;

import java.util.Objects;

/** A JSON string. Immutable and thread-safe. */
public record JsonString(String value) implements JsonValue {
    /** The empty string. */
    public static final JsonString EMPTY = new JsonString("");

    /** Creates a JSON string. */
    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    /** Factory for {@code new JsonString(value)}. */
    public static JsonString of(String value) {
        return value.isEmpty() ? EMPTY : new JsonString(value);
    }

    @Override
    public String typeName() {
        return "str";
    }
}
