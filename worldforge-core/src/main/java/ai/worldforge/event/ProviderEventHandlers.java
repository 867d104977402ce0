package ai.worldforge.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes provider event handlers (the reference's {@code compose_event_handlers}).
 *
 * <p>{@link #compose} drops {@code null} entries (and the {@link #noop()} handler), flattens nested
 * fan-outs, and returns: {@link #noop()} for no handler (Java has no {@code None} worth passing
 * around; the no-op is a real handler, so the result can go straight into {@code
 * WorldForge.builder().eventHandler(...)}); the single handler itself, unwrapped, for one; a
 * {@link Fanout} for two or more.
 *
 * <p><b>Difference from the reference:</b> the reference's fan-out lets a handler's exception
 * propagate, skipping the handlers after it. Here each handler is isolated: an exception from
 * one is counted ({@link Fanout#failureCount(int)}), logged once per handler on the {@code
 * worldforge.providers} SLF4J logger at WARN with its message redacted, and the remaining handlers
 * still run. A broken metrics exporter must not silence the run log. {@link Error}s (out of
 * memory, stack overflow) are not caught. A single unwrapped handler is called directly, so its
 * exceptions still reach the provider as in the reference.
 *
 * <p>The reference hands each handler a fresh deep copy of the event; {@link ProviderEvent} is an
 * immutable record over immutable JSON, so every handler receives the same instance safely.
 */
public final class ProviderEventHandlers {
    /** The logger fan-out failures are reported on (the same one {@link JsonLoggerSink} uses). */
    static final String LOGGER_NAME = "worldforge.providers";

    private static final ProviderEventHandler NOOP = new ProviderEventHandler() {
        @Override
        public void handle(ProviderEvent event) {
            // Intentionally empty: the composition of no handlers.
        }

        @Override
        public String toString() {
            return "ProviderEventHandlers.noop()";
        }
    };

    private ProviderEventHandlers() {}

    /** The handler that ignores every event; what {@link #compose} returns for no handlers. */
    public static ProviderEventHandler noop() {
        return NOOP;
    }

    /**
     * One handler composed from {@code handlers}, in order (see the class documentation).
     *
     * @param handlers handlers; {@code null} entries are ignored
     * @return {@link #noop()}, the only handler, or a {@link Fanout}
     */
    public static ProviderEventHandler compose(@Nullable ProviderEventHandler... handlers) {
        return compose(handlers == null ? List.of() : Arrays.asList(handlers));
    }

    /** {@link #compose(ProviderEventHandler...)} over a list ({@code null} entries ignored). */
    public static ProviderEventHandler compose(List<? extends @Nullable ProviderEventHandler> handlers) {
        List<ProviderEventHandler> resolved = new ArrayList<>();
        for (ProviderEventHandler handler : handlers) {
            if (handler == null || handler == NOOP) {
                continue;
            }
            if (handler instanceof Fanout fanout) {
                resolved.addAll(fanout.handlers);
            } else {
                resolved.add(handler);
            }
        }
        if (resolved.isEmpty()) {
            return NOOP;
        }
        if (resolved.size() == 1) {
            return resolved.get(0);
        }
        return new Fanout(resolved, LoggerFactory.getLogger(LOGGER_NAME));
    }

    /**
     * Calls several handlers in order, isolating each one's failures. Thread-safe: failure counts
     * are atomic, and the handlers themselves must be thread-safe as any handler must.
     */
    public static final class Fanout implements ProviderEventHandler {
        private final List<ProviderEventHandler> handlers;
        private final ProviderEventHandler[] array;
        private final AtomicLongArray failures;
        private final Logger logger;

        Fanout(List<ProviderEventHandler> handlers, Logger logger) {
            this.handlers = Collections.unmodifiableList(new ArrayList<>(handlers));
            this.array = handlers.toArray(new ProviderEventHandler[0]);
            this.failures = new AtomicLongArray(array.length);
            this.logger = logger;
        }

        /** The composed handlers, in call order (never nested fan-outs). */
        public List<ProviderEventHandler> handlers() {
            return handlers;
        }

        /** How many events the handler at {@code index} (in {@link #handlers()}) has thrown on. */
        public long failureCount(int index) {
            return failures.get(index);
        }

        /** Failure counts aligned with {@link #handlers()}. */
        public List<Long> failureCounts() {
            Long[] out = new Long[array.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = failures.get(i);
            }
            return List.of(out);
        }

        @Override
        public void handle(ProviderEvent event) {
            for (int i = 0; i < array.length; i++) {
                try {
                    array[i].handle(event);
                } catch (RuntimeException e) {
                    recordFailure(i, e);
                }
            }
        }

        private void recordFailure(int index, RuntimeException e) {
            // Log only the first failure of each handler: a handler broken for good would
            // otherwise log once per provider event. The count keeps the full picture.
            if (failures.incrementAndGet(index) == 1 && logger.isWarnEnabled()) {
                String message = e.getMessage() == null ? "" : Redaction.redactText(e.getMessage());
                // The throwable is not passed to the logger: its message and causes are not
                // redacted. Class and redacted message identify the problem.
                logger.warn(
                        "Provider event handler {} (position {}) failed and was skipped; further failures"
                                + " of this handler are counted, not logged: {}: {}",
                        array[index].getClass().getName(),
                        index,
                        e.getClass().getName(),
                        message);
            }
        }

        @Override
        public String toString() {
            return "ProviderEventHandlers.Fanout" + handlers;
        }
    }
}
