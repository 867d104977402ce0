package ai.worldforge.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.provider.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveSmokeManifestTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00.123Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static LiveSmokeManifest manifest(String status, Map<String, String> artifacts, JsonObject inputs) {
        return LiveSmokeManifest.build(
                "cosmos-live",
                List.of("worldforge", "smoke", "cosmos"),
                "cosmos",
                "generate",
                status,
                List.of("COSMOS_BASE_URL", "NVIDIA_API_KEY"),
                Environment.of(Map.of("COSMOS_BASE_URL", "https://cosmos.example", "NVIDIA_API_KEY", " ")),
                3,
                inputs,
                JsonObject.of("byte_count", JsonInt.of(10)),
                artifacts,
                CLOCK);
    }

    @Test
    void recordsPresenceNeverValuesAndDigests() throws IOException {
        LiveSmokeManifest manifest = manifest(
                "passed",
                Map.of("video", "https://cdn.example/v.mp4?X-Amz-Signature=abc&token=t"),
                JsonObject.of("prompt_length", JsonInt.of(12)));
        JsonObject payload = manifest.payload();
        assertThat(payload.keys())
                .startsWith("schema_version", "run_id", "created_at", "package_version", "command_argv")
                .endsWith("event_count", "result_digest", "artifact_paths");
        assertThat(((JsonString) payload.get("created_at")).value()).isEqualTo("2026-12-01T10:00:00+00:00");
        assertThat(((JsonString) payload.get("runtime_manifest_id")).value()).isEqualTo("cosmos:schema-1");
        String json = Json.write(payload);
        assertThat(json)
                .contains("\"source\":\"env:COSMOS_BASE_URL\"")
                .contains("{\"name\":\"NVIDIA_API_KEY\",\"present\":false,\"secret\":true,\"source\":\"unset\"}")
                .doesNotContain("cosmos.example", "X-Amz", "token=t");
        assertThat(((JsonObject) payload.get("artifact_paths")).get("video"))
                .isEqualTo(JsonString.of("https://cdn.example/v.mp4"));
        assertThat(((JsonString) payload.get("input_digest")).value())
                .startsWith("sha256:")
                .hasSize(71);
        Path written = manifest.write(dir.resolve("runs/cosmos-live/run_manifest.json"));
        assertThat(Json.parse(Files.readString(written))).isEqualTo(payload);
    }

    @Test
    void unsafeContentIsRefusedNotWritten() {
        assertThatThrownBy(() -> manifest("passed", Map.of(), JsonObject.of("api_token", JsonString.of("x"))))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Run manifest contains secret-like metadata.");
        assertThatThrownBy(() -> manifest("passed", Map.of(), JsonObject.of("note", JsonString.of("Bearer abc"))))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Run manifest contains secret-like metadata.");
        assertThatThrownBy(() -> manifest("done", Map.of(), JsonObject.EMPTY))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Run manifest status must be passed, failed, or skipped.");
        assertThatThrownBy(() -> manifest("passed", Map.of(" ", "a"), JsonObject.EMPTY))
                .hasMessage("Run manifest artifact names must be non-empty strings.");
        assertThat(dir.resolve("runs")).doesNotExist();
    }
}
