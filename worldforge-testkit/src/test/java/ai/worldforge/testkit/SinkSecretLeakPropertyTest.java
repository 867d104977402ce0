package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.event.InMemoryMetricsExporter;
import ai.worldforge.event.InMemoryRecorderSink;
import ai.worldforge.event.JsonLoggerSink;
import ai.worldforge.event.MetricSample;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.event.ProviderEventHandlers;
import ai.worldforge.event.ProviderEventMetricLabels;
import ai.worldforge.event.ProviderMetricsExporterSink;
import ai.worldforge.event.ProviderMetricsSink;
import ai.worldforge.event.RunJsonLogSink;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property (issue 14): a secret of any {@linkplain SecretSamples.Shape shape}, written in any of
 * {@link SecretSamples}' formats and placed in any field a provider or host fills (message,
 * target, metadata values, member names and secret-named members at any depth, each correlation
 * id, the sinks' extra fields and run id), never reaches the output of any core sink: the JSON
 * logger, the run log file, the in-memory recorder, the aggregate metrics and the exported metric
 * samples. Cases that leak are counted per format; a failure prints the counts, the first
 * examples (format, place, sinks) and the seed ({@code -Dworldforge.secretSeed=…} runs another).
 */
class SinkSecretLeakPropertyTest {
    private static final int CASES = 4_000;
    private static final long DEFAULT_SEED = 0x5EC12E75L;

    @TempDir
    Path dir;

    @Test
    void noSecretReachesAnySinkOutput() throws IOException {
        long seed = Long.getLong("worldforge.secretSeed", DEFAULT_SEED);
        SecretSamples samples = new SecretSamples(seed);
        SplittableRandom random = samples.random();
        // Cases with a leak, per format; sinks and places of the first few.
        Map<String, Integer> leakedCases = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        ProviderMetricsSink metrics = new ProviderMetricsSink();
        InMemoryMetricsExporter exporter = new InMemoryMetricsExporter();
        List<SecretSamples.Sample> all = new ArrayList<>();

        for (int i = 0; i < CASES; i++) {
            SecretSamples.Placed placed = samples.placed();
            SecretSamples.Sample sample = placed.sample();
            all.add(sample);
            boolean loggerExtras = random.nextBoolean();
            JsonObject harmless = JsonObject.of("service", JsonString.of("host"));

            List<String> logged = new ArrayList<>();
            JsonLoggerSink logger = JsonLoggerSink.builder()
                    .lineWriter(logged::add)
                    .extraFields(loggerExtras ? placed.extras() : harmless)
                    .build();
            Path runLog = dir.resolve("runs/case-" + i + "/provider-events.jsonl");
            RunJsonLogSink runSink =
                    new RunJsonLogSink(runLog, placed.runId(), loggerExtras ? harmless : placed.extras());
            InMemoryRecorderSink recorder = new InMemoryRecorderSink();
            ProviderEventHandler fanOut = ProviderEventHandlers.compose(
                    logger, runSink, recorder, metrics, new ProviderMetricsExporterSink(exporter));
            ProviderEvent built = placed.event();
            fanOut.handle(built);

            Map<String, String> outputs = Map.of(
                    "logger", String.join("\n", logged),
                    "run log", Files.readString(runLog),
                    "recorder", Json.write(recorder.events().get(0).toJson()),
                    "labels", ProviderEventMetricLabels.of(built).toString());
            List<String> leakingSinks = new ArrayList<>();
            for (Map.Entry<String, String> output : new TreeMap<>(outputs).entrySet()) {
                if (sample.leakedPiece(output.getValue()).isPresent()) {
                    leakingSinks.add(output.getKey());
                }
            }
            if (!leakingSinks.isEmpty()) {
                leakedCases.merge(sample.format(), 1, Integer::sum);
                if (examples.size() < 12) {
                    examples.add(sample.format() + " in " + placed.place() + " -> " + leakingSinks + ": "
                            + sample.text().replace("\n", "\\n"));
                }
            }
        }

        // Aggregates and exported samples carry only bounded labels: check them against every secret.
        StringBuilder aggregates = new StringBuilder(Json.write(metrics.toJson()));
        for (MetricSample sample : exporter.counterSamples()) {
            aggregates.append(Json.write(sample.toJson()));
        }
        for (MetricSample sample : exporter.histogramSamples()) {
            aggregates.append(sample.labels());
        }
        String exported = aggregates.toString();
        for (SecretSamples.Sample sample : all) {
            if (sample.leakedPiece(exported).isPresent()) {
                leakedCases.merge(sample.format() + " (metrics)", 1, Integer::sum);
            }
        }

        int total = leakedCases.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("SinkSecretLeakPropertyTest: " + total + " of " + CASES + " cases leaked (seed 0x"
                + Long.toHexString(seed) + ") " + leakedCases);
        assertThat(leakedCases)
                .as(
                        "cases leaking a secret, by format (seed 0x%s, %d cases); first examples:%n%s",
                        Long.toHexString(seed), CASES, String.join("\n", examples))
                .isEmpty();
    }
}
