package ai.worldforge.event;

import org.jspecify.annotations.Nullable;

/**
 * Receives {@link ProviderEvent}s emitted around provider calls. Events are already redacted.
 *
 * <p>Handlers may be called from any thread that calls a provider, possibly concurrently, so
 * implementations must be thread-safe; they run on the provider call path and should be fast.
 * The event is never {@code null}.
 */
@FunctionalInterface
public interface ProviderEventHandler {
    /** Handles one event. */
    void handle(ProviderEvent event);

    /**
     * {@code composeEventHandlers}: one handler fanning out to {@code handlers}, in order, with
     * each handler's failures isolated. Same as {@link ProviderEventHandlers#compose}, which
     * documents the rules.
     */
    static ProviderEventHandler compose(@Nullable ProviderEventHandler... handlers) {
        return ProviderEventHandlers.compose(handlers);
    }
}
