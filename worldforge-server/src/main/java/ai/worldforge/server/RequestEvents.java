package ai.worldforge.server;

import ai.worldforge.event.JsonLoggerSink;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.event.Redaction;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one event handler of the host's shared forge: logs every provider event as the JSON record
 * the reference's per-request {@code JsonLoggerSink(extra_fields={request_id, host: "service"})}
 * writes, with the id of the request being served on the calling thread.
 *
 * <p>The reference builds a new forge and sink per request. Here the forge (and its providers,
 * which inherit this handler) is shared, and the request id lives in a thread-local {@link Scope}
 * that the HTTP worker opens before routing and closes after responding. Records are exactly
 * {@link JsonLoggerSink#format} with those extra fields ({@code RequestEventsTest} holds the two
 * equal); they are built here because a sink per request would validate its extra fields on every
 * request, which costs more than the rest of a {@code /healthz} answer. Events emitted outside a
 * request, or from threads a provider starts itself, carry {@code host} only. Provider metrics,
 * when configured, receive every event too.
 */
final class RequestEvents implements ProviderEventHandler {
    private static final JsonString EVENT_TYPE = JsonString.of("provider_event");
    private static final JsonString HOST = JsonString.of("service");

    private final ThreadLocal<@Nullable Scope> current = new ThreadLocal<>();
    private final @Nullable Consumer<String> lineWriter;
    private final Logger logger = LoggerFactory.getLogger("worldforge.providers");
    private final @Nullable ProviderEventHandler metrics;

    /**
     * @param lineWriter receives each record, or {@code null} to log on {@code worldforge.providers}
     *     at INFO (as {@link JsonLoggerSink} does by default)
     * @param metrics receives every event as well, or {@code null}
     */
    RequestEvents(@Nullable Consumer<String> lineWriter, @Nullable ProviderEventHandler metrics) {
        this.lineWriter = lineWriter;
        this.metrics = metrics;
    }

    /** Makes {@code requestId} the current request of this thread until the scope is closed. */
    Scope enter(String requestId) {
        Scope scope = new Scope(requestId);
        current.set(scope);
        return scope;
    }

    @Override
    public void handle(ProviderEvent event) {
        try {
            Consumer<String> writer = lineWriter;
            if (writer != null || logger.isInfoEnabled()) {
                Scope scope = current.get();
                String record = format(scope == null ? null : scope.requestIdJson(), event);
                if (writer != null) {
                    writer.accept(record);
                } else {
                    logger.info(record);
                }
            }
        } finally {
            ProviderEventHandler sink = metrics;
            if (sink != null) {
                sink.handle(event);
            }
        }
    }

    /**
     * {@code {"event_type": "provider_event", "request_id"?, "host": "service", **event}} as
     * canonical JSON; event fields win over the extra ones, as in {@link JsonLoggerSink}.
     */
    static String format(@Nullable JsonValue requestId, ProviderEvent event) {
        JsonObject fields = event.toJson();
        JsonObject.Builder out = JsonObject.builder(3 + fields.size());
        out.put("event_type", EVENT_TYPE);
        if (requestId != null) {
            out.put("request_id", requestId);
        }
        out.put("host", HOST);
        for (Map.Entry<String, JsonValue> member : fields.members().entrySet()) {
            out.put(member.getKey(), member.getValue());
        }
        return Json.write(out.build());
    }

    /** The current request of one thread. */
    final class Scope implements AutoCloseable {
        private final String requestId;
        private @Nullable JsonValue requestIdJson;

        private Scope(String requestId) {
            this.requestId = requestId;
        }

        /** The id as a log value, redacted like any extra field (computed on first use). */
        private JsonValue requestIdJson() {
            JsonValue value = requestIdJson;
            if (value == null) {
                value = Redaction.redactValue(JsonString.of(requestId));
                requestIdJson = value;
            }
            return value;
        }

        @Override
        public void close() {
            if (current.get() == this) {
                current.remove();
            }
        }
    }
}
