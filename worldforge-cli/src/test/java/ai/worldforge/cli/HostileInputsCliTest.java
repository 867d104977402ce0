package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The class of inputs behind issue 14 item 8: every file a command reads is read with a size
 * limit, so a device that never ends ({@code /dev/zero}) or a file that is not text ends in the
 * two-line error with exit 2 — never an {@code OutOfMemoryError} — and changes nothing; so do
 * counts that ask for unbounded work (steps, durations, iterations, workers).
 */
class HostileInputsCliTest {
    @TempDir
    Path dir;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "benchmark --input-file /dev/zero",
                "benchmark --budget-file /dev/zero",
                "eval --profile /dev/zero",
                "benchmark --profile /dev/zero",
                "eval --dataset-manifest /dev/zero",
                "world import /dev/zero",
                "runs prune --retention-profile /dev/zero",
                "transfer /dev/zero --output out.mp4"
            })
    void endlessFilesAreRefusedWithAHandledError(String command) throws Exception {
        if (!Files.exists(Path.of("/dev/zero"))) {
            return;
        }
        Map<String, String> before = cli.snapshot();
        Result result = cli.run(command.split(" "));
        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines()).as(result.err()).hasSize(2);
        assertThat(result.err())
                .startsWith("WorldForge CLI error [")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(result.err())
                .containsAnyOf(
                        "larger than the limit",
                        "not valid JSON",
                        "must contain valid JSON",
                        "must be valid JSON",
                        "contains invalid JSON",
                        "Expecting value",
                        "is not a file");
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "predict kitchen --x 0.3 --y 0.8 --z 0 --steps 100000000|steps must be at most 100000.",
                "generate clip --duration 10000000|generate() duration_seconds must be at most 86400.",
                "benchmark --iterations 1000000000|iterations must be at most 1000000.",
                "benchmark --concurrency 100000|concurrency must be at most 256."
            })
    void countsThatAskForUnboundedWorkAreRefused(String row) {
        String[] parts = row.split("\\|");
        Map<String, String> before = cli.snapshot();
        Result result = cli.run(parts[0].split(" "));
        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines()).hasSize(2);
        assertThat(result.err()).contains(parts[1]);
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "benchmark --input-file bin.json",
                "benchmark --budget-file bin.json",
                "eval --profile bin.json",
                "eval --dataset-manifest bin.json",
                "world import bin.json"
            })
    void binaryFilesAreRefusedWithTheirCause(String command) throws Exception {
        Files.write(dir.resolve("bin.json"), new byte[] {'{', (byte) 0xFF, (byte) 0xFE, '}'});
        Map<String, String> before = cli.snapshot();
        Result result = cli.run(command.split(" "));
        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines()).hasSize(2);
        assertThat(result.err())
                .contains("UTF-8")
                .doesNotContain("Input length")
                .doesNotContain("Exception");
        assertThat(cli.snapshot()).isEqualTo(before);
    }
}
