package ai.worldforge.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ai.worldforge.error.ProviderBudgetExceededException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.provider.RequestOperationPolicy;
import ai.worldforge.provider.RetryPolicy;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every failure class of the HTTP layer through the real JDK transport against a
 * {@code com.sun.net.httpserver.HttpServer} bound to 127.0.0.1 (nothing leaves the machine).
 */
class LoopbackHttpTest {
    private static final List<String> MEDIA = List.of("video/", "application/octet-stream");
    private static final RequestOperationPolicy SINGLE = RequestOperationPolicy.of(10.0);
    private static final RequestOperationPolicy READ_RETRY =
            new RequestOperationPolicy(10.0, RetryPolicy.of(3, 0.0, 1.0), null);

    /** A scripted route: what to answer for the n-th hit (1-based). */
    @FunctionalInterface
    private interface Route {
        void handle(HttpExchange exchange, int hit) throws IOException, InterruptedException;
    }

    private HttpServer server;
    private ExecutorService executor;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<ProviderEvent> events = Collections.synchronizedList(new ArrayList<>());
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void route(String path, Route route) {
        server.createContext(path, exchange -> {
            int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                route.handle(exchange, hit);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // The client gave up (timeout tests).
            }
        });
    }

    private int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private ProviderHttpClient client() {
        return ProviderHttpClient.builder("cosmos")
                .transport(new JdkHttpTransport())
                .eventHandler(events::add)
                .baseUrl(base)
                .build();
    }

    @Test
    void authFailureIsNotRetried() {
        route(
                "/v1/infer",
                (x, hit) -> send(x, 401, "application/json", "{\"message\":\"bad token\",\"api_key\":\"k3y\"}"));

        assertThatThrownBy(() -> client().requestJson(
                                HttpCall.postJson(
                                        "generation request", "/v1/infer", JsonObject.of("prompt", JsonString.of("p"))),
                                READ_RETRY))
                .hasMessageStartingWith("Provider 'cosmos' generation request failed with status 401: ")
                .hasMessageNotContaining("k3y");
        assertThat(hits("/v1/infer")).isEqualTo(1);
        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::statusCode, ProviderEvent::target)
                .containsExactly(tuple("failure", 401, "/v1/infer"));
    }

    @Test
    void serverErrorsAreRetriedOnlyWhereThePolicyAllows() {
        route("/v1/health/ready", (x, hit) -> {
            if (hit == 1) {
                send(x, 503, "text/plain", "warming up");
            } else {
                send(x, 200, "application/json", "{\"status\":\"ready\"}");
            }
        });
        route("/v1/infer", (x, hit) -> send(x, 503, "text/plain", "busy"));

        JsonObject health = client().requestJson(HttpCall.get("healthcheck", "/v1/health/ready"), READ_RETRY);
        assertThat(health.get("status")).isEqualTo(JsonString.of("ready"));
        assertThatThrownBy(() -> client().request(
                                HttpCall.postJson("generation request", "/v1/infer", JsonObject.EMPTY), SINGLE))
                .hasMessage("Provider 'cosmos' generation request failed with status 503: busy");

        assertThat(hits("/v1/health/ready")).isEqualTo(2);
        assertThat(hits("/v1/infer")).isEqualTo(1);
        assertThat(events)
                .extracting(ProviderEvent::operation, ProviderEvent::phase)
                .containsExactly(
                        tuple("healthcheck", "retry"),
                        tuple("healthcheck", "success"),
                        tuple("generation request", "failure"));
    }

    @Test
    void responseTimeoutFailsAfterTheAttempts() {
        route("/slow", (x, hit) -> {
            release.await(30, TimeUnit.SECONDS);
            send(x, 200, "application/json", "{}");
        });

        assertThatThrownBy(() -> client().request(HttpCall.get("healthcheck", "/slow"), RequestOperationPolicy.of(0.3)))
                .hasMessageStartingWith("Provider 'cosmos' healthcheck failed after 1 attempt(s): ");
        assertThat(events).extracting(ProviderEvent::phase).containsExactly("failure");
    }

    @Test
    void stalledBodyHitsTheReadDeadline() {
        route("/artifact.mp4", (x, hit) -> {
            x.getResponseHeaders().set("Content-Type", "video/mp4");
            x.sendResponseHeaders(200, 0);
            OutputStream out = x.getResponseBody();
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            out.flush();
            release.await(30, TimeUnit.SECONDS);
        });

        RequestOperationPolicy policy = new RequestOperationPolicy(0.3, RetryPolicy.of(2, 0.0, 1.0), null);
        assertThatThrownBy(() ->
                        client().requestBytes(HttpCall.get("artifact download", "/artifact.mp4"), policy, MEDIA, 1000))
                .hasMessage("Provider 'cosmos' artifact download failed after 2 attempt(s): read timed out");
        assertThat(hits("/artifact.mp4")).isEqualTo(2);
        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::message)
                .containsExactly(tuple("retry", "read timed out"), tuple("failure", "read timed out"));
    }

    @Test
    void budgetRunsOutBeforeTheNextBackoff() {
        route("/v1/health/ready", (x, hit) -> send(x, 503, "text/plain", "busy"));

        RequestOperationPolicy policy = new RequestOperationPolicy(10.0, RetryPolicy.of(3, 5.0, 1.0), 1.0);
        assertThatThrownBy(() -> client().request(HttpCall.get("healthcheck", "/v1/health/ready"), policy))
                .isInstanceOf(ProviderBudgetExceededException.class)
                .hasMessageStartingWith("Provider 'cosmos' healthcheck exceeded budget 1.000s after ");
        assertThat(hits("/v1/health/ready")).isEqualTo(1);
        assertThat(events).extracting(ProviderEvent::phase).containsExactly("budget_exceeded");
    }

    @Test
    void malformedAndEmptyJson() {
        route("/bad", (x, hit) -> send(x, 200, "application/json", "{oops"));
        route("/list", (x, hit) -> send(x, 200, "application/json", "[]"));
        route("/empty", (x, hit) -> send(x, 200, "application/json", ""));

        assertThatThrownBy(() -> client().requestJson(HttpCall.get("healthcheck", "/bad"), SINGLE))
                .hasMessage("Provider 'cosmos' healthcheck returned invalid JSON.");
        assertThatThrownBy(() -> client().requestJson(HttpCall.get("healthcheck", "/list"), SINGLE))
                .hasMessage("Provider 'cosmos' healthcheck returned a non-object JSON payload.");
        assertThatThrownBy(() -> client().requestJson(HttpCall.get("healthcheck", "/empty"), SINGLE))
                .hasMessage("Provider 'cosmos' healthcheck returned invalid JSON.");
        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::statusCode)
                .containsOnly(tuple("failure", 200));
    }

    @Test
    void redirectsAreNotFollowed() {
        route("/moved", (x, hit) -> {
            x.getResponseHeaders().set("Location", base + "/target");
            send(x, 302, null, "");
        });
        route("/target", (x, hit) -> send(x, 200, "application/json", "{}"));

        assertThatThrownBy(() -> client().requestJson(HttpCall.get("healthcheck", "/moved"), READ_RETRY))
                .hasMessage("Provider 'cosmos' healthcheck failed with status 302: empty response body");
        assertThat(hits("/target")).isZero();
    }

    @Test
    void oversizedBodiesAndWrongContentTypes() {
        route("/sized.mp4", (x, hit) -> send(x, 200, "video/mp4", "x".repeat(100)));
        route("/chunked.mp4", (x, hit) -> {
            x.getResponseHeaders().set("Content-Type", "video/mp4");
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                out.write("y".repeat(100).getBytes(StandardCharsets.UTF_8));
            }
        });
        route("/page.html", (x, hit) -> send(x, 200, "text/html; charset=utf-8", "<html></html>"));

        ProviderHttpClient client = client();
        assertThatThrownBy(
                        () -> client.requestBytes(HttpCall.get("artifact download", "/sized.mp4"), SINGLE, MEDIA, 10))
                .hasMessage("Provider 'cosmos' artifact download exceeded download size limit of 10 bytes from"
                        + " Content-Length 100.");
        assertThatThrownBy(
                        () -> client.requestBytes(HttpCall.get("artifact download", "/chunked.mp4"), SINGLE, MEDIA, 10))
                .hasMessage("Provider 'cosmos' artifact download exceeded download size limit of 10 bytes.");
        assertThatThrownBy(
                        () -> client.requestBytes(HttpCall.get("artifact download", "/page.html"), SINGLE, MEDIA, 10))
                .hasMessage("Provider 'cosmos' artifact download returned unsupported content type"
                        + " 'text/html; charset=utf-8'.");
        assertThatThrownBy(() -> client.requestJson(
                        HttpCall.get("healthcheck", "/page.html"), SINGLE, List.of("application/json")))
                .hasMessage("Provider 'cosmos' healthcheck returned unsupported content type"
                        + " 'text/html; charset=utf-8'.");
        assertThat(client.requestBytes(HttpCall.get("artifact download", "/sized.mp4"), SINGLE, MEDIA, 100))
                .hasSize(100);
    }

    @Test
    void emptyDownloadBodyIsReturnedEmpty() {
        route("/empty.mp4", (x, hit) -> send(x, 200, "video/mp4", ""));

        assertThat(client().requestBytes(HttpCall.get("artifact download", "/empty.mp4"), SINGLE, MEDIA, 10))
                .isEmpty();
    }

    @Test
    void localDestinationsAreBlockedBeforeAnyRequest() {
        route("/artifact.mp4", (x, hit) -> send(x, 200, "video/mp4", "data"));
        DestinationGuard guard = DestinationGuard.system();

        for (String url : List.of(base + "/artifact.mp4", base.replace("127.0.0.1", "localhost") + "/artifact.mp4")) {
            assertThatThrownBy(() -> guard.validateRemoteUrl(url, "runway", "artifact URL", false, true))
                    .hasMessageContaining("resolves to a local/private destination");
        }
        assertThat(hits("/artifact.mp4")).isZero();

        String allowed = guard.validateRemoteUrl(base + "/artifact.mp4", "runway", "artifact URL", true, true);
        assertThat(client().requestBytes(HttpCall.get("artifact download", allowed), SINGLE, MEDIA, 10))
                .isEqualTo("data".getBytes(StandardCharsets.UTF_8));
    }
}
