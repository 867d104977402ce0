package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code worldforge examples}: the reference's index, byte for byte. */
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

    /** Expected output rendered by the reference's algorithm from the reference's data. */
    private static String expected(String resource) throws IOException {
        try (InputStream in = ExamplesCommandTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void markdownIsTheReferenceIndexByteForByte() throws IOException {
        Result result = run("examples");
        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(expected("examples.md"));
        assertThat(run("examples", "--format", "markdown").out()).isEqualTo(result.out());
        assertThat(result.out())
                .startsWith("# WorldForge Examples\n\n## Prediction and evaluation\n\n"
                        + "| Example | Surface | Requirements | Command |\n| --- | --- | --- | --- |\n"
                        + "| `basic-prediction` | predict, planning, evaluation | base WorldForge package |"
                        + " `uv run python examples/basic_prediction.py` |\n\n## Provider comparison\n")
                .contains("`uv run worldforge-demo-leworldmodel`", "`uv run worldforge-demo-lerobot`")
                .endsWith("| `lerobot-leworldmodel-real-robotics` | policy provider, score provider, planning, mock"
                        + " execution | host-owned LeRobot, stable-worldmodel, torch, datasets, policy checkpoint,"
                        + " LeWM checkpoint, and PushT simulation dependencies | `scripts/robotics-showcase` |\n");
        // Nothing is written: the command needs no state directory.
        assertThat(Files.exists(dir.resolve(".worldforge"))).isFalse();
    }

    @Test
    void jsonListsNineExamplesWithSixKeys() throws IOException {
        Result result = run("examples", "--format", "json");
        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo(expected("examples-expected.json"));
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
                        "basic-prediction",
                        "cross-provider-compare",
                        "leworldmodel-score-planning",
                        "lerobot-policy-score-planning",
                        "theworldharness",
                        "batch-eval-host",
                        "robotics-operator-host",
                        "leworldmodel-real-checkpoint-smoke",
                        "lerobot-leworldmodel-real-robotics");
        JsonObject harness = (JsonObject) examples.items().get(4);
        assertThat(harness.get("command")).isEqualTo(JsonString.of("uv run --extra harness worldforge-harness"));
        assertThat(harness.get("task")).isEqualTo(JsonString.of("Visual harness"));
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
