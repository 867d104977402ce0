package ai.worldforge.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.event.ProviderMetricsExporterSink;
import ai.worldforge.testkit.SecretSamples;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property (issue 14): secrets of any shape and format ({@link SecretSamples}) in any event field
 * never reach a Micrometer meter: the Prometheus scrape after all events holds none of them
 * (metric labels are bounded; this checks that nothing unbounded slipped in). Failures print
 * per-format counts and the seed ({@code -Dworldforge.secretSeed=…} runs another).
 */
class MeterSecretLeakPropertyTest {
    private static final int CASES = 2_000;

    @Test
    void noSecretReachesTheScrape() {
        long seed = Long.getLong("worldforge.secretSeed", 0x3E7E25L);
        SecretSamples samples = new SecretSamples(seed);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ProviderMetricsExporterSink sink =
                new ProviderMetricsExporterSink(new MicrometerMetricsExporter(registry, true), "worldforge_provider");
        List<SecretSamples.Sample> sent = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            SecretSamples.Placed placed = samples.placed();
            sink.handle(placed.event());
            sent.add(placed.sample());
        }
        String scrape = registry.scrape();
        assertThat(scrape).contains("worldforge_provider_events_total");
        TreeMap<String, Integer> leakedCases = new TreeMap<>();
        for (SecretSamples.Sample sample : sent) {
            if (sample.leakedPiece(scrape).isPresent()) {
                leakedCases.merge(sample.format(), 1, Integer::sum);
            }
        }
        assertThat(leakedCases)
                .as("cases leaking a secret into the scrape, by format (seed 0x%s)", Long.toHexString(seed))
                .isEmpty();
    }
}
