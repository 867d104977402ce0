package ai.worldforge.provider.policy;

import ai.worldforge.error.ProviderException;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Validation of the {@code info} fields embodied policy providers share ({@code observation},
 * {@code options}, {@code mode}, {@code action_horizon}, {@code embodiment_tag}), with the
 * reference's {@link ProviderException} messages labelled by provider ({@code GR00T}, {@code
 * LeRobot}, …).
 */
public final class PolicyInfo {
    private PolicyInfo() {}

    /**
     * The {@code observation} object of {@code info}: {@code <label> policy info.observation must be
     * a [non-empty ]JSON object.}; with {@code requiredAnyKeys}, at least one must be present
     * ({@code <label> policy observation must include at least one of a, b, or c.}).
     */
    public static JsonObject observation(
            JsonObject info, String providerLabel, boolean requireNonEmpty, List<String> requiredAnyKeys) {
        JsonValue observation = info.get("observation");
        if (!(observation instanceof JsonObject object) || (requireNonEmpty && object.isEmpty())) {
            String qualifier = requireNonEmpty ? "non-empty " : "";
            throw new ProviderException(
                    providerLabel + " policy info.observation must be a " + qualifier + "JSON object.");
        }
        if (!requiredAnyKeys.isEmpty() && requiredAnyKeys.stream().noneMatch(object::has)) {
            throw new ProviderException(providerLabel + " policy observation must include at least one of "
                    + requiredKeyOptions(requiredAnyKeys) + ".");
        }
        return object;
    }

    private static String requiredKeyOptions(List<String> keys) {
        if (keys.size() == 1) {
            return keys.get(0);
        }
        return String.join(", ", keys.subList(0, keys.size() - 1)) + ", or " + keys.get(keys.size() - 1);
    }

    /** The {@code options} object, when present ({@code … info.options must be a JSON object when provided.}). */
    public static Optional<JsonObject> options(JsonObject info, String providerLabel) {
        JsonValue options = info.get("options");
        if (options == null || options instanceof ai.worldforge.json.JsonNull) {
            return Optional.empty();
        }
        if (!(options instanceof JsonObject object)) {
            throw new ProviderException(providerLabel + " policy info.options must be a JSON object when provided.");
        }
        return Optional.of(object);
    }

    /** The stripped {@code mode} (default {@code defaultMode}), one of {@code choices}. */
    public static String mode(JsonObject info, String providerLabel, String defaultMode, List<String> choices) {
        JsonValue mode = info.get("mode");
        if (mode == null) {
            mode = JsonString.of(defaultMode);
        }
        if (mode instanceof JsonString s && choices.contains(PyStrings.strip(s.value()))) {
            return PyStrings.strip(s.value());
        }
        List<String> quoted = choices.stream().map(c -> "'" + c + "'").toList();
        throw new ProviderException(providerLabel + " policy info.mode must be " + String.join(" or ", quoted) + ".");
    }

    /**
     * The positive {@code action_horizon}, when present and not null. With {@code allowString}, a
     * numeric string is accepted and a blank one means absent; errors name {@code valueName}
     * ({@code <valueName> must be an integer greater than 0.}), except a non-integer without
     * {@code allowString}, which names {@code <label> info.action_horizon}.
     */
    public static Optional<Integer> actionHorizon(
            JsonObject info, String providerLabel, String valueName, boolean allowString) {
        JsonValue value = info.get("action_horizon");
        if (value == null || value instanceof ai.worldforge.json.JsonNull) {
            return Optional.empty();
        }
        long horizon;
        if (allowString && value instanceof JsonString s) {
            String text = PyStrings.strip(s.value());
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                horizon = Long.parseLong(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new ProviderException(valueName + " must be an integer greater than 0.", e);
            }
        } else if (value instanceof JsonInt i) {
            horizon = i.fitsLong() ? i.longValue() : (i.value().signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        } else {
            String subject = allowString ? valueName : providerLabel + " info.action_horizon";
            throw new ProviderException(subject + " must be an integer greater than 0.");
        }
        if (horizon <= 0 || horizon > Integer.MAX_VALUE) {
            throw new ProviderException(valueName + " must be an integer greater than 0.");
        }
        return Optional.of((int) horizon);
    }

    /** The stripped {@code embodiment_tag}, when present and not null; blank or non-string fails. */
    public static Optional<String> embodimentTag(JsonObject info, String providerLabel) {
        @Nullable JsonValue tag = info.get("embodiment_tag");
        if (tag == null || tag instanceof ai.worldforge.json.JsonNull) {
            return Optional.empty();
        }
        if (!(tag instanceof JsonString s) || PyStrings.strip(s.value()).isEmpty()) {
            throw new ProviderException(
                    providerLabel + " policy info.embodiment_tag must be a non-empty string when provided.");
        }
        return Optional.of(PyStrings.strip(s.value()));
    }
}
