package ai.worldforge.error;

import org.jspecify.annotations.Nullable;

/**
 * Malformed persisted or provider-returned world state, or a failure to read or write world
 * state: invalid state files, imports, post-prediction states and storage I/O errors.
 *
 * <p>A {@link WorldForgeException}, so callers that handle bad input handle bad state too.
 */
public class WorldStateException extends WorldForgeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with the given message. */
    public WorldStateException(String message) {
        super(message);
    }

    /** Creates an exception with the given message and cause. */
    public WorldStateException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
