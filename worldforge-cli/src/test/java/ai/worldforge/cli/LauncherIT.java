package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the real launcher: {@code bin/worldforge} in a fresh temporary directory,
 * one JVM per command, exactly as an operator or a CI script runs it. Runs in the
 * integration-test phase, after the distribution has been packaged.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("worldforge.root", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve("bin/worldforge");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonObject json() {
            return (JsonObject) Json.parse(out);
        }

        String text(String key) {
            return ((JsonString) json().get(key)).value();
        }
    }

    @BeforeEach
    void launcherExists() {
        assertThat(LAUNCHER).isExecutable();
    }

    private Run worldforge(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        return exec(command);
    }

    private Run exec(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Run run = new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    @Test
    void concurrentAddObjectProcessesAllSurvive() throws Exception {
        // Issue 14 item 4: eight processes editing one world used to exit 0 and keep only ~3 objects.
        Run created = worldforge("world", "create", "shared");
        String id = created.text("id");
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            writers.add(new ProcessBuilder(
                            LAUNCHER.toString(),
                            "world",
                            "add-object",
                            id,
                            "cube",
                            "--x",
                            "0",
                            "--y",
                            "0.5",
                            "--z",
                            "0",
                            "--object-id",
                            "cube-" + i)
                    .directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        }
        for (Process writer : writers) {
            assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.exitValue()).isZero();
        }
        JsonArray objects =
                (JsonArray) worldforge("world", "objects", id).json().get("objects");
        assertThat(objects.items())
                .extracting(o -> ((JsonString) ((JsonObject) o).get("id")).value())
                .containsExactlyInAnyOrder(
                        "cube-0", "cube-1", "cube-2", "cube-3", "cube-4", "cube-5", "cube-6", "cube-7");
    }

    @Test
    void fullWorldLifecycle() throws Exception {
        Run created = worldforge("world", "create", "lab", "--description", "e2e");
        assertThat(created.code()).as(created.err()).isZero();
        String id = created.text("id");
        Path file = dir.resolve(".worldforge/worlds/" + id + ".json");
        assertThat(file).exists();

        for (String object : List.of("cube-1", "cube-2", "cube-3")) {
            Run added = worldforge(
                    "world", "add-object", id, "cube", "--x", "0", "--y", "0.5", "--z", "0", "--object-id", object);
            assertThat(added.code()).as(added.err()).isZero();
        }
        Run updated = worldforge("world", "update-object", id, "cube-2", "--name", "block", "--graspable", "true");
        assertThat(((JsonObject) updated.json().get("object")).get("is_graspable"))
                .isEqualTo(JsonBool.TRUE);

        Run predicted =
                worldforge("world", "predict", id, "--object-id", "cube-1", "--x", "0.4", "--y", "0.5", "--z", "0");
        assertThat(predicted.json().get("saved")).isEqualTo(JsonBool.TRUE);
        String saved = Files.readString(file);
        Run dry = worldforge("world", "predict", id, "--x", "0.9", "--y", "0.5", "--z", "0", "--dry-run");
        assertThat(dry.json().get("saved")).isEqualTo(JsonBool.FALSE);
        assertThat(Files.readString(file)).isEqualTo(saved);

        Run history = worldforge("world", "history", id);
        assertThat(((JsonArray) history.json().get("history")).size()).isEqualTo(6);

        Run exported = worldforge("world", "export", id, "--output", "exports/lab.json");
        assertThat(exported.text("output_path"))
                .isEqualTo(dir.resolve("exports/lab.json").toRealPath().toString());
        Run imported = worldforge("world", "import", "exports/lab.json", "--new-id", "--name", "copy");
        assertThat(imported.text("id")).isNotEqualTo(id);
        Run forked = worldforge("world", "fork", id, "--history-index", "1", "--name", "early");
        assertThat(forked.json().get("object_count")).isEqualTo(JsonInt.of(1));
        Run listed = worldforge("world", "list");
        assertThat(((JsonArray) Json.parse(listed.out())).size()).isEqualTo(3);

        Run deleted = worldforge("world", "delete", id);
        assertThat(deleted.json().get("deleted")).isEqualTo(JsonBool.TRUE);
        assertThat(file).doesNotExist();

        Run missing = worldforge("world", "show", id);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err())
                .startsWith("WorldForge CLI error [world show]: Failed to load world '" + id + "'")
                .contains("\nFirst triage: run `bin/worldforge world list --state-dir <state-dir>`");
        Run traversal = worldforge("world", "show", "../../etc/passwd");
        assertThat(traversal.code()).isEqualTo(2);
        assertThat(traversal.err()).contains("world_id must be a file-safe identifier");
        Run usage = worldforge("world", "add-object", "x", "y", "--x", "1");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).startsWith("usage: ").contains("error: the following arguments are required");
    }

    @Test
    void preservedRunsAreListedWithTheWorkspaceAsTyped() throws Exception {
        Run eval = worldforge("eval", "--suite", "planning", "--run-workspace", ".worldforge", "--format", "json");
        assertThat(eval.code()).as(eval.err()).isZero();
        Run bench = worldforge(
                "benchmark", "--operation", "predict", "--iterations", "3", "--run-workspace", ".worldforge");
        assertThat(bench.code()).as(bench.err()).isZero();
        Run list = worldforge("runs", "list");
        assertThat(list.code()).isZero();
        JsonArray runs = (JsonArray) Json.parse(list.out());
        assertThat(runs.items()).hasSize(2);
        for (JsonValue run : runs) {
            String runId = ((JsonString) ((JsonObject) run).get("run_id")).value();
            assertThat(((JsonString) ((JsonObject) run).get("path")).value()).isEqualTo(".worldforge/runs/" + runId);
        }
        Run index = worldforge("runs", "index", "--format", "csv");
        assertThat(index.code()).isZero();
        assertThat(index.out().split("\n")).hasSize(3);
        Run cleanup = worldforge("runs", "cleanup", "--keep", "1");
        assertThat(cleanup.code()).isZero();
        assertThat(((JsonArray) Json.parse(worldforge("runs", "list").out())).items())
                .hasSize(1);
    }

    @Test
    void helpVersionAndCompletion() throws Exception {
        Run help = worldforge("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("usage: worldforge");
        Run version = worldforge("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("worldforge ");
        Run completion = worldforge("completion");
        assertThat(completion.code()).isZero();
        assertThat(completion.out()).contains("complete -F").contains("world");
    }

    /**
     * A terminal stderr gets the progress bar even for JSON redirected to a file, and Ctrl-C
     * (SIGINT) erases it. The launcher answers "is stderr a terminal" with {@code [ -t 2 ]}; here
     * stderr is a file, so the answer is given through {@code WORLDFORGE_JAVA_OPTS}, which comes
     * after the launcher's flags.
     */
    @Test
    void progressIsDrawnForRedirectedJsonAndErasedOnCtrlC() throws Exception {
        Path out = dir.resolve("report.json");
        Path err = dir.resolve("progress.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        LAUNCHER.toString(),
                        "benchmark",
                        "--operation",
                        "predict",
                        "--iterations",
                        "1000000", // the most one case may take: about 20 s on the mock
                        "--operation",
                        "generate",
                        "--format",
                        "json")
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("WORLDFORGE_JAVA_OPTS", "-Dworldforge.stderr.terminal=true");
        builder.environment().put("TERM", "xterm");
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(err, StandardCharsets.UTF_8).contains("benchmark [")) {
            assertThat(System.nanoTime()).as("no progress bar within 60 s").isLessThan(deadline);
            assertThat(process.isAlive()).as(Files.readString(err)).isTrue();
            Thread.sleep(100);
        }
        Process interrupt = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
        assertThat(interrupt.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String progress = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(progress).startsWith("\rbenchmark [").matches("(?s).*\r +\r");
        assertThat(Files.readString(out)).isEmpty();
    }

    @Test
    void closedPipeEndsQuietly() throws Exception {
        // A world large enough that `world show` writes far more than a pipe buffer holds.
        Path worlds = Files.createDirectories(dir.resolve(".worldforge/worlds"));
        StringBuilder objects = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            if (i > 0) {
                objects.append(',');
            }
            objects.append("\"o")
                    .append(i)
                    .append("\":{\"bbox\":{\"max\":{\"x\":1.0,\"y\":1.0,\"z\":1.0},")
                    .append("\"min\":{\"x\":0.0,\"y\":0.0,\"z\":0.0}},\"id\":\"o")
                    .append(i)
                    .append("\",\"is_graspable\":false,\"metadata\":{},\"name\":\"n\",\"pose\":{\"position\":")
                    .append("{\"x\":0.5,\"y\":0.5,\"z\":0.5},\"rotation\":{\"w\":1.0,\"x\":0.0,\"y\":0.0,\"z\":0.0}}}");
        }
        String state = "{\"description\":\"\",\"id\":\"big\",\"metadata\":{\"name\":\"big\"},\"name\":\"big\","
                + "\"provider\":\"mock\",\"scene\":{\"objects\":{" + objects + "}},\"schema_version\":1,\"step\":0";
        Files.writeString(
                worlds.resolve("big.json"),
                state + ",\"history\":[{\"action_json\":null,\"state\":" + state
                        + "},\"step\":0,\"summary\":\"world initialized\"}]}");
        Run piped = exec(List.of(
                "bash",
                "-c",
                "'" + LAUNCHER + "' world show big 2>stderr.txt | head -c 20 >/dev/null; echo \"${PIPESTATUS[0]}\""));
        assertThat(piped.out().strip()).isEqualTo("0");
        assertThat(Files.readString(dir.resolve("stderr.txt"))).isEmpty();
    }
}
