package ai.worldforge.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Records provider events in memory, for tests and local debugging (the reference's {@code
 * InMemoryRecorderSink}). Thread-safe; unbounded, so {@link #clear()} it in long-running hosts.
 *
 * <p>The reference stores and returns deep copies; events are immutable records here, so the
 * lists returned are fresh, unmodifiable copies holding the same event instances.
 */
public final class InMemoryRecorderSink implements ProviderEventHandler {
    private final List<ProviderEvent> events = new ArrayList<>();

    /** An empty recorder. */
    public InMemoryRecorderSink() {}

    @Override
    public void handle(ProviderEvent event) {
        synchronized (events) {
            events.add(event);
        }
    }

    /** The recorded events, oldest first (same as {@link #snapshot()}). */
    public List<ProviderEvent> events() {
        return snapshot();
    }

    /** A copy of the recorded events, oldest first. */
    public List<ProviderEvent> snapshot() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Number of recorded events. */
    public int size() {
        synchronized (events) {
            return events.size();
        }
    }

    /** Forgets every recorded event. */
    public void clear() {
        synchronized (events) {
            events.clear();
        }
    }
}
