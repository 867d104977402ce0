package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.cli.CliRunner.Result;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handled errors name their cause in words and get a triage line that fits the kind of failure:
 * import, permission and provider failures are not told to "retry with a listed world id".
 */
class CliErrorsTest {
    @TempDir
    Path dir;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
    }

    private static String triageLine(Result result) {
        String[] lines = result.err().split("\n");
        assertThat(lines).as(result.err()).hasSize(2);
        assertThat(lines[0]).startsWith("WorldForge CLI error [");
        assertThat(lines[1]).startsWith("First triage: ");
        return lines[1].substring("First triage: ".length());
    }

    @Test
    void importFailuresPointAtTheFile() {
        Result missing = cli.run("world", "import", "missing.json");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(triageLine(missing)).isEqualTo(CliErrors.IMPORT_TRIAGE);
    }

    @Test
    void providerFailuresOfWorldCommandsPointAtDoctor() {
        Result result = cli.run("world", "create", "lab", "--provider", "nope");
        assertThat(result.code()).isEqualTo(2);
        assertThat(triageLine(result)).isEqualTo(CliErrors.PROVIDER_TRIAGE);
    }

    @Test
    void missingWorldsAndObjectsPointAtTheirListings() {
        assertThat(triageLine(cli.run("world", "show", "world_000000000000"))).isEqualTo(CliErrors.WORLD_LIST_TRIAGE);
        String id = cli.run("world", "create", "lab").text("id");
        assertThat(triageLine(cli.run("world", "remove-object", id, "ghost"))).isEqualTo(CliErrors.OBJECT_TRIAGE);
        assertThat(triageLine(cli.run("world", "update-object", id, "ghost", "--name", "x")))
                .isEqualTo(CliErrors.OBJECT_TRIAGE);
        // A validation error of the command's own options points at its help.
        cli.run("world", "add-object", id, "cube", "--x", "0", "--y", "0", "--z", "0", "--object-id", "c1");
        assertThat(triageLine(cli.run("world", "update-object", id, "c1", "--x", "1")))
                .isEqualTo("run `bin/worldforge world update-object --help`.");
    }

    @Test
    void permissionFailuresPointAtThePathsPermissions() {
        // The tests may run as root, which no file mode stops: the classification is checked directly.
        UncheckedIOException denied = new UncheckedIOException(new AccessDeniedException("/srv/runs/index.md"));
        assertThat(CliErrors.triage("runs", "index", denied, "Permission denied: /srv/runs/index.md"))
                .isEqualTo(CliErrors.PERMISSION_TRIAGE);
        WorldStateException save = new WorldStateException(
                "Failed to save world 'w' to /srv/w.json: Permission denied: /srv/w.json",
                new AccessDeniedException("/srv/w.json"));
        assertThat(CliErrors.triage("world", "create", save, save.getMessage())).isEqualTo(CliErrors.PERMISSION_TRIAGE);
        assertThat(CliErrors.triage("world", "import", save, save.getMessage())).isEqualTo(CliErrors.PERMISSION_TRIAGE);
        ProviderException provider = new ProviderException("Provider 'cosmos' generation request failed: boom");
        assertThat(CliErrors.triage("world", "predict", provider, provider.getMessage()))
                .isEqualTo(CliErrors.PROVIDER_TRIAGE);
    }

    @Test
    void bundlingIntoANonEmptyDirectoryMentionsOverwrite() {
        assertThat(cli.run("eval", "--run-workspace", ".worldforge", "--format", "json")
                        .code())
                .isZero();
        JsonArray runs = (JsonArray) cli.run("runs", "list").value();
        String runId = ((JsonString) ((JsonObject) runs.items().get(0)).get("run_id")).value();
        assertThat(cli.run("runs", "bundle", runId).code()).isZero();
        Result again = cli.run("runs", "bundle", runId);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("Evidence bundle output directory is not empty");
        assertThat(triageLine(again))
                .isEqualTo(CliErrors.BUNDLE_OVERWRITE_TRIAGE)
                .contains("--overwrite");
        assertThat(cli.run("runs", "bundle", runId, "--overwrite").code()).isZero();
        assertThat(triageLine(cli.run("runs", "bundle", "not-a-run-id"))).isEqualTo(CliErrors.RUN_LIST_TRIAGE);
    }

    @Test
    void fileSystemFailuresNameTheCauseNotAJavaClass() throws Exception {
        Files.writeString(dir.resolve("taken"), "a file, not a directory");
        Result index = cli.run("runs", "index", "--output", "taken/index.json");
        assertThat(index.code()).isEqualTo(2);
        assertThat(index.err())
                .startsWith("WorldForge CLI error [runs index]: File exists: ")
                .doesNotContain("Exception", "java.");
        Result clip = cli.run("generate", "a cube", "--output", "taken/clip.mp4");
        assertThat(clip.code()).isEqualTo(2);
        assertThat(clip.err())
                .startsWith("WorldForge CLI error [generate]: Failed to write clip to ")
                .contains(": File exists: ")
                .doesNotContain("Exception", "java.");
    }
}
