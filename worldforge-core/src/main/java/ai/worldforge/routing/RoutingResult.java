package ai.worldforge.routing;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Capability;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link ProviderRouter#route}. Immutable when {@code T} is; thread-safe then.
 *
 * @param capability capability name
 * @param chosen the provider whose call returned, or {@code null} when none did
 * @param succeeded whether a provider returned
 * @param attempts every step in the order tried, skipped ones included
 * @param value what the chosen provider returned, or {@code null}
 * @param <T> the value type
 */
public record RoutingResult<T>(
        String capability,
        @Nullable String chosen,
        boolean succeeded,
        List<RoutingAttempt> attempts,
        @Nullable T value) {
    /** Validates with the reference's messages and copies the attempts. */
    public RoutingResult {
        if (capability == null || !Capability.NAMES.contains(capability)) {
            throw new WorldForgeException(
                    "RoutingResult capability must be one of: " + String.join(", ", Capability.NAMES) + ".");
        }
        if (chosen != null && chosen.isBlank()) {
            throw new WorldForgeException("RoutingResult chosen must be None or a non-empty provider name.");
        }
        attempts = List.copyOf(Objects.requireNonNull(attempts, "attempts"));
    }

    /** The provider whose call returned, when one did. */
    public Optional<String> chosenProvider() {
        return Optional.ofNullable(chosen);
    }

    /** The chosen provider's value, when there is one. */
    public Optional<T> result() {
        return Optional.ofNullable(value);
    }

    /** The attempts whose provider threw. */
    public List<RoutingAttempt> failedAttempts() {
        List<RoutingAttempt> out = new ArrayList<>();
        for (RoutingAttempt attempt : attempts) {
            if (attempt.status() == RoutingStatus.FAILED) {
                out.add(attempt);
            }
        }
        return List.copyOf(out);
    }

    /** The attempts skipped before their provider was invoked. */
    public List<RoutingAttempt> skippedAttempts() {
        List<RoutingAttempt> out = new ArrayList<>();
        for (RoutingAttempt attempt : attempts) {
            if (attempt.status().skipped()) {
                out.add(attempt);
            }
        }
        return List.copyOf(out);
    }

    /** {@code {capability, chosen, succeeded, attempts}}; the value is left out, as in the reference. */
    public JsonObject toJson() {
        List<JsonValue> items = new ArrayList<>();
        attempts.forEach(a -> items.add(a.toJson()));
        return JsonObject.builder()
                .put("capability", capability)
                .put("chosen", chosen == null ? JsonNull.INSTANCE : JsonString.of(chosen))
                .put("succeeded", JsonBool.of(succeeded))
                .put("attempts", JsonArray.copyOf(items))
                .build();
    }
}
