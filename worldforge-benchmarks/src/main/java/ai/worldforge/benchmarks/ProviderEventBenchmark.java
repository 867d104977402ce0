package ai.worldforge.benchmarks;

import ai.worldforge.event.InMemoryMetricsExporter;
import ai.worldforge.event.InMemoryRecorderSink;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.event.ProviderEventHandlers;
import ai.worldforge.event.ProviderMetricsExporterSink;
import ai.worldforge.event.ProviderMetricsSink;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One provider event per operation: built (validated, target sanitised, message and metadata
 * redacted) and fanned out to an in-memory recorder, the aggregate metrics sink and the metrics
 * exporter sink over the in-memory exporter. Target: at most 2 µs per event; measured about 1.4 µs
 * on the 2-core development machine (docs/observability.md).
 *
 * <p>The recorder and the exporter's histogram list grow with every event, so both are cleared
 * every {@value #CLEAR_EVERY} events; otherwise the benchmark would measure memory growth.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProviderEventBenchmark {
    private static final int CLEAR_EVERY = 4_096;

    private final JsonObject metadata = JsonObject.of(
            "capability", JsonString.of("predict"), "status", JsonString.of("submitted"), "steps", JsonInt.of(4));
    private InMemoryRecorderSink recorder;
    private InMemoryMetricsExporter exporter;
    private ProviderEventHandler handler;
    private ProviderEvent prebuilt;
    private int count;

    /** Wires the three sinks behind one fan-out. */
    @Setup
    public void setUp() {
        recorder = new InMemoryRecorderSink();
        exporter = new InMemoryMetricsExporter();
        handler = ProviderEventHandlers.compose(
                recorder, new ProviderMetricsSink(), new ProviderMetricsExporterSink(exporter));
        prebuilt = build();
    }

    private ProviderEvent build() {
        return ProviderEvent.builder("runway", "task create", "success")
                .method("post")
                .target("https://api.runwayml.test/v1/tasks?token=abc123&page=2")
                .statusCode(200)
                .durationMs(812.4)
                .message("task submitted")
                .metadata(metadata)
                .requestId("host-request-id")
                .build();
    }

    private void maybeClear() {
        if (++count == CLEAR_EVERY) {
            count = 0;
            recorder.clear();
            exporter.clear();
        }
    }

    /** Builds one event and fans it out to the three sinks. */
    @Benchmark
    public ProviderEvent buildAndFanOut() {
        ProviderEvent event = build();
        handler.handle(event);
        maybeClear();
        return event;
    }

    /** Fans a pre-built event out to the three sinks (the sinks' share of the cost). */
    @Benchmark
    public ProviderEvent fanOutOnly() {
        handler.handle(prebuilt);
        maybeClear();
        return prebuilt;
    }

    /** Builds one event without delivering it (the event's share of the cost). */
    @Benchmark
    public ProviderEvent buildOnly() {
        return build();
    }
}
