package ai.worldforge.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Behaviours 16 and 20 of upstream-core.md §9, the reference redaction corpus and a property test. */
class ProviderEventTest {

    @Test
    void normalisesPhaseAndMethod() {
        ProviderEvent event = ProviderEvent.builder(" runway ", " request ", " SUCCESS ")
                .method(" get ")
                .build();
        assertThat(event.provider()).isEqualTo("runway");
        assertThat(event.phase()).isEqualTo("success");
        assertThat(event.method()).contains("GET");
        assertThat(ProviderEvent.builder("p", "o", "s").method("  ").build().method())
                .isEmpty();
    }

    @Test
    void validatesAttemptsStatusAndDuration() {
        assertThatThrownBy(() -> ProviderEvent.builder("p", "o", "s").attempt(0).build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("ProviderEvent attempt must be greater than or equal to 1.");
        assertThatThrownBy(() -> ProviderEvent.builder("p", "o", "s")
                        .attempt(2)
                        .maxAttempts(1)
                        .build())
                .hasMessage("ProviderEvent max_attempts must be greater than or equal to attempt.");
        assertThatThrownBy(() ->
                        ProviderEvent.builder("p", "o", "s").statusCode(99).build())
                .hasMessage("ProviderEvent status_code must be a valid HTTP status code.");
        assertThatThrownBy(() ->
                        ProviderEvent.builder("p", "o", "s").durationMs(-1.0).build())
                .hasMessage("ProviderEvent duration_ms must be non-negative when set.");
        assertThatThrownBy(() -> ProviderEvent.builder(" ", "o", "s").build())
                .hasMessage("ProviderEvent provider must be a non-empty string.");
    }

    @Test
    void toJsonHasElevenBaseKeysAndOnlySetIds() {
        ProviderEvent bare = ProviderEvent.of("p", "predict", "success", 1.5, JsonObject.EMPTY);
        assertThat(bare.toJson().keys())
                .containsExactly(
                        "provider",
                        "operation",
                        "phase",
                        "attempt",
                        "max_attempts",
                        "method",
                        "target",
                        "status_code",
                        "duration_ms",
                        "message",
                        "metadata");
        ProviderEvent withIds =
                bare.toBuilder().runId(" run-1 ").requestId("  ").traceId("t").build();
        assertThat(withIds.toJson().keys()).endsWith("metadata", "run_id", "trace_id");
        assertThat(withIds.runId()).contains("run-1");
        assertThat(withIds.requestId()).isEmpty();
    }

    @Test
    void referenceRedactionCorpusPasses() throws IOException {
        JsonObject corpus;
        try (InputStream in = ProviderEventTest.class.getResourceAsStream("provider_event_corpus.json")) {
            corpus = (JsonObject) Json.parse(in);
        }
        JsonArray cases = (JsonArray) corpus.get("cases");
        assertThat(cases.size()).isGreaterThanOrEqualTo(2);
        for (JsonValue value : cases) {
            JsonObject testCase = (JsonObject) value;
            ProviderEvent event = eventFrom((JsonObject) testCase.get("event"));
            String output = Json.write(event.toJson());
            for (JsonValue forbidden : (JsonArray) testCase.get("forbidden")) {
                assertThat(output)
                        .as("case %s must not leak", testCase.get("id"))
                        .doesNotContain(((JsonString) forbidden).value());
            }
            assertThat(event.phase()).isEqualTo(event.phase().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static String text(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value instanceof JsonString s ? s.value() : null;
    }

    private static ProviderEvent eventFrom(JsonObject e) {
        ProviderEvent.Builder b = ProviderEvent.builder(text(e, "provider"), text(e, "operation"), text(e, "phase"))
                .method(text(e, "method"))
                .target(text(e, "target"))
                .message(text(e, "message") == null ? "" : text(e, "message"))
                .runId(text(e, "run_id"))
                .requestId(text(e, "request_id"))
                .traceId(text(e, "trace_id"))
                .spanId(text(e, "span_id"))
                .artifactId(text(e, "artifact_id"))
                .inputDigest(text(e, "input_digest"));
        if (e.get("status_code") instanceof JsonInt code) {
            b.statusCode((int) code.longValue());
        }
        if (e.get("duration_ms") instanceof JsonFloat duration) {
            b.durationMs(duration.value());
        }
        if (e.get("metadata") instanceof JsonObject metadata) {
            b.metadata(metadata);
        }
        return b.build();
    }

    @Test
    void randomSecretsNeverLeak() {
        SplittableRandom random = new SplittableRandom(5);
        String[] keys = {
            "api_key", "Authorization", "x-api-token", "password", "client_secret", "signed_url", "SIGNATURE"
        };
        for (int i = 0; i < 2000; i++) {
            String secret = "s3cr3t" + Long.toHexString(random.nextLong()) + "Z";
            String key = keys[random.nextInt(keys.length)];
            String message = switch (random.nextInt(5)) {
                case 0 -> "call https://user:" + secret + "@host.test/p failed";
                case 1 -> "fetch https://host.test/p?x=1&" + key + "=" + secret + " failed";
                case 2 -> "header Bearer " + secret;
                case 3 -> key + "=" + secret + ";next";
                default -> "{\"" + key + "\": \"" + secret + "\"}";
            };
            JsonObject metadata = JsonObject.builder()
                    .put(key, JsonString.of(secret))
                    .put("nested", JsonObject.of("list", JsonArray.of(JsonString.of(message))))
                    .put("url", JsonString.of("https://host.test/a?" + key + "=" + secret))
                    .build();
            ProviderEvent event = ProviderEvent.builder("p", "o", "failure")
                    .target("https://u:" + secret + "@host.test/v1?token=" + secret + "#" + secret)
                    .message(message)
                    .metadata(metadata)
                    .requestId(message)
                    .build();
            assertThat(Json.write(event.toJson())).as(message).doesNotContain(secret);
        }
    }
}
