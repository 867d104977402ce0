package ai.worldforge.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link ProviderEvent}: behaviours 16 and 20 of upstream-core.md §9, the §1.6 validation and
 * normalisation rules, the reference redaction corpus and a seeded no-leak property.
 */
class ProviderEventTest {

    private static ProviderEvent.Builder event() {
        return ProviderEvent.builder("p", "o", "success");
    }

    // ---------------------------------------------------------------------------------------------
    // Behaviour 16 and the other checks

    @Test
    void normalisesNamesPhaseAndMethod() {
        ProviderEvent e = ProviderEvent.builder(" runway ", " request ", " SUCCESS ")
                .method(" get ")
                .build();
        assertThat(e.provider()).isEqualTo("runway");
        assertThat(e.operation()).isEqualTo("request");
        assertThat(e.phase()).isEqualTo("success");
        assertThat(e.method()).isEqualTo("GET");
        assertThat(ProviderEvent.builder("p", "o", "Budget_Exceeded").build().phase())
                .isEqualTo("budget_exceeded");
        // Python's str.strip() also strips U+00A0 and U+2003.
        assertThat(ProviderEvent.builder("\u00a0p\u2003", "o", "s").build().provider())
                .isEqualTo("p");
    }

    @Test
    void methodFollowsTheReferenceTruthinessRule() {
        // `method.strip().upper() if method else None`: only an empty method becomes None.
        assertThat(event().method("").build().method()).isNull();
        assertThat(event().method(null).build().method()).isNull();
        assertThat(event().method("  ").build().method()).isEqualTo("");
        assertThat(event().method("patch\t").build().method()).isEqualTo("PATCH");
    }

