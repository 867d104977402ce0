package ai.worldforge.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.testkit.SecretSamples;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property (issue 14): a secret of any shape and format ({@link SecretSamples}) placed in any
 * event field or in the sink's extra attributes never reaches an exported span: its name, any
 * attribute key or value, or its status description. Failures print per-format counts and the
 * seed ({@code -Dworldforge.secretSeed=…} runs another).
 */
class SpanSecretLeakPropertyTest {
    private static final int CASES = 2_000;

    @Test
    void noSecretReachesAnExportedSpan() {
        long seed = Long.getLong("worldforge.secretSeed", 0x0711E1L);
        SecretSamples samples = new SecretSamples(seed);
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        Map<String, Integer> leakedCases = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build()) {
            for (int i = 0; i < CASES; i++) {
                SecretSamples.Placed placed = samples.placed();
                OpenTelemetryProviderEventSink sink = OpenTelemetryProviderEventSink.builder()
                        .tracer(tracerProvider.get("worldforge-test"))
                        .extraAttributes(placed.extras())
                        .build();
                sink.handle(placed.event());
                List<SpanData> spans = exporter.getFinishedSpanItems();
                assertThat(spans).hasSize(1);
                SpanData span = spans.get(0);
                String exported = span.getName() + " " + span.getAttributes() + " " + span.getStatus();
                exporter.reset();
                if (placed.sample().leakedPiece(exported).isPresent()) {
                    leakedCases.merge(placed.sample().format(), 1, Integer::sum);
                    if (examples.size() < 10) {
                        examples.add(placed.sample().format() + " in " + placed.place() + ": " + exported);
                    }
                }
            }
        }
        assertThat(leakedCases)
                .as(
                        "cases leaking a secret into a span, by format (seed 0x%s, %d cases); first examples:%n%s",
                        Long.toHexString(seed), CASES, String.join("\n", examples))
                .isEmpty();
    }
}
