package ai.worldforge.server;

import ai.worldforge.event.Redaction;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service host's own log records, canonical JSON with {@code "host": "service"}: {@code
 * service_error} (a request failed unexpectedly), {@code service_deadline_overrun} (work went on
 * after its request was answered 504) and {@code service_stopped}. They go to the host's line
 * writer when one is set, else to SLF4J ({@code worldforge.service_host}). Messages pass through
 * the secret redactor; stack traces are logged only at DEBUG. Thread-safe.
 */
final class HostRecords {
    private static final Logger LOG = LoggerFactory.getLogger("worldforge.service_host");

    private final @Nullable Consumer<String> lineWriter;

    HostRecords(@Nullable Consumer<String> lineWriter) {
        this.lineWriter = lineWriter;
    }

    /** {@code service_error} for {@code error}, which ended request {@code requestId} with a 500. */
    void serviceError(String requestId, Throwable error) {
        String message = error.getMessage() == null ? "" : Redaction.redactText(error.getMessage());
        write(
                true,
                JsonObject.builder()
                        .put("event_type", "service_error")
                        .put("request_id", requestId)
                        .put("host", "service")
                        .put("error_class", error.getClass().getName())
                        .put("message", message)
                        .build());
        // The trace can carry unredacted text (causes, arguments); only at DEBUG.
        LOG.debug("request {} failed", requestId, error);
    }

    /**
     * {@code service_deadline_overrun}: the work of {@code requestId} ended {@code overrunMillis}
     * after its deadline, by returning ({@code completed}) or by throwing, typically at the
     * interrupt ({@code stopped}).
     */
    void deadlineOverrun(String requestId, long overrunMillis, @Nullable Throwable failure) {
        JsonObject.Builder record = JsonObject.builder()
                .put("event_type", "service_deadline_overrun")
                .put("request_id", requestId)
                .put("host", "service")
                .put("overrun_ms", overrunMillis)
                .put("outcome", failure == null ? "completed" : "stopped");
        if (failure != null) {
            record.put("error_class", failure.getClass().getName());
        }
        write(false, record.build());
    }

    /** {@code service_stopped} with the request count, the requests abandoned and the heap. */
    void stopped(long requestsTotal, int abandoned) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        write(
                false,
                JsonObject.builder()
                        .put("event_type", "service_stopped")
                        .put("host", "service")
                        .put("requests_total", requestsTotal)
                        .put("abandoned_requests", abandoned)
                        .put("heap_used_bytes", heap.getUsed())
                        .put("heap_committed_bytes", heap.getCommitted())
                        .build());
    }

    private void write(boolean error, JsonObject record) {
        Consumer<String> writer = lineWriter;
        if (writer != null) {
            writer.accept(Json.write(record));
        } else if (error ? LOG.isErrorEnabled() : LOG.isInfoEnabled()) {
            if (error) {
                LOG.error(Json.write(record));
            } else {
                LOG.info(Json.write(record));
            }
        }
    }
}
