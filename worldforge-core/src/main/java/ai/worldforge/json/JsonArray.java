package ai.worldforge.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A JSON array. The element list is unmodifiable. Immutable and thread-safe.
 *
 * @param items the elements, in order
 */
public record JsonArray(List<JsonValue> items) implements JsonValue, Iterable<JsonValue> {
    /** The empty array. */
    public static final JsonArray EMPTY = new JsonArray(List.of());

    /** Creates an array holding a copy of {@code items}. */
    public JsonArray {
        items = List.copyOf(items);
    }

    /** An array of the given values. */
    public static JsonArray of(JsonValue... items) {
        return items.length == 0 ? EMPTY : new JsonArray(List.of(items));
    }

    /** An array of the given values. */
    public static JsonArray copyOf(List<? extends JsonValue> items) {
        return items.isEmpty() ? EMPTY : new JsonArray(new ArrayList<JsonValue>(items));
    }

    /** Number of elements. */
    public int size() {
        return items.size();
    }

    /** Element {@code index}. */
    public JsonValue get(int index) {
        return items.get(index);
    }

    /** Whether there are no elements. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public Iterator<JsonValue> iterator() {
        return items.iterator();
    }

    @Override
    public String typeName() {
        return "list";
    }
}
