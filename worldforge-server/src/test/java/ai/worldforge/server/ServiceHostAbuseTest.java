package ai.worldforge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded abuse run (about ten seconds): slow clients, oversized and malformed requests, huge
 * {@code Content-Length}s, truncated requests, failing handlers and a crowd of idle connections hit
 * one host at once, while a probe asks {@code /healthz} every 100 ms. Every probe must be answered
 * 200 within one second, and the host must serve normally afterwards.
 */
class ServiceHostAbuseTest {
    private static final Duration RUN = Duration.ofSeconds(8);
    private static final String HOST_HEADER = "Host: 127.0.0.1\r\n";

    @TempDir
    Path stateRoot;

    /** Requests no well-behaved client sends, each on a connection of its own. */
    private static final List<byte[]> HOSTILE = List.of(
            bytes("\u0001\u0002\u0003junk\r\n\r\n"),
            bytes("POST /workflows/generate HTTP/1.1\r\n" + HOST_HEADER
                    + "Content-Length: 99999999999999999999\r\n\r\n"),
            bytes("POST /workflows/generate HTTP/1.1\r\n" + HOST_HEADER + "Content-Length: 2097152\r\n\r\n{\"a\":"),
            bytes("POST /workflows/generate HTTP/1.1\r\n" + HOST_HEADER + "Content-Length: -1\r\n\r\n"),
            bytes("GET /%zz%00 HTTP/1.1\r\n" + HOST_HEADER + "\r\n"),
            bytes("GET /healthz HTTP/1.1\r\n" + HOST_HEADER + "X-Big: " + "b".repeat(30_000) + "\r\n\r\n"),
            bytes("GET /" + "p".repeat(30_000) + " HTTP/1.1\r\n" + HOST_HEADER + "\r\n"),
            bytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
            bytes("POST /workflows/generate HTTP/1.1\r\n" + HOST_HEADER
                    + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n"),
            post("/workflows/generate", "{\"duration_seconds\": 1e7000}"),
            post("/workflows/generate", "{\"duration_seconds\": 10000000.0}"),
            post("/workflows/generate", "{\"duration_seconds\": 1e308, \"prompt\": \"" + "p".repeat(100_000) + "\"}"),
            post("/workflows/generate", "{\"provider\": \"failing\", \"prompt\": \"oom\"}"),
            post("/workflows/generate", "{\"provider\": \"failing\", \"prompt\": \"stack-overflow\"}"),
            bytes("GET /healthz HTTP/1.1\r\n" + HOST_HEADER + "X-Request-Id: token=abc123secret\r\n\r\n"),
            bytes("GET /heal"));

    /** A well-formed POST of {@code body} (ASCII) to {@code path}. */
    private static byte[] post(String path, String body) {
        return bytes("POST " + path + " HTTP/1.1\r\n" + HOST_HEADER + "Content-Length: " + body.length() + "\r\n\r\n"
                + body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] nestedBody() {
        return post("/workflows/mock-predict", "[".repeat(1024 * 1024 - 200));
    }

    @Test
    void healthzAnswersWithinOneSecondThroughoutTheAbuse() throws Exception {
        TestProvider failing = new TestProvider("failing");
        ServiceConfig config = ServiceHostTest.config(stateRoot.resolve("worlds"))
                .withReadTimeout(Duration.ofSeconds(1))
                .withRequestTimeout(Duration.ofSeconds(2))
                .withMaxConnections(512);
        ConcurrentLinkedQueue<String> logLines = new ConcurrentLinkedQueue<>();
        try (ServiceHost host = ServiceHost.builder(config)
                .forgeCustomizer(forge -> forge.registerProvider(failing))
                .logLineWriter(logLines::add)
                .start()) {
            int port = host.port();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger hostileSent = new AtomicInteger();
            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            ExecutorService abusers = Executors.newFixedThreadPool(4, daemon());
            List<Socket> crowd = new ArrayList<>();
            try (SlowClients headers =
                            SlowClients.start(port, 16, SlowClients.endlessHeaders("/healthz"), Duration.ofMillis(50));
                    SlowClients bodies = SlowClients.start(
                            port, 8, SlowClients.endlessBody("/workflows/generate", 4000), Duration.ofMillis(50))) {
                for (int i = 0; i < 120; i++) {
                    crowd.add(RawHttp.open(port, Duration.ofSeconds(5)));
                }
                for (int worker = 0; worker < 3; worker++) {
                    int offset = worker;
                    abusers.execute(() -> {
                        for (int i = offset; running.get(); i++) {
                            byte[] request = HOSTILE.get(i % HOSTILE.size());
                            hostile(port, request, i % 5 == 0, unexpected);
                            hostileSent.incrementAndGet();
                        }
                    });
                }
                byte[] nested = nestedBody();
                abusers.execute(() -> {
                    while (running.get()) {
                        hostile(port, nested, false, unexpected);
                        hostileSent.incrementAndGet();
                    }
                });

                List<RawHttp.Reply> probes = new ArrayList<>();
                long end = System.nanoTime() + RUN.toNanos();
                while (System.nanoTime() < end) {
                    probes.add(RawHttp.exchange(
                            port,
                            bytes("GET /healthz HTTP/1.1\r\n" + HOST_HEADER + "\r\n"),
                            false,
                            Duration.ofSeconds(5)));
                    TimeUnit.MILLISECONDS.sleep(100);
                }
                running.set(false);

                // The read timeout ended every slow client long before the run was over.
                assertThat(headers.ended.get()).isEqualTo(16);
                assertThat(bodies.ended.get()).isEqualTo(8);
                assertThat(probes).hasSizeGreaterThan(20);
                for (RawHttp.Reply probe : probes) {
                    assertThat(probe.status()).isEqualTo(200);
                    assertThat(Duration.ofNanos(probe.nanos())).isLessThan(Duration.ofSeconds(1));
                }
            } finally {
                running.set(false);
                abusers.shutdownNow();
                assertThat(abusers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
                for (Socket socket : crowd) {
                    socket.close();
                }
            }

            assertThat(hostileSent.get()).isGreaterThan(HOSTILE.size());
            assertThat(unexpected).isEmpty();
            RawHttp.Reply after = RawHttp.exchange(
                    port, "POST /workflows/mock-predict HTTP/1.1\r\n" + HOST_HEADER + "Content-Length: 2\r\n\r\n{}");
            assertThat(after.status()).isEqualTo(200);
            assertThat(String.join("\n", logLines)).doesNotContain("abc123secret");
        }
    }

    /**
     * Sends one hostile request and reads what comes back: any answer must be the host's JSON (never
     * an HTML page or a stack trace); no answer is fine for requests cut short.
     */
    private static void hostile(int port, byte[] request, boolean halfClose, ConcurrentLinkedQueue<String> unexpected) {
        try (Socket socket = RawHttp.open(port, Duration.ofSeconds(5))) {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            RawHttp.Reply reply = RawHttp.read(socket.getInputStream(), System.nanoTime());
            if (reply.answered()
                    && (!"application/json".equals(reply.header("content-type"))
                            || reply.body().contains("Exception")
                            || reply.body().contains("abc123secret"))) {
                unexpected.add(reply.status() + " " + reply.body());
            }
        } catch (IOException e) {
            // The host closed the connection while the request was still being written (a refused
            // oversized request): expected.
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return task -> {
            Thread thread = new Thread(task, "abuser");
            thread.setDaemon(true);
            return thread;
        };
    }
}
