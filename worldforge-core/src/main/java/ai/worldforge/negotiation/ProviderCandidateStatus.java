package ai.worldforge.negotiation;

import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Readiness of one candidate provider for one capability inside a workflow. Immutable and
 * thread-safe.
 *
 * @param name provider name
 * @param capability capability name
 * @param registered whether the provider is registered on the forge
 * @param capabilityCompatible whether the provider advertises the capability
 * @param configured whether its required configuration is present
 * @param healthy whether its health check passes
 * @param readiness the classification
 * @param reason why it is not ready, or {@code null} when ready
 */
public record ProviderCandidateStatus(
        String name,
        String capability,
        boolean registered,
        boolean capabilityCompatible,
        boolean configured,
        boolean healthy,
        Readiness readiness,
        @Nullable String reason) {
    /** Validates presence. */
    public ProviderCandidateStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(readiness, "readiness");
    }

    /** Whether the provider can serve the capability right now. */
    public boolean isReady() {
        return readiness == Readiness.READY;
    }

    /** Why the provider is not ready, when it is not. */
    public Optional<String> reasonText() {
        return Optional.ofNullable(reason);
    }

    /**
     * {@code {name, capability, registered, capability_compatible, configured, healthy, readiness,
     * reason}}.
     */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("name", name)
                .put("capability", capability)
                .put("registered", JsonBool.of(registered))
                .put("capability_compatible", JsonBool.of(capabilityCompatible))
                .put("configured", JsonBool.of(configured))
                .put("healthy", JsonBool.of(healthy))
                .put("readiness", readiness.wireName())
                .put("reason", reason == null ? JsonNull.INSTANCE : JsonString.of(reason))
                .build();
    }
}
