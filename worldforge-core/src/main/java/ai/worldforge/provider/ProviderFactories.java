package ai.worldforge.provider;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEventHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * {@link ServiceLoader} discovery of external {@link ProviderFactory} implementations. Stateless
 * and thread-safe.
 */
public final class ProviderFactories {
    /** The variable that, when set to a non-blank value, turns discovery off by default. */
    public static final String DISABLE_ENV_VAR = "WORLDFORGE_DISABLE_ENTRY_POINTS";

    private ProviderFactories() {}

    /** Whether discovery is on by default under {@code environment} (it is unless disabled). */
    public static boolean enabledByDefault(Environment environment) {
        return !environment.isSet(DISABLE_ENV_VAR);
    }

    /**
     * Every factory visible to {@code loader}, in discovery order, after checking names.
     *
     * <p>Unlike the reference, which skips bad entry points and records why, a broken or ambiguous
     * factory fails the forge's construction: a provider name silently resolving to one of two
     * jars (or shadowing a built-in) is the kind of surprise a deployment should see at start-up.
     *
     * @throws WorldForgeException when a factory cannot be loaded or instantiated, declares a blank
     *     name, shares its name with another factory, or uses a catalog provider's name
     */
    public static List<ProviderFactory> discover(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        Map<String, ProviderFactory> byName = new LinkedHashMap<>();
        List<String> catalog = ProviderCatalog.names();
        try {
            for (ProviderFactory factory : ServiceLoader.load(ProviderFactory.class, loader)) {
                String type = factory.getClass().getName();
                String name = factory.name();
                if (name == null || name.isBlank()) {
                    throw new WorldForgeException("Provider factory " + type + " must declare a non-empty name.");
                }
                if (catalog.contains(name)) {
                    throw new WorldForgeException("Provider factory " + type + " declares the name '" + name
                            + "', which belongs to the built-in catalog provider '" + name
                            + "'. External providers must use a different name.");
                }
                ProviderFactory earlier = byName.get(name);
                if (earlier != null) {
                    throw new WorldForgeException(
                            "Provider factories " + earlier.getClass().getName() + " and "
                                    + type + " both declare the provider name '" + name
                                    + "'. Provider names must be unique.");
                }
                byName.put(name, factory);
            }
        } catch (ServiceConfigurationError e) {
            throw new WorldForgeException("Provider factory discovery failed: " + e.getMessage(), e);
        }
        return List.copyOf(new ArrayList<>(byName.values()));
    }

    /**
     * Creates the provider of {@code factory} and checks that it carries the factory's name.
     *
     * @throws WorldForgeException when the factory throws, returns nothing or names the provider
     *     differently
     */
    public static BaseProvider create(
            ProviderFactory factory, Environment environment, @Nullable ProviderEventHandler eventHandler) {
        String type = factory.getClass().getName();
        BaseProvider provider;
        try {
            provider = factory.create(environment, eventHandler);
        } catch (WorldForgeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WorldForgeException(
                    "Provider factory " + type + " failed to create '" + factory.name() + "': " + e.getMessage(), e);
        }
        if (provider == null) {
            throw new WorldForgeException("Provider factory " + type + " returned no provider.");
        }
        if (!provider.name().equals(factory.name())) {
            throw new WorldForgeException("Provider factory " + type + " declares '" + factory.name()
                    + "' but created a provider named '" + provider.name() + "'; the names must match.");
        }
        return provider;
    }
}
