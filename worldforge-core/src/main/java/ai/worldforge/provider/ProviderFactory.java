package ai.worldforge.provider;

import ai.worldforge.event.ProviderEventHandler;
import org.jspecify.annotations.Nullable;

/**
 * Service-provider interface through which a separate jar contributes a provider without changing
 * WorldForge (the Java form of the reference's {@code worldforge.providers} entry points).
 *
 * <p>List the implementation in {@code META-INF/services/ai.worldforge.provider.ProviderFactory}
 * (or {@code provides} it from a module). A forge built with discovery enabled (the default,
 * unless {@code WORLDFORGE_DISABLE_ENTRY_POINTS} is set in its environment) loads every factory,
 * checks that names are unique and do not shadow a catalog provider, and registers the created
 * provider when remote auto-registration is on, {@link #configured(Environment)} is true and the
 * provider itself reports {@link BaseProvider#configured()}.
 *
 * <p>Implementations need a public no-argument constructor and must be thread-safe.
 */
public interface ProviderFactory {
    /** The name of the provider this factory creates; the created provider must carry it. */
    String name();

    /**
     * Creates the provider.
     *
     * @param environment the forge's environment, where the provider reads its configuration
     * @param eventHandler the forge's event handler, or {@code null}
     */
    BaseProvider create(Environment environment, @Nullable ProviderEventHandler eventHandler);

    /**
     * A cheap check made before {@link #create}: false skips creation and registration. The
     * default, true, leaves the decision to the created provider's {@link BaseProvider#configured()}.
     */
    default boolean configured(Environment environment) {
        return true;
    }
}
