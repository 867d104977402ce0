package ai.worldforge.provider;

import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.provider.mock.MockProvider;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One provider the reference ships, with its registration policy. Immutable and thread-safe.
 *
 * @param name provider name
 * @param alwaysRegister whether every forge registers it ({@code mock} only)
 * @param docsPage provider documentation page, when any
 * @param runtimeOwnership who owns the provider's runtime
 * @param registerEnvVars variables any one of which (non-blank) makes the forge auto-register it
 * @param unconfiguredDetails health details when unconfigured
 * @param preflightSkipReason preflight skip reason when unconfigured
 * @param profile the default profile
 * @param adapterAvailable whether this build contains a working adapter for it
 */
public record CatalogEntry(
        String name,
        boolean alwaysRegister,
        @Nullable String docsPage,
        String runtimeOwnership,
        List<String> registerEnvVars,
        String unconfiguredDetails,
        String preflightSkipReason,
        ProviderProfile profile,
        boolean adapterAvailable) {
    /** Validates presence and copies lists. */
    public CatalogEntry {
        Objects.requireNonNull(name);
        Objects.requireNonNull(runtimeOwnership);
        registerEnvVars = List.copyOf(registerEnvVars);
        Objects.requireNonNull(unconfiguredDetails);
        Objects.requireNonNull(preflightSkipReason);
        Objects.requireNonNull(profile);
    }

    /** Documentation page, when any. */
    public Optional<String> docs() {
        return Optional.ofNullable(docsPage);
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
     * Instantiates the provider. Entries without an adapter in this build yield a profile-only
     * provider that reports itself unavailable and advertises nothing it can run.
     */
    public BaseProvider create(Environment environment, @Nullable ProviderEventHandler handler) {
        if (name.equals(MockProvider.NAME)) {
            return new MockProvider(MockProvider.NAME, handler);
        }
        return new ProfileOnlyProvider(this, environment, handler);
    }
}
