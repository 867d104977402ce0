package ai.worldforge.provider.cosmos;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback Cosmos NIM speaking the real protocol ({@code GET /v1/health/ready}, {@code POST
 * /v1/infer}) on 127.0.0.1: answers are scripted per path (status, body), requests are recorded.
 */
final class FakeCosmosServer implements AutoCloseable {
    /** One recorded request. */
    record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** One scripted answer. */
    record Answer(int status, String contentType, String body) {}

    final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    FakeCosmosServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                requests.add(new Recorded(
                        exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
                Answer answer = next(exchange.getRequestMethod() + " " + path);
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                if (answer.contentType() != null) {
                    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
                }
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            }
        });
        server.start();
    }

    private synchronized Answer next(String key) {
        List<Answer> queue = answers.get(key);
        if (queue == null || queue.isEmpty()) {
            return new Answer(404, "text/plain", "Unexpected request: " + key);
        }
        return queue.size() == 1 ? queue.get(0) : queue.remove(0);
    }

    /** Answers {@code method path} with these responses in order (the last one repeats). */
    synchronized FakeCosmosServer on(String method, String path, Answer... responses) {
        answers.put(method + " " + path, new ArrayList<>(List.of(responses)));
        return this;
    }

    /** A JSON answer. */
    static Answer json(int status, String body) {
        return new Answer(status, "application/json", body);
    }

    /** A fixture file of this package, verbatim. */
    static String fixture(String name) {
        try (InputStream in = FakeCosmosServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Recorded> requests(String method, String path) {
        synchronized (requests) {
            return requests.stream()
                    .filter(r -> r.method().equals(method) && r.path().equals(path))
                    .toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
