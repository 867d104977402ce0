package ai.worldforge.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.ProviderException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 item 11, on the real network stack: for each spelling, the JDK's own HTTP client
 * (what {@link JdkHttpTransport} uses) reaches a server bound to 127.0.0.1, so the spelling is a
 * working route to loopback on this JDK; and the guard refuses it with DNS checks off, so no
 * provider request gets there. The server is on 127.0.0.1 ({@code 0} and {@code 0.0.0.0} reach it
 * through the local stack); nothing leaves the machine.
 */
class DestinationLoopbackTest {
    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "loopback".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2130706433",
                "127.000.000.001",
                "127.0.0.01",
                "00127.0.0.1",
                "0",
                "0.0.0.0",
                "[::ffff:127.0.0.1]",
                "[::ffff:7f00:1]",
                "[0:0:0:0:0:ffff:127.0.0.1]",
            })
    void theJdkReachesLoopbackThroughTheSpellingAndTheGuardRefusesIt(String host) throws Exception {
        String url = "http://" + host + ":" + server.getAddress().getPort() + "/artifacts/x.mp4";
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .proxy(java.net.ProxySelector.of(null))
                .build();

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("the JDK connected to 127.0.0.1 through %s", host)
                .isEqualTo(200);
        assertThat(response.body()).isEqualTo("loopback");
        assertThat(hits).hasValue(1);

        DestinationGuard guard = new DestinationGuard((h, port, timeout) -> List.of("93.184.216.34"));
        for (boolean resolveDns : new boolean[] {false, true}) {
            assertThatThrownBy(() -> guard.validateRemoteUrl(url, "runway", "artifact URL", false, resolveDns))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining(
                            host.equals("0.0.0.0") || host.startsWith("[") ? "local/private" : "ambiguous");
        }
    }
}
