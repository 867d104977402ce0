package ai.worldforge.provider.runway;

import ai.worldforge.event.InMemoryRecorderSink;
import ai.worldforge.event.JsonLoggerSink;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.event.ProviderEventHandlers;
import ai.worldforge.event.RunJsonLogSink;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.provider.http.HttpTransport;
import ai.worldforge.provider.http.TransportRequest;
import ai.worldforge.provider.http.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory Runway (the reference's httpx {@code MockTransport} routes): answers are scripted
 * per {@code METHOD absolute-url-without-query} and served in order (the last one repeats);
 * requests, closes and the interleaving of closes and sleeps are recorded.
 */
final class FakeRunwayTransport implements HttpTransport {
    static final String API = "https://api.runway.test";
    static final String ARTIFACT = "https://downloads.example.com/generated.mp4";
    static final String SIGNED_ARTIFACT = ARTIFACT + "?X-Amz-Signature=sig-secret-123&token=tok-secret-456";
    static final String API_KEY = "rw-secret-key-789";
    /** Strings no event or sink output may contain. */
    static final List<String> FORBIDDEN =
            List.of(API_KEY, "sig-secret-123", "tok-secret-456", "X-Amz-Signature", "?", "Bearer rw");

    /** One scripted answer: a response or a transport failure. */
    interface Answer {
        TransportResponse respond(TransportRequest request, FakeRunwayTransport fake) throws IOException;
    }

    final List<TransportRequest> requests = Collections.synchronizedList(new ArrayList<>());
    /** "close:<url>" and "sleep:<seconds>" in the order they happened. */
    final List<String> timeline = Collections.synchronizedList(new ArrayList<>());

    private final Map<String, List<Answer>> routes = new HashMap<>();

    static String fixture(String name) {
        try (InputStream in = FakeRunwayTransport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer json(int status, String body) {
        return bytes(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    static Answer text(int status, String body) {
        return bytes(status, Map.of("Content-Type", "text/plain"), body.getBytes(StandardCharsets.UTF_8));
    }

    static Answer video(String body) {
        return bytes(200, Map.of("Content-Type", "video/mp4"), body.getBytes(StandardCharsets.UTF_8));
    }

    static Answer bytes(int status, Map<String, String> headers, byte[] body) {
        return (request, fake) -> fake.tracked(request, TransportResponse.of(status, headers, body));
    }

    static Answer failing(IOException error) {
        return (request, fake) -> {
            throw error;
        };
    }

    private TransportResponse tracked(TransportRequest request, TransportResponse response) {
        String url = request.uri().toString();
        return new TransportResponse() {
            @Override
            public int statusCode() {
                return response.statusCode();
            }

            @Override
            public java.util.Optional<String> header(String name) {
                return response.header(name);
            }

            @Override
            public InputStream body() {
                return response.body();
            }

            @Override
            public void close() {
                timeline.add("close:" + url);
                response.close();
            }
        };
    }

    /** Scripts {@code method url} (absolute, query ignored when matching). */
    synchronized FakeRunwayTransport on(String method, String url, Answer... answers) {
        routes.put(method + " " + url, new ArrayList<>(List.of(answers)));
        return this;
    }

    /** The standard happy path: create (generate and transfer), one succeeded poll, the artifact. */
    FakeRunwayTransport happyPath() {
        on("POST", API + "/v1/image_to_video", json(200, fixture("runway_create_success.json")));
        on("POST", API + "/v1/video_to_video", json(200, fixture("runway_create_success.json")));
        on("GET", API + "/v1/tasks/task_generate", json(200, taskSuccess()));
        on("GET", ARTIFACT, video("runway-video"));
        on("GET", API + "/v1/organization", json(200, fixture("runway_org_success.json")));
        return this;
    }

    /** The success fixture with the artifact URL signed (query string added). */
    static String taskSuccess() {
        return fixture("runway_task_success.json").replace(ARTIFACT, SIGNED_ARTIFACT);
    }

    @Override
    public TransportResponse send(TransportRequest request) throws IOException {
        requests.add(request);
        String uri = request.uri().toString();
        int query = uri.indexOf('?');
        String key = request.method() + " " + (query < 0 ? uri : uri.substring(0, query));
        Answer answer;
        synchronized (this) {
            List<Answer> queue = routes.get(key);
            if (queue == null || queue.isEmpty()) {
                return TransportResponse.of(
                        404,
                        Map.of("Content-Type", "text/plain"),
                        ("no route " + key).getBytes(StandardCharsets.UTF_8));
            }
            answer = queue.size() == 1 ? queue.get(0) : queue.remove(0);
        }
        return answer.respond(request, this);
    }

    List<String> paths() {
        synchronized (requests) {
            List<String> out = new ArrayList<>();
            for (TransportRequest r : requests) {
                out.add(r.method() + " " + r.uri().getPath());
            }
            return out;
        }
    }

    static InputStream endless() {
        return new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
    }

    static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replays {@code events} through every sink the project ships (JSON logger, run JSON log,
     * in-memory recorder, event {@code toJson}) and asserts none of their output contains a
     * forbidden string (the API key, the artifact signature or token, any query string).
     */
    static void assertNothingLeaks(List<ProviderEvent> events, Path dir, List<String> forbidden) throws IOException {
        List<String> lines = new ArrayList<>();
        Path runLog = dir.resolve("sink-check/provider-events.jsonl");
        InMemoryRecorderSink recorder = new InMemoryRecorderSink();
        ProviderEventHandler sinks = ProviderEventHandlers.compose(
                JsonLoggerSink.builder().lineWriter(lines::add).build(),
                new RunJsonLogSink(runLog, "run-1", JsonObject.EMPTY),
                recorder);
        List<ProviderEvent> copy;
        synchronized (events) {
            copy = List.copyOf(events);
        }
        copy.forEach(sinks::handle);
        List<String> outputs = new ArrayList<>(lines);
        if (Files.exists(runLog)) {
            outputs.addAll(Files.readAllLines(runLog));
        }
        recorder.events().forEach(e -> outputs.add(Json.write(e.toJson())));
        copy.forEach(e -> outputs.add(e.toString()));
        org.assertj.core.api.Assertions.assertThat(outputs)
                .as("every sink wrote every event")
                .hasSize(copy.size() * 4);
        for (String output : outputs) {
            for (String secret : forbidden) {
                org.assertj.core.api.Assertions.assertThat(output)
                        .as("sink output must not contain %s", secret)
                        .doesNotContain(secret);
            }
        }
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
