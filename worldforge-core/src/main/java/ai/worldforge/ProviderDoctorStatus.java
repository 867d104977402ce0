package ai.worldforge;

import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.provider.ProviderHealth;
import ai.worldforge.provider.ProviderLifecycleStatus;
import ai.worldforge.provider.ProviderProfile;
import java.util.Objects;

/**
 * One provider's line in a {@link DoctorReport}. Immutable and thread-safe.
 *
 * @param registered whether the forge has it registered
 * @param profile merged profile
 * @param health merged health
 * @param lifecycle preflight lifecycle status
 */
public record ProviderDoctorStatus(
        boolean registered, ProviderProfile profile, ProviderHealth health, ProviderLifecycleStatus lifecycle) {
    /** Validates presence. */
    public ProviderDoctorStatus {
        Objects.requireNonNull(profile);
        Objects.requireNonNull(health);
        Objects.requireNonNull(lifecycle);
    }

    /** Provider name. */
    public String name() {
        return profile.name();
    }

    /** {@code {name, registered, profile, health, lifecycle}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("name", JsonString.of(name()))
                .put("registered", JsonBool.of(registered))
                .put("profile", profile.toJson())
                .put("health", health.toJson())
                .put("lifecycle", lifecycle.toJson())
                .build();
    }
}
