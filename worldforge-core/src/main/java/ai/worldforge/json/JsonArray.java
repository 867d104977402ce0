package ai.worldforge.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A JSON array. The element list is unmodifiable. Like every container, an array nests at most
 * {@link Json#MAX_DEPTH} levels deep ({@link #depth()}), so no walk over it can run out of stack.
 * Immutable and thread-safe.
 */
public final class JsonArray implements JsonValue, Iterable<JsonValue> {
    /** The empty array. */
    public static final JsonArray EMPTY = new JsonArray(List.of());

    private final List<JsonValue> items;
    /** Nesting depth ({@link #depth()}); read directly by {@link JsonDepth}. */
    final int depth;

    /**
     * Creates an array holding a copy of {@code items}.
     *
     * @throws JsonDepthException when the array would nest deeper than {@link Json#MAX_DEPTH}
     */
    public JsonArray(List<JsonValue> items) {
        this.items = List.copyOf(items);
        this.depth = JsonDepth.ofItems(this.items);
    }

    /** An array of the given values. */
    public static JsonArray of(JsonValue... items) {
        return items.length == 0 ? EMPTY : new JsonArray(List.of(items));
    }

    /** An array of the given values. */
    public static JsonArray copyOf(List<? extends JsonValue> items) {
        return items.isEmpty() ? EMPTY : new JsonArray(new ArrayList<JsonValue>(items));
    }

    /** The elements, in order (unmodifiable). */
    public List<JsonValue> items() {
        return items;
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

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JsonArray that) || depth != that.depth || items.size() != that.items.size()) {
            return false;
        }
        // List.equals semantics, one stack frame per nesting level.
        for (int i = 0, n = items.size(); i < n; i++) {
            if (!items.get(i).equals(that.items.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        // List.hashCode's value, one stack frame per nesting level.
        int h = 1;
        for (int i = 0, n = items.size(); i < n; i++) {
            h = 31 * h + items.get(i).hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return Json.write(this);
    }
}
