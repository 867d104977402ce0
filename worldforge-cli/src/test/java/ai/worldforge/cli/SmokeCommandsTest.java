package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.cli.CliRunner.Result;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smoke cosmos|cosmos-policy} against loopback fakes (the commands are the live path; here
 * they only ever reach 127.0.0.1): summary, video bytes, sanitised run manifests, failures.
 */
class SmokeCommandsTest {
    @TempDir
    Path dir;

    private HttpServer server;

    private String fakeNim(String inferBody) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/health/ready", exchange -> respond(exchange, 200, "{\"status\": \"ready\"}"));
        server.createContext("/v1/infer", exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 200, inferBody);
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void cosmosSmokeWritesTheVideoSummaryAndASanitisedManifest() throws IOException {
        String url = fakeNim("{\"b64_video\": \"Y29zbW9zLXZpZGVv\", \"seed\": 7}");
        CliRunner cli = new CliRunner(dir, Map.of("COSMOS_BASE_URL", url, "NVIDIA_API_KEY", "nvapi-secret"));
        Result result = cli.run(
                "smoke",
                "cosmos",
                "--output",
                "live/cosmos.mp4",
                "--summary-json",
                "live/summary.json",
                "--run-manifest",
                "runs/cosmos-live/run_manifest.json");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(Files.readString(dir.resolve("live/cosmos.mp4"))).isEqualTo("cosmos-video");
        JsonObject summary = result.json();
        assertThat(summary.get("status")).isEqualTo(JsonString.of("passed"));
        assertThat(Json.parse(Files.readString(dir.resolve("live/summary.json"))))
                .isEqualTo(summary);
        String manifest = Files.readString(dir.resolve("runs/cosmos-live/run_manifest.json"));
        JsonObject payload = (JsonObject) Json.parse(manifest);
        assertThat(payload.get("run_id")).isEqualTo(JsonString.of("cosmos-live"));
        assertThat(payload.get("status")).isEqualTo(JsonString.of("passed"));
        assertThat(manifest).doesNotContain("nvapi-secret", "127.0.0.1").contains("\"env:NVIDIA_API_KEY\"");
    }

    @Test
    void aFailedSmokeExitsOneAndStillRecordsEvidence() throws IOException {
        String url = fakeNim("{\"seed\": 7}");
        CliRunner cli = new CliRunner(dir, Map.of("COSMOS_BASE_URL", url));
        Result result = cli.run("smoke", "cosmos", "--run-manifest", "runs/cosmos-live/run_manifest.json");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isNotBlank();
        JsonObject payload =
                (JsonObject) Json.parse(Files.readString(dir.resolve("runs/cosmos-live/run_manifest.json")));
        assertThat(payload.get("status")).isEqualTo(JsonString.of("failed"));
        assertThat(dir.resolve(".worldforge/runs/cosmos-live/artifacts/cosmos.mp4"))
                .doesNotExist();

        Result unconfigured = new CliRunner(dir).run("smoke", "cosmos");
        assertThat(unconfigured.code()).isEqualTo(1);
        assertThat(unconfigured.err()).contains("Cosmos health failed");
    }

    @Test
    void cosmosPolicyHealthOnlyAndTheTranslatorGuard() {
        CliRunner configured = new CliRunner(dir, Map.of("COSMOS_POLICY_BASE_URL", "http://93.184.216.34"));
        Result health = configured.run("smoke", "cosmos-policy", "--health-only");
        assertThat(health.code()).as(health.err()).isZero();
        assertThat(health.json().get("health_only")).isEqualTo(ai.worldforge.json.JsonBool.TRUE);

        Result noTranslator = configured.run("smoke", "cosmos-policy", "--policy-info-json", "info.json");
        assertThat(noTranslator.code()).isEqualTo(1);
        assertThat(noTranslator.err()).contains("requires --translator");
        Result notAllowed = configured.run("smoke", "cosmos-policy", "--translator", "com.example.Translator");
        assertThat(notAllowed.err()).contains("--allow-translator-code");

        Result local = new CliRunner(dir, Map.of("COSMOS_POLICY_BASE_URL", "http://127.0.0.1:9"))
                .run("smoke", "cosmos-policy", "--health-only");
        assertThat(local.code()).isEqualTo(1);
        assertThat(local.err()).contains("local/private destination");
    }

    private String fixture(String name) throws IOException {
        try (java.io.InputStream in = getClass().getResourceAsStream("runway/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void runwaySmokeDownloadsTheArtifactAndKeepsSignedUrlsOutOfTheManifest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:";
        String org = fixture("runway_org_success.json");
        String created = fixture("runway_create_success.json");
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String route =
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            int port = server.getAddress().getPort();
            switch (route) {
                case "GET /v1/organization" -> respond(exchange, 200, org);
                case "POST /v1/image_to_video" -> respond(exchange, 200, created);
                case "GET /v1/tasks/task_generate" ->
                    respond(
                            exchange,
                            200,
                            "{\"id\": \"task_generate\", \"status\": \"SUCCEEDED\", \"output\": [\"" + base + port
                                    + "/artifacts/generated.mp4?X-Amz-Signature=sig-secret\"]}");
                case "GET /artifacts/generated.mp4" -> {
                    byte[] video = "runway-video".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "video/mp4");
                    exchange.sendResponseHeaders(200, video.length);
                    exchange.getResponseBody().write(video);
                    exchange.close();
                }
                default -> respond(exchange, 404, "{}");
            }
        });
        server.start();
        CliRunner cli = new CliRunner(
                dir,
                Map.of(
                        "RUNWAYML_API_SECRET", "key-secret",
                        "RUNWAYML_BASE_URL", base + server.getAddress().getPort(),
                        "RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS", "true"));
        Result result = cli.run(
                "smoke",
                "runway",
                "--output",
                "out/runway.mp4",
                "--run-manifest",
                "runs/runway-live/run_manifest.json");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(Files.readString(dir.resolve("out/runway.mp4"))).isEqualTo("runway-video");
        assertThat(result.json().get("task_id_present")).isEqualTo(ai.worldforge.json.JsonBool.TRUE);
        String manifest = Files.readString(dir.resolve("runs/runway-live/run_manifest.json"));
        assertThat(manifest).doesNotContain("sig-secret", "X-Amz", "key-secret").contains("runway_artifact_url");
        assertThat(result.out()).doesNotContain("sig-secret");
    }
}
