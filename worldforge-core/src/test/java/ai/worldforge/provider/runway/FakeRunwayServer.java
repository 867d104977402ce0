package ai.worldforge.provider.runway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
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
 * A loopback Runway speaking the real protocol on 127.0.0.1: {@code GET /v1/organization}, {@code
 * POST /v1/image_to_video} and {@code /v1/video_to_video} (task creation), {@code GET
 * /v1/tasks/{id}} (polling) and an artifact host under {@code /artifacts/} whose signed URLs the
 * task answers point at. Answers are scripted per {@code METHOD path} and served in order (the
 * last one repeats); requests are recorded with their query strings and headers.
 */
final class FakeRunwayServer implements AutoCloseable {
    static final String SIGNATURE = "X-Amz-Signature=loop-sig-secret&token=loop-token-secret";

    /** One recorded request. */
    record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }

    /**
     * One scripted answer: status, headers, body, an optional delay (before the headers, or after
     * them when {@code stallBody}) and whether the body is sent chunked (no Content-Length).
     */
    record Answer(
            int status,
            Map<String, String> headers,
            byte[] body,
            long delayMillis,
            boolean chunked,
            boolean stallBody) {
        Answer(int status, Map<String, String> headers, byte[] body, long delayMillis, boolean chunked) {
            this(status, headers, body, delayMillis, chunked, false);
        }

        static Answer json(int status, String body) {
            return new Answer(
                    status,
                    Map.of("Content-Type", "application/json"),
                    body.getBytes(StandardCharsets.UTF_8),
                    0,
                    false);
        }

        static Answer text(int status, String body) {
            return new Answer(
                    status, Map.of("Content-Type", "text/plain"), body.getBytes(StandardCharsets.UTF_8), 0, false);
        }

        static Answer video(byte[] body) {
            return new Answer(200, Map.of("Content-Type", "video/mp4"), body, 0, false);
        }

        Answer delayed(long millis) {
            return new Answer(status, headers, body, millis, chunked, false);
        }

        Answer streamed() {
            return new Answer(status, headers, body, delayMillis, true, stallBody);
        }

        /** Sends the headers at once, then waits {@code millis} before the body. */
        Answer stallingBody(long millis) {
            return new Answer(status, headers, body, millis, chunked, true);
        }
    }

    final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    FakeRunwayServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new Recorded(
                    exchange.getRequestMethod(),
                    path,
                    query == null ? "" : query,
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            Answer answer = next(exchange.getRequestMethod() + " " + path);
            if (!answer.stallBody() && !pause(answer.delayMillis())) {
                return;
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            byte[] bytes = answer.body();
            long length = answer.chunked() ? 0 : (bytes.length == 0 ? -1 : bytes.length);
            exchange.sendResponseHeaders(answer.status(), length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.flush();
                    if (answer.stallBody() && !pause(answer.delayMillis())) {
                        return;
                    }
                    out.write(bytes);
                } catch (IOException ignored) {
                    // The client may hang up early (size caps, timeouts).
                }
            }
        }
    }

    private static boolean pause(long millis) {
        if (millis <= 0) {
            return true;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized Answer next(String key) {
        List<Answer> queue = answers.get(key);
        if (queue == null || queue.isEmpty()) {
            return Answer.text(404, "Unexpected request: " + key);
        }
        return queue.size() == 1 ? queue.get(0) : queue.remove(0);
    }

    /** Answers {@code method path} with these responses in order (the last one repeats). */
    synchronized FakeRunwayServer on(String method, String path, Answer... responses) {
        answers.put(method + " " + path, new ArrayList<>(List.of(responses)));
        return this;
    }

    /** {@code http://127.0.0.1:<port>}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The signed artifact URL of {@code name} on this server. */
    String artifactUrl(String name) {
        return baseUrl() + "/artifacts/" + name + "?" + SIGNATURE;
    }

    /** A succeeded task answer for {@code taskId} pointing at artifact {@code name}. */
    String succeeded(String taskId, String name) {
        return "{\"id\":\"" + taskId + "\",\"status\":\"SUCCEEDED\",\"output\":[\"" + artifactUrl(name) + "\"]}";
    }

    /** Scripts the standard happy path: creation for both operations, one poll, one artifact. */
    FakeRunwayServer happyPath(byte[] video) {
        on("GET", "/v1/organization", Answer.json(200, FakeRunwayTransport.fixture("runway_org_success.json")));
        on("POST", "/v1/image_to_video", Answer.json(200, FakeRunwayTransport.fixture("runway_create_success.json")));
        on("POST", "/v1/video_to_video", Answer.json(200, FakeRunwayTransport.fixture("runway_create_success.json")));
        on("GET", "/v1/tasks/task_generate", Answer.json(200, succeeded("task_generate", "generated.mp4")));
        on("GET", "/artifacts/generated.mp4", Answer.video(video));
        return this;
    }

    List<Recorded> requests(String method, String path) {
        synchronized (requests) {
            return requests.stream()
                    .filter(r -> r.method().equals(method) && r.path().equals(path))
                    .toList();
        }
    }

    List<String> paths() {
        synchronized (requests) {
            return requests.stream().map(r -> r.method() + " " + r.path()).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
