package ai.worldforge.negotiation;

import ai.worldforge.provider.Environment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference's live-runtime profiles of the catalog providers: the variables each needs
 * before it can run (all of {@code required}, and any one of {@code anyOf}). Providers without
 * a profile (mock, jepa, genie) never report a profile gap.
 */
final class RuntimeProfiles {
    private record Profile(List<String> required, List<String> anyOf) {}

    private static final Map<String, Profile> PROFILES = Map.of(
            "cosmos", new Profile(List.of("COSMOS_BASE_URL"), List.of()),
            "cosmos-policy", new Profile(List.of("COSMOS_POLICY_BASE_URL"), List.of()),
            "runway", new Profile(List.of(), List.of("RUNWAYML_API_SECRET", "RUNWAY_API_SECRET")),
            "leworldmodel", new Profile(List.of(), List.of("LEWORLDMODEL_POLICY", "LEWM_POLICY")),
            "gr00t", new Profile(List.of("GROOT_POLICY_HOST"), List.of()),
            "lerobot", new Profile(List.of(), List.of("LEROBOT_POLICY_PATH", "LEROBOT_POLICY")));

    private RuntimeProfiles() {}

    /**
     * {@code provider profile '{name}' is not configured: missing {VAR}} (or {@code missing A or B}
     * for any-of profiles) for the first gap; empty when {@code provider} has no profile or is
     * fully configured.
     */
    static Optional<String> missingReason(String provider, Environment environment) {
        Profile profile = PROFILES.get(provider);
        if (profile == null) {
            return Optional.empty();
        }
        for (String variable : profile.required()) {
            if (!environment.isSet(variable)) {
                return Optional.of(gap(provider, variable));
            }
        }
        if (!profile.anyOf().isEmpty() && profile.anyOf().stream().noneMatch(environment::isSet)) {
            return Optional.of(gap(provider, String.join(" or ", profile.anyOf())));
        }
        return Optional.empty();
    }

    private static String gap(String provider, String missing) {
        return "provider profile '" + provider + "' is not configured: missing " + missing;
    }
}
