package ai.worldforge.json;

import java.util.Collection;

/** Computes container depths and enforces {@link Json#MAX_DEPTH}. */
final class JsonDepth {
    private JsonDepth() {}

    /**
     * The depth of a container holding {@code children}: one more than the deepest child.
     *
     * @throws JsonDepthException past {@link Json#MAX_DEPTH}
     */
    static int ofContainer(Collection<JsonValue> children) {
        int deepest = 0;
        for (JsonValue child : children) {
            if (child instanceof JsonObject || child instanceof JsonArray) {
                deepest = Math.max(deepest, child.depth());
            }
        }
        int depth = deepest + 1;
        if (depth > Json.MAX_DEPTH) {
            throw new JsonDepthException(depth);
        }
        return depth;
    }
}
