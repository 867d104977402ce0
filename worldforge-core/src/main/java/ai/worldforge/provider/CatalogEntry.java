package ai.worldforge.provider;

import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.provider.cosmos.CosmosProvider;
import ai.worldforge.provider.cosmospolicy.CosmosPolicyConfig;
import ai.worldforge.provider.cosmospolicy.CosmosPolicyHttp;
import ai.worldforge.provider.cosmospolicy.CosmosPolicyProvider;
import ai.worldforge.provider.mock.MockProvider;
import ai.worldforge.provider.runway.RunwayProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One provider the reference ships, with its registration policy. Immutable and thread-safe.
 *
 * @param name provider name
 * @param alwaysRegister whether every forge registers it ({@code mock} only)
 * @param docsPath this project's documentation page for the provider, relative to the repository
 *     root (the reference points at its own {@code docs/src/providers/} pages instead)
 * @param runtimeOwnership who owns the provider's runtime
 * @param registerEnvVars variables any one of which (non-blank) makes the forge auto-register it
 * @param unconfiguredDetails health details when unconfigured
 * @param unconfiguredDetailsWhenSet text appended to {@code unconfiguredDetails} per variable
 *     that is set (jepa's legacy {@code JEPA_MODEL_PATH} note)
 * @param preflightSkipReason preflight skip reason when unconfigured
 * @param profile the default profile
 * @param adapterAvailable whether this build contains a working adapter for it
 * @param configFields the configuration variables it reads, in the reference's summary order
 */
public record CatalogEntry(
        String name,
        boolean alwaysRegister,
        String docsPath,
        String runtimeOwnership,
        List<String> registerEnvVars,
        String unconfiguredDetails,
        Map<String, String> unconfiguredDetailsWhenSet,
        String preflightSkipReason,
        ProviderProfile profile,
        boolean adapterAvailable,
        List<ProviderConfigField> configFields) {
    /** Capability order of the reference's documentation tables. */
    private static final List<Capability> DOC_CAPABILITY_ORDER = List.of(
            Capability.PREDICT,
            Capability.GENERATE,
            Capability.TRANSFER,
            Capability.SCORE,
            Capability.POLICY,
            Capability.REASON,
            Capability.EMBED,
            Capability.PLAN);

    /** Validates presence and copies lists. */
    public CatalogEntry {
        Objects.requireNonNull(name);
        Objects.requireNonNull(docsPath);
        Objects.requireNonNull(runtimeOwnership);
        unconfiguredDetailsWhenSet = Map.copyOf(unconfiguredDetailsWhenSet);
        registerEnvVars = List.copyOf(registerEnvVars);
        Objects.requireNonNull(unconfiguredDetails);
        Objects.requireNonNull(preflightSkipReason);
        Objects.requireNonNull(profile);
        configFields = List.copyOf(configFields);
    }

    /**
     * Health details of the unconfigured provider under {@code environment}: {@link
     * #unconfiguredDetails()} plus the note of each set variable listed in {@link
     * #unconfiguredDetailsWhenSet()}.
     */
    public String unconfiguredDetails(Environment environment) {
        StringBuilder details = new StringBuilder(unconfiguredDetails);
        new TreeMap<>(unconfiguredDetailsWhenSet).forEach((variable, note) -> {
            if (environment.isSet(variable)) {
                details.append(note);
            }
        });
        return details.toString();
    }

    /** Whether any registration variable is set in {@code environment}. */
    public boolean configured(Environment environment) {
        if (registerEnvVars.isEmpty()) {
            return true;
        }
        for (String variable : registerEnvVars) {
            if (environment.isSet(variable)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value-free configuration summary under {@code environment} ({@code provider info}'s
     * {@code config_summary}). Set values are validated first, as the reference's constructor
     * does; an invalid one throws {@link ai.worldforge.error.WorldForgeException} with the
     * reference's message.
     */
    public ProviderConfigSummary configSummary(Environment environment) {
        List<ConfigFieldSummary> fields = new ArrayList<>();
        for (ProviderConfigField field : configFields) {
            fields.add(field.summarize(environment));
        }
        return new ProviderConfigSummary(name, configured(environment), fields);
    }

    /**
     * Validates every set configuration variable in field order, throwing {@link
     * ai.worldforge.error.WorldForgeException} with the reference's message for the first invalid
     * one (the reference fails the same way when it constructs the provider).
     */
    public void validateConfiguration(Environment environment) {
        for (ProviderConfigField field : configFields) {
            field.validate(environment);
        }
    }

    /**
     * This provider's row of the documentation index ({@code provider docs}): docs path, maturity,
     * capability surface and registration rule, derived from the profile as the reference does.
     */
    public ProviderDocsEntry docsEntry() {
        String registration;
        if (alwaysRegister) {
            registration = "always registered";
        } else if (!profile.requiredEnvVars().isEmpty()) {
            registration = String.join(" or ", profile.requiredEnvVars());
        } else {
            registration = "direct construction";
        }
        return new ProviderDocsEntry(
                name,
                docsPath,
                profile.implementationStatus(),
                capabilitySurface(profile),
                registration,
                runtimeOwnership);
    }

    private static String capabilitySurface(ProviderProfile profile) {
        if (profile.implementationStatus().equals("scaffold")) {
            return "scaffold";
        }
        List<String> names = new ArrayList<>();
        for (Capability capability : DOC_CAPABILITY_ORDER) {
            if (profile.capabilities().supports(capability)) {
                names.add(capability.wireName());
            }
        }
        if (!names.isEmpty()) {
            return String.join(", ", names);
        }
        String notes = String.join(" ", profile.notes()).toLowerCase(java.util.Locale.ROOT);
        String artifacts = String.join(" ", profile.artifactTypes()).toLowerCase(java.util.Locale.ROOT);
        if (notes.contains("action_translator") && artifacts.contains("action_policy")) {
            return "none (policy requires host action_translator)";
        }
        return "none";
    }

    /**
     * Instantiates the provider. Entries without an adapter in this build yield a profile-only
     * provider that reports itself unavailable and advertises nothing it can run.
     */
    public BaseProvider create(Environment environment, @Nullable ProviderEventHandler handler) {
        if (name.equals(MockProvider.NAME)) {
            return new MockProvider(MockProvider.NAME, handler);
        }
        if (name.equals(CosmosProvider.NAME)) {
            return new CosmosProvider(environment, handler);
        }
        if (name.equals(CosmosPolicyConfig.PROVIDER_NAME)) {
            // Without a host action translator the provider is configured and healthy but
            // advertises no capability; hosts register their own instance with a translator.
            CosmosPolicyHttp http = CosmosPolicyHttp.system(name);
            return CosmosPolicyProvider.fromEnvironment(environment, null, http, http, handler);
        }
        if (name.equals(RunwayProvider.NAME)) {
            return new RunwayProvider(environment, handler);
        }
        return new ProfileOnlyProvider(this, environment, handler);
    }
}
