package ai.worldforge.routing;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Capability;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of a routing chain. Immutable and thread-safe.
 *
 * @param provider provider name (stripped, non-blank)
 * @param capability capability name
 * @param status the outcome
 * @param reason why the provider was skipped, else {@code null}
 * @param errorType the simple class name of the exception a failed call threw, else {@code null}
 * @param errorMessage that exception's message ({@code ""} when it had none), else {@code null}
 */
public record RoutingAttempt(
        String provider,
        String capability,
        RoutingStatus status,
        @Nullable String reason,
        @Nullable String errorType,
        @Nullable String errorMessage) {
    /** Validates with the reference's messages. */
    public RoutingAttempt {
        if (provider == null || provider.isBlank()) {
            throw new WorldForgeException("RoutingAttempt provider must be a non-empty string.");
        }
        provider = provider.strip();
        if (capability == null || !Capability.NAMES.contains(capability)) {
            throw new WorldForgeException(
                    "RoutingAttempt capability must be one of: " + String.join(", ", Capability.NAMES) + ".");
        }
        Objects.requireNonNull(status, "status");
    }

    /** {@code {provider, capability, status, reason, error_type, error_message}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("provider", provider)
                .put("capability", capability)
                .put("status", status.wireName())
                .put("reason", text(reason))
                .put("error_type", text(errorType))
                .put("error_message", text(errorMessage))
                .build();
    }

    private static JsonValue text(@Nullable String value) {
        return value == null ? JsonNull.INSTANCE : JsonString.of(value);
    }
}
