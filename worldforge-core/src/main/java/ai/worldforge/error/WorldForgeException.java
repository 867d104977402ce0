package ai.worldforge.error;

import org.jspecify.annotations.Nullable;

/**
 * Root of WorldForge's input-validation failures: a caller passed something WorldForge cannot
 * accept (a bad argument, an unknown capability, an unsafe identifier, a value that is not JSON).
 *
 * <p>Provider runtime failures are deliberately <em>not</em> in this hierarchy; they are {@link
 * ProviderException}s, mirroring the reference implementation. Instances are immutable and safe to
 * share between threads.
 */
public class WorldForgeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with the given message. */
    public WorldForgeException(String message) {
        super(message);
    }

    /** Creates an exception with the given message and cause. */
    public WorldForgeException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
