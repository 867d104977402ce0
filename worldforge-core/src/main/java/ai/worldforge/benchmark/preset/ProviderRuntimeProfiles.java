package ai.worldforge.benchmark.preset;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference's provider runtime profiles as far as presets need them: the variables each
 * live provider needs (all of {@code required}, and any one of {@code anyOf}).
 */
final class ProviderRuntimeProfiles {
    private record Profile(List<String> required, List<String> anyOf) {}

    private static final Map<String, Profile> PROFILES = Map.of(
            "cosmos", new Profile(List.of("COSMOS_BASE_URL"), List.of()),
            "cosmos-policy", new Profile(List.of("COSMOS_POLICY_BASE_URL"), List.of()),
            "runway", new Profile(List.of(), List.of("RUNWAYML_API_SECRET", "RUNWAY_API_SECRET")),
            "leworldmodel", new Profile(List.of(), List.of("LEWORLDMODEL_POLICY", "LEWM_POLICY")),
            "gr00t", new Profile(List.of("GROOT_POLICY_HOST"), List.of()),
            "lerobot", new Profile(List.of(), List.of("LEROBOT_POLICY_PATH", "LEROBOT_POLICY")));

    private ProviderRuntimeProfiles() {}

    static boolean isKnown(String profile) {
        return PROFILES.containsKey(profile);
    }

    /**
     * {@code provider profile '<name>' is not configured: missing A} (or {@code missing A or B})
     * for the first gap; empty when configured or unknown.
     */
    static Optional<String> skipReason(String profile, Map<String, String> environment) {
        Profile p = PROFILES.get(profile);
        if (p == null) {
            return Optional.empty();
        }
        for (String variable : p.required()) {
            if (!isSet(environment, variable)) {
                return Optional.of(gap(profile, variable));
            }
        }
        if (!p.anyOf().isEmpty() && p.anyOf().stream().noneMatch(v -> isSet(environment, v))) {
            return Optional.of(gap(profile, String.join(" or ", p.anyOf())));
        }
        return Optional.empty();
    }

    private static boolean isSet(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value != null && !value.isBlank();
    }

    private static String gap(String profile, String missing) {
        return "provider profile '" + profile + "' is not configured: missing " + missing;
    }
}
