package ai.worldforge.benchmarks;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.VideoClip;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.cosmos.CosmosProvider;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Cosmos client's own overhead on loopback: a fake Cosmos NIM on 127.0.0.1 answers {@code POST
 * /v1/infer} with a precomputed response carrying a 1 MiB video as inline base64 (about 1.4 MB of
 * JSON). Three ways to fetch it:
 *
 * <ul>
 *   <li>{@code bareHttpClient}: one JDK {@code HttpClient} POST, body read as bytes (the transport
 *       floor);
 *   <li>{@code bareHttpClientDecode}: the same plus JSON parsing and base64 decoding, the work any
 *       client must do to hand back the video;
 *   <li>{@code cosmosGenerate}: {@code CosmosProvider.generate} (request policy, events, response
 *       validation, {@code VideoClip}).
 * </ul>
 *
 * <p>Target: {@code cosmosGenerate} within 1.2× of {@code bareHttpClientDecode}. Nothing leaves
 * the machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CosmosClientOverheadBenchmark {
    private static final int VIDEO_BYTES = 1 << 20;

    private HttpServer server;
    private HttpClient bare;
    private HttpRequest bareRequest;
    private CosmosProvider provider;

    /** Starts the loopback server and both clients. */
    @Setup
    public void setUp() throws IOException {
        byte[] video = new byte[VIDEO_BYTES];
        new Random(42).nextBytes(video);
        byte[] response = Json.write(JsonObject.builder()
                        .put("b64_video", JsonString.of(Base64.getEncoder().encodeToString(video)))
                        .put("seed", ai.worldforge.json.JsonInt.of(4))
                        .put("upsampled_prompt", JsonString.of("a robot arm stacks cubes, studio light"))
                        .build())
                .getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/infer", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, response.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response);
                }
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        bare = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        String body = "{\"prompt\":\"a robot arm stacks cubes\",\"seed\":4,"
                + "\"video_params\":{\"frames_count\":24,\"frames_per_sec\":24,\"height\":720,\"width\":1280}}";
        bareRequest = HttpRequest.newBuilder(URI.create(base + "/v1/infer"))
                .timeout(Duration.ofSeconds(300))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        provider = CosmosProvider.builder()
                .baseUrl(base)
                .environment(Environment.empty())
                .eventHandler(event -> {})
                .build();
    }

    /** Stops the server. */
    @TearDown
    public void tearDown() {
        server.stop(0);
    }

    /** The transport floor: send and read the body. */
    @Benchmark
    public byte[] bareHttpClient() throws IOException, InterruptedException {
        return bare.send(bareRequest, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /** The floor plus JSON parsing and base64 decoding of the video. */
    @Benchmark
    public byte[] bareHttpClientDecode() throws IOException, InterruptedException {
        byte[] body =
                bare.send(bareRequest, HttpResponse.BodyHandlers.ofByteArray()).body();
        JsonObject payload = (JsonObject) Json.parse(body);
        return Base64.getDecoder().decode(((JsonString) payload.get("b64_video")).value());
    }

    /** The provider call. */
    @Benchmark
    public VideoClip cosmosGenerate() {
        return provider.generate("a robot arm stacks cubes", 1.0, null);
    }
}
