package ai.worldforge;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Diagnostics of a forge: where worlds live, how many there are, each provider's registration,
 * health and lifecycle, and a list of human-readable issues. Immutable and thread-safe.
 *
 * @param stateDir world storage location
 * @param worldCount number of stored worlds
 * @param providers per-provider status, sorted by name
 * @param issues one line per unhealthy provider
 */
public record DoctorReport(String stateDir, int worldCount, List<ProviderDoctorStatus> providers, List<String> issues) {
    /** Copies lists. */
    public DoctorReport {
        Objects.requireNonNull(stateDir);
        providers = List.copyOf(providers);
        issues = List.copyOf(issues);
    }

    /** Number of providers listed. */
    public int providerCount() {
        return providers.size();
    }

    /** Number of healthy providers. */
    public int healthyProviderCount() {
        return (int) providers.stream().filter(p -> p.health().healthy()).count();
    }

    /** Number of registered providers. */
    public int registeredProviderCount() {
        return (int) providers.stream().filter(ProviderDoctorStatus::registered).count();
    }

    /** The reference's {@code to_dict()}. */
    public JsonObject toJsonObject() {
        List<JsonValue> providerJson = new ArrayList<>();
        providers.forEach(p -> providerJson.add(p.toJson()));
        List<JsonValue> issueJson = new ArrayList<>();
        issues.forEach(i -> issueJson.add(JsonString.of(i)));
        return JsonObject.builder()
                .put("state_dir", JsonString.of(stateDir))
                .put("world_count", JsonInt.of(worldCount))
                .put("provider_count", JsonInt.of(providerCount()))
                .put("healthy_provider_count", JsonInt.of(healthyProviderCount()))
                .put("registered_provider_count", JsonInt.of(registeredProviderCount()))
                .put("providers", JsonArray.copyOf(providerJson))
                .put("issues", JsonArray.copyOf(issueJson))
                .build();
    }

    /** Canonical JSON of {@link #toJsonObject()}. */
    public String toJson() {
        return Json.write(toJsonObject());
    }
}
