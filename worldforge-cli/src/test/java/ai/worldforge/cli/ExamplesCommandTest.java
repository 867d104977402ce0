package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code worldforge examples}: the index of runnable examples of this checkout. */
class ExamplesCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                args, new CliContext(new PrintWriter(out), new PrintWriter(err), Environment.of(Map.of()), dir));
        return new Result(code, out.toString(), err.toString());
    }

    private static final Path ROOT = Path.of(System.getProperty("worldforge.root", ".."))
            .toAbsolutePath()
            .normalize();

    @Test
    void markdownGroupsTheIndexByTask() {
        Result result = run("examples");
        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(run("examples", "--format", "markdown").out()).isEqualTo(result.out());
        assertThat(result.out())
                .startsWith("# WorldForge Examples\n\n## Prediction and evaluation\n\n"
                        + "| Example | Surface | Requirements | Command |\n| --- | --- | --- | --- |\n"
                        + "| `world-prediction` | worlds, predict, persistence | JDK 17; this checkout |"
                        + " `bin/worldforge predict kitchen --provider mock --x 0.3 --y 0.8 --z 0.0 --steps 2` |\n"
                        + "| `planning-evaluation` |")
                .contains("\n\n## Capability negotiation\n\n| Example | Surface | Requirements | Command |\n")
                .endsWith(" `bin/worldforge smoke cosmos --run-manifest .worldforge/runs/cosmos-live/run_manifest.json`"
                        + " |\n");
        // One table per run of equal tasks: both prediction rows sit under one heading.
        assertThat(result.out().split("## Prediction and evaluation", -1)).hasSize(2);
        // Nothing is written: the command needs no state directory.
        assertThat(Files.exists(dir.resolve(".worldforge"))).isFalse();
    }

    @Test
    void jsonListsNineExamplesWithSixKeys() {
        Result result = run("examples", "--format", "json");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("[\n  {\n    \"task\": \"Prediction and evaluation\",\n");
        JsonArray examples = (JsonArray) Json.parse(result.out());
        List<String> names = new ArrayList<>();
        for (JsonValue value : examples) {
            JsonObject example = (JsonObject) value;
            assertThat(example.members().keySet())
                    .containsExactly("task", "name", "surface", "requires", "command", "description");
            names.add(((JsonString) example.get("name")).value());
        }
        assertThat(names)
                .containsExactly(
                        "world-prediction",
                        "planning-evaluation",
                        "workflow-negotiation",
                        "mock-benchmark-preset",
                        "policy-score-planning",
                        "batch-eval-host",
                        "robotics-operator-host",
                        "service-host",
                        "cosmos-live-smoke");
    }

    /**
     * Every command the index prints runs from a checkout of this project: its program is a file
     * of the repository and a {@code bin/worldforge} command names a top-level command of this CLI
     * (the reference's index names its own {@code uv run …} entry points, which do not exist here).
     */
    @Test
    void everyCommandNamesAProgramOfThisCheckout() {
        for (JsonValue value : ExamplesCommand.examples()) {
            String command = ((JsonString) ((JsonObject) value).get("command")).value();
            for (String step : command.split(" && ")) {
                String[] words = step.strip().split(" +");
                String program = words[0];
                if (program.equals("java")) {
                    assertThat(words).as(command).contains("-jar");
                    continue;
                }
                assertThat(ROOT.resolve(program)).as(command).isRegularFile().isExecutable();
                if (program.equals("bin/worldforge")) {
                    assertThat(Main.topLevelCommands()).as(command).containsKey(words[1]);
                }
            }
        }
        assertThat(ROOT.resolve("examples/pom.xml")).isRegularFile();
    }

    @Test
    void badFormatIsAUsageError() {
        Result result = run("examples", "--format", "csv");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("usage: ").contains("invalid choice: 'csv'");
    }

    @Test
    void helpShowsTheFormatChoices() {
        Result result = run("examples", "--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("--format", "Output format for the examples index.");
        assertThat(run("--help").out()).contains("examples");
    }
}