    @Test
    void blankNamesAreRejected() {
        assertThatThrownBy(() -> ProviderEvent.builder(" ", "o", "s").build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("ProviderEvent provider must be a non-empty string.");
        assertThatThrownBy(() -> ProviderEvent.builder(null, "o", "s").build())
                .hasMessage("ProviderEvent provider must be a non-empty string.");
        assertThatThrownBy(() -> ProviderEvent.builder("p", "\u00a0", "s").build())
                .hasMessage("ProviderEvent operation must be a non-empty string.");
        assertThatThrownBy(() -> ProviderEvent.builder("p", "o", "").build())
                .hasMessage("ProviderEvent phase must be a non-empty string.");
    }

    @Test
    void attemptsStatusAndDurationAreValidated() {
        assertThatThrownBy(() -> event().attempt(0).build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("ProviderEvent attempt must be greater than or equal to 1.");
        assertThatThrownBy(() -> event().attempt(2).maxAttempts(1).build())
                .hasMessage("ProviderEvent max_attempts must be greater than or equal to attempt.");
        assertThatThrownBy(() -> event().statusCode(99).build())
                .hasMessage("ProviderEvent status_code must be a valid HTTP status code.");
        assertThatThrownBy(() -> event().statusCode(600).build())
                .hasMessage("ProviderEvent status_code must be a valid HTTP status code.");
        assertThatThrownBy(() -> event().durationMs(-0.5).build())
                .hasMessage("ProviderEvent duration_ms must be non-negative when set.");
        assertThatThrownBy(() -> event().durationMs(Double.NaN).build())
                .hasMessage("ProviderEvent duration_ms must be a finite number.");
        assertThatThrownBy(() -> event().durationMs(Double.POSITIVE_INFINITY).build())
                .hasMessage("ProviderEvent duration_ms must be a finite number.");
        ProviderEvent ok = event().attempt(2)
                .maxAttempts(3)
                .statusCode(100)
                .durationMs(0.0)
                .build();
        assertThat(ok.attempt()).isEqualTo(2);
        assertThat(ok.maxAttempts()).isEqualTo(3);
        assertThat(event().statusCode(599).build().statusCode()).isEqualTo(599);
    }

    @Test
    void metadataIsRedactedBeforeItIsValidated() {
        assertThatThrownBy(() -> event().metadata(JsonObject.of("x", JsonFloat.of(Double.NaN)))
                        .build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("ProviderEvent metadata.x must be a finite number.");
        assertThatThrownBy(() -> event().metadata(JsonObject.of("a", JsonArray.of(JsonFloat.of(Double.NaN))))
                        .build())
                .hasMessage("ProviderEvent metadata.a[] must be a finite number.");
        // A non-finite value under a secret-named key is replaced first, so it is accepted.
        ProviderEvent e = event().metadata(JsonObject.of("secret_ratio", JsonFloat.of(Double.NaN)))
                .build();
        assertThat(e.metadata()).isEqualTo(JsonObject.of("secret_ratio", JsonString.of("[redacted]")));
        JsonObject ints = JsonObject.of("count", JsonInt.of(1));
        assertThat(Json.write(event().metadata(ints).build().metadata())).isEqualTo("{\"count\":1}");
    }

    @Test
    void nullMessageOrMetadataGetTheReferenceMessages() {
        assertThatThrownBy(() -> new ProviderEvent(
                        "p",
                        "o",
                        "s",
                        1,
                        1,
                        null,
                        null,
                        null,
                        null,
                        null,
                        JsonObject.EMPTY,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .hasMessage("ProviderEvent message must be a string.");
        assertThatThrownBy(() -> new ProviderEvent(
                        "p", "o", "s", 1, 1, null, null, null, null, "", null, null, null, null, null, null, null))
                .hasMessage("ProviderEvent metadata must be a JSON object.");
    }

    @Test
    void targetMessageAndIdsAreRedacted() {
        ProviderEvent e = event().target(" https://user:pw@host.example.com:8443/v1/tasks?token=abc#frag ")
                .message("call failed: Authorization: Bearer abc.def-123")
                .runId("  run-1  ")
                .requestId(" ")
                .traceId("token=abc")
                .spanId("")
                .artifactId("https://h/a.mp4?sig=1")
                .inputDigest("sha256:abc")
                .build();
        assertThat(e.target()).isEqualTo("https://host.example.com:8443/v1/tasks");
        assertThat(e.message()).isEqualTo("call failed: Authorization: [redacted] [redacted]");
        assertThat(e.runId()).isEqualTo("run-1");
        assertThat(e.requestId()).isNull();
        assertThat(e.traceId()).isEqualTo("token=[redacted]");
        assertThat(e.spanId()).isNull();
        assertThat(e.artifactId()).isEqualTo("https://h/a.mp4");
        assertThat(e.inputDigest()).isEqualTo("sha256:abc");
        assertThat(event().target("  ").build().target()).isNull();
        assertThat(event().target("/v1/tasks?sig=1").build().target()).isEqualTo("/v1/tasks");
    }

    // ---------------------------------------------------------------------------------------------
    // Behaviour 20

    @Test
    void toJsonHasTheElevenBaseKeysThenOnlyTheSetIds() {
        ProviderEvent bare = ProviderEvent.of("mock", "predict", "success", 1.5, JsonObject.EMPTY);
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
        assertThat(Json.write(bare.toJson()))
                .isEqualTo("{\"attempt\":1,\"duration_ms\":1.5,\"max_attempts\":1,\"message\":\"\",\"metadata\":{},"
                        + "\"method\":null,\"operation\":\"predict\",\"phase\":\"success\",\"provider\":\"mock\","
                        + "\"status_code\":null,\"target\":null}");
        ProviderEvent all = bare.toBuilder()
                .inputDigest("d")
                .artifactId("a")
                .spanId("s")
                .traceId("t")
                .requestId("r")
                .runId("u")
                .build();
        assertThat(all.toJson().keys())
                .endsWith("metadata", "run_id", "request_id", "trace_id", "span_id", "artifact_id", "input_digest");
        ProviderEvent some = bare.toBuilder().traceId("t").build();
        assertThat(some.toJson().keys()).endsWith("metadata", "trace_id").hasSize(12);
        assertThat(some.toJson().get("duration_ms")).isEqualTo(JsonFloat.of(1.5));
    }

    @Test
    void ofBuildsTheCommonEvent() {
        JsonObject metadata = JsonObject.of("frame_count", JsonInt.of(8));
        ProviderEvent e = ProviderEvent.of("mock", "generate", "success", 0.1, metadata);
        assertThat(e.attempt()).isEqualTo(1);
        assertThat(e.maxAttempts()).isEqualTo(1);
        assertThat(e.durationMs()).isEqualTo(0.1);
        assertThat(e.message()).isEmpty();
        assertThat(e.metadata()).isSameAs(metadata);
        assertThat(e.method()).isNull();
        assertThat(e.toBuilder().build()).isEqualTo(e);
    }

    @Test
    void redactionIsIdempotentThroughToBuilder() {
        ProviderEvent e = event().target("https://u:p@h/x?token=1")
                .message("{\"token\": \"x\"} Bearer y api_key=z")
                .metadata(JsonObject.of("note", JsonString.of("password: 'p'")))
                .build();
        assertThat(e.toBuilder().build()).isEqualTo(e);
    }

    // ---------------------------------------------------------------------------------------------
    // Reference corpus (tests/fixtures/redaction/provider_event_corpus.json)

    /** The reference's output for each corpus case (canonical JSON, computed with the reference code). */
    private static final Map<String, String> CORPUS_EXPECTED = Map.of(
            "signed_url_and_bearer",
            "{\"artifact_id\":\"https://downloads.example.test/video.mp4\",\"attempt\":1,\"duration_ms\":12.5,"
                    + "\"max_attempts\":1,\"message\":\"download failed with Authorization=[redacted] and Bearer"
                    + " [redacted]\",\"metadata\":{\"api_token\":\"[redacted]\",\"capability\":\"generate\","
                    + "\"nested\":{\"safe_url\":\"https://downloads.example.test/video.mp4\",\"signed_url\":"
                    + "\"[redacted]\"},\"request_headers\":{\"Authorization\":\"[redacted]\"}},\"method\":\"GET\","
                    + "\"operation\":\"artifact download\",\"phase\":\"failure\",\"provider\":\"runway\","
                    + "\"request_id\":\"token=[redacted]\",\"status_code\":403,\"target\":"
                    + "\"https://downloads.example.test/video.mp4\"}",
            "private_endpoint_and_json_text",
            "{\"attempt\":1,\"duration_ms\":27.0,\"max_attempts\":1,\"message\":\"retrying password=[redacted] for"
                    + " {\\\"api_key\\\": \\\"[redacted]\\\"}\",\"metadata\":{\"capability\":\"generate\",\"json_text\":"
                    + "\"{\\\"secret\\\": \\\"[redacted]\\\",\\\"token\\\": \\\"[redacted]\\\"}\",\"private_endpoint\":"
                    + "\"https://internal.example.test/tasks/123\"},\"method\":\"POST\",\"operation\":\"task poll\","
                    + "\"phase\":\"retry\",\"provider\":\"cosmos\",\"status_code\":429,\"target\":"
                    + "\"https://internal.example.test/tasks/123\",\"trace_id\":\"Bearer [redacted]\"}");

    @Test
    void referenceRedactionCorpusNeverLeaks() throws IOException {
        JsonObject corpus;
        try (InputStream in = ProviderEventTest.class.getResourceAsStream("provider_event_corpus.json")) {
            assertThat(in)
                    .as("provider_event_corpus.json on the test classpath")
                    .isNotNull();
            corpus = (JsonObject) Json.parse(in);
        }
        assertThat(corpus.get("schema_version")).isEqualTo(JsonInt.of(1));
        JsonArray cases = (JsonArray) corpus.get("cases");
        assertThat(cases).isNotNull();
        assertThat(cases.size()).isGreaterThanOrEqualTo(2);
        List<String> seen = new ArrayList<>();
        for (JsonValue value : cases) {
            JsonObject testCase = (JsonObject) value;
            String id = text(testCase, "id");
            seen.add(id);
            JsonObject input = (JsonObject) testCase.get("event");
            assertThat(input).as("case %s has an event", id).isNotNull();
            ProviderEvent event = eventFrom(input);
            String output = Json.write(event.toJson());
            JsonArray forbidden = (JsonArray) testCase.get("forbidden");
            assertThat(forbidden).as("case %s lists forbidden strings", id).isNotNull();
            for (JsonValue secret : forbidden) {
                assertThat(output).as("case %s must not leak", id).doesNotContain(((JsonString) secret).value());
            }
            if (testCase.get("expected") instanceof JsonObject expected) {
                JsonObject actual = event.toJson();
                expected.members()
                        .forEach((key, want) -> assertThat(actual.get(key))
                                .as("case %s field %s", id, key)
                                .isEqualTo(want));
            }
            if (CORPUS_EXPECTED.containsKey(id)) {
                assertThat(output).as("case %s", id).isEqualTo(CORPUS_EXPECTED.get(id));
            }
        }
        assertThat(seen).containsAll(CORPUS_EXPECTED.keySet());
    }

    private static @Nullable String text(JsonObject object, String key) {
        return object.get(key) instanceof JsonString s ? s.value() : null;
    }

    private static ProviderEvent eventFrom(JsonObject e) {
        ProviderEvent.Builder b = ProviderEvent.builder(text(e, "provider"), text(e, "operation"), text(e, "phase"))
                .method(text(e, "method"))
                .target(text(e, "target"))
                .runId(text(e, "run_id"))
                .requestId(text(e, "request_id"))
                .traceId(text(e, "trace_id"))
                .spanId(text(e, "span_id"))
                .artifactId(text(e, "artifact_id"))
                .inputDigest(text(e, "input_digest"));
        String message = text(e, "message");
        if (message != null) {
            b.message(message);
        }
        if (e.get("attempt") instanceof JsonInt attempt) {
            b.attempt((int) attempt.longValue());
        }
        if (e.get("max_attempts") instanceof JsonInt maxAttempts) {
            b.maxAttempts((int) maxAttempts.longValue());
        }
        if (e.get("status_code") instanceof JsonInt code) {
            b.statusCode((int) code.longValue());
        }
        if (e.get("duration_ms") instanceof JsonFloat duration) {
            b.durationMs(duration.value());
        } else if (e.get("duration_ms") instanceof JsonInt duration) {
            b.durationMs(duration.doubleValue());
        }
        if (e.get("metadata") instanceof JsonObject metadata) {
            b.metadata(metadata);
        }
        return b.build();
    }

    // ---------------------------------------------------------------------------------------------
    // Property: secrets in the usual shapes never reach the serialised event

    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final String[] SECRET_WORDS = {
        "api_key",
        "apikey",
        "api-key",
        "authorization",
        "credential",
        "password",
        "secret",
        "signature",
        "signed_url",
        "signedurl",
        "signed-url",
        "token"
    };
    private static final String[] SEPARATORS = {" ", ", ", "; ", "\n", "\t", " | ", "\u00a0"};

    private static String randomCase(SplittableRandom random, String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    /** A key containing a secret word, with optional key-character affixes. */
    private static String secretKey(SplittableRandom random, boolean allowBearer) {
        String word =
                allowBearer && random.nextInt(8) == 0 ? "bearer" : SECRET_WORDS[random.nextInt(SECRET_WORDS.length)];
        String[] prefixes = {"", "", "x-", "client_", "my", "X_"};
        String[] suffixes = {"", "", "_value", "s", "-id", "Hash"};
        return prefixes[random.nextInt(prefixes.length)]
                + randomCase(random, word)
                + suffixes[random.nextInt(suffixes.length)];
    }

    private static String secretValue(SplittableRandom random) {
        StringBuilder out = new StringBuilder("S3cr3T");
        int length = 6 + random.nextInt(20);
        for (int i = 0; i < length; i++) {
            out.append(SECRET_CHARS.charAt(random.nextInt(SECRET_CHARS.length())));
        }
        return out.append("Z9").toString();
    }

    /** One secret-bearing fragment of text, in a shape the reference redacts. */
    private static String leakyFragment(SplittableRandom random, String secret) {
        String key = secretKey(random, false);
        String host = "host" + random.nextInt(100) + ".example.test";
        return switch (random.nextInt(8)) {
            case 0 -> "https://user:" + secret + "@" + host + "/v1/tasks";
            case 1 -> "http://" + host + "/p?x=1&" + key + "=" + secret + "#frag";
            case 2 -> "https://" + host + "/a.mp4#" + secret;
            case 3 -> randomCase(random, "bearer") + " " + secret;
            case 4 -> key + "=" + secret;
            case 5 -> "\"" + secretKey(random, true) + "\": \"" + secret + "\"";
            case 6 -> "'" + secretKey(random, true) + "' : '" + secret + "'";
            default -> secretKey(random, true) + ": " + secret;
        };
    }

    private static String leakyText(SplittableRandom random, String secret) {
        StringBuilder out = new StringBuilder(random.nextBoolean() ? "request failed" : "");
        int fragments = 1 + random.nextInt(3);
        for (int i = 0; i < fragments; i++) {
            if (out.length() > 0) {
                out.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            out.append(leakyFragment(random, secret));
        }
        if (random.nextBoolean()) {
            out.append(SEPARATORS[random.nextInt(SEPARATORS.length)]).append("retrying");
        }
        return out.toString();
    }

    /** A value that may hold the raw secret anywhere: only valid under a secret-named key. */
    private static JsonValue underSecretKey(SplittableRandom random, String secret, int depth) {
        return switch (random.nextInt(4)) {
            case 0 -> JsonString.of(secret);
            case 1 -> JsonObject.of("plain", JsonString.of(secret), "n", JsonInt.of(1));
            case 2 -> JsonArray.of(JsonString.of(secret), JsonFloat.of(Double.NaN));
            default -> leakyValue(random, secret, depth + 1);
        };
    }

    /** A value whose secrets are all in shapes the reference redacts. */
    private static JsonValue leakyValue(SplittableRandom random, String secret, int depth) {
        return switch (depth > 2 ? 0 : random.nextInt(4)) {
            case 0 -> JsonString.of(leakyText(random, secret));
            case 1 -> JsonArray.of(leakyValue(random, secret, depth + 1), JsonInt.of(random.nextInt(10)));
            case 2 -> JsonObject.of(secretKey(random, true), underSecretKey(random, secret, depth + 1));
            default ->
                JsonObject.of(
                        "note", JsonString.of(leakyText(random, secret)),
                        "ok", JsonBool.TRUE,
                        "inner", JsonObject.of(secretKey(random, true), underSecretKey(random, secret, depth + 1)));
        };
    }

    @Test
    void randomSecretsNeverLeakIntoTheSerialisedEvent() {
        SplittableRandom random = new SplittableRandom(20_240_605L);
        for (int i = 0; i < 2_000; i++) {
            String secret = secretValue(random);
            JsonObject metadata = JsonObject.builder()
                    .put(secretKey(random, true), underSecretKey(random, secret, 0))
                    .put("detail", JsonString.of(leakyText(random, secret)))
                    .put("nested", JsonObject.of("items", JsonArray.of(leakyValue(random, secret, 1))))
                    .put("steps", JsonInt.of(i))
                    .build();
            String target = switch (random.nextInt(4)) {
                case 0 -> "https://u:" + secret + "@host.test/v1?token=" + secret + "#" + secret;
                case 1 -> "/v1/tasks?" + secretKey(random, false) + "=" + secret;
                case 2 -> "s3://bucket/key?X-Amz-Signature=" + secret;
                default -> "wss://" + secret + "@stream.test/ws#" + secret;
            };
            ProviderEvent event = ProviderEvent.builder("provider-" + random.nextInt(5), "request", "FAILURE")
                    .method(random.nextBoolean() ? "post" : null)
                    .target(target)
                    .statusCode(random.nextBoolean() ? 500 : null)
                    .durationMs(random.nextDouble() * 100)
                    .message(leakyText(random, secret))
                    .metadata(metadata)
                    .requestId(leakyText(random, secret))
                    .traceId(random.nextBoolean() ? "Bearer " + secret : "trace-" + i)
                    .artifactId(leakyFragment(random, secret))
                    .build();
            String json = Json.write(event.toJson());
            assertThat(json).as("iteration %d: %s", i, event).doesNotContain(secret);
            assertThat(json).contains("[redacted]");
        }
    }

    @Test
    void builderDefaultsMatchTheReference() {
        ProviderEvent e = event().build();
        assertThat(e.attempt()).isEqualTo(1);
        assertThat(e.maxAttempts()).isEqualTo(1);
        assertThat(e.method()).isNull();
        assertThat(e.target()).isNull();
        assertThat(e.statusCode()).isNull();
        assertThat(e.durationMs()).isNull();
        assertThat(e.message()).isEmpty();
        assertThat(e.metadata()).isEqualTo(JsonObject.EMPTY);
        assertThat(e.toJson().get("status_code")).isEqualTo(JsonNull.INSTANCE);
    }
}
