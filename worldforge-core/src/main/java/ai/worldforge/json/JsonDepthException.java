package ai.worldforge.json;

import ai.worldforge.error.WorldForgeException;

/**
 * A JSON value, document or file that would nest objects and arrays deeper than {@link
 * Json#MAX_DEPTH} levels. Raised when such a value is built or parsed, and when a world would be
 * written in a form that nests too deep to read back.
 */
public final class JsonDepthException extends WorldForgeException {
    private static final long serialVersionUID = 1L;

    /** A value or document that would be {@code depth} levels deep. */
    public JsonDepthException(int depth) {
        super("JSON nesting of " + depth + " levels exceeds the limit of " + Json.MAX_DEPTH + " levels.");
    }

    /** A value that is too deep for where it is going, explained by {@code message}. */
    public JsonDepthException(String message) {
        super(message);
    }

    /** A value or document whose depth is known only to exceed the limit. */
    public JsonDepthException() {
        super("JSON nesting exceeds the limit of " + Json.MAX_DEPTH + " levels.");
    }
}
