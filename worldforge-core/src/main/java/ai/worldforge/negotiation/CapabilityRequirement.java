package ai.worldforge.negotiation;

import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One capability a workflow needs, with every candidate provider. Immutable and thread-safe.
 *
 * @param capability capability name
 * @param ready whether at least one candidate is ready
 * @param candidates candidate providers: catalog providers advertising the capability in catalog
 *     order, then other registered providers advertising it, sorted by name
 * @param recommendedAction the next step when not ready, else {@code null}
 */
public record CapabilityRequirement(
        String capability,
        boolean ready,
        List<ProviderCandidateStatus> candidates,
        @Nullable String recommendedAction) {
    /** Validates presence and copies the list. */
    public CapabilityRequirement {
        Objects.requireNonNull(capability, "capability");
        candidates = List.copyOf(candidates);
    }

    /** Names of the ready candidates, in candidate order. */
    public List<String> readyProviders() {
        List<String> names = new ArrayList<>();
        for (ProviderCandidateStatus status : candidates) {
            if (status.isReady()) {
                names.add(status.name());
            }
        }
        return List.copyOf(names);
    }

    /** The next step, when the capability is not covered. */
    public Optional<String> recommendation() {
        return Optional.ofNullable(recommendedAction);
    }

    /** {@code {capability, ready, ready_providers, candidates, recommended_action}}. */
    public JsonObject toJson() {
        List<JsonValue> ready = new ArrayList<>();
        readyProviders().forEach(n -> ready.add(JsonString.of(n)));
        List<JsonValue> statuses = new ArrayList<>();
        candidates.forEach(c -> statuses.add(c.toJson()));
        return JsonObject.builder()
                .put("capability", capability)
                .put("ready", JsonBool.of(this.ready))
                .put("ready_providers", JsonArray.copyOf(ready))
                .put("candidates", JsonArray.copyOf(statuses))
                .put(
                        "recommended_action",
                        recommendedAction == null ? JsonNull.INSTANCE : JsonString.of(recommendedAction))
                .build();
    }
}
