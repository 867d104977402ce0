package ai.worldforge.provider.runway;

import static ai.worldforge.provider.runway.FakeRunwayServer.Answer.json;
import static ai.worldforge.provider.runway.FakeRunwayServer.Answer.text;
import static ai.worldforge.provider.runway.FakeRunwayServer.Answer.video;
import static ai.worldforge.provider.runway.FakeRunwayTransport.assertNothingLeaks;
import static ai.worldforge.provider.runway.FakeRunwayTransport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ai.worldforge.WorldForge;
import ai.worldforge.error.ProviderBudgetExceededException;
import ai.worldforge.error.ProviderException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.VideoClip;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderRequestPolicy;
import ai.worldforge.provider.RequestOperationPolicy;
import ai.worldforge.provider.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runway provider over real HTTP (the JDK transport) against a loopback Runway on 127.0.0.1:
 * task creation, polling and the artifact host. Local artifact URLs are allowed explicitly, as a
 * loopback artifact host needs; nothing leaves 127.0.0.1.
 */
class RunwayLoopbackTest {
    private static final String KEY = "loop-api-key-321";
    private static final String PROMPT = "a rover crosses a dune field";
    private static final byte[] VIDEO = "loopback-mp4-bytes".getBytes(StandardCharsets.UTF_8);
    private static final List<String> FORBIDDEN =
            List.of(KEY, "loop-sig-secret", "loop-token-secret", "X-Amz-Signature", "?");

    @TempDir
    Path dir;

