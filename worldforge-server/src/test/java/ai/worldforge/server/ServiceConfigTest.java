package ai.worldforge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {
    @Test
    void defaultsAreTheReferenceOnes() {
        ServiceConfig config = ServiceConfig.parse(List.of(), Map.of());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.provider()).isEqualTo("mock");
        assertThat(config.stateDir()).isEqualTo(Path.of(".worldforge/service-worlds"));
        assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.doctorCacheTtl()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.threads()).isGreaterThanOrEqualTo(4);
        assertThat(config.maxConnections()).isEqualTo(256);
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.limits()).isEqualTo(new ServiceLimits(60, 4096, 32));
    }

    @Test
    void limitFlagsAndVariablesSetTheHostBounds() {
        Map<String, String> env = Map.of(
                "WORLDFORGE_SERVICE_MAX_CONNECTIONS", "32",
                "WORLDFORGE_SERVICE_READ_TIMEOUT_MS", "750",
                "WORLDFORGE_SERVICE_MAX_DURATION_SECONDS", "2.5",
                "WORLDFORGE_SERVICE_MAX_PROMPT_CHARS", "100",
                "WORLDFORGE_SERVICE_MAX_JSON_DEPTH", "8");

        ServiceConfig fromEnv = ServiceConfig.parse(List.of(), env);
        assertThat(fromEnv.maxConnections()).isEqualTo(32);
        assertThat(fromEnv.readTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(fromEnv.limits()).isEqualTo(new ServiceLimits(2.5, 100, 8));

        ServiceConfig fromFlags = ServiceConfig.parse(
                List.of("--max-duration-seconds=120", "--max-json-depth", "64", "--max-connections", "1"), env);
        assertThat(fromFlags.limits()).isEqualTo(new ServiceLimits(120, 100, 64));
        assertThat(fromFlags.maxConnections()).isEqualTo(1);
    }

    @Test
    void badLimitValuesNameTheFlag() {
        assertThatThrownBy(() -> ServiceConfig.parse(List.of("--max-duration-seconds", "NaN"), Map.of()))
                .hasMessage("argument --max-duration-seconds: must be a positive number");
        assertThatThrownBy(() -> ServiceConfig.parse(List.of("--max-duration-seconds", "ten"), Map.of()))
                .hasMessage("argument --max-duration-seconds: invalid float value: 'ten'");
        assertThatThrownBy(() -> ServiceConfig.parse(List.of("--max-json-depth", "0"), Map.of()))
                .hasMessage("argument --max-json-depth: must be between 1 and 1000");
        assertThatThrownBy(() -> ServiceConfig.parse(List.of("--read-timeout-ms", "0"), Map.of()))
                .hasMessage("argument --read-timeout-ms: must be between 1 and 9223372036854775807");
        assertThatThrownBy(() -> ServiceConfig.parse(List.of("--max-body-bytes", "2147483648"), Map.of()))
                .hasMessage("argument --max-body-bytes: must be between 0 and 1073741824");
        assertThatThrownBy(() -> new ServiceLimits(Double.POSITIVE_INFINITY, 1, 1))
                .isInstanceOf(WorldForgeException.class);
    }

    @Test
    void environmentVariablesOverrideDefaultsAndFlagsOverrideVariables() {
        Map<String, String> env = Map.of(
                "WORLDFORGE_SERVICE_HOST", "0.0.0.0",
                "WORLDFORGE_SERVICE_PORT", "9000",
                "WORLDFORGE_SERVICE_PROVIDER", "cosmos",
                "WORLDFORGE_SERVICE_STATE_DIR", "/tmp/worlds",
                "WORLDFORGE_SERVICE_MAX_BODY_BYTES", "2048",
                "WORLDFORGE_SERVICE_REQUEST_TIMEOUT_MS", "1500",
                "WORLDFORGE_SERVICE_THREADS", "3",
                "WORLDFORGE_SERVICE_SHUTDOWN_GRACE_MS", "250",
                "WORLDFORGE_SERVICE_DOCTOR_CACHE_MS", "0");

        ServiceConfig fromEnv = ServiceConfig.parse(List.of(), env);
        assertThat(fromEnv)
                .isEqualTo(new ServiceConfig(
                        "0.0.0.0",
                        9000,
                        "cosmos",
                        Path.of("/tmp/worlds"),
                        2048,
                        Duration.ofMillis(1500),
                        3,
                        Duration.ofMillis(250),
                        Duration.ZERO));

        ServiceConfig fromFlags = ServiceConfig.parse(
                List.of("--port", "0", "--provider=mock", "--threads", "8", "--request-timeout-ms=50"), env);
        assertThat(fromFlags.port()).isZero();
        assertThat(fromFlags.provider()).isEqualTo("mock");
        assertThat(fromFlags.threads()).isEqualTo(8);
        assertThat(fromFlags.requestTimeout()).isEqualTo(Duration.ofMillis(50));
        assertThat(fromFlags.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void badValuesNameTheFlag() {
        assertThatThrownBy(() -> ServiceConfig.parse(List.of("--port", "http"), Map.of()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("argument --port: invalid int value: 'http'");
        assertThatThrownBy(() -> ServiceConfig.parse(List.of(), Map.of("WORLDFORGE_SERVICE_PORT", "70000")))
                .hasMessage("argument --port: must be between 0 and 65535");
        assertThatThrownBy(() -> ServiceConfig.parse(List.of("--bogus"), Map.of()))
                .hasMessage("unrecognized arguments: --bogus");
        assertThatThrownBy(() -> ServiceConfig.parse(List.of("--host"), Map.of()))
                .hasMessage("argument --host: expected one argument");
        assertThatThrownBy(() -> ServiceConfig.parse(List.of("--threads", "0"), Map.of()))
                .hasMessage("argument --threads: must be between 1 and 4096");
    }

    @Test
    void runPrintsUsageOrRefusesBadArguments() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(ServiceHost.run(List.of("--help"), Map.of(), outStream, errStream, false))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: worldforge-service");

        assertThat(ServiceHost.run(List.of("--port", "x"), Map.of(), outStream, errStream, false))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("worldforge-service: error: argument --port: invalid int value: 'x'");
    }
}
