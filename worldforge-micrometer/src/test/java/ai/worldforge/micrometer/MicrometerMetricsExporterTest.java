package ai.worldforge.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrometerMetricsExporterTest {
    private static final Map<String, String> LABELS = Map.of("provider", "mock", "phase", "success");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMetricsExporter exporter = new MicrometerMetricsExporter(registry);

    @Test
    void countersAreTaggedWithTheLabelsAndAccumulate() {
        exporter.incrementCounter("wf_events_total", 1.0, LABELS);
        exporter.incrementCounter("wf_events_total", 2.5, new HashMap<>(LABELS));
        exporter.incrementCounter("wf_events_total", 1.0, Map.of("provider", "other", "phase", "success"));

        Counter counter = registry.get("wf_events_total")
                .tags("provider", "mock", "phase", "success")
                .counter();
        assertThat(counter.count()).isEqualTo(3.5);
        assertThat(registry.get("wf_events_total").counters()).hasSize(2);
    }

    @Test
    void histogramsAreDistributionSummaries() {
        exporter.observeHistogram("wf_latency_ms", 10.0, LABELS);
        exporter.observeHistogram("wf_latency_ms", 30.0, LABELS);

        DistributionSummary summary = registry.get("wf_latency_ms")
                .tags("provider", "mock", "phase", "success")
                .summary();
        assertThat(summary.count()).isEqualTo(2);
        assertThat(summary.totalAmount()).isEqualTo(40.0);
        assertThat(summary.max()).isEqualTo(30.0);
    }

    @Test
    void metersAreCachedAndImmuneToLaterChangesOfTheCallersMap() {
        Map<String, String> labels = new HashMap<>(LABELS);
        exporter.incrementCounter("wf_events_total", 1.0, labels);
        labels.put("phase", "failure");
        exporter.incrementCounter("wf_events_total", 1.0, labels);

        assertThat(registry.get("wf_events_total")
                        .tag("phase", "success")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("wf_events_total")
                        .tag("phase", "failure")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.getMeters()).hasSize(2);
    }

    @Test
    void concurrentIncrementsAreAllCounted() throws InterruptedException {
        int threads = 8;
        int perThread = 1_000;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    exporter.incrementCounter("wf_events_total", 1.0, new HashMap<>(LABELS));
                    exporter.observeHistogram("wf_latency_ms", 1.0, LABELS);
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(registry.get("wf_events_total").counter().count()).isEqualTo(threads * perThread);
        assertThat(registry.get("wf_latency_ms").summary().count()).isEqualTo(threads * perThread);
        assertThat(registry.getMeters()).hasSize(2);
    }

    @Test
    void invalidSamplesAreRejectedWithTypedErrors() {
        assertThatThrownBy(() -> exporter.incrementCounter("wf_total", -1.0, LABELS))
                .isInstanceOf(WorldForgeException.class);
        assertThatThrownBy(() -> exporter.incrementCounter("wf_total", Double.NaN, LABELS))
                .isInstanceOf(WorldForgeException.class);
        assertThatThrownBy(() -> exporter.observeHistogram("wf_ms", Double.POSITIVE_INFINITY, LABELS))
                .isInstanceOf(WorldForgeException.class);
        assertThatThrownBy(() -> exporter.observeHistogram("wf_ms", -0.5, LABELS))
                .isInstanceOf(WorldForgeException.class);
        assertThatThrownBy(() -> exporter.incrementCounter(" ", 1.0, LABELS))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Metric name must be a non-empty string.");
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("provider", null);
        assertThatThrownBy(() -> exporter.incrementCounter("wf_total", 1.0, nullValue))
                .isInstanceOf(WorldForgeException.class);
        assertThat(registry.getMeters()).isEmpty();
    }
}
