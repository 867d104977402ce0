package ai.worldforge.provider.cosmos;

import static ai.worldforge.provider.cosmos.FakeCosmosServer.fixture;
import static ai.worldforge.provider.cosmos.FakeCosmosServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ai.worldforge.WorldForge;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.VideoClip;
import ai.worldforge.provider.CatalogEntry;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCatalog;
import ai.worldforge.provider.ProviderHealth;
import ai.worldforge.provider.ProviderRequestPolicy;
import ai.worldforge.provider.http.HttpTransport;
import ai.worldforge.provider.http.TransportRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CosmosProviderTest {
    private static final String PROMPT = "drive through the city";

    @TempDir
    Path dir;

    private final FakeCosmosServer server = new FakeCosmosServer();
    private final List<ProviderEvent> events = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        server.close();
    }

    private CosmosProvider provider(Map<String, String> env) {
        return CosmosProvider.builder()
                .baseUrl(server.baseUrl())
                .environment(Environment.of(env))
                .eventHandler(events::add)
                .requestPolicy(ProviderRequestPolicy.remoteDefaults(30.0, 2, 0.0, 1.0))
                .build();
    }

    private CosmosProvider provider() {
        return provider(Map.of());
    }

    private JsonObject lastInferBody() {
        List<FakeCosmosServer.Recorded> infers = server.requests("POST", "/v1/infer");
        return (JsonObject) Json.parse(infers.get(infers.size() - 1).body());
    }

    // ------------------------------------------------------------------ fixtures (5.14)

    @Test
    void successFixtureBecomesAClip() {
        server.on("POST", "/v1/infer", json(200, fixture("cosmos_generate_success.json")));

        VideoClip clip = provider(Map.of("NVIDIA_API_KEY", "nv-secret"))
                .generate(
                        PROMPT,
                        2.0,
                        GenerationOptions.builder()
                                .image("https://example.com/seed.png")
                                .fps(24.0)
                                .seed(7)
                                .build());

        assertThat(new String(clip.blob(), StandardCharsets.UTF_8)).isEqualTo("cosmos-video");
        assertThat(clip.fps()).isEqualTo(24.0);
        assertThat(clip.width()).isEqualTo(1280);
        assertThat(clip.height()).isEqualTo(720);
        assertThat(clip.durationSeconds()).isEqualTo(2.0);
        JsonObject metadata = clip.metadata();
        assertThat(metadata.get("provider")).isEqualTo(JsonString.of("cosmos"));
        assertThat(metadata.get("prompt")).isEqualTo(JsonString.of(PROMPT));
        assertThat(metadata.get("mode")).isEqualTo(JsonString.of("image2world"));
        assertThat(metadata.get("seed")).isEqualTo(JsonInt.of(7));
        assertThat(metadata.get("upsampled_prompt"))
                .isEqualTo(JsonString.of("drive through the city, cinematic detail"));
        assertThat(metadata.get("content_type")).isEqualTo(JsonString.of("video/mp4"));
        assertThat(metadata.get("model")).isEqualTo(JsonString.of("Cosmos-Predict1-7B-Text2World"));
        assertThat(metadata.get("base_url")).isEqualTo(JsonString.of(server.baseUrl()));

        JsonObject body = lastInferBody();
        assertThat(body.get("prompt")).isEqualTo(JsonString.of(PROMPT));
        assertThat(body.get("image")).isEqualTo(JsonString.of("https://example.com/seed.png"));
        assertThat(body.get("seed")).isEqualTo(JsonInt.of(7));
        assertThat(body.get("video_params"))
                .isEqualTo(JsonObject.builder()
                        .put("height", JsonInt.of(720))
                        .put("width", JsonInt.of(1280))
                        .put("frames_count", JsonInt.of(48))
                        .put("frames_per_sec", JsonInt.of(24))
                        .build());
        assertThat(body.get("model")).as("the model is not sent").isNull();
        FakeCosmosServer.Recorded request = server.requests("POST", "/v1/infer").get(0);
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Bearer nv-secret");

        assertThat(events)
                .extracting(
                        ProviderEvent::operation,
                        ProviderEvent::phase,
                        ProviderEvent::method,
                        ProviderEvent::target,
                        ProviderEvent::statusCode)
                .containsExactly(tuple("generation request", "success", "POST", "/v1/infer", 200));
        assertThat(Json.write(events.get(0).toJson())).doesNotContain("nv-secret");
    }

    @Test
    void noAuthorizationHeaderWithoutApiKey() {
        server.on("POST", "/v1/infer", json(200, fixture("cosmos_generate_success.json")));

        VideoClip clip = provider().generate(PROMPT, 2.0, null);

        assertThat(server.requests("POST", "/v1/infer").get(0).header("Authorization"))
                .isNull();
        assertThat(clip.metadata().get("mode")).isEqualTo(JsonString.of("text2world"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "cosmos_generate_failed_task.json|Provider 'cosmos' generation task failed: model rejected prompt",
                "cosmos_generate_unsupported_artifact.json|Provider 'cosmos' generation response returned artifact"
                        + " references instead of inline b64_video. This adapter only accepts inline base64 video"
                        + " payloads; the host must use a compatible Cosmos deployment or add an explicit artifact"
                        + " downloader.",
                "cosmos_generate_missing_video.json|Provider 'cosmos' generation response field 'b64_video' must be a"
                        + " non-empty base64 string.",
                "cosmos_generate_bad_seed.json|Provider 'cosmos' generation response field 'seed' must be an integer"
                        + " when present.",
            })
    void malformedResponseFixturesAreRejected(String fixture, String message) {
        server.on("POST", "/v1/infer", json(200, fixture(fixture)));

        assertThatThrownBy(() -> provider().generate(PROMPT, 2.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage(message);
        // The HTTP exchange itself succeeded; the payload contract failed afterwards.
        assertThat(events)
                .extracting(ProviderEvent::operation, ProviderEvent::phase)
                .containsExactly(tuple("generation request", "success"));
        assertThat(server.requests("POST", "/v1/infer")).hasSize(1);
    }

    @Test
    void invalidBase64IsRejected() {
        server.on("POST", "/v1/infer", json(200, "{\"b64_video\": \"not-base64!\"}"));
        assertThatThrownBy(() -> provider().generate(PROMPT, 2.0, null))
                .hasMessage("Provider 'cosmos' returned an invalid base64 video payload.");

        server.on("POST", "/v1/infer", json(200, "{\"b64_video\": \"YWI\"}"));
        assertThatThrownBy(() -> provider().generate(PROMPT, 2.0, null))
                .as("padding is required, as with Python's validate=True")
                .hasMessage("Provider 'cosmos' returned an invalid base64 video payload.");
    }

    @Test
    void failedTaskDetailRules() {
        String[][] cases = {
            {"{\"status\": \" ERROR \", \"message\": \"  out of memory  \"}", "out of memory"},
            {"{\"status\": \"rejected\", \"detail\": {\"reason\": \"policy\"}}", "policy"},
            {
                "{\"status\": \"failure\", \"error\": {\"message\": \"  \", \"detail\": \"later\"}}",
                "upstream returned failed status"
            },
            {"{\"status\": \"failed\", \"error\": 3}", "upstream returned failed status"},
            {"{\"status\": \"failed\", \"error\": \"\", \"reason\": \"quota\"}", "quota"},
        };
        for (String[] c : cases) {
            server.on("POST", "/v1/infer", json(200, c[0]));
            assertThatThrownBy(() -> provider().generate(PROMPT, 2.0, null))
                    .hasMessage("Provider 'cosmos' generation task failed: " + c[1]);
        }
        server.on("POST", "/v1/infer", json(200, "{\"status\": \"succeeded\", \"b64_video\": \"Y29zbW9zLXZpZGVv\"}"));
        assertThat(provider().generate(PROMPT, 2.0, null).blob()).hasSize(12);
    }

    @Test
    void artifactReferenceShapes() {
        for (String payload : List.of(
                "{\"video_url\": \"https://x/y.mp4\"}",
                "{\"artifact_uri\": \"s3://bucket/key\"}",
                "{\"outputs\": [\"https://x/y.mp4\"]}",
                "{\"b64_video\": \"  \", \"artifacts\": [{}]}")) {
            server.on("POST", "/v1/infer", json(200, payload));
            assertThatThrownBy(() -> provider().generate(PROMPT, 2.0, null))
                    .hasMessageContaining("returned artifact references");
        }
        for (String payload : List.of("{\"video_url\": \" \"}", "{\"outputs\": [1, null]}", "{\"artifacts\": {}}")) {
            server.on("POST", "/v1/infer", json(200, payload));
            assertThatThrownBy(() -> provider().generate(PROMPT, 2.0, null)).hasMessageContaining("field 'b64_video'");
        }
    }

    @Test
    void optionalResponseFields() {
        server.on("POST", "/v1/infer", json(200, "{\"b64_video\": \"Y29zbW9zLXZpZGVv\", \"seed\": true}"));
        assertThatThrownBy(() -> provider().generate(PROMPT, 2.0, null)).hasMessageContaining("field 'seed'");
        server.on("POST", "/v1/infer", json(200, "{\"b64_video\": \"Y29zbW9zLXZpZGVv\", \"seed\": 7.0}"));
        assertThatThrownBy(() -> provider().generate(PROMPT, 2.0, null)).hasMessageContaining("field 'seed'");
        server.on("POST", "/v1/infer", json(200, "{\"b64_video\": \"Y29zbW9zLXZpZGVv\", \"upsampled_prompt\": 1}"));
        assertThatThrownBy(() -> provider().generate(PROMPT, 2.0, null))
                .hasMessage("Provider 'cosmos' generation response field 'upsampled_prompt' must be a string when"
                        + " present.");

        server.on("POST", "/v1/infer", json(200, "{\"b64_video\": \" Y29zbW9zLXZpZGVv \", \"seed\": null}"));
        VideoClip clip = provider().generate(PROMPT, 2.0, null);
        assertThat(clip.metadata().get("seed")).isEqualTo(JsonNull.INSTANCE);
        assertThat(clip.metadata().get("upsampled_prompt")).isEqualTo(JsonNull.INSTANCE);
    }

    // ------------------------------------------------------------------ health (5.15)

    @Test
    void healthReadyAndMalformedFixtures() {
        server.on("GET", "/v1/health/ready", json(200, fixture("cosmos_health_ready.json")));
        ProviderHealth ready = provider().health();
        assertThat(ready.healthy()).isTrue();
        assertThat(ready.details()).isEqualTo("ready");
        assertThat(ready.latencyMs()).isGreaterThanOrEqualTo(0.1);

        server.on("GET", "/v1/health/ready", json(200, fixture("cosmos_health_malformed.json")));
        ProviderHealth malformed = provider().health();
        assertThat(malformed.healthy()).isFalse();
        assertThat(malformed.details())
                .isEqualTo("Provider 'cosmos' healthcheck response field 'status' must be a non-empty string.");
    }

    @Test
    void healthIsReadyOnlyForReadyInAnyCase() {
        server.on(
                "GET",
                "/v1/health/ready",
                json(200, "{\"description\":\"Triton readiness check\",\"status\":\" READY \"}"));
        assertThat(provider().health().healthy()).isTrue();
        assertThat(provider().health().details()).isEqualTo("READY");

        server.on("GET", "/v1/health/ready", json(200, "{\"status\":\"starting\"}"));
        ProviderHealth starting = provider().health();
        assertThat(starting.healthy()).isFalse();
        assertThat(starting.details()).isEqualTo("starting");
    }

    @Test
    void healthRetriesTransientFailures() {
        server.on(
                "GET",
                "/v1/health/ready",
                new FakeCosmosServer.Answer(503, "text/plain", "warming up"),
                json(200, "{\"status\":\"ready\"}"));

        ProviderHealth health = provider().health();

        assertThat(health.healthy()).isTrue();
        assertThat(server.requests("GET", "/v1/health/ready")).hasSize(2);
        assertThat(events)
                .extracting(ProviderEvent::operation, ProviderEvent::phase)
                .containsExactly(tuple("healthcheck", "retry"), tuple("healthcheck", "success"));
    }

    @Test
    void healthFailureDetailsAreRedacted() {
        server.on("GET", "/v1/health/ready", new FakeCosmosServer.Answer(401, "text/plain", "bad token=abc123"));

        ProviderHealth health = provider().health();

        assertThat(health.healthy()).isFalse();
        assertThat(health.details())
                .isEqualTo("Provider 'cosmos' healthcheck failed with status 401: bad token=[redacted]");
    }

    @Test
    void healthWithoutBaseUrlSendsNothing() {
        CosmosProvider provider =
                CosmosProvider.builder().eventHandler(events::add).build();

        ProviderHealth health = provider.health();

        assertThat(health.healthy()).isFalse();
        assertThat(health.details()).isEqualTo("missing COSMOS_BASE_URL");
        assertThat(health.latencyMs()).isEqualTo(0.1);
        assertThat(provider.configured()).isFalse();
        assertThat(events).isEmpty();
        assertThat(provider.preflight().skipReason()).isEqualTo("missing COSMOS_BASE_URL");
    }

    // ------------------------------------------------------------------ failures (5.2, 5.4, 5.6)

    @Test
    void authFailureEventsCarryTheStatusButNoSecret() {
        server.on(
                "POST",
                "/v1/infer",
                new FakeCosmosServer.Answer(
                        401, "application/json", "{\"message\":\"bad token\",\"api_key\":\"secret-token\"}"));

        assertThatThrownBy(() -> provider().generate(PROMPT, 2.0, null))
                .hasMessageStartingWith("Provider 'cosmos' generation request failed with status 401: ")
                .hasMessageNotContaining("secret-token");

        assertThat(events)
                .extracting(ProviderEvent::operation, ProviderEvent::phase, ProviderEvent::statusCode)
                .containsExactly(tuple("generation request", "failure", 401));
        assertThat(Json.write(events.get(0).toJson())).doesNotContain("secret-token");
    }

    @Test
    void generationPostIsSentOnceOn503() {
        server.on("POST", "/v1/infer", new FakeCosmosServer.Answer(503, "text/plain", "busy"));

        assertThatThrownBy(() -> provider().generate(PROMPT, 2.0, null))
                .hasMessage("Provider 'cosmos' generation request failed with status 503: busy");

        assertThat(server.requests("POST", "/v1/infer")).hasSize(1);
        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::statusCode)
                .containsExactly(tuple("failure", 503));
    }

    @Test
    void timeoutOnTheSingleAttemptFailsWithOneEvent() {
        HttpTransport timingOut = request -> {
            throw new HttpTimeoutException("cosmos timed out");
        };
        CosmosProvider provider = CosmosProvider.builder()
                .baseUrl("http://cosmos.test")
                .transport(timingOut)
                .eventHandler(events::add)
                .build();

        assertThatThrownBy(() -> provider.generate(PROMPT, 2.0, null))
                .hasMessage("Provider 'cosmos' generation request failed after 1 attempt(s): cosmos timed out");

        assertThat(events)
                .extracting(
                        ProviderEvent::operation, ProviderEvent::phase, ProviderEvent::method, ProviderEvent::target)
                .containsExactly(tuple("generation request", "failure", "POST", "/v1/infer"));
    }

    @Test
    void unexpectedServerAnswerIsAStatusFailure() {
        assertThatThrownBy(() -> provider().generate(PROMPT, 2.0, null))
                .hasMessage("Provider 'cosmos' generation request failed with status 404: Unexpected request: POST"
                        + " /v1/infer");
    }

    // ------------------------------------------------------------------ request building (5.13)

    @Test
    void inputErrorsFailBeforeAnyRequest() {
        CosmosProvider provider = provider();
        assertThatThrownBy(() -> provider.generate(
                        PROMPT, 2.0, GenerationOptions.builder().size("641x360").build()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Cosmos output size must use width and height that are multiples of 8.");
        Path missing = dir.resolve("missing.png");
        assertThatThrownBy(() -> provider.generate(
                        PROMPT,
                        2.0,
                        GenerationOptions.builder().image(missing.toString()).build()))
                .hasMessage("Local asset path does not exist: " + missing.toAbsolutePath());
        assertThatThrownBy(() -> provider.generate(" ", 2.0, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("generate() prompt must be a non-empty string.");
        assertThatThrownBy(() -> provider.generate(PROMPT, 0.0, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("generate() duration_seconds must be greater than 0.");
        assertThatThrownBy(() -> provider.generate(PROMPT, Double.NaN, null)).isInstanceOf(WorldForgeException.class);
        assertThatThrownBy(() -> CosmosProvider.builder().build().generate(PROMPT, 2.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'cosmos' is unavailable: missing COSMOS_BASE_URL.");
        assertThat(server.requests).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void defaultBodyAndBankersRounding() {
        server.on("POST", "/v1/infer", json(200, fixture("cosmos_generate_success.json")));
        CosmosProvider provider = provider();

        provider.generate(" " + PROMPT + " ", 2.0, null);
        JsonObject body = lastInferBody();
        assertThat(body.keys()).containsExactlyInAnyOrder("prompt", "seed", "video_params");
        assertThat(body.get("prompt")).isEqualTo(JsonString.of(PROMPT));
        assertThat(body.get("seed")).isEqualTo(JsonInt.of(4));
        JsonObject params = (JsonObject) body.get("video_params");
        assertThat(params.get("frames_count")).isEqualTo(JsonInt.of(48));
        assertThat(params.get("frames_per_sec")).isEqualTo(JsonInt.of(24));

        provider.generate(PROMPT, 2.5, GenerationOptions.builder().fps(1.0).build());
        assertThat(((JsonObject) lastInferBody().get("video_params")).get("frames_count"))
                .isEqualTo(JsonInt.of(2));
        provider.generate(PROMPT, 3.5, GenerationOptions.builder().fps(1.0).build());
        assertThat(((JsonObject) lastInferBody().get("video_params")).get("frames_count"))
                .isEqualTo(JsonInt.of(4));
        provider.generate(PROMPT, 1.0, GenerationOptions.builder().fps(24.5).build());
        JsonObject half = (JsonObject) lastInferBody().get("video_params");
        assertThat(half.get("frames_per_sec")).isEqualTo(JsonInt.of(24));
        assertThat(half.get("frames_count")).isEqualTo(JsonInt.of(24));
        provider.generate(PROMPT, 0.01, GenerationOptions.builder().fps(1.0).build());
        assertThat(((JsonObject) lastInferBody().get("video_params")).get("frames_count"))
                .isEqualTo(JsonInt.of(1));
        VideoClip clip = provider.generate(
                PROMPT,
                1.0,
                GenerationOptions.builder().size("640x360").fps(23.5).build());
        assertThat(clip.fps()).isEqualTo(23.5);
        assertThat(clip.width()).isEqualTo(640);
        assertThat(((JsonObject) lastInferBody().get("video_params")).get("frames_per_sec"))
                .isEqualTo(JsonInt.of(24));
    }

    @Test
    void optionalInputsAndExtrasMergedLast() throws Exception {
        server.on("POST", "/v1/infer", json(200, fixture("cosmos_generate_success.json")));
        Path video = Files.write(dir.resolve("seed.mp4"), "mp4".getBytes(StandardCharsets.UTF_8));

        VideoClip clip = provider()
                .generate(
                        PROMPT,
                        2.0,
                        GenerationOptions.builder()
                                .negativePrompt("blurry")
                                .image("data:image/png;base64,AA==")
                                .video(video.toString())
                                .model("Cosmos-Predict1-7B-Video2World")
                                .ratio("1280:704")
                                .extras(JsonObject.builder()
                                        .put("seed", JsonInt.of(99))
                                        .put("prompt_upsampling", JsonBool.TRUE)
                                        .put("guidance_scale", JsonFloat.of(7.0))
                                        .build())
                                .build());

        JsonObject body = lastInferBody();
        assertThat(body.get("negative_prompt")).isEqualTo(JsonString.of("blurry"));
        assertThat(body.get("image")).isEqualTo(JsonString.of("data:image/png;base64,AA=="));
        assertThat(body.get("video")).isEqualTo(JsonString.of("data:video/mp4;base64,bXA0"));
        assertThat(body.get("seed")).isEqualTo(JsonInt.of(99));
        assertThat(body.get("prompt_upsampling")).isEqualTo(JsonBool.TRUE);
        assertThat(body.get("guidance_scale")).isEqualTo(JsonFloat.of(7.0));
        assertThat(((JsonObject) body.get("video_params")).get("height")).isEqualTo(JsonInt.of(704));
        assertThat(clip.metadata().get("mode")).isEqualTo(JsonString.of("video2world"));
        assertThat(clip.metadata().get("model")).isEqualTo(JsonString.of("Cosmos-Predict1-7B-Video2World"));
    }

    // ------------------------------------------------------------------ configuration and registration

    @Test
    void configSummaryIsValueFree() {
        CosmosProvider fromEnv = CosmosProvider.builder()
                .environment(
                        Environment.of(Map.of("COSMOS_BASE_URL", "http://secret-host:8000", "NVIDIA_API_KEY", "nv")))
                .build();
        String summary = Json.write(fromEnv.configSummary().toJson());
        assertThat(summary).doesNotContain("secret-host", "\"nv\"");
        assertThat(fromEnv.configSummary().fields())
                .extracting(
                        f -> f.name(),
                        f -> f.source(),
                        f -> f.present(),
                        f -> f.required(),
                        f -> f.secret(),
                        f -> f.valid(),
                        f -> f.detail())
                .containsExactly(
                        tuple("COSMOS_BASE_URL", "env:COSMOS_BASE_URL", true, true, false, true, ""),
                        tuple("NVIDIA_API_KEY", "env:NVIDIA_API_KEY", true, false, true, true, ""));
        assertThat(CosmosProvider.builder()
                        .baseUrl("http://h")
                        .build()
                        .configSummary()
                        .fields()
                        .get(0)
                        .source())
                .isEqualTo("direct");
        CosmosProvider unset = CosmosProvider.builder().build();
        assertThat(unset.configSummary().configured()).isFalse();
        assertThat(unset.configSummary().fields())
                .extracting(f -> f.source(), f -> f.present(), f -> f.valid(), f -> f.detail())
                .containsExactly(tuple("unset", false, false, "missing"), tuple("unset", false, true, ""));
        CatalogEntry entry = ProviderCatalog.find("cosmos").orElseThrow();
        Environment env = Environment.of(Map.of("COSMOS_BASE_URL", "http://h", "NVIDIA_API_KEY", "k"));
        assertThat(CosmosProvider.builder().environment(env).build().configSummary())
                .isEqualTo(entry.configSummary(env));
    }

    @Test
    void profileMatchesTheCatalog() {
        CatalogEntry entry = ProviderCatalog.find("cosmos").orElseThrow();
        assertThat(entry.adapterAvailable()).isTrue();
        assertThat(CosmosProvider.builder().build().profile().toJson())
                .isEqualTo(entry.profile().toJson());
        assertThat(entry.create(Environment.empty(), null)).isInstanceOf(CosmosProvider.class);
    }

    @Test
    void forgeRegistersCosmosFromTheEnvironmentAndRunsIt() {
        server.on("GET", "/v1/health/ready", json(200, fixture("cosmos_health_ready.json")));
        server.on("POST", "/v1/infer", json(200, fixture("cosmos_generate_success.json")));
        WorldForge forge = WorldForge.builder()
                .stateDir(dir.resolve("worlds"))
                .environment(Environment.of(Map.of("COSMOS_BASE_URL", server.baseUrl() + "/")))
                .eventHandler(events::add)
                .build();

        assertThat(forge.providers()).contains("cosmos");
        assertThat(forge.providerHealth("cosmos").healthy()).isTrue();
        VideoClip clip = forge.generate(PROMPT, "cosmos", 2.0, null);

        assertThat(clip.blob()).isEqualTo("cosmos-video".getBytes(StandardCharsets.UTF_8));
        assertThat(server.requests)
                .extracting(FakeCosmosServer.Recorded::path)
                .containsExactly("/v1/health/ready", "/v1/infer");
        assertThat(events)
                .extracting(ProviderEvent::provider, ProviderEvent::operation, ProviderEvent::phase)
                .contains(tuple("cosmos", "healthcheck", "success"), tuple("cosmos", "generation request", "success"));
    }

    @Test
    void apiKeyIsReadOnEveryRequest() {
        server.on("POST", "/v1/infer", json(200, fixture("cosmos_generate_success.json")));
        Map<String, String> variables = new java.util.concurrent.ConcurrentHashMap<>();
        CosmosProvider provider = CosmosProvider.builder()
                .baseUrl(server.baseUrl())
                .environment(variables::get)
                .build();

        provider.generate(PROMPT, 1.0, null);
        variables.put("NVIDIA_API_KEY", "rotated");
        provider.generate(PROMPT, 1.0, null);

        assertThat(server.requests("POST", "/v1/infer"))
                .extracting(r -> r.header("Authorization"))
                .containsExactly(null, "Bearer rotated");
    }

    @Test
    void transportSeesAbsoluteUrls() {
        List<TransportRequest> seen = new ArrayList<>();
        HttpTransport recording = request -> {
            seen.add(request);
            return ai.worldforge.provider.http.TransportResponse.of(
                    200,
                    Map.of("Content-Type", "application/json"),
                    "{\"status\":\"ready\"}".getBytes(StandardCharsets.UTF_8));
        };
        CosmosProvider provider = CosmosProvider.builder()
                .baseUrl("http://cosmos.test//")
                .transport(recording)
                .build();

        assertThat(provider.health().healthy()).isTrue();
        assertThat(seen.get(0).uri().toString()).isEqualTo("http://cosmos.test/v1/health/ready");
        assertThat(seen.get(0).timeout()).isEqualTo(java.time.Duration.ofSeconds(10));
    }
}
