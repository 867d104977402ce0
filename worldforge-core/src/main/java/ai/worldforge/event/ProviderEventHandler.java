package ai.worldforge.event;

/**
 * Receives provider events. Handlers may be called from any thread that calls a provider, so
 * implementations must be thread-safe and should be fast (they run on the provider call path).
 */
@FunctionalInterface
public interface ProviderEventHandler {
    /** Handles one event. */
    void handle(ProviderEvent event);
}
