package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.cli.CliRunner.Result;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code --help} of every command, byte for byte at {@code COLUMNS=80}. Where our command has the
 * reference's surface, the expected text is the reference's own help snapshot; the others are
 * our snapshots under {@code help/cli/} (regenerate with {@code -Dworldforge.updateHelpSnapshots=true}
 * after a deliberate change, and review the diff).
 */
class HelpSnapshotTest {
    /** Commands whose help must equal the reference's text (files under {@code help/}). */
    private static final Map<String, String> REFERENCE = Map.of(
            "examples", "examples.txt",
            "provider list", "provider-list.txt",
            "provider health", "provider-health.txt",
            "doctor", "doctor.txt",
            "world create", "world-create.txt",
            "world history", "world-history.txt",
            "world add-object", "world-add-object.txt",
            "predict", "predict.txt",
            "negotiate", "negotiate.txt");

    @TempDir
    Path dir;

    static Stream<Arguments> commands() {
        List<Arguments> paths = new ArrayList<>();
        PrintWriter sink = new PrintWriter(new StringWriter());
        collect(Main.build(new CliContext(sink, sink, name -> null, Path.of("."))), "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine commandLine, String prefix, List<Arguments> paths) {
        for (Map.Entry<String, CommandLine> sub : commandLine.getSubcommands().entrySet()) {
            String path = prefix.isEmpty() ? sub.getKey() : prefix + " " + sub.getKey();
            paths.add(Arguments.of(path));
            collect(sub.getValue(), path, paths);
        }
    }

    private String help(String... args) {
        Result result = new CliRunner(dir, Map.of("COLUMNS", "80")).run(args);
        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        return result.out();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HelpSnapshotTest.class.getResourceAsStream("help/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpMatchesTheSnapshot(String path) throws IOException {
        List<String> args = new ArrayList<>(List.of(path.split(" ")));
        args.add("--help");
        String actual = help(args.toArray(String[]::new));
        String referenceFile = REFERENCE.get(path);
        if (referenceFile != null) {
            assertThat(actual).isEqualTo(resource(referenceFile));
            return;
        }
        assertSnapshot("cli/" + path.replace(' ', '-') + ".txt", actual);
    }

    private static void assertSnapshot(String name, String actual) throws IOException {
        if (Boolean.getBoolean("worldforge.updateHelpSnapshots")) {
            Path target = Path.of("src/test/resources/ai/worldforge/cli/help").resolve(name);
            Files.createDirectories(target.getParent());
            Files.writeString(target, actual);
        }
        String expected = resource(name);
        assertThat(expected).as("snapshot %s", name).isNotNull();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void topLevelHelpListsTheCommandSurface() throws IOException {
        String output = help("--help");
        assertThat(output)
                .startsWith("usage: worldforge [-h] [--version] command ...\n")
                .contains("CLI for WorldForge provider diagnostics")
                .contains("Common commands:");
        for (String command :
                List.of("examples", "providers", "provider", "world", "doctor", "generate", "transfer", "predict")) {
            assertThat(output).contains("\n    " + command + " ");
        }
        assertSnapshot("cli/top-level.txt", output);
        assertThat(help("-h")).isEqualTo(output);
    }

    @Test
    void helpFollowsColumns() {
        String narrow = new CliRunner(dir, Map.of("COLUMNS", "40"))
                .run("world", "create", "--help")
                .out();
        for (String line : narrow.split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(40);
        }
    }
}
