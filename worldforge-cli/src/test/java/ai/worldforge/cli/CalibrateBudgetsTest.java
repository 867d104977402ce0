package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench/calibrate-budgets.sh}: the reference script's outputs, overwrite rule and errors. */
class CalibrateBudgetsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private int run(String... args) {
        return CalibrateBudgets.run(args, new PrintWriter(out, true), new PrintWriter(err, true), dir, Map.of(), clock);
    }

    private Path benchmarkReport() throws IOException {
        CliRunner.Result result = new CliRunner(dir).run("benchmark", "--iterations", "3", "--format", "json");
        assertThat(result.code()).isZero();
        Path report = dir.resolve("report.json");
        Files.writeString(report, result.out());
        return report;
    }

    @Test
    void writesTheThreeReviewFilesUnderATimestampedDirectory() throws IOException {
        benchmarkReport();
        Files.writeString(
                dir.resolve("budget.json"),
                "{\"budgets\":[{\"provider\":\"mock\",\"operation\":\"predict\",\"min_success_rate\":0.5}]}");
        assertThat(run("--report", "report.json", "--current-budget", "budget.json"))
                .as(err.toString())
                .isZero();
        Path output = dir.resolve(".worldforge/benchmark-calibration/20261201T100000Z");
        assertThat(out.toString())
                .startsWith("wrote .worldforge/benchmark-calibration/20261201T100000Z\n")
                .endsWith("review required before replacing any release budget file\n");
        JsonObject candidates = (JsonObject) Json.parse(Files.readString(output.resolve("candidate-budgets.json")));
        assertThat(((JsonArray) candidates.get("budgets")).items()).hasSize(5);
        assertThat(Files.readString(output.resolve("budget-calibration.md"))).contains("## Human Review Required");
        assertThat(Files.readString(dir.resolve("budget.json"))).contains("0.5");
    }

    @Test
    void anExistingOutputNeedsOverwriteAndBadInputWritesNothing() throws IOException {
        benchmarkReport();
        assertThat(run("--report", "report.json", "--output", "out")).isZero();
        assertThat(run("--report", "report.json", "--output", "out")).isEqualTo(2);
        assertThat(err.toString()).contains("calibrate-budgets: error: output directory already exists: ");
        assertThat(run("--report", "report.json", "--output", "out", "--overwrite"))
                .isZero();

        assertThat(run("--report", "missing.json", "--output", "other")).isEqualTo(2);
        assertThat(err.toString()).contains("Benchmark report not found");
        assertThat(dir.resolve("other")).doesNotExist();
        assertThat(run("--report", "report.json", "--headroom-ratio", "-0.1", "--output", "neg"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("headroom_ratio must be between 0.0 and 10.0.");
        assertThat(run("--output", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("the following arguments are required: --report");
    }
}
