package ai.worldforge.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderMetricsExporterSink;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** End to end: provider events → core exporter sink → Micrometer → Prometheus text format. */
class PrometheusScrapeTest {
    private static final String SUCCESS =
            "{capability=\"generate\",operation=\"task create\",phase=\"success\",provider=\"runway\",status_class=\"2xx\"}";
    private static final String RETRY =
            "{capability=\"generate\",operation=\"task create\",phase=\"retry\",provider=\"runway\",status_class=\"5xx\"}";
    private static final String FAILURE =
            "{capability=\"unknown\",operation=\"task create\",phase=\"failure\",provider=\"runway\",status_class=\"none\"}";

    private static ProviderEvent.Builder secretLaden(String phase) {
        return ProviderEvent.builder("runway", "task create", phase)
                .method("POST")
                .target("https://user:pw-secret@api.runwayml.com/v1/tasks?token=q-secret")
                .message("Bearer bearer-secret rejected")
                .requestId("req-unbounded-42")
                .runId("run-unbounded-42")
                .metadata(JsonObject.builder()
                        .put("capability", "generate")
                        .put("api_key", "key-secret")
                        .put("world_id", "world-unbounded-42")
                        .build());
    }

    private static PrometheusMeterRegistry registryWithEvents(boolean histogram) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ProviderMetricsExporterSink sink = new ProviderMetricsExporterSink(
                new MicrometerMetricsExporter(registry, histogram), "worldforge_provider");
        sink.handle(secretLaden("success").statusCode(201).durationMs(10.0).build());
        sink.handle(secretLaden("success").statusCode(200).durationMs(30.0).build());
        sink.handle(secretLaden("retry")
                .attempt(1)
                .maxAttempts(3)
                .statusCode(503)
                .durationMs(5.0)
                .build());
        sink.handle(secretLaden("failure")
                .metadata(JsonObject.of("capability", JsonString.of("teleport")))
                .build());
        return registry;
    }

    @Test
    void scrapeHasTheFiveFamiliesWithBoundedLabelsAndValues() {
        String scrape = registryWithEvents(false).scrape();

        assertThat(scrape)
                .contains("# TYPE worldforge_provider_events_total counter")
                .contains("# TYPE worldforge_provider_operations_total counter")
                .contains("# TYPE worldforge_provider_retries_total counter")
                .contains("# TYPE worldforge_provider_errors_total counter")
                .contains("# TYPE worldforge_provider_latency_ms summary")
                .contains("worldforge_provider_events_total" + SUCCESS + " 2.0")
                .contains("worldforge_provider_events_total" + RETRY + " 1.0")
                .contains("worldforge_provider_events_total" + FAILURE + " 1.0")
                .contains("worldforge_provider_operations_total" + SUCCESS + " 2.0")
                .contains("worldforge_provider_operations_total" + FAILURE + " 1.0")
                .contains("worldforge_provider_retries_total" + RETRY + " 1.0")
                .contains("worldforge_provider_errors_total" + FAILURE + " 1.0")
                .contains("worldforge_provider_latency_ms_count" + SUCCESS + " 2")
                .contains("worldforge_provider_latency_ms_sum" + SUCCESS + " 40.0")
                .contains("worldforge_provider_latency_ms_count" + RETRY + " 1")
                .contains("worldforge_provider_latency_ms_sum" + RETRY + " 5.0")
                .contains("worldforge_provider_latency_ms_max" + SUCCESS + " 30.0");
        // No retry counts as an operation, no success as an error, and an event without a
        // duration records no latency.
        assertThat(scrape)
                .doesNotContain("worldforge_provider_operations_total" + RETRY)
                .doesNotContain("worldforge_provider_errors_total" + SUCCESS)
                .doesNotContain("worldforge_provider_latency_ms_count" + FAILURE);
    }

    @Test
    void scrapeCarriesNoSecretOrUnboundedValue() {
        String scrape = registryWithEvents(true).scrape();

        assertThat(scrape)
                .doesNotContain("secret")
                .doesNotContain("unbounded")
                .doesNotContain("api.runwayml.com")
                .doesNotContain("POST");
        for (String line : scrape.split("\n")) {
            if (line.startsWith("worldforge_provider_") && line.contains("{")) {
                String labels = line.substring(line.indexOf('{') + 1, line.indexOf('}'));
                // The five bounded labels, plus "le" on histogram buckets.
                assertThat(labels.replaceAll("=\"[^\"]*\"", ""))
                        .isIn(
                                "capability,operation,phase,provider,status_class",
                                "capability,operation,phase,provider,status_class,le");
            }
        }
    }

    @Test
    void percentileHistogramPublishesBuckets() {
        String scrape = registryWithEvents(true).scrape();

        assertThat(scrape)
                .contains("# TYPE worldforge_provider_latency_ms histogram")
                .contains("worldforge_provider_latency_ms_count" + SUCCESS + " 2");
        assertThat(scrape).containsPattern("worldforge_provider_latency_ms_bucket\\{[^}]*le=\"\\+Inf\"");
    }
}
