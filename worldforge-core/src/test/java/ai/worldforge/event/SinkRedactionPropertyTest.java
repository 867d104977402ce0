package ai.worldforge.event;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: a random secret placed anywhere a provider or host might leak it (target URL userinfo,
 * query and fragment; message and correlation-id phrases; metadata and extra fields under
 * secret-named keys, nested in objects and lists) never reaches the output of any sink.
 */
class SinkRedactionPropertyTest {
    private static final int CASES = 3_000;
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String[] SECRET_KEYS = {
        "api_key",
        "apiKey",
        "X-Api-Key",
        "authorization",
        "bearer_token",
        "credential",
        "db_password",
        "client_secret",
        "signature",
        "signed_url",
        "refresh-token",
        "token"
    };

    @TempDir
    Path dir;

    private static String secret(SplittableRandom random) {
        int length = 16 + random.nextInt(17);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String target(SplittableRandom random, String secret) {
        return switch (random.nextInt(5)) {
            case 0 -> "https://user:" + secret + "@api.example.test/v1/tasks";
            case 1 -> "https://api.example.test/v1/tasks?token=" + secret + "&page=2";
            case 2 -> "http://api.example.test:8080/v1/tasks#" + secret;
            case 3 -> "https://" + secret + "@api.example.test/v1?x=" + secret + "#frag-" + secret;
            default -> "/v1/tasks?" + pick(random, SECRET_KEYS) + "=" + secret;
        };
    }

    private static String phrase(SplittableRandom random, String secret) {
        return switch (random.nextInt(7)) {
            case 0 -> "upstream said Bearer " + secret;
            case 1 -> "retrying with token=" + secret + " after 429";
            case 2 -> "config api_key: " + secret + ", region eu";
            case 3 -> "{\"password\": \"" + secret + "\", \"user\": \"bob\"}";
            case 4 -> "GET https://user:" + secret + "@cdn.test/file?sig=" + secret + " failed";
            case 5 -> "Authorization: Bearer " + secret;
            default -> "'client_secret': '" + secret + "'";
        };
    }

    private static JsonValue nested(SplittableRandom random, String secret, int depth) {
        JsonValue leaf = switch (random.nextInt(3)) {
            case 0 -> JsonString.of(secret);
            case 1 -> JsonArray.of(JsonString.of(secret), JsonInt.of(depth));
            default -> JsonObject.of("value", JsonString.of(secret));
        };
        if (depth >= 2 || random.nextBoolean()) {
            return leaf;
        }
        return random.nextBoolean()
                ? JsonArray.of(JsonObject.of(pick(random, SECRET_KEYS), leaf), nested(random, secret, depth + 1))
                : JsonObject.of("inner", JsonObject.of(pick(random, SECRET_KEYS), nested(random, secret, depth + 1)));
    }

    private static JsonObject metadata(SplittableRandom random, String secret) {
        return JsonObject.builder()
                .put(pick(random, SECRET_KEYS), nested(random, secret, 0))
                .put("detail", JsonString.of(phrase(random, secret)))
                .put(
                        "items",
                        JsonArray.of(
                                JsonString.of(phrase(random, secret)),
                                JsonObject.of(
                                        "headers", JsonObject.of(pick(random, SECRET_KEYS), JsonString.of(secret)))))
                .put("capability", JsonString.of(random.nextBoolean() ? "predict" : phrase(random, secret)))
                .build();
    }

    @Test
    void noSecretReachesAnySinkOutput() throws IOException {
        SplittableRandom random = new SplittableRandom(0x5EC12E7L);
        List<String> logLines = new ArrayList<>();
        Path runLog = dir.resolve("runs/property/provider-events.jsonl");
        InMemoryRecorderSink recorder = new InMemoryRecorderSink();
        InMemoryMetricsExporter exporter = new InMemoryMetricsExporter();
        ProviderMetricsSink metrics = new ProviderMetricsSink();
        List<String> secrets = new ArrayList<>();
        RunJsonLogSink lastRunSink = null;

        for (int i = 0; i < CASES; i++) {
            String secret = secret(random);
            secrets.add(secret);
            // Host extras are per sink, so each case builds its sinks with its own secret.
            JsonObject extras = JsonObject.of(
                    pick(random, SECRET_KEYS),
                    JsonString.of(secret),
                    "note",
                    JsonString.of(phrase(random, secret)),
                    "host",
                    JsonObject.of("nested", JsonObject.of(pick(random, SECRET_KEYS), nested(random, secret, 0))));
            JsonLoggerSink logger = JsonLoggerSink.builder()
                    .lineWriter(logLines::add)
                    .extraFields(extras)
                    .build();
            RunJsonLogSink runSink = new RunJsonLogSink(runLog, phrase(random, secret), extras);
            lastRunSink = runSink;
            ProviderEventHandler all = ProviderEventHandlers.compose(
                    logger, runSink, recorder, metrics, new ProviderMetricsExporterSink(exporter));

            ProviderEvent event = ProviderEvent.builder("provider-" + random.nextInt(3), "request", "FAILURE")
                    .method("post")
                    .target(target(random, secret))
                    .statusCode(random.nextBoolean() ? 401 : null)
                    .durationMs(random.nextDouble() * 100)
                    .message(phrase(random, secret))
                    .metadata(metadata(random, secret))
                    .runId(phrase(random, secret))
                    .requestId(phrase(random, secret))
                    .traceId("Bearer " + secret)
                    .spanId("span token=" + secret)
                    .artifactId(target(random, secret).startsWith("/") ? "artifact" : target(random, secret))
                    .inputDigest("sha256:x signature=" + secret)
                    .build();
            all.handle(event);

            String json = logLines.get(i);
            assertThat(json).as("case %d logger", i).doesNotContain(secret).contains("[redacted]");
            String recorded = Json.write(recorder.events().get(0).toJson());
            recorder.clear();
            assertThat(recorded).as("case %d recorder", i).doesNotContain(secret);
            for (Map<String, String> labels : List.of(ProviderEventMetricLabels.of(event))) {
                assertThat(labels.toString()).as("case %d labels", i).doesNotContain(secret);
            }
        }

        List<String> lines = Files.readAllLines(runLog);
        assertThat(lines).hasSize(CASES);
        for (int i = 0; i < CASES; i++) {
            assertThat(lines.get(i)).as("case %d run log", i).doesNotContain(secrets.get(i));
        }
        assertThat(lastRunSink).isNotNull();

        // Aggregates and exported samples hold only bounded labels: check them against every secret.
        StringBuilder aggregates = new StringBuilder(Json.write(metrics.toJson()));
        exporter.counterSamples().forEach(s -> aggregates.append(Json.write(s.toJson())));
        String exported = aggregates.toString();
        for (String secret : secrets) {
            assertThat(exported).doesNotContain(secret);
        }
        for (MetricSample sample : exporter.histogramSamples()) {
            assertThat(sample.labels().keySet()).containsExactlyElementsOf(ProviderEventMetricLabels.LABEL_NAMES);
            assertThat(sample.labels().get("capability")).isIn("predict", "unknown");
        }
    }
}
