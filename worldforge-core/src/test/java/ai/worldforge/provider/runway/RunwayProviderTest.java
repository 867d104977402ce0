package ai.worldforge.provider.runway;

import static ai.worldforge.provider.runway.FakeRunwayTransport.API;
import static ai.worldforge.provider.runway.FakeRunwayTransport.API_KEY;
import static ai.worldforge.provider.runway.FakeRunwayTransport.ARTIFACT;
import static ai.worldforge.provider.runway.FakeRunwayTransport.FORBIDDEN;
import static ai.worldforge.provider.runway.FakeRunwayTransport.SIGNED_ARTIFACT;
import static ai.worldforge.provider.runway.FakeRunwayTransport.assertNothingLeaks;
import static ai.worldforge.provider.runway.FakeRunwayTransport.bytes;
import static ai.worldforge.provider.runway.FakeRunwayTransport.failing;
import static ai.worldforge.provider.runway.FakeRunwayTransport.fixture;
import static ai.worldforge.provider.runway.FakeRunwayTransport.json;
import static ai.worldforge.provider.runway.FakeRunwayTransport.text;
import static ai.worldforge.provider.runway.FakeRunwayTransport.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ai.worldforge.WorldForge;
import ai.worldforge.error.ProviderBudgetExceededException;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.VideoClip;
import ai.worldforge.provider.CatalogEntry;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCatalog;
import ai.worldforge.provider.ProviderHealth;
import ai.worldforge.provider.ProviderRequestPolicy;
import ai.worldforge.provider.RequestOperationPolicy;
import ai.worldforge.provider.RetryPolicy;
import ai.worldforge.provider.http.TransportRequest;
import ai.worldforge.provider.http.TransportResponse;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runway provider against an in-memory transport replaying the reference's fixtures. */
class RunwayProviderTest {
    private static final String PROMPT = "a robot arm stacks red cubes";

    @TempDir
    Path dir;

    private final FakeRunwayTransport fake = new FakeRunwayTransport();
    private final List<ProviderEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> sleeps = Collections.synchronizedList(new ArrayList<>());

    private RunwayProvider.Builder builder(Map<String, String> env) {
        return RunwayProvider.builder()
                .baseUrl(API)
                .environment(Environment.of(env))
                .transport(fake)
                .eventHandler(events::add)
                .pollIntervalSeconds(0.0)
                .sleeper(seconds -> {
                    sleeps.add(seconds);
                    fake.timeline.add("sleep:" + seconds);
                });
    }

    private RunwayProvider provider() {
        return builder(Map.of("RUNWAYML_API_SECRET", API_KEY)).build();
    }

    private List<String> eventPairs() {
        synchronized (events) {
            return events.stream().map(e -> e.operation() + "/" + e.phase()).toList();
        }
    }

    private JsonObject sentBody(String path) {
        synchronized (fake.requests) {
            for (TransportRequest request : fake.requests) {
                if (request.uri().getPath().equals(path)) {
                    return (JsonObject) Json.parse(new String(request.body().orElseThrow(), StandardCharsets.UTF_8));
                }
            }
        }
        throw new AssertionError("no request to " + path);
    }

    private static VideoClip inputClip() {
        return new VideoClip(
                List.of("input-frames".getBytes(StandardCharsets.UTF_8)),
                12.0,
                320,
                240,
                3.0,
                JsonObject.of("content_type", JsonString.of("video/mp4")));
    }

    // ------------------------------------------------------------------ happy paths (16, 19)

    @Test
    void generateReplaysTheSuccessFixtures() throws IOException {
        fake.happyPath();

        VideoClip clip = provider().generate(" " + PROMPT + " ", 5.0, null);

        assertThat(new String(clip.blob(), StandardCharsets.UTF_8)).isEqualTo("runway-video");
        assertThat(clip.fps()).isEqualTo(24.0);
        assertThat(clip.width()).isEqualTo(1280);
        assertThat(clip.height()).isEqualTo(720);
        assertThat(clip.durationSeconds()).isEqualTo(5.0);
        assertThat(clip.metadata())
                .isEqualTo(JsonObject.builder()
                        .put("provider", JsonString.of("runway"))
                        .put("prompt", JsonString.of(PROMPT))
                        .put("task_id", JsonString.of("task_generate"))
                        .put("artifact_url", JsonString.of(ARTIFACT))
                        .put("content_type", JsonString.of("video/mp4"))
                        .put("model", JsonString.of("gen4.5"))
                        .put("mode", JsonString.of("text_to_video"))
                        .build());
        assertThat(Json.write(clip.toJson())).doesNotContain("sig-secret-123", "tok-secret-456");

        assertThat(sentBody("/v1/image_to_video"))
                .isEqualTo(JsonObject.builder()
                        .put("model", JsonString.of("gen4.5"))
                        .put("promptText", JsonString.of(PROMPT))
                        .put("ratio", JsonString.of("1280:720"))
                        .put("duration", JsonInt.of(5))
                        .build());
        assertThat(fake.paths())
                .containsExactly("POST /v1/image_to_video", "GET /v1/tasks/task_generate", "GET /generated.mp4");
        TransportRequest create = fake.requests.get(0);
        assertThat(create.header("Authorization")).contains("Bearer " + API_KEY);
        assertThat(create.header("X-Runway-Version")).contains("2024-11-06");
        assertThat(create.header("Content-Type")).contains("application/json");
        assertThat(fake.requests.get(1).header("Authorization")).contains("Bearer " + API_KEY);
        TransportRequest download = fake.requests.get(2);
        assertThat(download.uri().toString())
                .as("the signed URL is requested as is")
                .isEqualTo(SIGNED_ARTIFACT);
        assertThat(download.header("Authorization"))
                .as("no credentials to the artifact host")
                .isEmpty();
        assertThat(download.header("X-Runway-Version")).isEmpty();

        assertThat(eventPairs())
                .containsExactly("generation request/success", "task poll/success", "artifact download/success");
        ProviderEvent downloaded = events.get(2);
        assertThat(downloaded.target()).isEqualTo(ARTIFACT);
        assertThat(downloaded.metadata().get("bytes")).isEqualTo(JsonInt.of(12));
        assertThat(events.get(1).target()).isEqualTo("/v1/tasks/task_generate");
        assertNothingLeaks(events, dir, FORBIDDEN);
    }

