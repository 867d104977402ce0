package ai.worldforge.error;

import org.jspecify.annotations.Nullable;

/**
 * A provider could not do what was asked: it is not registered or unknown, it does not implement
 * a capability, or its runtime failed.
 *
 * <p>Deliberately not a {@link WorldForgeException}: input validation and provider failure are
 * separate families, as in the reference implementation.
 */
public class ProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with the given message. */
    public ProviderException(String message) {
        super(message);
    }

    /** Creates an exception with the given message and cause. */
    public ProviderException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
