package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule for the mode of every file the CLI writes (docs/cli.md, "Files it writes"): the
 * process umask's default, as for a file the shell creates — world files, exports, clips, run
 * workspaces, indexes and bundles alike (exports used to be 0600 while worlds were 0644).
 */
class FileModesTest {
    @TempDir
    Path dir;

    @Test
    void everyWrittenFileHasTheDefaultMode() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> expected =
                Files.getPosixFilePermissions(Files.createFile(dir.resolve("made-by-the-test")));
        CliRunner cli = new CliRunner(dir);
        String id = cli.run("world", "create", "lab").text("id");
        assertThat(cli.run("world", "export", id, "--output", "exports/lab.json")
                        .code())
                .isZero();
        assertThat(cli.run("generate", "a cube", "--output", "clips/cube.mp4").code())
                .isZero();
        assertThat(cli.run("eval", "--run-workspace", ".worldforge").code()).isZero();
        JsonArray runs = (JsonArray) cli.run("runs", "list").value();
        String runId = ((JsonString) ((JsonObject) runs.items().get(0)).get("run_id")).value();
        assertThat(cli.run("runs", "bundle", runId).code()).isZero();
        assertThat(cli.run("runs", "index", "--output", "index.md").code()).isZero();

        Map<String, Set<PosixFilePermission>> modes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                modes.put(dir.relativize(file).toString(), Files.getPosixFilePermissions(file));
            }
        }
        assertThat(modes)
                .containsKeys(
                        ".worldforge/worlds/" + id + ".json",
                        "exports/lab.json",
                        "clips/cube.mp4",
                        ".worldforge/runs/" + runId + "/run_manifest.json",
                        ".worldforge/issue-bundles/" + runId + "/issue.md",
                        "index.md");
        modes.forEach((file, mode) -> assertThat(mode).as(file).isEqualTo(expected));
    }
}