    @Test
    void legacySecretAliasAndPrecedence() {
        fake.happyPath();
        builder(Map.of("RUNWAY_API_SECRET", "legacy-key")).build().generate(PROMPT, 5.0, null);
        assertThat(fake.requests.get(0).header("Authorization")).contains("Bearer legacy-key");

        fake.requests.clear();
        builder(Map.of("RUNWAY_API_SECRET", "legacy-key", "RUNWAYML_API_SECRET", "new-key"))
                .build()
                .generate(PROMPT, 5.0, null);
        assertThat(fake.requests.get(0).header("Authorization")).contains("Bearer new-key");

        fake.requests.clear();
        builder(Map.of("RUNWAYML_API_SECRET", "  ", "RUNWAY_API_SECRET", " legacy-key "))
                .build()
                .generate(PROMPT, 5.0, null);
        assertThat(fake.requests.get(0).header("Authorization"))
                .as("a blank value counts as unset; values are trimmed")
                .contains("Bearer legacy-key");
    }

    @Test
    void transferSendsTheClipAndReturnsTheCallersGeometry() {
        fake.happyPath();
        GenerationOptions options = GenerationOptions.builder()
                .addReferenceImage("https://example.com/style.png")
                .addReferenceImage("data:image/png;base64,AA==")
                .seed(11)
                .build();

        VideoClip out = provider().transfer(inputClip(), 640, 360, 30.0, "  ", options);

        JsonObject body = sentBody("/v1/video_to_video");
        assertThat(body.get("model")).isEqualTo(JsonString.of("gen4_aleph"));
        assertThat(body.get("promptText"))
                .isEqualTo(JsonString.of("Re-render the input video while preserving the scene motion."));
        assertThat(body.get("videoUri"))
                .isEqualTo(JsonString.of("data:video/mp4;base64,"
                        + Base64.getEncoder().encodeToString("input-frames".getBytes(StandardCharsets.UTF_8))));
        assertThat(body.get("references"))
                .isEqualTo(JsonArray.of(
                        JsonObject.of("uri", JsonString.of("https://example.com/style.png")),
                        JsonObject.of("uri", JsonString.of("data:image/png;base64,AA=="))));
        assertThat(body.get("seed")).isEqualTo(JsonInt.of(11));
        assertThat(body.keys()).doesNotContain("width", "height", "fps", "ratio");

        assertThat(out.width()).isEqualTo(640);
        assertThat(out.height()).isEqualTo(360);
        assertThat(out.fps()).isEqualTo(30.0);
        assertThat(out.durationSeconds()).isEqualTo(3.0);
        assertThat(out.metadata().get("mode")).isEqualTo(JsonString.of("video_to_video"));
        assertThat(out.metadata().get("reference_count")).isEqualTo(JsonInt.of(2));
        assertThat(out.metadata().get("model")).isEqualTo(JsonString.of("gen4_aleph"));
        assertThat(out.metadata().get("prompt")).isEqualTo(JsonString.of(""));
        assertThat(eventPairs())
                .containsExactly("transfer request/success", "task poll/success", "artifact download/success");
    }

    @Test
    void transferPrefersOptionsVideoAndCustomPrompt() {
        fake.happyPath();
        provider()
                .transfer(
                        inputClip(),
                        640,
                        360,
                        30.0,
                        " make it snowy ",
                        GenerationOptions.builder()
                                .video("https://example.com/in.mp4")
                                .model("gen4_turbo")
                                .build());
        JsonObject body = sentBody("/v1/video_to_video");
        assertThat(body.get("videoUri")).isEqualTo(JsonString.of("https://example.com/in.mp4"));
        assertThat(body.get("promptText")).isEqualTo(JsonString.of("make it snowy"));
        assertThat(body.get("model")).isEqualTo(JsonString.of("gen4_turbo"));
        assertThat(body.keys()).doesNotContain("references");
    }

    @Test
    void requestBodyOptionsAndDurationRounding() {
        fake.happyPath();
        RunwayProvider provider = provider();
        double[][] cases = {{0.4, 2}, {12.0, 10}, {2.5, 2}, {3.5, 4}, {7.2, 7}};
        for (double[] c : cases) {
            fake.requests.clear();
            VideoClip clip = provider.generate(PROMPT, c[0], null);
            assertThat(sentBody("/v1/image_to_video").get("duration")).isEqualTo(JsonInt.of((long) c[1]));
            assertThat(clip.durationSeconds()).isEqualTo(c[1]);
        }
        fake.requests.clear();
        VideoClip clip = provider.generate(
                PROMPT,
                5.0,
                GenerationOptions.builder()
                        .ratio("720:1280")
                        .model("veo3.1")
                        .image("data:image/png;base64,AA==")
                        .fps(30.0)
                        .seed(3)
                        .extras(JsonObject.of("duration", JsonInt.of(8), "contentModeration", JsonObject.EMPTY))
                        .build());
        JsonObject body = sentBody("/v1/image_to_video");
        assertThat(body.get("ratio")).isEqualTo(JsonString.of("720:1280"));
        assertThat(body.get("model")).isEqualTo(JsonString.of("veo3.1"));
        assertThat(body.get("promptImage")).isEqualTo(JsonString.of("data:image/png;base64,AA=="));
        assertThat(body.get("seed")).isEqualTo(JsonInt.of(3));
        assertThat(body.get("duration")).as("extras merged last").isEqualTo(JsonInt.of(8));
        assertThat(body.get("contentModeration")).isEqualTo(JsonObject.EMPTY);
        assertThat(clip.width()).isEqualTo(720);
        assertThat(clip.height()).isEqualTo(1280);
        assertThat(clip.fps()).isEqualTo(30.0);
        assertThat(clip.metadata().get("mode")).isEqualTo(JsonString.of("image_to_video"));
        assertThat(clip.metadata().get("model")).isEqualTo(JsonString.of("veo3.1"));
    }

