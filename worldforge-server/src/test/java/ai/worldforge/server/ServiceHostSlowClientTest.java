package ai.worldforge.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that trickle their request (slowloris) hold a connection, never a worker: liveness,
 * readiness and workflows stay responsive, and the read timeout ends them with 408.
 */
class ServiceHostSlowClientTest {
    private static final String HEALTHZ = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @TempDir
    Path stateRoot;

    /** Probes {@code request} {@code count} times, 100 ms apart; returns each answer's status and time. */
    static List<RawHttp.Reply> probe(ServiceHost host, String request, int count) throws Exception {
        List<RawHttp.Reply> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replies.add(RawHttp.exchange(
                    host.port(), request.getBytes(StandardCharsets.ISO_8859_1), false, Duration.ofSeconds(10)));
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return replies;
    }

    static void assertAllAnsweredWithinOneSecond(List<RawHttp.Reply> replies) {
        for (RawHttp.Reply reply : replies) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(Duration.ofNanos(reply.nanos())).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void slowHeaderClientsDoNotDelayHealthOrReadiness() throws Exception {
        try (ServiceHost host = ServiceHost.builder(ServiceHostTest.config(stateRoot.resolve("headers")))
                        .start();
                SlowClients slow = SlowClients.start(
                        host.port(), 20, SlowClients.endlessHeaders("/healthz"), Duration.ofMillis(100))) {
            TimeUnit.MILLISECONDS.sleep(300);

            assertAllAnsweredWithinOneSecond(probe(host, HEALTHZ, 15));
            assertAllAnsweredWithinOneSecond(probe(host, "GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 5));
            assertThat(slow.ended.get()).isZero();
        }
    }

    @Test
    void slowBodyClientsDoNotHoldWorkers() throws Exception {
        String predict = "POST /workflows/mock-predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}";
        try (ServiceHost host = ServiceHost.builder(ServiceHostTest.config(stateRoot.resolve("bodies")))
                .start()) {
            // The first prediction loads the world classes; time only the ones after it.
            assertThat(RawHttp.exchange(host.port(), predict).status()).isEqualTo(200);
            assertBodiesDoNotHoldWorkers(host, predict);
        }
    }

    private static void assertBodiesDoNotHoldWorkers(ServiceHost host, String predict) throws Exception {
        try (SlowClients slow = SlowClients.start(
                host.port(), 8, SlowClients.endlessBody("/workflows/mock-predict", 500), Duration.ofMillis(100))) {
            TimeUnit.MILLISECONDS.sleep(300);

            assertAllAnsweredWithinOneSecond(probe(host, predict, 10));
            assertAllAnsweredWithinOneSecond(probe(host, HEALTHZ, 5));
            assertThat(slow.ended.get()).isZero();
        }
    }

    @Test
    void headersNotReceivedWithinTheReadTimeoutGet408() throws Exception {
        try (ServiceHost host = ServiceHost.builder(ServiceHostTest.config(stateRoot.resolve("timeout"))
                                .withReadTimeout(Duration.ofMillis(600)))
                        .start();
                Socket socket = RawHttp.open(host.port(), Duration.ofSeconds(10))) {
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] request = SlowClients.endlessHeaders("/healthz").getBytes(StandardCharsets.ISO_8859_1);
            int sent = 0;
            while (sent < request.length && in.available() == 0 && System.nanoTime() - started < 5_000_000_000L) {
                out.write(request[sent++]);
                out.flush();
                TimeUnit.MILLISECONDS.sleep(50);
            }
            RawHttp.Reply reply = RawHttp.read(in, started);

            assertThat(reply.status()).isEqualTo(408);
            assertThat(Duration.ofNanos(reply.nanos())).isLessThan(Duration.ofSeconds(3));
            assertThat(reply.header("content-type")).isEqualTo("application/json");
            assertThat(reply.header("connection")).isEqualTo("close");
            JsonObject error = (JsonObject) ((JsonObject) Json.parse(reply.body())).get("error");
            assertThat(error.get("type")).isEqualTo(JsonString.of("timeout_error"));
            assertThat(error.get("message")).isEqualTo(JsonString.of("request headers not received within 600 ms"));
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void bodiesNotReceivedWithinTheReadTimeoutGet408() throws Exception {
        try (ServiceHost host = ServiceHost.builder(ServiceHostTest.config(stateRoot.resolve("body-timeout"))
                                .withReadTimeout(Duration.ofMillis(600)))
                        .start();
                Socket socket = RawHttp.open(host.port(), Duration.ofSeconds(10))) {
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(("POST /workflows/generate HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: slow-body\r\n"
                            + "Content-Length: 100\r\n\r\n{\"pro")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawHttp.Reply reply = RawHttp.read(socket.getInputStream(), started);

            assertThat(reply.status()).isEqualTo(408);
            assertThat(Duration.ofNanos(reply.nanos())).isLessThan(Duration.ofSeconds(3));
            assertThat(reply.header("connection")).isEqualTo("close");
            JsonObject error = (JsonObject) ((JsonObject) Json.parse(reply.body())).get("error");
            assertThat(error.get("type")).isEqualTo(JsonString.of("timeout_error"));
            assertThat(error.get("message")).isEqualTo(JsonString.of("request body not received within 600 ms"));
            assertThat(error.get("request_id")).isEqualTo(JsonString.of("slow-body"));
        }
    }

    @Test
    void idleConnectionsAreClosedAfterTheReadTimeout() throws Exception {
        try (ServiceHost host = ServiceHost.builder(ServiceHostTest.config(stateRoot.resolve("idle"))
                                .withReadTimeout(Duration.ofMillis(400)))
                        .start();
                Socket socket = RawHttp.open(host.port(), Duration.ofSeconds(5))) {
            long started = System.nanoTime();

            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void connectionsBeyondTheLimitWaitUntilTheReadTimeoutClosesAnIdleOne() throws Exception {
        try (ServiceHost host = ServiceHost.builder(ServiceHostTest.config(stateRoot.resolve("limit"))
                        .withMaxConnections(4)
                        .withReadTimeout(Duration.ofMillis(800)))
                .start()) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    idle.add(RawHttp.open(host.port(), Duration.ofSeconds(5)));
                }
                TimeUnit.MILLISECONDS.sleep(200);
                RawHttp.Reply reply = RawHttp.exchange(host.port(), HEALTHZ);

                // The fifth connection waits in the accept queue until the silent ones are closed.
                assertThat(reply.status()).isEqualTo(200);
                assertThat(Duration.ofNanos(reply.nanos())).isGreaterThan(Duration.ofMillis(300));
                for (Socket socket : idle) {
                    assertThat(socket.getInputStream().read()).isEqualTo(-1);
                }
            } finally {
                for (Socket socket : idle) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aRequestThatStopsHalfwayThroughItsHeadersGets408() throws Exception {
        try (ServiceHost host = ServiceHost.builder(
                        ServiceHostTest.config(stateRoot.resolve("halfway")).withReadTimeout(Duration.ofMillis(500)))
                .start()) {
            RawHttp.Reply reply = RawHttp.exchange(
                    host.port(),
                    "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: wa".getBytes(StandardCharsets.US_ASCII),
                    false,
                    Duration.ofSeconds(5));

            assertThat(reply.status()).isEqualTo(408);
            assertThat(reply.header("connection")).isEqualTo("close");
            JsonObject error = (JsonObject) ((JsonObject) Json.parse(reply.body())).get("error");
            assertThat(error.get("message")).isEqualTo(JsonString.of("request headers not received within 500 ms"));
        }
    }

    @Test
    void aChunkedBodyDeclaringAHugeChunkGets408AtTheReadTimeout() throws Exception {
        try (ServiceHost host = ServiceHost.builder(
                        ServiceHostTest.config(stateRoot.resolve("chunk")).withReadTimeout(Duration.ofMillis(500)))
                .start()) {
            RawHttp.Reply reply = RawHttp.exchange(
                    host.port(),
                    ("POST /workflows/generate HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    + "FFFFFFFFFFFF\r\n{}")
                            .getBytes(StandardCharsets.US_ASCII),
                    false,
                    Duration.ofSeconds(5));

            // The chunk never arrives: the body read ends at the read timeout, whatever was declared.
            assertThat(reply.status()).isEqualTo(408);
            assertThat(reply.body()).contains("request body not received within 500 ms");
        }
    }
}
