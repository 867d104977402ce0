package ai.worldforge.server;

import ai.worldforge.event.JsonLoggerSink;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one event handler of the host's shared forge, giving every provider event the JSON log
 * fields of the request being served on the calling thread.
 *
 * <p>The reference builds a new forge with a new {@code JsonLoggerSink(extra_fields={request_id,
 * host})} per request. Here the forge (and its providers, which inherit this handler) is shared,
 * and the request's sink lives in a thread-local {@link Scope} that the HTTP worker opens before
 * routing and closes after responding; the sink itself is only built when the request's first
 * event arrives, so routes without provider events ({@code /healthz}) pay nothing. Events emitted
 * outside a request (or from threads a provider starts itself) are logged with {@code host}
 * only. Provider metrics, when configured, receive every event.
 */
final class RequestEvents implements ProviderEventHandler {
    private final ThreadLocal<@Nullable Scope> current = new ThreadLocal<>();
    private final Function<JsonObject, ProviderEventHandler> sinkFactory;
    private final ProviderEventHandler outsideRequests;
    private final @Nullable ProviderEventHandler metrics;

    /**
     * @param sinkFactory builds the JSON log sink for a set of extra fields
     * @param metrics receives every event as well, or {@code null}
     */
    RequestEvents(Function<JsonObject, ProviderEventHandler> sinkFactory, @Nullable ProviderEventHandler metrics) {
        this.sinkFactory = Objects.requireNonNull(sinkFactory, "sinkFactory");
        this.outsideRequests = sinkFactory.apply(JsonObject.of("host", JsonString.of("service")));
        this.metrics = metrics;
    }

    /** A factory of {@link JsonLoggerSink}s writing to {@code lineWriter}, or to SLF4J when null. */
    static Function<JsonObject, ProviderEventHandler> jsonLogSinks(
            java.util.function.@Nullable Consumer<String> lineWriter) {
        return extras -> {
            JsonLoggerSink.Builder builder = JsonLoggerSink.builder().extraFields(extras);
            if (lineWriter != null) {
                builder.lineWriter(lineWriter);
            }
            return builder.build();
        };
    }

    /** Makes {@code requestId} the current request of this thread until the scope is closed. */
    Scope enter(String requestId) {
        Scope scope = new Scope(requestId);
        current.set(scope);
        return scope;
    }

    @Override
    public void handle(ProviderEvent event) {
        Scope scope = current.get();
        try {
            (scope == null ? outsideRequests : scope.sink()).handle(event);
        } finally {
            ProviderEventHandler sink = metrics;
            if (sink != null) {
                sink.handle(event);
            }
        }
    }

    /** The current request's logging context on one thread. */
    final class Scope implements AutoCloseable {
        private final String requestId;
        private @Nullable ProviderEventHandler sink;

        private Scope(String requestId) {
            this.requestId = requestId;
        }

        /** The request id. */
        String requestId() {
            return requestId;
        }

        private ProviderEventHandler sink() {
            ProviderEventHandler built = sink;
            if (built == null) {
                built = sinkFactory.apply(JsonObject.builder()
                        .put("request_id", JsonString.of(requestId))
                        .put("host", JsonString.of("service"))
                        .build());
                sink = built;
            }
            return built;
        }

        @Override
        public void close() {
            if (current.get() == this) {
                current.remove();
            }
        }
    }
}
