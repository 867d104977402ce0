package ai.worldforge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Environment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service host over real loopback HTTP: every route, status and error case. */
class ServiceHostTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    static Path stateRoot;

    private static ServiceHost host;
    private static TestProvider switchable;
    private static final ConcurrentLinkedQueue<String> LOG_LINES = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void startHost() throws IOException {
        switchable = new TestProvider("switchable");
        host = ServiceHost.builder(config(stateRoot.resolve("worlds")))
                .environment(Environment.of(Map.of("COSMOS_BASE_URL", "")))
                .forgeCustomizer(forge -> forge.registerProvider(switchable))
                .logLineWriter(LOG_LINES::add)
                .start();
    }

    @AfterAll
    static void stopHost() {
        host.stop();
    }

    static ServiceConfig config(Path stateDir) {
        return ServiceConfig.defaults()
                .withPort(0)
                .withStateDir(stateDir)
                .withThreads(4)
                .withShutdownGrace(Duration.ofSeconds(5));
    }

    // ---------------------------------------------------------------- helpers

    static HttpResponse<String> send(ServiceHost target, HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(ServiceHost target, String path) {
        return HttpRequest.newBuilder(URI.create(target.baseUrl() + path));
    }

    static HttpResponse<String> get(String path) {
        return send(host, request(host, path).GET());
    }

    static HttpResponse<String> post(String path, String body) {
        return send(host, request(host, path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static JsonObject json(HttpResponse<String> response) {
        return (JsonObject) Json.parse(response.body());
    }

    static JsonObject error(HttpResponse<String> response) {
        return (JsonObject) json(response).get("error");
    }

    static String text(JsonObject object, String key) {
        return ((ai.worldforge.json.JsonString) object.get(key)).value();
    }

    // ---------------------------------------------------------------- routes

    @Test
    void healthzIsLiveWithTheReferenceHeadersAndSpacedSortedJson() {
        HttpResponse<String> response = send(host, request(host, "/healthz").header("x-request-id", "req-health-1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"request_id\": \"req-health-1\", \"status\": \"live\"}");
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().firstValue("x-request-id")).contains("req-health-1");
        assertThat(response.headers().firstValue("server")).contains("WorldForgeServiceHost/0.1");
        assertThat(response.headers().firstValueAsLong("content-length"))
                .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void requestIdsAreGeneratedAsThirtyTwoHexDigitsWhenAbsentOrUnusable() {
        HttpResponse<String> plain = get("/healthz");
        HttpResponse<String> tooLong = send(host, request(host, "/healthz").header("x-request-id", "x".repeat(201)));

        for (HttpResponse<String> response : List.of(plain, tooLong)) {
            String id = response.headers().firstValue("x-request-id").orElseThrow();
            assertThat(id).matches("[0-9a-f]{32}");
            assertThat(text(json(response), "request_id")).isEqualTo(id);
        }
        assertThat(ServiceHost.randomRequestId()).matches("[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}");
    }

    @Test
    void readyzReportsReadyAndAcceptForTheHealthyConfiguredProvider() {
        HttpResponse<String> response = send(host, request(host, "/readyz").header("x-request-id", "ready-1"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = json(response);
        assertThat(body.keys()).containsExactlyInAnyOrder("request_id", "status", "traffic", "checks", "doctor");
        assertThat(text(body, "status")).isEqualTo("ready");
        assertThat(text(body, "traffic")).isEqualTo("accept");
        assertThat(text(body, "request_id")).isEqualTo("ready-1");
        assertThat(Json.write(body.get("checks")))
                .isEqualTo("{\"framework_alive\":true,\"provider\":\"mock\",\"provider_configured\":true,"
                        + "\"provider_health\":"
                        + Json.write(host.forge().providerHealth("mock").toJson())
                        + ",\"provider_healthy\":true}");
        JsonObject doctor = (JsonObject) body.get("doctor");
        assertThat(doctor.keys())
                .containsExactlyInAnyOrder(
                        "provider_count",
                        "registered_provider_count",
                        "healthy_provider_count",
                        "issue_count",
                        "issues");
        assertThat(response.body()).contains("\"status\": \"ready\"").contains("\"traffic\": \"accept\"");
    }

    @Test
    void readinessFlipsToUnhealthyAndDrainWhenTheProviderHealthCheckFails() throws IOException {
        try (ServiceHost switchHost = ServiceHost.builder(config(stateRoot.resolve("switch"))
                        .withProvider("switchable")
                        .withDoctorCacheTtl(Duration.ZERO))
                .forgeCustomizer(forge -> forge.registerProvider(switchable))
                .start()) {
            assertThat(text(json(send(switchHost, request(switchHost, "/readyz"))), "status"))
                    .isEqualTo("ready");

            switchable.healthy.set(false);
            try {
                JsonObject body = json(send(switchHost, request(switchHost, "/readyz")));
                assertThat(text(body, "status")).isEqualTo("provider_unhealthy");
                assertThat(text(body, "traffic")).isEqualTo("drain");
                JsonObject checks = (JsonObject) body.get("checks");
                assertThat(Json.write(checks.get("provider_healthy"))).isEqualTo("false");
                assertThat(Json.write(checks.get("provider_configured"))).isEqualTo("true");
                assertThat(text((JsonObject) checks.get("provider_health"), "details"))
                        .isEqualTo("upstream unreachable");
                JsonObject doctor = (JsonObject) body.get("doctor");
                assertThat(Json.write(doctor.get("issues")))
                        .isEqualTo("[\"Provider 'switchable' is unhealthy: upstream unreachable.\"]");
            } finally {
                switchable.healthy.set(true);
            }
            assertThat(text(json(send(switchHost, request(switchHost, "/readyz"))), "status"))
                    .isEqualTo("ready");
        }
    }

    @Test
    void readinessIsUnconfiguredAndDrainWhenTheProviderIsNotRegistered() throws IOException {
        try (ServiceHost cosmos = ServiceHost.builder(
                        config(stateRoot.resolve("cosmos")).withProvider("cosmos"))
                .start()) {
            HttpResponse<String> response = send(cosmos, request(cosmos, "/readyz"));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject body = json(response);
            assertThat(text(body, "status")).isEqualTo("provider_unconfigured");
            assertThat(text(body, "traffic")).isEqualTo("drain");
            assertThat(Json.write(body.get("checks")))
                    .isEqualTo("{\"framework_alive\":true,\"provider\":\"cosmos\",\"provider_configured\":false,"
                            + "\"provider_health\":{\"details\":\"provider is not registered in this host process\","
                            + "\"healthy\":false,\"latency_ms\":0.0,\"name\":\"cosmos\"},\"provider_healthy\":false}");

            HttpResponse<String> generate = send(
                    cosmos, request(cosmos, "/workflows/generate").POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(generate.statusCode()).isEqualTo(400);
            assertThat(text(error(generate), "type")).isEqualTo("provider_error");
            assertThat(text(error(generate), "message")).isEqualTo("Provider 'cosmos' is not registered.");
        }
    }

    @Test
    void providersListsRegisteredProvidersWithTheDoctorSummary() {
        JsonObject body = json(get("/providers"));

        assertThat(body.keys()).containsExactlyInAnyOrder("request_id", "providers", "summary");
        List<String> names = new ArrayList<>();
        for (JsonValue provider : (JsonArray) body.get("providers")) {
            JsonObject status = (JsonObject) provider;
            names.add(text(status, "name"));
            assertThat(status.keys()).contains("registered", "profile", "health", "lifecycle");
        }
        assertThat(names).containsExactly("mock", "switchable");
        assertThat(Json.write(((JsonObject) body.get("summary")).get("registered_provider_count")))
                .isEqualTo("2");
    }

    @Test
    void mockPredictRunsAnInMemoryWorldAndPersistsNothing() throws IOException {
        HttpResponse<String> response = post("/workflows/mock-predict", "{\"ignored\": true}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = json(response);
        assertThat(body.keys())
                .containsExactlyInAnyOrder("request_id", "provider", "confidence", "physics_score", "world");
        assertThat(text(body, "provider")).isEqualTo("mock");
        JsonObject world = (JsonObject) body.get("world");
        assertThat(text(world, "id")).startsWith("world_");
        assertThat(Json.write(world.get("object_count"))).isEqualTo("1");
        assertThat(Json.write(world.get("step"))).isEqualTo("1");
        Path worlds = stateRoot.resolve("worlds");
        if (Files.isDirectory(worlds)) {
            try (var files = Files.list(worlds)) {
                assertThat(files).isEmpty();
            }
        }
        assertThat(post("/workflows/mock-predict", "").statusCode()).isEqualTo(200);
    }

    @Test
    void mockPredictRejectsBodiesThatAreNotJsonObjects() {
        byte[] invalidUtf8 = {'{', '"', (byte) 0xff, '"', ':', '1', '}'};
        List<HttpResponse<String>> responses = List.of(
                post("/workflows/mock-predict", "[1, 2]"),
                post("/workflows/mock-predict", "{not json"),
                send(
                        host,
                        request(host, "/workflows/mock-predict")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8))));

        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).isEqualTo(400);
            JsonObject error = error(response);
            assertThat(text(error, "type")).isEqualTo("validation_error");
            assertThat(text(error, "message")).isEqualTo("request body must be a JSON object");
            assertThat(Json.write(error.get("status"))).isEqualTo("400");
            assertThat(text(error, "request_id"))
                    .isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
        }
    }

    @Test
    void generateUsesTheDefaultsAndTheConfiguredProvider() {
        JsonObject body = json(post("/workflows/generate", "{}"));

        assertThat(body.keys())
                .containsExactlyInAnyOrder(
                        "request_id", "provider", "duration_seconds", "fps", "resolution", "frame_count", "metadata");
        assertThat(text(body, "provider")).isEqualTo("mock");
        assertThat(Json.write(body.get("duration_seconds"))).isEqualTo("1.0");
        assertThat(Json.write(body.get("fps"))).isEqualTo("8.0");
        assertThat(Json.write(body.get("resolution"))).isEqualTo("[640,360]");
        assertThat(Json.write(body.get("frame_count"))).isEqualTo("8");
        JsonObject metadata = (JsonObject) body.get("metadata");
        assertThat(text(metadata, "prompt")).isEqualTo("service host smoke clip");
        assertThat(Json.write(metadata.get("options"))).isEqualTo("{}");
    }

    @Test
    void generateHonoursTheBodyProviderPromptAndDuration() {
        JsonObject body = json(post(
                "/workflows/generate",
                "{\"provider\": \"switchable\", \"prompt\": \"a robot arm\", \"duration_seconds\": 2}"));

        assertThat(text(body, "provider")).isEqualTo("switchable");
        assertThat(Json.write(body.get("duration_seconds"))).isEqualTo("2.0");
        assertThat(Json.write(body.get("resolution"))).isEqualTo("[32,16]");
    }

    @Test
    void generateValidationAndProviderErrorsAreTypedAndRedacted() {
        HttpResponse<String> duration = post("/workflows/generate", "{\"duration_seconds\": \"long\"}");
        assertThat(duration.statusCode()).isEqualTo(400);
        assertThat(text(error(duration), "type")).isEqualTo("validation_error");
        assertThat(text(error(duration), "message")).isEqualTo("generate() duration_seconds must be a finite number.");

        HttpResponse<String> unknown = post("/workflows/generate", "{\"provider\": \"cosmos\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(text(error(unknown), "type")).isEqualTo("provider_error");
        assertThat(text(error(unknown), "message")).isEqualTo("Provider 'cosmos' is not registered.");

        HttpResponse<String> secret =
                post("/workflows/generate", "{\"provider\": \"switchable\", \"prompt\": \"secret\"}");
        assertThat(secret.statusCode()).isEqualTo(400);
        assertThat(text(error(secret), "type")).isEqualTo("provider_error");
        assertThat(text(error(secret), "message")).isEqualTo("upstream rejected token=[redacted]");
        assertThat(secret.body()).doesNotContain("super-secret-value");
    }

    @Test
    void unexpectedFailuresAreInternalErrorsWithTheFixedMessage() {
        HttpResponse<String> response =
                post("/workflows/generate", "{\"provider\": \"switchable\", \"prompt\": \"crash\"}");

        assertThat(response.statusCode()).isEqualTo(500);
        JsonObject error = error(response);
        assertThat(text(error, "type")).isEqualTo("internal_error");
        assertThat(text(error, "message")).isEqualTo("request failed");
        assertThat(response.body()).doesNotContain("abc123");
    }

    @Test
    void unknownRoutesAre404AndWrongMethodsOnKnownPaths405() {
        HttpResponse<String> missing = send(host, request(host, "/missing").header("x-request-id", "r404"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body())
                .isEqualTo("{\"error\": {\"message\": \"Unknown route: GET /missing\", \"request_id\": \"r404\","
                        + " \"status\": 404, \"type\": \"validation_error\"}}");
        assertThat(get("/healthz?x=1").statusCode()).isEqualTo(404);
        assertThat(text(error(get("/healthz?x=1")), "message")).isEqualTo("Unknown route: GET /healthz?x=1");

        HttpResponse<String> postHealth = post("/healthz", "{}");
        assertThat(postHealth.statusCode()).isEqualTo(405);
        assertThat(postHealth.headers().firstValue("allow")).contains("GET");
        assertThat(text(error(postHealth), "message")).isEqualTo("Unknown route: POST /healthz");

        HttpResponse<String> getGenerate = get("/workflows/generate");
        assertThat(getGenerate.statusCode()).isEqualTo(405);
        assertThat(getGenerate.headers().firstValue("allow")).contains("POST");

        HttpResponse<String> delete = send(host, request(host, "/readyz").DELETE());
        assertThat(delete.statusCode()).isEqualTo(405);
    }

    @Test
    void oversizedBodiesGet413WhetherDeclaredOrStreamed() throws IOException {
        try (ServiceHost small = ServiceHost.builder(
                        config(stateRoot.resolve("small")).withMaxBodyBytes(64))
                .start()) {
            String big = "{\"prompt\": \"" + "x".repeat(100) + "\"}";
            HttpResponse<String> declared =
                    send(small, request(small, "/workflows/generate").POST(HttpRequest.BodyPublishers.ofString(big)));
            assertThat(declared.statusCode()).isEqualTo(413);
            assertThat(text(error(declared), "message")).isEqualTo("request body exceeds the limit of 64 bytes");
            assertThat(text(error(declared), "type")).isEqualTo("validation_error");

            // No Content-Length: the body arrives chunked and is cut off while it is read.
            HttpResponse<String> chunked = send(
                    small,
                    request(small, "/workflows/generate")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(
                                    () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
            assertThat(chunked.statusCode()).isEqualTo(413);

            HttpResponse<String> fits = send(
                    small,
                    request(small, "/workflows/generate")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"ok\"}")));
            assertThat(fits.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void requestsOverTheDeadlineGet504AndTheWorkerIsInterrupted() throws Exception {
        TestProvider slow = new TestProvider("slow");
        try (ServiceHost timed = ServiceHost.builder(
                        config(stateRoot.resolve("timed")).withRequestTimeout(Duration.ofMillis(200)))
                .forgeCustomizer(forge -> forge.registerProvider(slow))
                .start()) {
            HttpResponse<String> response = send(
                    timed,
                    request(timed, "/workflows/generate")
                            .header("x-request-id", "slow-1")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"provider\": \"slow\", \"prompt\": \"sleep:5000\"}")));

            assertThat(response.statusCode()).isEqualTo(504);
            JsonObject error = error(response);
            assertThat(text(error, "type")).isEqualTo("timeout_error");
            assertThat(text(error, "message")).isEqualTo("request exceeded the 200 ms deadline");
            assertThat(text(error, "request_id")).isEqualTo("slow-1");
            assertThat(send(timed, request(timed, "/healthz")).statusCode()).isEqualTo(200);
            long waited = 0;
            while (!slow.interrupted && waited < 5000) {
                TimeUnit.MILLISECONDS.sleep(20);
                waited += 20;
            }
            assertThat(slow.interrupted).isTrue();
        }
    }

    @Test
    void requestsThatSpendTheirDeadlineQueuedForAWorkerGet503WhileLivenessStaysUp() throws Exception {
        TestProvider busy = new TestProvider("busy");
        try (ServiceHost single = ServiceHost.builder(
                        config(stateRoot.resolve("single")).withThreads(1).withRequestTimeout(Duration.ofMillis(300)))
                .forgeCustomizer(forge -> forge.registerProvider(busy))
                .start()) {
            CompletableFuture<HttpResponse<String>> hog = CLIENT.sendAsync(
                    request(single, "/workflows/generate")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"provider\": \"busy\", \"prompt\": \"spin:900\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(busy.started.await(5, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            HttpResponse<String> queued =
                    send(single, request(single, "/providers").header("x-request-id", "queued-1"));

            assertThat(queued.statusCode()).isEqualTo(503);
            // Answered when its deadline passed, not when the worker finally came free.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(850));
            JsonObject error = error(queued);
            assertThat(text(error, "type")).isEqualTo("unavailable_error");
            assertThat(text(error, "message")).isEqualTo("request waited longer than the 300 ms deadline for a worker");
            assertThat(text(error, "request_id")).isEqualTo("queued-1");
            // The only worker is still spinning; liveness and readiness do not wait for it.
            assertThat(send(single, request(single, "/healthz")).statusCode()).isEqualTo(200);
            assertThat(send(single, request(single, "/readyz")).statusCode()).isEqualTo(200);
            assertThat(hog.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(504);
            // Once the spin ends (it ignores the interrupt), the worker serves again.
            int status = 0;
            for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
                status = send(single, request(single, "/providers")).statusCode();
            }
            assertThat(status).isEqualTo(200);
        }
    }

    @Test
    void aLongWorkflowOutlivesTheReadTimeoutOnceItsBodyIsRead() throws IOException {
        TestProvider slow = new TestProvider("slow");
        try (ServiceHost patient = ServiceHost.builder(
                        config(stateRoot.resolve("patient")).withReadTimeout(Duration.ofMillis(400)))
                .forgeCustomizer(forge -> forge.registerProvider(slow))
                .start()) {
            // The read timeout is also the connection's idle timeout; a silent connection whose
            // request is being worked on must not be cut off by it.
            HttpResponse<String> response = send(
                    patient,
                    request(patient, "/workflows/generate")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"provider\": \"slow\", \"prompt\": \"sleep:1500\"}")));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(text(json(response), "provider")).isEqualTo("slow");
        }
    }

    @Test
    void everyProviderEventIsLoggedWithItsOwnRequestId() throws Exception {
        LOG_LINES.clear();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            calls.add(CLIENT.sendAsync(
                    request(host, "/workflows/mock-predict")
                            .header("x-request-id", "log-" + i)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }

        List<String> ids = new ArrayList<>();
        for (String line : LOG_LINES) {
            JsonObject record = (JsonObject) Json.parse(line);
            assertThat(text(record, "event_type")).isEqualTo("provider_event");
            assertThat(text(record, "host")).isEqualTo("service");
            assertThat(text(record, "provider")).isEqualTo("mock");
            ids.add(text(record, "request_id"));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            expected.add("log-" + i);
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void metricsExposeRequestAndProviderSeriesInPrometheusText() {
        get("/healthz");
        post("/workflows/mock-predict", "{}");
        get("/nowhere");

        HttpResponse<String> response = get("/metrics");

        assertThat(host.metricsEnabled()).isTrue();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.body())
                .contains("worldforge_service_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}")
                .contains("route=\"unmatched\",status=\"404\"")
                .contains("worldforge_service_request_duration_seconds_count")
                .contains("worldforge_provider_events_total")
                .contains("jvm_memory_used_bytes{area=\"heap\"");
    }

    @Test
    void metricsAreAnUnknownRouteWhenDisabled() throws IOException {
        try (ServiceHost plain = ServiceHost.builder(config(stateRoot.resolve("plain")))
                .metrics(false)
                .start()) {
            assertThat(send(plain, request(plain, "/metrics")).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void gracefulShutdownFinishesInFlightRequestsAndStopsAccepting() throws Exception {
        TestProvider slow = new TestProvider("slow");
        ServiceHost stopping = ServiceHost.builder(config(stateRoot.resolve("stopping")))
                .forgeCustomizer(forge -> forge.registerProvider(slow))
                .start();
        String base = stopping.baseUrl();
        CompletableFuture<HttpResponse<String>> inFlight = CLIENT.sendAsync(
                request(stopping, "/workflows/generate")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"provider\": \"slow\", \"prompt\": \"sleep:600\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(slow.started.await(5, TimeUnit.SECONDS)).isTrue();

        Thread stopper = new Thread(stopping::stop);
        stopper.start();
        TimeUnit.MILLISECONDS.sleep(100);
        HttpClient fresh =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThatThrownBy(() -> fresh.send(
                        HttpRequest.newBuilder(URI.create(base + "/healthz"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);

        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(json(response), "provider")).isEqualTo("slow");
        assertThat(response.headers().firstValue("connection")).contains("close");
        stopper.join(10_000);
        assertThat(stopper.isAlive()).isFalse();
        assertThat(slow.interrupted).isFalse();
    }
}
