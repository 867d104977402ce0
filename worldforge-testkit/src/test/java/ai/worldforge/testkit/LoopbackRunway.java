package ai.worldforge.testkit;

import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderRequestPolicy;
import ai.worldforge.provider.runway.RunwayProvider;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A loopback Runway on 127.0.0.1 serving the reference's fixtures verbatim: organization, task
 * creation for both operations, a succeeded task whose output points at this server's artifact
 * path (with a signed query), and the artifact bytes.
 */
final class LoopbackRunway implements AutoCloseable {
    static final byte[] VIDEO = "runway-contract-video".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    LoopbackRunway() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String route = exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath();
                String type = "application/json";
                int status = 200;
                byte[] body;
                switch (route) {
                    case "GET /v1/organization" -> body = fixture("runway_org_success.json");
                    case "POST /v1/image_to_video", "POST /v1/video_to_video" ->
                        body = fixture("runway_create_success.json");
                    case "GET /v1/tasks/task_generate" ->
                        body = new String(fixture("runway_task_success.json"), StandardCharsets.UTF_8)
                                .replace(
                                        "https://downloads.example.com/generated.mp4",
                                        baseUrl() + "/artifacts/generated.mp4?signature=contract-secret")
                                .getBytes(StandardCharsets.UTF_8);
                    case "GET /artifacts/generated.mp4" -> {
                        type = "video/mp4";
                        body = VIDEO;
                    }
                    default -> {
                        status = 404;
                        type = "text/plain";
                        body = ("Unexpected request: " + route).getBytes(StandardCharsets.UTF_8);
                    }
                }
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    private static byte[] fixture(String name) {
        try (InputStream in = LoopbackRunway.class.getResourceAsStream("runway/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A runway provider pointed at this server (local artifacts allowed, no poll wait). */
    RunwayProvider provider(@Nullable ProviderEventHandler handler) {
        return RunwayProvider.builder()
                .baseUrl(baseUrl())
                .environment(Environment.of(Map.of("RUNWAYML_API_SECRET", "contract-key")))
                .allowLocalArtifactUrls(true)
                .pollIntervalSeconds(0.0)
                .requestPolicy(ProviderRequestPolicy.remoteDefaults(30.0))
                .eventHandler(handler)
                .build();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
