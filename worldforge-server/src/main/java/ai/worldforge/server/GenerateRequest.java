package ai.worldforge.server;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.Objects;

/**
 * The validated input of {@code POST /workflows/generate}: the provider to call, the prompt and
 * the clip duration, each within {@link ServiceLimits}. Immutable.
 *
 * @param provider the provider's name
 * @param prompt the prompt (the core rejects a blank one)
 * @param durationSeconds the clip length, finite, greater than 0 and within the limit
 */
public record GenerateRequest(String provider, String prompt, double durationSeconds) {
    /** The prompt when the body has none (the reference's). */
    public static final String DEFAULT_PROMPT = "service host smoke clip";

    /** The duration when the body has none (the reference's). */
    public static final double DEFAULT_DURATION_SECONDS = 1.0;

    /** Null checks only: {@link #of} validates. */
    public GenerateRequest {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(prompt, "prompt");
    }

    /**
     * Reads {@code prompt} (default {@value #DEFAULT_PROMPT}) and {@code duration_seconds} (default
     * 1.0) from {@code body}, for {@code provider} (already chosen, e.g. by {@link
     * ServicePayloads#requestedProvider}).
     *
     * @throws WorldForgeException {@code generate() prompt must be a non-empty string.} when the
     *     prompt is not a string; {@code generate() duration_seconds must be a finite number.} when
     *     the duration is not a finite number; {@code generate() duration_seconds must be greater
     *     than 0.}
     * @throws ServiceException 400 naming the limit when the provider name, prompt or duration is
     *     over it
     */
    public static GenerateRequest of(JsonObject body, String provider, ServiceLimits limits) {
        if (provider.length() > ServiceLimits.MAX_PROVIDER_NAME_CHARS) {
            throw ServiceLimits.refused(
                    "provider must be at most " + ServiceLimits.MAX_PROVIDER_NAME_CHARS + " characters");
        }
        JsonValue promptValue = body.get("prompt");
        String prompt;
        if (promptValue == null) {
            prompt = DEFAULT_PROMPT;
        } else if (promptValue instanceof JsonString text) {
            prompt = text.value();
        } else {
            throw new WorldForgeException("generate() prompt must be a non-empty string.");
        }
        if (prompt.length() > limits.maxPromptChars()) {
            throw ServiceLimits.refused("prompt must be at most " + limits.maxPromptChars() + " characters");
        }
        JsonValue durationValue = body.get("duration_seconds");
        double duration;
        if (durationValue == null) {
            duration = DEFAULT_DURATION_SECONDS;
        } else if (durationValue instanceof JsonInt number) {
            duration = number.doubleValue();
        } else if (durationValue instanceof JsonFloat number) {
            duration = number.value();
        } else {
            throw new WorldForgeException("generate() duration_seconds must be a finite number.");
        }
        if (!Double.isFinite(duration)) {
            throw new WorldForgeException("generate() duration_seconds must be a finite number.");
        }
        if (duration <= 0) {
            throw new WorldForgeException("generate() duration_seconds must be greater than 0.");
        }
        if (duration > limits.maxDurationSeconds()) {
            throw ServiceLimits.refused(
                    "duration_seconds must be at most " + ServiceLimits.plain(limits.maxDurationSeconds()));
        }
        return new GenerateRequest(provider, prompt, duration);
    }
}
