package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.ProviderRequestPolicy;
import ai.worldforge.provider.cosmos.CosmosProvider;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code cosmos} provider passes the provider contract against a loopback fake Cosmos NIM
 * (127.0.0.1) serving the reference's fixtures verbatim.
 */
class CosmosProviderContractTest extends ProviderContractTest {
    private HttpServer server;
    private ExecutorService executor;

    private static byte[] fixture(String name) {
        try (InputStream in = CosmosProviderContractTest.class.getResourceAsStream("cosmos/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected BaseProvider createProvider(ProviderEventHandler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String route = exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath();
                byte[] body;
                int status = 200;
                if (route.equals("GET /v1/health/ready")) {
                    body = fixture("cosmos_health_ready.json");
                } else if (route.equals("POST /v1/infer")) {
                    body = fixture("cosmos_generate_success.json");
                } else {
                    status = 404;
                    body = ("Unexpected request: " + route).getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return CosmosProvider.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .requestPolicy(ProviderRequestPolicy.remoteDefaults(30.0))
                .eventHandler(handler)
                .build();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** Cosmos reports its generate call as the HTTP operation {@code generation request}. */
    @Override
    protected void assertSuccessEvent(String operation) {
        super.assertSuccessEvent(operation.equals("generate") ? "generation request" : operation);
    }

    @Test
    void cosmosAdvertisesGenerateOnlyAndIsHealthy() {
        assertThat(provider.capabilities().enabledNames()).containsExactly("generate");
        assertThat(provider.configured()).isTrue();
        assertThat(provider.health().healthy()).isTrue();
    }
}
