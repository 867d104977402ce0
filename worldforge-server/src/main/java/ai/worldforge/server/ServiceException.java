package ai.worldforge.server;

import ai.worldforge.error.WorldForgeException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request failure the host itself decides (unknown route, wrong method, oversized body,
 * deadline): it carries the HTTP status and the public error {@code type}. A subclass of {@link
 * WorldForgeException}, so callers that only know the core hierarchy still see a WorldForge error.
 */
public final class ServiceException extends WorldForgeException {
    private static final long serialVersionUID = 1L;

    /** Error type of the reference's {@code WorldForgeError} mapping. */
    public static final String VALIDATION_ERROR = "validation_error";

    /** Error type of a request that exceeded its deadline. */
    public static final String TIMEOUT_ERROR = "timeout_error";

    /** Error type of a request that waited its whole deadline for a worker. */
    public static final String UNAVAILABLE_ERROR = "unavailable_error";

    private final int status;
    private final String type;
    private final @Nullable String allow;

    /**
     * A failure answered with {@code status}.
     *
     * @param status HTTP status
     * @param type public error type
     * @param message public message (redacted before it is sent)
     * @param allow value of the {@code Allow} header (405 only), or {@code null}
     */
    public ServiceException(int status, String type, String message, @Nullable String allow) {
        super(message);
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.allow = allow;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The public error type. */
    public String type() {
        return type;
    }

    /** The {@code Allow} header value for a 405, when set. */
    public java.util.Optional<String> allow() {
        return java.util.Optional.ofNullable(allow);
    }
}
