package ai.worldforge.negotiation;

import ai.worldforge.error.ProviderException;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCapabilities;
import ai.worldforge.provider.ProviderHealth;
import ai.worldforge.provider.ProviderProfile;

/** A provider whose configuration and health the test decides. */
final class StubProvider extends BaseProvider {
    /** What {@link #health()} does. */
    enum Health {
        HEALTHY,
        UNHEALTHY,
        THROWS
    }

    private final boolean configured;
    private final Health health;

    StubProvider(String name, boolean configured, Health health, Capability... capabilities) {
        super(
                ProviderProfile.builder(name)
                        .capabilities(ProviderCapabilities.of(capabilities))
                        .build(),
                Environment.empty(),
                null);
        this.configured = configured;
        this.health = health;
    }

    @Override
    public boolean configured() {
        return configured;
    }

    @Override
    public ProviderHealth health() {
        return switch (health) {
            case HEALTHY -> new ProviderHealth(name(), true, 0.0, "configured");
            case UNHEALTHY -> new ProviderHealth(name(), false, 0.0, "runtime down");
            case THROWS -> throw new ProviderException("health probe crashed");
        };
    }
}
