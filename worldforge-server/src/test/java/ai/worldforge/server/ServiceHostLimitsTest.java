package ai.worldforge.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every size a request can ask for is bounded and refused with a 400 naming the limit; an {@code
 * Error} in a handler ends that request only; work stops when its deadline fires.
 */
class ServiceHostLimitsTest {
    @TempDir
    static Path stateRoot;

    private static ServiceHost host;
    private static TestProvider failing;
    private static final ConcurrentLinkedQueue<String> LOG_LINES = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void startHost() throws IOException {
        failing = new TestProvider("failing");
        host = ServiceHost.builder(ServiceHostTest.config(stateRoot.resolve("worlds")))
                .forgeCustomizer(forge -> forge.registerProvider(failing))
                .logLineWriter(LOG_LINES::add)
                .start();
    }

    @AfterAll
    static void stopHost() {
        host.stop();
    }

    static HttpResponse<String> post(ServiceHost target, String path, String body) {
        return ServiceHostTest.send(
                target, ServiceHostTest.request(target, path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static void assertValidationError(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject error = ServiceHostTest.error(response);
        assertThat(error.get("type")).isEqualTo(JsonString.of("validation_error"));
        assertThat(error.get("message")).isEqualTo(JsonString.of(message));
    }

    static void assertHealthzAnswersWithinOneSecond(ServiceHost target) {
        long started = System.nanoTime();
        HttpResponse<String> response = ServiceHostTest.send(target, ServiceHostTest.request(target, "/healthz"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void durationsOverTheLimitGet400NamingIt() {
        for (String duration : List.of("10000000", "1e308", "100000", "60.5", "100000000000000000000000000")) {
            assertValidationError(
                    post(host, "/workflows/generate", "{\"duration_seconds\": " + duration + "}"),
                    "duration_seconds must be at most 60 (the service limit)");
            assertHealthzAnswersWithinOneSecond(host);
        }
        JsonObject longest = ServiceHostTest.json(post(host, "/workflows/generate", "{\"duration_seconds\": 60}"));
        assertThat(Json.write(longest.get("frame_count"))).isEqualTo("480");
    }

    @Test
    void durationsThatAreNotPositiveAndFiniteGet400() {
        for (String duration : List.of("0", "-1", "-1e308")) {
            assertValidationError(
                    post(host, "/workflows/generate", "{\"duration_seconds\": " + duration + "}"),
                    "generate() duration_seconds must be greater than 0.");
        }
        for (String duration : List.of("1e400", "NaN", "Infinity", "\"60\"", "[1]")) {
            assertValidationError(
                    post(host, "/workflows/generate", "{\"duration_seconds\": " + duration + "}"),
                    "generate() duration_seconds must be a finite number.");
        }
    }

    @Test
    void longPromptsAndProviderNamesGet400NamingTheLimit() {
        assertValidationError(
                post(host, "/workflows/generate", "{\"prompt\": \"" + "p".repeat(4097) + "\"}"),
                "prompt must be at most 4096 characters (the service limit)");
        assertValidationError(
                post(host, "/workflows/generate", "{\"provider\": \"" + "q".repeat(129) + "\"}"),
                "provider must be at most 128 characters (the service limit)");
        assertThat(post(host, "/workflows/generate", "{\"prompt\": \"" + "p".repeat(4096) + "\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void deeplyNestedBodiesGet400WithoutOverflowingAnyStack() {
        String arrays = "[".repeat(1024 * 1024 - 16);
        String objects = "{\"a\":".repeat(33) + "1" + "}".repeat(33);
        for (String path : List.of("/workflows/mock-predict", "/workflows/generate")) {
            assertValidationError(
                    post(host, path, arrays), "request body must nest at most 32 levels deep (the service limit)");
            assertValidationError(
                    post(host, path, objects), "request body must nest at most 32 levels deep (the service limit)");
            assertHealthzAnswersWithinOneSecond(host);
        }
        String withinTheLimit = "{\"prompt\": \"[[[[{{{{\", \"x\": " + "[".repeat(31) + "]".repeat(31) + "}";
        assertThat(post(host, "/workflows/generate", withinTheLimit).statusCode())
                .isEqualTo(200);
    }

    @Test
    void configuredLimitsReplaceTheDefaults() throws IOException {
        ServiceConfig config =
                ServiceHostTest.config(stateRoot.resolve("tight")).withLimits(new ServiceLimits(2.5, 8, 4));
        try (ServiceHost tight = ServiceHost.builder(config).start()) {
            assertValidationError(
                    post(tight, "/workflows/generate", "{\"duration_seconds\": 3, \"prompt\": \"ok\"}"),
                    "duration_seconds must be at most 2.5 (the service limit)");
            assertValidationError(
                    post(tight, "/workflows/generate", "{\"prompt\": \"123456789\"}"),
                    "prompt must be at most 8 characters (the service limit)");
            assertValidationError(
                    post(tight, "/workflows/mock-predict", "[[[[[]]]]]"),
                    "request body must nest at most 4 levels deep (the service limit)");
            assertThat(post(tight, "/workflows/generate", "{\"duration_seconds\": 2.5, \"prompt\": \"12345678\"}")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void errorsThrownByAHandlerEndThatRequestOnly() {
        LOG_LINES.clear();
        for (String prompt : List.of("oom", "stack-overflow", "linkage")) {
            HttpResponse<String> response =
                    post(host, "/workflows/generate", "{\"provider\": \"failing\", \"prompt\": \"" + prompt + "\"}");

            assertThat(response.statusCode()).as(prompt).isEqualTo(500);
            JsonObject error = ServiceHostTest.error(response);
            assertThat(error.get("type")).isEqualTo(JsonString.of("internal_error"));
            assertThat(error.get("message")).isEqualTo(JsonString.of("request failed"));
            assertThat(response.body()).doesNotContain("secret-detail");
            assertHealthzAnswersWithinOneSecond(host);
        }
        List<String> errors = LOG_LINES.stream()
                .filter(line -> line.contains("\"service_error\""))
                .toList();
        assertThat(errors).hasSize(3);
        assertThat(String.join("\n", errors))
                .contains("java.lang.OutOfMemoryError")
                .contains("java.lang.StackOverflowError")
                .contains("java.lang.NoClassDefFoundError")
                .contains("token=[redacted]")
                .doesNotContain("secret-detail");
        assertThat(ServiceHostTest.json(post(host, "/workflows/mock-predict", "{}"))
                        .get("provider"))
                .isEqualTo(JsonString.of("mock"));
    }

    @Test
    void theDeadlineStopsTheMockGeneratingFrames() throws Exception {
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        ServiceConfig config = ServiceHostTest.config(stateRoot.resolve("deadline"))
                .withRequestTimeout(Duration.ofMillis(30))
                .withLimits(new ServiceLimits(86_400, 4096, 32));
        try (ServiceHost timed =
                ServiceHost.builder(config).logLineWriter(lines::add).start()) {
            HttpResponse<String> response = ServiceHostTest.send(
                    timed,
                    ServiceHostTest.request(timed, "/workflows/generate")
                            .header("x-request-id", "long-clip")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"duration_seconds\": 86400}")));

            assertThat(response.statusCode()).isEqualTo(504);
            String overrun = null;
            for (int waited = 0; overrun == null && waited < 10_000; waited += 20) {
                overrun = lines.stream()
                        .filter(line -> line.contains("\"service_deadline_overrun\""))
                        .findFirst()
                        .orElse(null);
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(overrun).isNotNull();
            JsonObject record = (JsonObject) Json.parse(overrun);
            assertThat(record.get("request_id")).isEqualTo(JsonString.of("long-clip"));
            // The mock checks for the interrupt while it builds frames: the work ended with the
            // interrupt rather than running to the 691,200th frame (the core's one-day limit).
            assertThat(record.get("outcome")).isEqualTo(JsonString.of("stopped"));
            assertHealthzAnswersWithinOneSecond(timed);
        }
    }
}
