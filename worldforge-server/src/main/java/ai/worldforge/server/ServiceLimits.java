package ai.worldforge.server;

import ai.worldforge.error.WorldForgeException;
import java.math.BigDecimal;

/**
 * The largest work a single request may ask the service host for. The body limit ({@link
 * ServiceConfig#maxBodyBytes()}) bounds bytes; these bound what the bytes ask for, so that no
 * request can make the host build an unbounded result. A request over a limit gets 400 {@code
 * validation_error} naming it, e.g. {@code duration_seconds must be at most 60 (the service
 * limit)}, before any provider is called. Immutable.
 *
 * @param maxDurationSeconds longest {@code duration_seconds} of {@code POST /workflows/generate}
 *     (default 60; the mock renders 8 frames a second, so at most 480 frames)
 * @param maxPromptChars longest {@code prompt} of {@code POST /workflows/generate}, in UTF-16
 *     characters (default 4096)
 * @param maxJsonDepth deepest nesting of arrays and objects in a request body (default 32)
 */
public record ServiceLimits(double maxDurationSeconds, int maxPromptChars, int maxJsonDepth) {
    /** Default {@link #maxDurationSeconds()}. */
    public static final double DEFAULT_MAX_DURATION_SECONDS = 60;

    /** Default {@link #maxPromptChars()}. */
    public static final int DEFAULT_MAX_PROMPT_CHARS = 4096;

    /** Default {@link #maxJsonDepth()}. */
    public static final int DEFAULT_MAX_JSON_DEPTH = 32;

    /**
     * Longest provider name a generate body may give. Not configurable: registered names are short
     * identifiers, and the name is echoed in error messages.
     */
    public static final int MAX_PROVIDER_NAME_CHARS = 128;

    /** Validates every limit. */
    public ServiceLimits {
        if (!Double.isFinite(maxDurationSeconds) || maxDurationSeconds <= 0) {
            throw new WorldForgeException("max duration seconds must be a positive finite number.");
        }
        if (maxPromptChars < 1) {
            throw new WorldForgeException("max prompt characters must be at least 1.");
        }
        if (maxJsonDepth < 1) {
            throw new WorldForgeException("max JSON depth must be at least 1.");
        }
    }

    /** The defaults. */
    public static ServiceLimits defaults() {
        return new ServiceLimits(DEFAULT_MAX_DURATION_SECONDS, DEFAULT_MAX_PROMPT_CHARS, DEFAULT_MAX_JSON_DEPTH);
    }

    /**
     * A 400 {@code validation_error} with {@code requirement} and {@code (the service limit)}, e.g.
     * {@code duration_seconds must be at most 60 (the service limit)}.
     */
    static ServiceException refused(String requirement) {
        return new ServiceException(400, ServiceException.VALIDATION_ERROR, requirement + " (the service limit)", null);
    }

    /** {@code 60} for 60.0, {@code 2.5} for 2.5: the limit as the operator wrote it. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
