package ai.worldforge.provider;

import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.Objects;

/**
 * Short provider description: name, capabilities, locality and description. Immutable and
 * thread-safe.
 *
 * @param name provider name
 * @param capabilities advertised capabilities
 * @param isLocal whether it runs locally
 * @param description human description
 */
public record ProviderInfo(String name, ProviderCapabilities capabilities, boolean isLocal, String description) {
    /** Validates presence. */
    public ProviderInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(description, "description");
    }

    /** The info part of a profile. */
    public static ProviderInfo of(ProviderProfile profile) {
        return new ProviderInfo(profile.name(), profile.capabilities(), profile.isLocal(), profile.description());
    }

    /** {@code {name, capabilities, is_local, description}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("name", JsonString.of(name))
                .put("capabilities", capabilities.toJson())
                .put("is_local", JsonBool.of(isLocal))
                .put("description", JsonString.of(description))
                .build();
    }
}
