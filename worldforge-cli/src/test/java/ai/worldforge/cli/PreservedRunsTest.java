package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.cli.CliRunner.Result;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preserved runs are easy to find and to reuse: {@code eval}/{@code benchmark --run-workspace}
 * say where the run went, {@code runs compare} takes the run ids {@code runs bundle} takes and
 * writes the format its {@code --output} names, and a gated HTML report shows its gate.
 */
class PreservedRunsTest {
    private static final Pattern NOTICE = Pattern.compile("Preserved run (\\d{8}T\\d{6}Z-[a-f0-9]{8}) at (\\S+)\n");

    @TempDir
    Path dir;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
    }

    /** Runs {@code args}, expects the preservation notice on stderr and returns the run id. */
    private String preserved(String... args) {
        Result result = cli.run(args);
        assertThat(result.code()).as(result.err()).isIn(0, 1);
        Matcher notice = NOTICE.matcher(result.err());
        assertThat(notice.matches()).as(result.err()).isTrue();
        Path runDir = Path.of(notice.group(2));
        assertThat(runDir.getFileName().toString()).isEqualTo(notice.group(1));
        assertThat(runDir.resolve("run_manifest.json")).isRegularFile();
        return notice.group(1);
    }

    @Test
    void evalAndBenchmarkPrintTheRunIdAndPathOnStderrOnly() {
        Result eval = cli.run("eval", "--suite", "planning", "--format", "json", "--run-workspace", "ws");
        assertThat(Json.parse(eval.out())).isInstanceOf(JsonObject.class);
        String evalId = preserved("eval", "--format", "json", "--run-workspace", "ws");
        String benchId = preserved("benchmark", "--operation", "predict", "--iterations", "1", "--run-workspace", "ws");
        assertThat(evalId).isNotEqualTo(benchId);
        assertThat(dir.resolve("ws/runs").resolve(benchId)).isDirectory();
        // Without a run workspace nothing is preserved and nothing is said.
        assertThat(cli.run("eval").err()).isEmpty();
    }

    @Test
    void compareTakesBareRunIdsAndWritesTheFormatItsOutputNames() throws IOException {
        String first = preserved("eval", "--suite", "planning", "--run-workspace", ".worldforge");
        String second = preserved("eval", "--suite", "planning", "--run-workspace", ".worldforge");
        Result byId = cli.run("runs", "compare", first, second);
        assertThat(byId.code()).as(byId.err()).isZero();
        JsonObject comparison = (JsonObject) Json.parse(byId.out());
        List<String> runIds = new ArrayList<>();
        for (JsonValue run : (JsonArray) comparison.get("runs")) {
            runIds.add(((JsonString) ((JsonObject) run).get("run_id")).value());
        }
        assertThat(runIds).containsExactlyInAnyOrder(first, second);
        // Ids under another workspace, and paths, work too.
        String other = preserved("eval", "--suite", "planning", "--run-workspace", "elsewhere");
        assertThat(cli.run("runs", "compare", "--workspace-dir", "elsewhere", other, "elsewhere/runs/" + other)
                        .code())
                .isZero();

        assertThat(cli.run("runs", "compare", first, second, "--output", "cmp.md")
                        .code())
                .isZero();
        assertThat(Files.readString(dir.resolve("cmp.md"))).startsWith("# WorldForge Run Comparison");
        assertThat(cli.run("runs", "compare", first, second, "--output", "cmp.html")
                        .code())
                .isZero();
        assertThat(Files.readString(dir.resolve("cmp.html"))).startsWith("<!DOCTYPE html>");
        // A typed --format wins over the suffix.
        assertThat(cli.run("runs", "compare", first, second, "--output", "cmp.txt.md", "--format", "json")
                        .code())
                .isZero();
        assertThat(Json.parse(Files.readString(dir.resolve("cmp.txt.md")))).isInstanceOf(JsonObject.class);
        assertThat(cli.run("runs", "index", "--output", "index.csv").code()).isZero();
        assertThat(Files.readString(dir.resolve("index.csv"))).startsWith("run_id,kind,status,");
    }

    @Test
    void htmlOfAFailedGateShowsTheStatusAndTheViolations() throws IOException {
        Files.writeString(
                dir.resolve("fail.json"),
                "{\"budgets\":[{\"provider\":\"mock\",\"operation\":\"predict\",\"max_average_latency_ms\":0.0}]}");
        Result html = cli.run(
                "benchmark",
                "--operation",
                "predict",
                "--iterations",
                "2",
                "--budget-file",
                "fail.json",
                "--format",
                "html",
                "--run-workspace",
                "ws");
        assertThat(html.code()).isEqualTo(1);
        assertThat(html.out())
                .startsWith("<!DOCTYPE html>")
                .contains("<h2>Budget Gate</h2>", "<strong>Status: failed</strong>", "average_latency_ms")
                .contains("<td>mock</td><td>predict</td><td>average_latency_ms</td>");
        String runId =
                NOTICE.matcher(html.err()).results().findFirst().orElseThrow().group(1);
        assertThat(Files.readString(dir.resolve("ws/runs").resolve(runId).resolve("reports/report.html")))
                .contains("<strong>Status: failed</strong>");
        Result passing = cli.run("benchmark", "--operation", "predict", "--iterations", "2", "--format", "html");
        assertThat(passing.out()).doesNotContain("Budget Gate");
    }
}
