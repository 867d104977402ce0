package ai.worldforge.json;

import java.util.Collection;
import java.util.List;

/**
 * Computes container depths and enforces {@link Json#MAX_DEPTH}. Runs for every object and array
 * built (positions, actions, candidate payloads by the thousand), so it reads the children's depth
 * fields directly and walks lists by index.
 */
final class JsonDepth {
    private JsonDepth() {}

    /** The depth of an array holding {@code items}: one more than the deepest item. */
    static int ofItems(List<JsonValue> items) {
        int deepest = 0;
        for (int i = 0, n = items.size(); i < n; i++) {
            deepest = Math.max(deepest, of(items.get(i)));
        }
        return checked(deepest + 1);
    }

    /** The depth of an object holding {@code members}: one more than the deepest member. */
    static int ofMembers(Collection<JsonValue> members) {
        int deepest = 0;
        for (JsonValue member : members) {
            deepest = Math.max(deepest, of(member));
        }
        return checked(deepest + 1);
    }

    private static int of(JsonValue value) {
        if (value instanceof JsonObject object) {
            return object.depth;
        }
        return value instanceof JsonArray array ? array.depth : 0;
    }

    /** {@code depth}, or {@link JsonDepthException} past {@link Json#MAX_DEPTH}. */
    private static int checked(int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw new JsonDepthException(depth);
        }
        return depth;
    }
}