    private final FakeRunwayServer server = new FakeRunwayServer();
    private final List<ProviderEvent> events = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        server.close();
    }

    private RunwayProvider.Builder builder() {
        return RunwayProvider.builder()
                .baseUrl(server.baseUrl())
                .environment(Environment.of(Map.of("RUNWAYML_API_SECRET", KEY)))
                .allowLocalArtifactUrls(true)
                .pollIntervalSeconds(0.0)
                .requestPolicy(ProviderRequestPolicy.remoteDefaults(30.0, 3, 0.0, 1.0))
                .eventHandler(events::add);
    }

    private RunwayProvider provider() {
        return builder().build();
    }

    private List<String> eventPairs() {
        synchronized (events) {
            return events.stream().map(e -> e.operation() + "/" + e.phase()).toList();
        }
    }

    private static VideoClip clip() {
        return new VideoClip(
                List.of("in".getBytes(StandardCharsets.UTF_8)),
                24.0,
                640,
                360,
                2.0,
                JsonObject.of("content_type", JsonString.of("video/mp4")));
    }

    @Test
    void generateCreatesPollsAndDownloads() throws IOException {
        server.happyPath(VIDEO);

        VideoClip clip = provider().generate(PROMPT, 4.0, null);

        assertThat(clip.blob()).isEqualTo(VIDEO);
        assertThat(clip.metadata().get("artifact_url"))
                .isEqualTo(JsonString.of(server.baseUrl() + "/artifacts/generated.mp4"));
        assertThat(clip.metadata().get("task_id")).isEqualTo(JsonString.of("task_generate"));
        assertThat(server.paths())
                .containsExactly(
                        "POST /v1/image_to_video", "GET /v1/tasks/task_generate", "GET /artifacts/generated.mp4");
        FakeRunwayServer.Recorded create = server.requests.get(0);
        assertThat(create.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(create.header("X-Runway-Version")).isEqualTo("2024-11-06");
        assertThat(create.header("Content-Type")).isEqualTo("application/json");
        assertThat(Json.parse(create.body()))
                .isEqualTo(JsonObject.builder()
                        .put("model", JsonString.of("gen4.5"))
                        .put("promptText", JsonString.of(PROMPT))
                        .put("ratio", JsonString.of("1280:720"))
                        .put("duration", ai.worldforge.json.JsonInt.of(4))
                        .build());
        FakeRunwayServer.Recorded download = server.requests.get(2);
        assertThat(download.query()).isEqualTo(FakeRunwayServer.SIGNATURE);
        assertThat(download.header("Authorization")).isNull();
        assertThat(eventPairs())
                .containsExactly("generation request/success", "task poll/success", "artifact download/success");
        assertNothingLeaks(events, dir, FORBIDDEN);
    }

    @Test
    void fragmentsOfSignedUrlsAreNeitherSentNorReported() throws IOException {
        server.happyPath(VIDEO);
        server.on(
                "GET",
                "/v1/tasks/task_generate",
                json(
                        200,
                        "{\"status\":\"SUCCEEDED\",\"output\":[\"" + server.artifactUrl("generated.mp4")
                                + "#frag-secret\"]}"));

        VideoClip clip = provider().generate(PROMPT, 4.0, null);

        assertThat(clip.blob()).isEqualTo(VIDEO);
        assertThat(clip.metadata().get("artifact_url"))
                .isEqualTo(JsonString.of(server.baseUrl() + "/artifacts/generated.mp4"));
        assertThat(server.requests("GET", "/artifacts/generated.mp4").get(0).query())
                .isEqualTo(FakeRunwayServer.SIGNATURE);
        assertNothingLeaks(events, dir, List.of("frag-secret", "loop-sig-secret", "#"));
    }

    @Test
    void transferOverTheWire() {
        server.happyPath(VIDEO);

        VideoClip out = provider().transfer(clip(), 1280, 720, 24.0, "night scene", null);

        assertThat(out.blob()).isEqualTo(VIDEO);
        assertThat(out.width()).isEqualTo(1280);
        JsonObject body = (JsonObject)
                Json.parse(server.requests("POST", "/v1/video_to_video").get(0).body());
        assertThat(body.get("videoUri")).isEqualTo(JsonString.of("data:video/mp4;base64,aW4="));
        assertThat(body.get("promptText")).isEqualTo(JsonString.of("night scene"));
        assertThat(eventPairs())
                .containsExactly("transfer request/success", "task poll/success", "artifact download/success");
    }

    @Test
    void loopbackArtifactsAreRefusedWithoutTheSwitch() {
        server.happyPath(VIDEO);

        assertThatThrownBy(() -> builder().allowLocalArtifactUrls(null).build().generate(PROMPT, 4.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'runway' artifact URL resolves to a local/private destination. Set the provider's"
                        + " explicit local-network opt-in only for trusted local servers.");
        assertThat(server.paths()).noneMatch(p -> p.contains("/artifacts/"));
    }

    /**
     * Issue 14 item 11: with DNS checks off, an artifact URL spelling 127.0.0.1 as one decimal
     * number passed the guard and the JDK transport downloaded it from the loopback host. It is
     * refused now, and the artifact host sees no request.
     */
    @Test
    void decimalLoopbackArtifactHostsAreRefusedWithDnsChecksOff() {
        server.happyPath(VIDEO);
        String decimal = server.artifactUrl("generated.mp4").replace("127.0.0.1", "2130706433");
        server.on(
                "GET",
                "/v1/tasks/task_generate",
                json(200, "{\"status\":\"SUCCEEDED\",\"output\":[\"" + decimal + "\"]}"));

        RunwayProvider provider = builder()
                .allowLocalArtifactUrls(false)
                .resolveArtifactDns(false)
                .build();
        assertThatThrownBy(() -> provider.generate(PROMPT, 4.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'runway' artifact URL host '2130706433' is an ambiguous IPv4 address literal;"
                        + " only the dotted-quad form (a.b.c.d) is accepted.");
        assertThat(server.paths()).noneMatch(p -> p.contains("/artifacts/"));
    }

    @Test
    void transientFailuresAreRetriedOnPollsAndDownloads() throws IOException {
        server.happyPath(VIDEO);
        server.on(
                "GET",
                "/v1/tasks/task_generate",
                text(503, "try later"),
                json(200, "{\"status\":\"RUNNING\"}"),
                json(200, server.succeeded("task_generate", "generated.mp4")));
        server.on("GET", "/artifacts/generated.mp4", text(500, "cdn hiccup"), video(VIDEO));

        VideoClip clip = provider().generate(PROMPT, 4.0, null);

        assertThat(clip.blob()).isEqualTo(VIDEO);
        assertThat(eventPairs())
                .containsExactly(
                        "generation request/success",
                        "task poll/retry",
                        "task poll/success",
                        "task poll/success",
                        "artifact download/retry",
                        "artifact download/success");
        assertThat(server.requests("GET", "/artifacts/generated.mp4")).hasSize(2);
        assertNothingLeaks(events, dir, FORBIDDEN);
    }

    @Test
    void authFailureOnCreation() throws IOException {
        server.on("POST", "/v1/image_to_video", json(401, "{\"error\":\"Invalid API key\",\"token\":\"" + KEY + "\"}"));

        assertThatThrownBy(() -> provider().generate(PROMPT, 4.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("Provider 'runway' generation request failed with status 401: ")
                .hasMessageNotContaining(KEY);
        assertThat(server.requests).hasSize(1);
        assertThat(events)
                .extracting(ProviderEvent::operation, ProviderEvent::phase, ProviderEvent::statusCode)
                .containsExactly(tuple("generation request", "failure", 401));
        assertNothingLeaks(events, dir, FORBIDDEN);
    }

    @Test
    void pollTimeoutsAreRetriedThenFail() {
        server.happyPath(VIDEO);
        server.on(
                "GET",
                "/v1/tasks/task_generate",
                json(200, "{\"status\":\"RUNNING\"}").delayed(2_000));
        RetryPolicy twice = RetryPolicy.of(2, 0.0, 1.0);
        ProviderRequestPolicy policy = new ProviderRequestPolicy(
                new RequestOperationPolicy(5.0, twice, null),
                new RequestOperationPolicy(5.0, RetryPolicy.SINGLE_ATTEMPT, null),
                new RequestOperationPolicy(0.2, twice, null),
                new RequestOperationPolicy(5.0, twice, null));

        assertThatThrownBy(() -> builder().requestPolicy(policy).build().generate(PROMPT, 4.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("Provider 'runway' task poll failed after 2 attempt(s): ");
        assertThat(eventPairs()).containsExactly("generation request/success", "task poll/retry", "task poll/failure");
    }

    @Test
    void stalledArtifactBodiesTimeOutAndAreRetried() {
        server.happyPath(VIDEO);
        server.on("GET", "/artifacts/generated.mp4", video(VIDEO).stallingBody(2_000));
        RetryPolicy twice = RetryPolicy.of(2, 0.0, 1.0);
        ProviderRequestPolicy policy = new ProviderRequestPolicy(
                new RequestOperationPolicy(5.0, twice, null),
                new RequestOperationPolicy(5.0, RetryPolicy.SINGLE_ATTEMPT, null),
                new RequestOperationPolicy(5.0, twice, null),
                new RequestOperationPolicy(0.3, twice, null));

        assertThatThrownBy(() -> builder().requestPolicy(policy).build().generate(PROMPT, 4.0, null))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("Provider 'runway' artifact download failed after 2 attempt(s): ")
                .hasMessageNotContaining("loop-sig-secret");
        assertThat(eventPairs())
                .containsExactly(
                        "generation request/success",
                        "task poll/success",
                        "artifact download/retry",
                        "artifact download/failure");
        assertThat(server.requests("GET", "/artifacts/generated.mp4")).hasSize(2);
    }

    @Test
    void pollingBudgetStopsAPendingTask() {
        server.happyPath(VIDEO);
        server.on("GET", "/v1/tasks/task_generate", json(200, "{\"status\":\"PENDING\"}"));
        RetryPolicy read = RetryPolicy.of(3, 0.0, 1.0);
        ProviderRequestPolicy policy = new ProviderRequestPolicy(
                new RequestOperationPolicy(5.0, read, null),
                new RequestOperationPolicy(5.0, RetryPolicy.SINGLE_ATTEMPT, null),
                new RequestOperationPolicy(5.0, read, 0.3),
                new RequestOperationPolicy(5.0, read, null));

        assertThatThrownBy(() -> builder()
                        .requestPolicy(policy)
                        .pollIntervalSeconds(0.05)
                        .build()
                        .generate(PROMPT, 4.0, null))
                .isInstanceOf(ProviderBudgetExceededException.class)
                .hasMessageStartingWith("Provider 'runway' task poll exceeded budget 0.300s after ");
        assertThat(eventPairs()).last().isEqualTo("task poll/budget_exceeded");
        assertThat(server.paths()).noneMatch(p -> p.contains("/artifacts/"));
    }

    @Test
    void fixtureFailuresOverTheWire() {
        server.happyPath(VIDEO);
        server.on("POST", "/v1/image_to_video", json(200, fixture("runway_create_missing_id.json")));
        assertThatThrownBy(() -> provider().generate(PROMPT, 4.0, null))
                .hasMessage("Provider 'runway' generation request response field 'id' must be a non-empty task id.");

        server.happyPath(VIDEO);
        server.on("GET", "/v1/tasks/task_generate", json(200, fixture("runway_task_failed.json")));
        assertThatThrownBy(() -> provider().generate(PROMPT, 4.0, null))
                .hasMessage(
                        "Provider 'runway' task task_generate failed with status FAILED: moderation rejected prompt");

        server.on("GET", "/v1/tasks/task_generate", json(200, fixture("runway_task_partial_output.json")));
        assertThatThrownBy(() -> provider().generate(PROMPT, 4.0, null))
                .hasMessage("Provider 'runway' task task_generate response field 'output' contains invalid entries at"
                        + " index(es): 1.");

        server.on("GET", "/v1/tasks/task_generate", json(200, fixture("runway_task_empty_output.json")));
        assertThatThrownBy(() -> provider().generate(PROMPT, 4.0, null))
                .hasMessage("Provider 'runway' task task_generate completed without outputs.");

        server.on("GET", "/v1/tasks/task_generate", json(200, "{\"status\": SUCCEEDED"));
        assertThatThrownBy(() -> provider().generate(PROMPT, 4.0, null))
                .hasMessage("Provider 'runway' task poll returned invalid JSON.");
        assertThat(server.paths()).noneMatch(p -> p.contains("/artifacts/"));
    }

    @Test
    void artifactFailuresOverTheWire() {
        server.happyPath(VIDEO);
        server.on("GET", "/artifacts/generated.mp4", text(403, "<Error>AccessDenied: Request has expired</Error>"));
        assertThatThrownBy(() -> provider().generate(PROMPT, 4.0, null))
                .hasMessage("Provider 'runway' artifact URL is expired or unavailable: Provider 'runway' artifact"
                        + " download failed with status 403: <Error>AccessDenied: Request has expired</Error>");

        server.on("GET", "/artifacts/generated.mp4", text(404, "NoSuchKey"));
        assertThatThrownBy(() -> provider().generate(PROMPT, 4.0, null))
                .hasMessageStartingWith("Provider 'runway' artifact URL is expired or unavailable: ");

        server.on(
                "GET",
                "/artifacts/generated.mp4",
                new FakeRunwayServer.Answer(200, Map.of("Content-Type", "video/mp4"), new byte[0], 0, false));
        assertThatThrownBy(() -> provider().generate(PROMPT, 4.0, null))
                .hasMessage("Provider 'runway' artifact download returned no bytes.");

        server.on(
                "GET",
                "/artifacts/generated.mp4",
                new FakeRunwayServer.Answer(
                        200,
                        Map.of("Content-Type", "text/html"),
                        "<html/>".getBytes(StandardCharsets.UTF_8),
                        0,
                        false));
        assertThatThrownBy(() -> provider().generate(PROMPT, 4.0, null))
                .hasMessage("Provider 'runway' artifact download returned unsupported content type 'text/html'.");

        server.on(
                "GET",
                "/artifacts/generated.mp4",
                new FakeRunwayServer.Answer(
                        302, Map.of("Location", "/artifacts/elsewhere.mp4"), new byte[0], 0, false));
        server.on("GET", "/artifacts/elsewhere.mp4", video(VIDEO));
        assertThatThrownBy(() -> provider().generate(PROMPT, 4.0, null))
                .as("a redirect is not followed")
                .hasMessage("Provider 'runway' artifact download returned no bytes.");
        assertThat(server.paths()).doesNotContain("GET /artifacts/elsewhere.mp4");
    }

    @Test
    void oversizedArtifactsOverTheWire() {
        server.happyPath(VIDEO);
        RunwayProvider capped = builder().maxArtifactBytes(8).build();
        assertThatThrownBy(() -> capped.generate(PROMPT, 4.0, null))
                .hasMessage("Provider 'runway' artifact download exceeded download size limit of 8 bytes from"
                        + " Content-Length " + VIDEO.length + ".");

        server.on("GET", "/artifacts/generated.mp4", video(VIDEO).streamed());
        assertThatThrownBy(() -> capped.generate(PROMPT, 4.0, null))
                .hasMessage("Provider 'runway' artifact download exceeded download size limit of 8 bytes.");
    }

    @Test
    void healthOverTheWire() {
        server.happyPath(VIDEO);
        assertThat(provider().health().details()).isEqualTo("WorldForge Test Org");
        server.on("GET", "/v1/organization", json(200, fixture("runway_org_malformed.json")));
        assertThat(provider().health().healthy()).isFalse();
        assertThat(server.requests("GET", "/v1/organization").get(0).header("Authorization"))
                .isEqualTo("Bearer " + KEY);
    }

    @Test
    void forgeRegistersRunwayFromTheSeedEnvironment() {
        server.happyPath(VIDEO);
        WorldForge forge = WorldForge.builder()
                .stateDir(dir.resolve("worlds"))
                .environment(Environment.of(Map.of(
                        "RUNWAY_API_SECRET",
                        KEY,
                        "RUNWAYML_BASE_URL",
                        server.baseUrl() + "/",
                        "RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS",
                        "true")))
                .eventHandler(events::add)
                .build();

        assertThat(forge.providers()).contains("runway");
        assertThat(forge.providerHealth("runway").healthy()).isTrue();
        VideoClip clip = forge.generate(PROMPT, "runway", 4.0, null);

        assertThat(clip.blob()).isEqualTo(VIDEO);
        assertThat(server.paths())
                .containsExactly(
                        "GET /v1/organization",
                        "POST /v1/image_to_video",
                        "GET /v1/tasks/task_generate",
                        "GET /artifacts/generated.mp4");
        assertThat(events).extracting(ProviderEvent::provider).containsOnly("runway");
    }
}
