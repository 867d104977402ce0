package ai.worldforge.provider;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Value-free configuration status of a provider ({@code provider info}'s {@code config_summary}):
 * which variables are set and where they came from, never their values. Immutable and
 * thread-safe.
 *
 * @param provider provider name
 * @param configured whether the provider has what it needs to register
 * @param fields one entry per configuration variable, in the reference's order
 */
public record ProviderConfigSummary(String provider, boolean configured, List<ConfigFieldSummary> fields) {
    private static final List<String> SECRET_MARKERS =
            List.of("api_key", "api_secret", "secret", "token", "password", "credential");

    /** Validates the provider name and copies the fields. */
    public ProviderConfigSummary {
        if (provider == null || provider.isBlank()) {
            throw new WorldForgeException("ProviderConfigSummary provider must be a non-empty string.");
        }
        fields = List.copyOf(fields);
    }

    /**
     * The reference's default summary for a provider without declared configuration fields (a
     * host-registered provider outside the catalog): one required field per credential variable
     * ({@link ProviderProfile#credentialEnvVar()} when set, else every required variable), secret
     * when its name looks like a credential, present when set (non-blank) in {@code environment}.
     */
    public static ProviderConfigSummary fromProfile(
            ProviderProfile profile, boolean configured, Environment environment) {
        List<String> names = profile.credentialEnvVar().map(List::of).orElse(profile.requiredEnvVars());
        List<ConfigFieldSummary> fields = new ArrayList<>();
        for (String name : names) {
            boolean present = environment.isSet(name);
            fields.add(new ConfigFieldSummary(
                    name,
                    present,
                    present ? "env:" + name : "unset",
                    true,
                    looksSecret(name),
                    present,
                    present ? "" : "missing",
                    List.of()));
        }
        return new ProviderConfigSummary(profile.name(), configured, fields);
    }

    /** Whether a variable name looks like it holds a credential (the reference's markers). */
    public static boolean looksSecret(String name) {
        String lowered = name.toLowerCase(Locale.ROOT);
        for (String marker : SECRET_MARKERS) {
            if (lowered.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** {@code {provider, configured, fields}} in that order. */
    public JsonObject toJson() {
        List<JsonValue> fieldValues = new ArrayList<>();
        fields.forEach(field -> fieldValues.add(field.toJson()));
        return JsonObject.builder()
                .put("provider", JsonString.of(provider))
                .put("configured", JsonBool.of(configured))
                .put("fields", JsonArray.copyOf(fieldValues))
                .build();
    }
}
