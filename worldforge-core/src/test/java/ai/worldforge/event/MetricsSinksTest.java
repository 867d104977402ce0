package ai.worldforge.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Metric labels, {@link ProviderMetricsSink}, {@link ProviderMetricsExporterSink}, the in-memory sinks. */
class MetricsSinksTest {

    private static ProviderEvent event(String provider, String operation, String phase, Double duration) {
        return ProviderEvent.builder(provider, operation, phase)
                .durationMs(duration)
                .build();
    }

    // ---------------------------------------------------------------------------------------------
    // Labels

    @Test
    void labelsAreExactlyTheFiveBoundedOnes() {
        ProviderEvent e = ProviderEvent.builder("runway", "generate", "FAILURE")
                .statusCode(503)
                .target("https://api.test/v1?token=x")
                .requestId("req-1")
                .metadata(JsonObject.of("capability", JsonString.of("generate"), "world_id", JsonString.of("w1")))
                .build();
        Map<String, String> labels = ProviderEventMetricLabels.of(e);
        assertThat(labels)
                .containsExactly(
                        Map.entry("provider", "runway"),
                        Map.entry("operation", "generate"),
                        Map.entry("phase", "failure"),
                        Map.entry("status_class", "5xx"),
                        Map.entry("capability", "generate"));
        assertThat(labels.keySet()).containsExactlyElementsOf(ProviderEventMetricLabels.LABEL_NAMES);
        assertThat(labels.get("world_id")).isNull();
        assertThat(labels).isEqualTo(new TreeMap<>(labels));
        assertThatThrownBy(() -> labels.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void statusClassAndCapabilityFallBack() {
        assertThat(ProviderEventMetricLabels.of(event("p", "o", "success", null)))
                .containsEntry("status_class", "none")
                .containsEntry("capability", "unknown");
        for (String cap : List.of("predict", "generate", "reason", "embed", "plan", "transfer", "score", "policy")) {
            ProviderEvent e = ProviderEvent.builder("p", "o", "success")
                    .metadata(JsonObject.of("capability", JsonString.of(cap)))
                    .build();
            assertThat(ProviderEventMetricLabels.of(e)).containsEntry("capability", cap);
        }
        ProviderEvent odd = ProviderEvent.builder("p", "o", "success")
                .statusCode(101)
                .metadata(JsonObject.of("capability", JsonString.of("Predict")))
                .build();
        assertThat(ProviderEventMetricLabels.of(odd))
                .containsEntry("status_class", "1xx")
                .containsEntry("capability", "unknown");
        ProviderEvent notString = ProviderEvent.builder("p", "o", "success")
                .statusCode(404)
                .metadata(JsonObject.of("capability", JsonInt.of(1)))
                .build();
        assertThat(ProviderEventMetricLabels.of(notString))
                .containsEntry("status_class", "4xx")
                .containsEntry("capability", "unknown");
    }

    // ---------------------------------------------------------------------------------------------
    // ProviderMetricsSink

    @Test
    void aggregatesPerProviderAndOperation() {
        ProviderMetricsSink sink = new ProviderMetricsSink();
        sink.handle(event("p", "request", "retry", 10.0));
        sink.handle(event("p", "request", "failure", 30.0));
        sink.handle(event("p", "request", "budget_exceeded", null));
        sink.handle(event("p", "request", "success", 20.0));
        sink.handle(event("a", "z", "success", null));

        ProviderOperationMetrics m = sink.get("p", "request");
        assertThat(m.requestCount()).isEqualTo(4);
        assertThat(m.errorCount()).isEqualTo(1);
        assertThat(m.retryCount()).isEqualTo(1);
        assertThat(m.latency().sampleCount()).isEqualTo(3);
        assertThat(m.latency().totalMs()).isEqualTo(60.0);
        assertThat(m.latency().averageMs()).hasValue(20.0);
        assertThat(m.latency().minMs()).hasValue(10.0);
        assertThat(m.latency().maxMs()).hasValue(30.0);

        assertThat(sink.snapshot())
                .extracting(ProviderOperationMetrics::provider)
                .containsExactly("a", "p");
        assertThat(sink.get("a", "z").latency().averageMs()).isEqualTo(OptionalDouble.empty());
    }

    @Test
    void unseenKeysAreZeros() {
        ProviderOperationMetrics m = new ProviderMetricsSink().get("x", "y");
        assertThat(m).isEqualTo(new ProviderOperationMetrics("x", "y", 0, 0, 0, LatencySummary.EMPTY));
        assertThat(Json.write(m.toJson()))
                .isEqualTo("{\"error_count\":0,\"latency\":{\"average_ms\":null,\"max_ms\":null,\"min_ms\":null,"
                        + "\"sample_count\":0,\"total_ms\":0.0},\"operation\":\"y\",\"provider\":\"x\","
                        + "\"request_count\":0,\"retry_count\":0}");
    }

    @Test
    void snapshotIsSortedAndToJsonNestsByProvider() {
        ProviderMetricsSink sink = new ProviderMetricsSink();
        sink.handle(event("b", "y", "success", 1.0));
        sink.handle(event("b", "x", "success", null));
        sink.handle(event("a", "x", "success", 4.0));
        assertThat(sink.snapshot())
                .extracting(m -> m.provider() + "/" + m.operation())
                .containsExactly("a/x", "b/x", "b/y");
        JsonObject json = sink.toJson();
        assertThat(json.keys()).containsExactly("a", "b");
        JsonObject by = (JsonObject) ((JsonObject) json.get("b")).get("y");
        assertThat(Json.write(by))
                .isEqualTo("{\"error_count\":0,\"latency\":{\"average_ms\":1.0,\"max_ms\":1.0,\"min_ms\":1.0,"
                        + "\"sample_count\":1,\"total_ms\":1.0},\"operation\":\"y\",\"provider\":\"b\","
                        + "\"request_count\":1,\"retry_count\":0}");
        sink.clear();
        assertThat(sink.snapshot()).isEmpty();
        assertThat(sink.toJson()).isEqualTo(JsonObject.EMPTY);
    }

    // ---------------------------------------------------------------------------------------------
    // ProviderMetricsExporterSink and InMemoryMetricsExporter

    @Test
    void exporterSinkEmitsTheFiveMetricsByPhase() {
        InMemoryMetricsExporter exporter = new InMemoryMetricsExporter();
        ProviderMetricsExporterSink sink = new ProviderMetricsExporterSink(exporter);
        assertThat(sink.metricPrefix()).isEqualTo("worldforge_provider");
        ProviderEvent success = event("p", "o", "success", 5.0);
        ProviderEvent retry = event("p", "o", "retry", null);
        ProviderEvent failure = event("p", "o", "failure", 7.0);
        ProviderEvent budget = event("p", "o", "budget_exceeded", null);
        for (ProviderEvent e : List.of(success, retry, failure, budget)) {
            sink.handle(e);
        }
        Map<String, String> s = ProviderEventMetricLabels.of(success);
        Map<String, String> r = ProviderEventMetricLabels.of(retry);
        Map<String, String> f = ProviderEventMetricLabels.of(failure);
        Map<String, String> b = ProviderEventMetricLabels.of(budget);
        assertThat(exporter.counterValue("worldforge_provider_events_total", s)).isEqualTo(1.0);
        assertThat(exporter.counterValue("worldforge_provider_events_total", r)).isEqualTo(1.0);
        assertThat(exporter.counterValue("worldforge_provider_operations_total", s))
                .isEqualTo(1.0);
        assertThat(exporter.counterValue("worldforge_provider_operations_total", r))
                .isEqualTo(0.0);
        assertThat(exporter.counterValue("worldforge_provider_retries_total", r))
                .isEqualTo(1.0);
        assertThat(exporter.counterValue("worldforge_provider_operations_total", f))
                .isEqualTo(1.0);
        assertThat(exporter.counterValue("worldforge_provider_errors_total", f)).isEqualTo(1.0);
        assertThat(exporter.counterValue("worldforge_provider_operations_total", b))
                .isEqualTo(1.0);
        assertThat(exporter.counterValue("worldforge_provider_errors_total", b)).isEqualTo(1.0);
        assertThat(exporter.counterValue("worldforge_provider_errors_total", s)).isEqualTo(0.0);
        assertThat(exporter.counterValue("worldforge_provider_retries_total", s))
                .isEqualTo(0.0);
        assertThat(exporter.counterSamples()).hasSize(10);
        assertThat(exporter.histogramSamples())
                .containsExactly(
                        new MetricSample("worldforge_provider_latency_ms", s, 5.0),
                        new MetricSample("worldforge_provider_latency_ms", f, 7.0));
    }

    @Test
    void prefixIsStrippedAndMustNotBeBlank() {
        InMemoryMetricsExporter exporter = new InMemoryMetricsExporter();
        new ProviderMetricsExporterSink(exporter, "  svc ").handle(event("p", "o", "success", null));
        assertThat(exporter.counterSamples())
                .extracting(MetricSample::name)
                .containsExactly("svc_events_total", "svc_operations_total");
        for (String blank : new String[] {"", "  "}) {
            assertThatThrownBy(() -> new ProviderMetricsExporterSink(exporter, blank))
                    .isInstanceOf(WorldForgeException.class)
                    .hasMessage("ProviderMetricsExporterSink metric_prefix must be a non-empty string.")
                    .hasMessageContaining("metric_prefix");
        }
        assertThatThrownBy(() -> new ProviderMetricsExporterSink(exporter, null))
                .hasMessageContaining("metric_prefix");
    }

    @Test
    void inMemoryExporterKeysCountersByNameAndSortedLabels() {
        InMemoryMetricsExporter exporter = new InMemoryMetricsExporter();
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("b", "2");
        ab.put("a", "1");
        exporter.incrementCounter("c", 2.0, ab);
        exporter.incrementCounter("c", Map.of("a", "1", "b", "2"));
        exporter.incrementCounter("c", Map.of("a", "0"));
        exporter.incrementCounter("b", Map.of());
        assertThat(exporter.counterValue("c", new TreeMap<>(ab))).isEqualTo(3.0);
        assertThat(exporter.counterValue("missing", ab)).isEqualTo(0.0);
        List<MetricSample> samples = exporter.counterSamples();
        assertThat(samples)
                .containsExactly(
                        new MetricSample("b", Map.of(), 1.0),
                        new MetricSample("c", Map.of("a", "0"), 1.0),
                        new MetricSample("c", Map.of("a", "1", "b", "2"), 3.0));
        assertThat(samples.get(2).labels().keySet()).containsExactly("a", "b");
        assertThat(Json.write(samples.get(2).toJson()))
                .isEqualTo("{\"labels\":{\"a\":\"1\",\"b\":\"2\"},\"name\":\"c\",\"value\":3.0}");

        exporter.observeHistogram("h", 2.0, ab);
        exporter.observeHistogram("h", 1.0, Map.of());
        ab.put("c", "mutated later");
        assertThat(exporter.histogramSamples()).extracting(MetricSample::value).containsExactly(2.0, 1.0);
        assertThat(exporter.histogramSamples().get(0).labels())
                .containsExactly(Map.entry("b", "2"), Map.entry("a", "1"));

        exporter.clear();
        assertThat(exporter.counterSamples()).isEmpty();
        assertThat(exporter.histogramSamples()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // InMemoryRecorderSink

    @Test
    void recorderKeepsEventsInOrderAndReturnsCopies() {
        InMemoryRecorderSink recorder = new InMemoryRecorderSink();
        ProviderEvent first = event("p", "o", "retry", null);
        ProviderEvent second = event("p", "o", "success", 1.0);
        recorder.handle(first);
        List<ProviderEvent> before = recorder.events();
        recorder.handle(second);
        assertThat(before).containsExactly(first);
        assertThat(recorder.snapshot()).containsExactly(first, second);
        assertThatThrownBy(() -> recorder.events().clear()).isInstanceOf(UnsupportedOperationException.class);
        recorder.clear();
        assertThat(recorder.events()).isEmpty();
        assertThat(recorder.size()).isZero();
    }

    @Test
    void recorderIsThreadSafe() throws InterruptedException {
        InMemoryRecorderSink recorder = new InMemoryRecorderSink();
        ProviderMetricsSink metrics = new ProviderMetricsSink();
        ProviderEventHandler fanout = ProviderEventHandlers.compose(recorder, metrics);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    fanout.handle(event("p", "o", "success", 1.0));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(recorder.size()).isEqualTo(4_000);
        assertThat(metrics.get("p", "o").requestCount()).isEqualTo(4_000);
        assertThat(metrics.get("p", "o").latency().totalMs()).isEqualTo(4_000.0);
    }
}
