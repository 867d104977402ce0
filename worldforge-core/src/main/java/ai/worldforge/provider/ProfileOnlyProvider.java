package ai.worldforge.provider;

import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import org.jspecify.annotations.Nullable;

/**
 * A catalog provider whose adapter this build does not contain. It carries the reference's
 * profile (so {@code provider profile} and {@code doctor} describe it) but is never registered
 * and always reports unhealthy: unconfigured, or configured without an adapter. Every capability
 * call fails closed through {@link BaseProvider}'s defaults.
 */
final class ProfileOnlyProvider extends BaseProvider {
    private final CatalogEntry entry;

    ProfileOnlyProvider(CatalogEntry entry, Environment environment, @Nullable ProviderEventHandler handler) {
        super(entry.profile(), environment, handler);
        this.entry = entry;
    }

    @Override
    public boolean configured() {
        return entry.configured(environment());
    }

    @Override
    protected String missingConfiguration() {
        return entry.unconfiguredDetails(environment());
    }

    @Override
    public ProviderHealth health() {
        if (!configured()) {
            return new ProviderHealth(name(), false, 0.0, entry.unconfiguredDetails(environment()));
        }
        return new ProviderHealth(name(), false, 0.0, adapterMissing());
    }

    @Override
    public ProviderLifecycleResult preflight() {
        if (!configured()) {
            return new ProviderLifecycleResult(
                    name(),
                    "preflight",
                    "skipped",
                    false,
                    0.0,
                    entry.preflightSkipReason(),
                    entry.preflightSkipReason(),
                    JsonObject.of("configured", JsonBool.FALSE));
        }
        return new ProviderLifecycleResult(
                name(),
                "preflight",
                "failed",
                false,
                0.0,
                adapterMissing(),
                "",
                JsonObject.of("configured", JsonBool.TRUE));
    }

    private String adapterMissing() {
        return "configured, but WorldForge for Java " + "does not include the '" + name()
                + "' adapter in this build; it is listed for diagnostics only";
    }
}
