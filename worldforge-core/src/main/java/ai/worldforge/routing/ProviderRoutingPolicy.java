package ai.worldforge.routing;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Capability;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which providers to try for one capability call, in order. Immutable and thread-safe.
 *
 * @param capability capability name (one of {@link Capability#NAMES})
 * @param preferred the provider tried first (stripped, non-blank)
 * @param fallbacks providers tried next, in order (each stripped, non-blank)
 * @param requireCapability skip providers that do not advertise {@code capability}
 * @param operation a label for the routed operation (stripped, non-blank)
 */
public record ProviderRoutingPolicy(
        String capability, String preferred, List<String> fallbacks, boolean requireCapability, String operation) {
    /**
     * Validates with the reference's messages.
     *
     * @throws WorldForgeException for an unknown capability, blank names or operation, or a
     *     provider named twice in the chain ({@code ProviderRoutingPolicy provider '{n}'
     *     duplicated in chain.})
     */
    public ProviderRoutingPolicy {
        if (capability == null || !Capability.NAMES.contains(capability)) {
            throw new WorldForgeException(
                    "ProviderRoutingPolicy capability must be one of: " + String.join(", ", Capability.NAMES) + ".");
        }
        if (preferred == null || preferred.isBlank()) {
            throw new WorldForgeException("ProviderRoutingPolicy preferred must be a non-empty string.");
        }
        preferred = preferred.strip();
        if (fallbacks == null) {
            throw new WorldForgeException("ProviderRoutingPolicy fallbacks must be a sequence of provider names.");
        }
        List<String> cleaned = new ArrayList<>();
        for (@Nullable String entry : fallbacks) {
            if (entry == null || entry.isBlank()) {
                throw new WorldForgeException("ProviderRoutingPolicy fallbacks must be non-empty strings.");
            }
            cleaned.add(entry.strip());
        }
        Set<String> seen = new HashSet<>();
        seen.add(preferred);
        for (String entry : cleaned) {
            if (!seen.add(entry)) {
                throw new WorldForgeException("ProviderRoutingPolicy provider '" + entry + "' duplicated in chain.");
            }
        }
        fallbacks = List.copyOf(cleaned);
        if (operation == null || operation.isBlank()) {
            throw new WorldForgeException("ProviderRoutingPolicy operation must be a non-empty string.");
        }
        operation = operation.strip();
    }

    /** A policy that requires the capability, with operation {@code routing}. */
    public ProviderRoutingPolicy(String capability, String preferred, List<String> fallbacks) {
        this(capability, preferred, fallbacks, true, "routing");
    }

    /** A policy that requires the capability, with operation {@code routing}. */
    public static ProviderRoutingPolicy of(Capability capability, String preferred, String... fallbacks) {
        return new ProviderRoutingPolicy(capability.wireName(), preferred, List.of(fallbacks));
    }

    /** The ordered chain: preferred first, then the fallbacks. */
    public List<String> chain() {
        List<String> chain = new ArrayList<>(fallbacks.size() + 1);
        chain.add(preferred);
        chain.addAll(fallbacks);
        return List.copyOf(chain);
    }

    /** {@code {capability, preferred, fallbacks, require_capability, operation}}. */
    public JsonObject toJson() {
        List<JsonValue> names = new ArrayList<>();
        fallbacks.forEach(n -> names.add(JsonString.of(n)));
        return JsonObject.builder()
                .put("capability", capability)
                .put("preferred", preferred)
                .put("fallbacks", JsonArray.copyOf(names))
                .put("require_capability", JsonBool.of(requireCapability))
                .put("operation", operation)
                .build();
    }
}