    @Test
    void baseUrlComesFromTheEnvironmentWhenNotGiven() {
        fake.on(
                "GET",
                "https://proxy.runway.test/prefix/v1/organization",
                json(200, fixture("runway_org_success.json")));
        RunwayProvider provider = RunwayProvider.builder()
                .environment(Environment.of(Map.of(
                        "RUNWAYML_API_SECRET", API_KEY, "RUNWAYML_BASE_URL", "https://proxy.runway.test/prefix/")))
                .transport(fake)
                .build();
        assertThat(provider.baseUrl()).isEqualTo("https://proxy.runway.test/prefix/");
        assertThat(provider.health().healthy()).isTrue();
        assertThat(RunwayProvider.builder().build().baseUrl()).isEqualTo("https://api.dev.runwayml.com");
    }

    // ------------------------------------------------------------------ input validation (16)

    @Test
    void inputErrorsFailBeforeAnyRequest() {
        RunwayProvider provider = provider();
        assertThatThrownBy(() -> provider.generate(
                        PROMPT,
                        5.0,
                        GenerationOptions.builder().video("https://x/y.mp4").build()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Runway image_to_video does not accept `options.video`; use transfer() for video inputs.");
        assertThatThrownBy(() -> provider.generate(
                        PROMPT, 5.0, GenerationOptions.builder().ratio("wide").build()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Invalid Runway ratio 'wide'. Expected WIDTH:HEIGHT.");
        assertThatThrownBy(() -> provider.generate(
                        PROMPT,
                        5.0,
                        GenerationOptions.builder().ratio("1280:720:1").build()))
                .hasMessage("Invalid Runway ratio '1280:720:1'. Expected WIDTH:HEIGHT.");
        assertThatThrownBy(() -> provider.generate(
                        PROMPT, 5.0, GenerationOptions.builder().ratio("0:720").build()))
                .hasMessage("Runway ratio width and height must be greater than 0.");
        Path missing = dir.resolve("missing.png");
        assertThatThrownBy(() -> provider.generate(
                        PROMPT,
                        5.0,
                        GenerationOptions.builder().image(missing.toString()).build()))
                .hasMessage("Local asset path does not exist: " + missing.toAbsolutePath());
        assertThatThrownBy(() -> provider.generate(" ", 5.0, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("generate() prompt must be a non-empty string.");
        assertThatThrownBy(() -> provider.generate(PROMPT, 0.0, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("generate() duration_seconds must be greater than 0.");
        assertThatThrownBy(() -> provider.transfer(inputClip(), 0, 360, 24.0, "", null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("transfer() width must be an integer greater than 0.");
        assertThatThrownBy(() -> provider.transfer(inputClip(), 640, 360, Double.NaN, "", null))
                .hasMessage("transfer() fps must be greater than 0.");
        RunwayProvider unconfigured = builder(Map.of()).build();
        assertThatThrownBy(() -> unconfigured.generate(PROMPT, 5.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'runway' is unavailable: missing RUNWAYML_API_SECRET.");
        assertThatThrownBy(() -> unconfigured.transfer(inputClip(), 640, 360, 24.0, "", null))
                .hasMessage("Provider 'runway' is unavailable: missing RUNWAYML_API_SECRET.");
        assertThat(fake.requests).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void constructorKnobsAreValidated() {
        assertThatThrownBy(() -> RunwayProvider.builder().maxPolls(0))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Runway max_polls must be an integer greater than 0.");
        assertThatThrownBy(() -> RunwayProvider.builder().pollIntervalSeconds(-0.5))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Runway poll_interval_seconds must be non-negative.");
        assertThatThrownBy(() -> RunwayProvider.builder().pollIntervalSeconds(Double.POSITIVE_INFINITY))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Runway poll_interval_seconds must be a finite number.");
        assertThatThrownBy(() -> RunwayProvider.builder().maxArtifactBytes(0))
                .hasMessage("Runway max_artifact_bytes must be an integer greater than 0.");
        RunwayProvider badBool = RunwayProvider.builder()
                .environment(Environment.of(Map.of("RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS", "maybe")))
                .build();
        assertThatThrownBy(badBool::allowLocalArtifactUrls)
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Runway allow_local_artifact_urls must be a boolean when provided.");
        RunwayProvider badDns = RunwayProvider.builder()
                .environment(Environment.of(Map.of("RUNWAYML_RESOLVE_ARTIFACT_DNS", "2")))
                .build();
        assertThatThrownBy(badDns::configSummary)
                .hasMessage("Runway resolve_artifact_dns must be a boolean when provided.");
    }

    // ------------------------------------------------------------------ creation failures (2)

    @Test
    void missingTaskIdFixtureIsRejectedForBothOperations() {
        fake.on("POST", API + "/v1/image_to_video", json(200, fixture("runway_create_missing_id.json")));
        fake.on("POST", API + "/v1/video_to_video", json(200, "{\"id\": \"   \"}"));

        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'runway' generation request response field 'id' must be a non-empty task id.");
        assertThatThrownBy(() -> provider().transfer(inputClip(), 640, 360, 24.0, "", null))
                .hasMessage("Provider 'runway' transfer request response field 'id' must be a non-empty task id.");
        assertThat(eventPairs()).containsExactly("generation request/success", "transfer request/success");
        assertThat(fake.paths()).noneMatch(p -> p.contains("/v1/tasks/"));
    }

    @Test
    void creationIsSentOnceOn503() {
        fake.on("POST", API + "/v1/image_to_video", text(503, "busy"));

        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'runway' generation request failed with status 503: busy");
        assertThat(fake.requests).hasSize(1);
        assertThat(events)
                .extracting(ProviderEvent::operation, ProviderEvent::phase, ProviderEvent::statusCode)
                .containsExactly(tuple("generation request", "failure", 503));
    }

    @Test
    void authFailureIsRedactedEverywhere() throws IOException {
        fake.on(
                "POST",
                API + "/v1/image_to_video",
                json(
                        401,
                        "{\"error\":\"bad key\",\"api_key\":\"" + API_KEY + "\",\"auth\":\"Bearer " + API_KEY + "\"}"));

        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("Provider 'runway' generation request failed with status 401: ")
                .hasMessageNotContaining(API_KEY);
        assertThat(events)
                .extracting(ProviderEvent::operation, ProviderEvent::phase, ProviderEvent::statusCode)
                .containsExactly(tuple("generation request", "failure", 401));
        assertNothingLeaks(events, dir, FORBIDDEN);
    }

    @Test
    void timeoutsFailAfterTheAllowedAttempts() {
        fake.on("POST", API + "/v1/image_to_video", failing(new HttpTimeoutException("request timed out")));
        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .hasMessage("Provider 'runway' generation request failed after 1 attempt(s): request timed out");
        assertThat(eventPairs()).containsExactly("generation request/failure");

        events.clear();
        fake.happyPath();
        fake.on("GET", API + "/v1/tasks/task_generate", failing(new HttpTimeoutException("poll timed out")));
        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .hasMessage("Provider 'runway' task poll failed after 3 attempt(s): poll timed out");
        assertThat(eventPairs())
                .containsExactly(
                        "generation request/success", "task poll/retry", "task poll/retry", "task poll/failure");
        assertThat(sleeps).containsExactly(0.25, 0.5);
    }

    @Test
    void malformedJsonAndNonObjectPayloads() {
        fake.happyPath();
        fake.on("GET", API + "/v1/tasks/task_generate", json(200, "{not json"));
        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .hasMessage("Provider 'runway' task poll returned invalid JSON.");
        assertThat(eventPairs()).containsExactly("generation request/success", "task poll/failure");

        fake.on("POST", API + "/v1/image_to_video", json(200, "[\"task_generate\"]"));
        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .hasMessage("Provider 'runway' generation request returned a non-object JSON payload.");

        fake.on("POST", API + "/v1/image_to_video", text(200, "<html>maintenance</html>"));
        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .hasMessage("Provider 'runway' generation request returned invalid JSON.");
    }

    // ------------------------------------------------------------------ polling (17)

    @Test
    void failedTaskFixture() {
        fake.happyPath();
        fake.on("GET", API + "/v1/tasks/task_generate", json(200, fixture("runway_task_failed.json")));

        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage(
                        "Provider 'runway' task task_generate failed with status FAILED: moderation rejected prompt");
        assertThat(fake.paths()).noneMatch(p -> p.endsWith(".mp4"));
        assertThat(eventPairs()).containsExactly("generation request/success", "task poll/success");
    }

    @Test
    void emptyOutputFixture() {
        fake.happyPath();
        fake.on("GET", API + "/v1/tasks/task_generate", json(200, fixture("runway_task_empty_output.json")));
        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .hasMessage("Provider 'runway' task task_generate completed without outputs.");
    }

    @Test
    void partialOutputFixture() {
        fake.happyPath();
        fake.on("GET", API + "/v1/tasks/task_generate", json(200, fixture("runway_task_partial_output.json")));
        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .hasMessage("Provider 'runway' task task_generate response field 'output' contains invalid entries at"
                        + " index(es): 1.");
        assertThat(fake.paths()).noneMatch(p -> p.endsWith(".mp4"));
    }

    @Test
    void taskPayloadRules() {
        String[][] cases = {
            {
                "{\"id\":\"other\",\"status\":\"SUCCEEDED\"}",
                "task response id 'other' does not match requested task" + " 'task_generate'."
            },
            {
                "{\"id\":\" \",\"status\":\"SUCCEEDED\"}",
                "task response field 'id' must be a non-empty string when" + " present."
            },
            {"{\"status\":\"  \"}", "task task_generate response field 'status' must be a non-empty string."},
            {"{\"status\":7}", "task task_generate response field 'status' must be a non-empty string."},
            {
                "{\"status\":\"SUCCEEDED\",\"output\":\"https://x/y.mp4\"}",
                "task task_generate response field 'output'" + " must be a list when present."
            },
            {
                "{\"status\":\"SUCCEEDED\",\"output\":[\"https://x/a.mp4\",1,null,\" \"]}",
                "task task_generate response" + " field 'output' contains invalid entries at index(es): 1, 2, 3."
            },
            {"{\"status\":\"SUCCEEDED\",\"output\":null}", "task task_generate completed without outputs."},
            {
                "{\"status\":\"cancelled\",\"failure\":\" user cancelled \"}",
                "task task_generate failed with status" + " CANCELLED: user cancelled"
            },
            {
                "{\"status\":\"FAILED\",\"failure\":\"\",\"error\":{\"message\":\" \"},\"message\":\"quota\"}",
                "task task_generate failed with status FAILED: quota"
            },
            {
                "{\"status\":\"FAILED\",\"error\":{\"code\":3}}",
                "task task_generate failed with status FAILED: no failure" + " detail returned"
            },
        };
        for (String[] c : cases) {
            fake.happyPath();
            fake.on("GET", API + "/v1/tasks/task_generate", json(200, c[0]));
            assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                    .as(c[0])
                    .isInstanceOf(ProviderException.class)
                    .hasMessage("Provider 'runway' " + c[1]);
        }
    }

    @Test
    void pendingStatusesArePolledAgainWithTheInterval() {
        fake.happyPath();
        fake.on(
                "GET",
                API + "/v1/tasks/task_generate",
                json(200, "{\"id\":\"task_generate\",\"status\":\"PENDING\"}"),
                json(200, "{\"status\":\"THROTTLED\"}"),
                json(200, "{\"status\":\"running\",\"output\":[]}"),
                json(200, FakeRunwayTransport.taskSuccess().replace("SUCCEEDED", "succeeded")));

        VideoClip clip = builder(Map.of("RUNWAYML_API_SECRET", API_KEY))
                .pollIntervalSeconds(1.5)
                .build()
                .generate(PROMPT, 5.0, null);

        assertThat(clip.blob()).isEqualTo("runway-video".getBytes(StandardCharsets.UTF_8));
        assertThat(sleeps).containsExactly(1.5, 1.5, 1.5);
        assertThat(eventPairs())
                .containsExactly(
                        "generation request/success",
                        "task poll/success",
                        "task poll/success",
                        "task poll/success",
                        "task poll/success",
                        "artifact download/success");
    }

    @Test
    void pollingGivesUpAfterMaxPolls() {
        fake.happyPath();
        fake.on("GET", API + "/v1/tasks/task_generate", json(200, "{\"status\":\"RUNNING\"}"));

        assertThatThrownBy(() -> builder(Map.of("RUNWAYML_API_SECRET", API_KEY))
                        .maxPolls(3)
                        .build()
                        .generate(PROMPT, 5.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'runway' task did not complete before timeout.");
        assertThat(fake.paths()).filteredOn(p -> p.startsWith("GET /v1/tasks")).hasSize(3);
        assertThat(sleeps).as("poll interval 0 never sleeps").isEmpty();
    }

    @Test
    void taskIdsArePathEncoded() {
        fake.on("POST", API + "/v1/image_to_video", json(200, "{\"id\":\"a b/c\"}"));
        fake.on("GET", API + "/v1/tasks/a%20b%2Fc", json(200, "{\"status\":\"FAILED\",\"message\":\"nope\"}"));
        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .hasMessage("Provider 'runway' task a b/c failed with status FAILED: nope");
    }

    // ------------------------------------------------------------------ retries and budgets (5, 9)

    @Test
    void transientPollAndDownloadFailuresAreRetried() throws IOException {
        fake.happyPath();
        fake.on(
                "GET",
                API + "/v1/tasks/task_generate",
                text(503, "poll busy"),
                json(200, FakeRunwayTransport.taskSuccess()));
        fake.on("GET", ARTIFACT, text(503, "cdn busy token=tok-secret-456"), video("runway-video"));

        VideoClip clip = provider().generate(PROMPT, 5.0, null);

        assertThat(clip.blob()).isEqualTo("runway-video".getBytes(StandardCharsets.UTF_8));
        assertThat(eventPairs())
                .containsExactly(
                        "generation request/success",
                        "task poll/retry",
                        "task poll/success",
                        "artifact download/retry",
                        "artifact download/success");
        ProviderEvent downloadRetry = events.get(3);
        assertThat(downloadRetry.statusCode()).isEqualTo(503);
        assertThat(downloadRetry.attempt()).isEqualTo(1);
        assertThat(downloadRetry.maxAttempts()).isEqualTo(3);
        assertThat(downloadRetry.target()).isEqualTo(ARTIFACT);
        assertThat(events.get(4).attempt()).isEqualTo(2);
        // The failed download stream is released before the backoff wait.
        int close = fake.timeline.indexOf("close:" + SIGNED_ARTIFACT);
        int sleep = fake.timeline.lastIndexOf("sleep:0.25");
        assertThat(close).isNotNegative().isLessThan(sleep);
        assertNothingLeaks(events, dir, FORBIDDEN);
    }

    @Test
    void downloadRetriesAreExhausted() {
        fake.happyPath();
        fake.on("GET", ARTIFACT, text(502, "bad gateway"));
        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'runway' artifact download failed with status 502: bad gateway");
        assertThat(eventPairs())
                .endsWith("artifact download/retry", "artifact download/retry", "artifact download/failure");
    }

    @Test
    void pollingBudgetCoversTheWholeLoop() throws IOException {
        AtomicLong now = new AtomicLong();
        fake.happyPath();
        fake.on("GET", API + "/v1/tasks/task_generate", json(200, "{\"status\":\"PENDING\"}"));
        RetryPolicy read = RetryPolicy.of(3, 0.25, 2.0);
        ProviderRequestPolicy policy = new ProviderRequestPolicy(
                new RequestOperationPolicy(10.0, read, null),
                new RequestOperationPolicy(120.0, RetryPolicy.SINGLE_ATTEMPT, null),
                new RequestOperationPolicy(30.0, read, 2.5),
                new RequestOperationPolicy(120.0, read, null));
        RunwayProvider provider = builder(Map.of("RUNWAYML_API_SECRET", API_KEY))
                .requestPolicy(policy)
                .pollIntervalSeconds(1.0)
                .clock(now::get)
                .sleeper(seconds -> now.addAndGet((long) (seconds * 1e9)))
                .build();

        assertThatThrownBy(() -> provider.generate(PROMPT, 5.0, null))
                .isInstanceOf(ProviderBudgetExceededException.class)
                .hasMessage("Provider 'runway' task poll exceeded budget 2.500s after 2.000s.");

        assertThat(eventPairs())
                .containsExactly(
                        "generation request/success",
                        "task poll/success",
                        "task poll/success",
                        "task poll/success",
                        "task poll/budget_exceeded");
        ProviderEvent exceeded = events.get(4);
        assertThat(exceeded.message()).isEqualTo("Provider 'runway' task poll exceeded budget 2.500s after 2.000s.");
        assertThat(exceeded.metadata().get("polls")).isEqualTo(JsonInt.of(3));
        assertThat(exceeded.target()).isEqualTo("/v1/tasks/task_generate");
        assertThat(fake.paths()).noneMatch(p -> p.endsWith(".mp4"));
        // Each poll's attempt timeout is capped by what is left of the loop budget.
        List<TransportRequest> polls = fake.requests.stream()
                .filter(r -> r.uri().getPath().startsWith("/v1/tasks"))
                .toList();
        assertThat(polls)
                .extracting(TransportRequest::timeout)
                .containsExactly(
                        java.time.Duration.ofMillis(2500),
                        java.time.Duration.ofMillis(1500),
                        java.time.Duration.ofMillis(500));
        assertNothingLeaks(events, dir, FORBIDDEN);
    }

    @Test
    void downloadBudgetStopsRetries() {
        AtomicLong now = new AtomicLong();
        fake.happyPath();
        fake.on("GET", ARTIFACT, text(503, "busy"));
        RetryPolicy read = RetryPolicy.of(3, 0.25, 2.0);
        ProviderRequestPolicy policy = new ProviderRequestPolicy(
                new RequestOperationPolicy(10.0, read, null),
                new RequestOperationPolicy(120.0, RetryPolicy.SINGLE_ATTEMPT, null),
                new RequestOperationPolicy(30.0, read, null),
                new RequestOperationPolicy(120.0, read, 0.1));
        RunwayProvider provider = builder(Map.of("RUNWAYML_API_SECRET", API_KEY))
                .requestPolicy(policy)
                .clock(now::get)
                .build();

        assertThatThrownBy(() -> provider.generate(PROMPT, 5.0, null))
                .isInstanceOf(ProviderBudgetExceededException.class)
                .hasMessage("Provider 'runway' artifact download exceeded budget 0.100s after 0.000s.");
        assertThat(eventPairs()).endsWith("artifact download/budget_exceeded");
        assertThat(fake.paths()).filteredOn(p -> p.endsWith(".mp4")).hasSize(1);
    }

    // ------------------------------------------------------------------ download failures (18)

    @ParameterizedTest
    @ValueSource(ints = {403, 404})
    void expiredArtifactUrls(int status) throws IOException {
        fake.happyPath();
        fake.on("GET", ARTIFACT, text(status, "Request has expired"));

        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'runway' artifact URL is expired or unavailable: Provider 'runway' artifact"
                        + " download failed with status " + status + ": Request has expired");
        assertThat(events.get(events.size() - 1))
                .extracting(ProviderEvent::operation, ProviderEvent::phase, ProviderEvent::statusCode)
                .containsExactly("artifact download", "failure", status);
        assertNothingLeaks(events, dir, FORBIDDEN);
    }

    @Test
    void emptyArtifact() {
        fake.happyPath();
        fake.on("GET", ARTIFACT, bytes(200, Map.of("Content-Type", "video/mp4"), new byte[0]));
        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'runway' artifact download returned no bytes.");
        assertThat(eventPairs()).endsWith("artifact download/success");
    }

    @Test
    void artifactContentTypes() {
        fake.happyPath();
        fake.on("GET", ARTIFACT, bytes(200, Map.of("Content-Type", "text/html; charset=utf-8"), new byte[] {1}));
        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .hasMessage("Provider 'runway' artifact download returned unsupported content type 'text/html;"
                        + " charset=utf-8'.");
        assertThat(eventPairs()).endsWith("artifact download/failure");

        for (Map<String, String> headers : List.of(
                Map.of("Content-Type", "application/octet-stream"),
                Map.of("Content-Type", "VIDEO/webm"),
                Map.<String, String>of())) {
            fake.on("GET", ARTIFACT, bytes(200, headers, new byte[] {7, 8}));
            assertThat(provider().generate(PROMPT, 5.0, null).blob()).containsExactly(7, 8);
        }
    }

    @Test
    void oversizedArtifacts() {
        fake.happyPath();
        fake.on("GET", ARTIFACT, bytes(200, Map.of("Content-Type", "video/mp4", "Content-Length", "11"), new byte[11]));
        RunwayProvider capped = builder(Map.of("RUNWAYML_API_SECRET", API_KEY))
                .maxArtifactBytes(10)
                .build();
        assertThatThrownBy(() -> capped.generate(PROMPT, 5.0, null))
                .hasMessage("Provider 'runway' artifact download exceeded download size limit of 10 bytes from"
                        + " Content-Length 11.");

        fake.on(
                "GET",
                ARTIFACT,
                (request, f) ->
                        TransportResponse.of(200, Map.of("Content-Type", "video/mp4"), FakeRunwayTransport.endless()));
        assertThatThrownBy(() -> capped.generate(PROMPT, 5.0, null))
                .hasMessage("Provider 'runway' artifact download exceeded download size limit of 10 bytes.");

        fake.on("GET", ARTIFACT, bytes(200, Map.of("Content-Type", "video/mp4", "Content-Length", "ten"), new byte[3]));
        assertThatThrownBy(() -> capped.generate(PROMPT, 5.0, null))
                .hasMessage("Provider 'runway' artifact download returned invalid Content-Length.");
    }

    @Test
    void redirectsAreNotFollowed() {
        fake.happyPath();
        fake.on(
                "GET",
                ARTIFACT,
                bytes(302, Map.of("Location", "http://169.254.169.254/latest/meta-data"), new byte[0]));
        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .hasMessage("Provider 'runway' artifact download returned no bytes.");
        assertThat(fake.paths()).noneMatch(p -> p.contains("meta-data"));

        fake.on(
                "GET",
                API + "/v1/tasks/task_generate",
                bytes(307, Map.of("Location", API + "/v1/elsewhere"), new byte[0]));
        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .hasMessage("Provider 'runway' task poll failed with status 307: empty response body");
        assertThat(fake.paths()).noneMatch(p -> p.contains("elsewhere"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8777/generated.mp4?sig=abc",
                "http://localhost:8777/generated.mp4",
                "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.5/generated.mp4",
                "http://[::1]/generated.mp4",
                "http://[::ffff:127.0.0.1]/generated.mp4",
                "https://cdn.localhost/generated.mp4"
            })
    void localArtifactUrlsAreRefused(String url) {
        fake.happyPath();
        fake.on(
                "GET",
                API + "/v1/tasks/task_generate",
                json(200, "{\"status\":\"SUCCEEDED\",\"output\":[\"" + url + "\"]}"));

        assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'runway' artifact URL resolves to a local/private destination. Set the provider's"
                        + " explicit local-network opt-in only for trusted local servers.");
        assertThat(fake.paths()).hasSize(2);
        assertThat(eventPairs()).containsExactly("generation request/success", "task poll/success");
    }

    /**
     * Issue 14 item 11: shared address space (cloud metadata at 100.100.100.200), zone ids and
     * numeric spellings of loopback are refused before any download, with DNS checks off (the
     * injected transport turns them off).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://100.100.100.200/latest/meta-data|resolves to a local/private destination",
                "http://100.64.0.1/generated.mp4|resolves to a local/private destination",
                "http://[fe80::1%25eth0]/generated.mp4|resolves to a local/private destination",
                "http://[64:ff9b::a9fe:a9fe]/generated.mp4|resolves to a local/private destination",
                "http://2130706433/generated.mp4|host '2130706433' is an ambiguous IPv4 address literal",
                "http://127.000.000.001/generated.mp4|host '127.000.000.001' is an ambiguous IPv4 address literal",
                "http://2852039166/latest/meta-data|host '2852039166' is an ambiguous IPv4 address literal",
                "http://0/generated.mp4|host '0' is an ambiguous IPv4 address literal",
            })
    void sharedZonedAndNumericArtifactHostsAreRefused(String row) {
        String url = row.substring(0, row.indexOf('|'));
        String message = row.substring(row.indexOf('|') + 1);
        fake.happyPath();
        fake.on(
                "GET",
                API + "/v1/tasks/task_generate",
                json(200, "{\"status\":\"SUCCEEDED\",\"output\":[\"" + url + "\"]}"));

        RunwayProvider provider = provider();
        assertThat(provider.resolveArtifactDns()).isFalse();
        assertThatThrownBy(() -> provider.generate(PROMPT, 5.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("Provider 'runway' artifact URL ")
                .hasMessageContaining(message);
        assertThat(fake.paths()).hasSize(2);
    }

    @Test
    void malformedArtifactUrlsAreRefused() {
        String[][] cases = {
            {"ftp://downloads.example.com/x.mp4", "artifact URL must use an http or https URL."},
            {"https://user:pass@downloads.example.com/x.mp4", "artifact URL must not include embedded credentials."},
        };
        for (String[] c : cases) {
            fake.happyPath();
            fake.on(
                    "GET",
                    API + "/v1/tasks/task_generate",
                    json(200, "{\"status\":\"SUCCEEDED\",\"output\":[\"" + c[0] + "\"]}"));
            assertThatThrownBy(() -> provider().generate(PROMPT, 5.0, null)).hasMessage("Provider 'runway' " + c[1]);
        }
    }

    @Test
    void localArtifactsAllowedByTheSwitch() {
        String local = "http://127.0.0.1:8777/generated.mp4";
        fake.happyPath();
        fake.on(
                "GET",
                API + "/v1/tasks/task_generate",
                json(200, "{\"status\":\"SUCCEEDED\",\"output\":[\"" + local + "\"]}"));
        fake.on("GET", local, video("local-video"));

        assertThat(builder(Map.of("RUNWAYML_API_SECRET", API_KEY))
                        .allowLocalArtifactUrls(true)
                        .build()
                        .generate(PROMPT, 5.0, null)
                        .blob())
                .isEqualTo("local-video".getBytes(StandardCharsets.UTF_8));
        assertThat(builder(Map.of("RUNWAYML_API_SECRET", API_KEY, "RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS", " Yes "))
                        .build()
                        .generate(PROMPT, 5.0, null)
                        .metadata()
                        .get("artifact_url"))
                .isEqualTo(JsonString.of(local));
        assertThatThrownBy(() -> builder(
                                Map.of("RUNWAYML_API_SECRET", API_KEY, "RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS", "true"))
                        .allowLocalArtifactUrls(false)
                        .build()
                        .generate(PROMPT, 5.0, null))
                .as("the builder value wins")
                .hasMessageContaining("local/private destination");
    }

    @Test
    void dnsAutoModeSkipsResolutionWithAnInjectedTransport() {
        List<String> resolved = Collections.synchronizedList(new ArrayList<>());
        fake.happyPath();
        RunwayProvider auto = builder(Map.of("RUNWAYML_API_SECRET", API_KEY))
                .hostResolver((host, port, timeout) -> {
                    resolved.add(host + ":" + port);
                    return List.of("10.1.2.3");
                })
                .build();
        assertThat(auto.resolveArtifactDns()).isFalse();
        assertThat(auto.generate(PROMPT, 5.0, null).blob()).isNotEmpty();
        assertThat(resolved).isEmpty();

        RunwayProvider forced = builder(Map.of("RUNWAYML_API_SECRET", API_KEY, "RUNWAYML_RESOLVE_ARTIFACT_DNS", "on"))
                .hostResolver((host, port, timeout) -> {
                    resolved.add(host + ":" + port);
                    return List.of("10.1.2.3");
                })
                .build();
        assertThat(forced.resolveArtifactDns()).isTrue();
        assertThatThrownBy(() -> forced.generate(PROMPT, 5.0, null))
                .hasMessageContaining("artifact URL resolves to a local/private destination");
        assertThat(resolved).containsExactly("downloads.example.com:443");

        RunwayProvider publicHost = builder(Map.of("RUNWAYML_API_SECRET", API_KEY))
                .resolveArtifactDns(true)
                .hostResolver((host, port, timeout) -> List.of("93.184.216.34"))
                .build();
        assertThat(publicHost.generate(PROMPT, 5.0, null).blob()).isNotEmpty();

        assertThat(RunwayProvider.builder().build().resolveArtifactDns())
                .as("auto mode resolves with the default network transport")
                .isTrue();
        assertThat(RunwayProvider.builder()
                        .transport(new ai.worldforge.provider.http.JdkHttpTransport())
                        .build()
                        .resolveArtifactDns())
                .isTrue();
    }

    // ------------------------------------------------------------------ health (20)

    @Test
    void healthFixtures() {
        fake.on("GET", API + "/v1/organization", json(200, fixture("runway_org_success.json")));
        ProviderHealth healthy = provider().health();
        assertThat(healthy.healthy()).isTrue();
        assertThat(healthy.details()).isEqualTo("WorldForge Test Org");
        assertThat(healthy.latencyMs()).isGreaterThanOrEqualTo(0.1);
        assertThat(fake.requests.get(0).header("Authorization")).contains("Bearer " + API_KEY);
        assertThat(fake.requests.get(0).header("X-Runway-Version")).contains("2024-11-06");

        fake.on("GET", API + "/v1/organization", json(200, fixture("runway_org_malformed.json")));
        ProviderHealth malformed = provider().health();
        assertThat(malformed.healthy()).isFalse();
        assertThat(malformed.details())
                .isEqualTo("Provider 'runway' organization response must include 'id' or 'name'.");

        fake.on("GET", API + "/v1/organization", json(200, "{\"id\":\" org_1 \"}"));
        assertThat(provider().health().details()).isEqualTo("org_1");
        fake.on("GET", API + "/v1/organization", json(200, "{\"id\":\"org_1\",\"name\":\"\"}"));
        assertThat(provider().health().details())
                .isEqualTo("Provider 'runway' organization response field 'name' must be a non-empty string when"
                        + " present.");
        fake.on("GET", API + "/v1/organization", json(200, "{\"id\":5}"));
        assertThat(provider().health().details())
                .isEqualTo("Provider 'runway' organization response field 'id' must be a non-empty string when"
                        + " present.");
    }

    @Test
    void healthRetriesAndReportsAuthFailures() {
        fake.on("GET", API + "/v1/organization", text(503, "warming"), json(200, fixture("runway_org_success.json")));
        assertThat(provider().health().healthy()).isTrue();
        assertThat(eventPairs()).containsExactly("healthcheck/retry", "healthcheck/success");

        fake.on("GET", API + "/v1/organization", text(401, "invalid token=" + API_KEY));
        ProviderHealth denied = provider().health();
        assertThat(denied.healthy()).isFalse();
        assertThat(denied.details())
                .isEqualTo("Provider 'runway' healthcheck failed with status 401: invalid" + " token=[redacted]");
    }

    @Test
    void healthWithoutSecretSendsNothing() {
        RunwayProvider provider = builder(Map.of()).build();
        ProviderHealth health = provider.health();
        assertThat(health.healthy()).isFalse();
        assertThat(health.details()).isEqualTo("missing RUNWAYML_API_SECRET");
        assertThat(health.latencyMs()).isGreaterThanOrEqualTo(0.1);
        assertThat(provider.configured()).isFalse();
        assertThat(provider.preflight().skipReason()).isEqualTo("missing RUNWAYML_API_SECRET or RUNWAY_API_SECRET");
        assertThat(fake.requests).isEmpty();
        assertThat(events).isEmpty();
    }

    // ------------------------------------------------------------------ configuration and registration

    @Test
    void configSummaryIsValueFree() {
        RunwayProvider provider = builder(Map.of(
                        "RUNWAY_API_SECRET", "runway-secret-value",
                        "RUNWAYML_BASE_URL", "https://user:pw@secret-host/v1?token=q",
                        "RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS", "false"))
                .build();
        String text = Json.write(provider.configSummary().toJson());
        assertThat(text).doesNotContain("runway-secret-value", "secret-host", "pw", "token=q");
        assertThat(provider.configSummary().configured()).isTrue();
        assertThat(provider.configSummary().fields())
                .extracting(
                        f -> f.name(),
                        f -> f.present(),
                        f -> f.source(),
                        f -> f.required(),
                        f -> f.secret(),
                        f -> f.valid(),
                        f -> f.detail(),
                        f -> f.aliases())
                .containsExactly(
                        tuple(
                                "RUNWAYML_API_SECRET",
                                true,
                                "env:RUNWAY_API_SECRET",
                                true,
                                true,
                                true,
                                "",
                                List.of("RUNWAY_API_SECRET")),
                        tuple("RUNWAYML_BASE_URL", true, "env:RUNWAYML_BASE_URL", false, false, true, "", List.of()),
                        tuple(
                                "RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS",
                                true,
                                "env:RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS",
                                false,
                                false,
                                true,
                                "",
                                List.of()),
                        tuple(
                                "RUNWAYML_RESOLVE_ARTIFACT_DNS",
                                false,
                                "default",
                                false,
                                false,
                                true,
                                "auto; effective resolve_dns=false",
                                List.of()));

        RunwayProvider direct = RunwayProvider.builder()
                .allowLocalArtifactUrls(true)
                .resolveArtifactDns(false)
                .build();
        assertThat(direct.configSummary().configured()).isFalse();
        assertThat(direct.configSummary().fields())
                .extracting(f -> f.source(), f -> f.present(), f -> f.valid(), f -> f.detail())
                .containsExactly(
                        tuple("unset", false, false, "missing"),
                        tuple("default", false, true, ""),
                        tuple("direct", true, true, ""),
                        tuple("direct", true, true, "effective resolve_dns=false"));
    }

    @Test
    void defaultSummaryMatchesTheCatalog() {
        CatalogEntry entry = ProviderCatalog.find("runway").orElseThrow();
        for (Map<String, String> vars : List.of(
                Map.<String, String>of(),
                Map.of("RUNWAYML_API_SECRET", "k", "RUNWAYML_RESOLVE_ARTIFACT_DNS", "yes"),
                Map.of("RUNWAY_API_SECRET", "k", "RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS", "1"))) {
            Environment env = Environment.of(vars);
            assertThat(new RunwayProvider(env, null).configSummary())
                    .as("%s", vars)
                    .isEqualTo(entry.configSummary(env));
        }
    }

    @Test
    void profileMatchesTheCatalog() {
        CatalogEntry entry = ProviderCatalog.find("runway").orElseThrow();
        assertThat(entry.adapterAvailable()).isTrue();
        assertThat(RunwayProvider.builder().build().profile().toJson())
                .isEqualTo(entry.profile().toJson());
        assertThat(entry.create(Environment.empty(), null)).isInstanceOf(RunwayProvider.class);
        assertThat(RunwayProvider.builder().build().capabilities().enabledNames())
                .containsExactly("generate", "transfer");
    }

    @Test
    void forgeRegistersRunwayFromEitherSecret() {
        for (String variable : List.of("RUNWAYML_API_SECRET", "RUNWAY_API_SECRET")) {
            WorldForge forge = WorldForge.builder()
                    .stateDir(dir.resolve("worlds"))
                    .environment(Environment.of(Map.of(variable, "k")))
                    .build();
            assertThat(forge.providers()).contains("runway");
        }
        WorldForge none = WorldForge.builder()
                .stateDir(dir.resolve("worlds"))
                .environment(Environment.of(Map.of("RUNWAY_API_SECRET", "  ")))
                .build();
        assertThat(none.providers()).doesNotContain("runway");
        assertThat(none.providerHealth("runway").details()).isEqualTo("missing RUNWAYML_API_SECRET");
    }
}
