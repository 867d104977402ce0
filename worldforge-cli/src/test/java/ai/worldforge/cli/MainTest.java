package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.cli.CliRunner.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The entry point: the lazily built tree, version, completion and number parsing. */
class MainTest {
    @TempDir
    Path dir;

    private static CliContext quietContext() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return new CliContext(sink, sink, name -> null, Path.of("."));
    }

    @Test
    void topLevelTableMatchesTheCommands() {
        CommandLine tree = Main.build(quietContext());
        Map<String, Main.TopLevel> table = Main.topLevelCommands();
        assertThat(tree.getSubcommands().keySet()).containsExactlyElementsOf(table.keySet());
        table.forEach((name, command) -> {
            String[] header = tree.getSubcommands()
                    .get(name)
                    .getCommandSpec()
                    .usageMessage()
                    .header();
            assertThat(header).as(name).containsExactly(command.header());
        });
    }

    @Test
    void helpWithoutBuildingTheCommandsEqualsHelpOfTheWholeTree() {
        CliRunner cli = new CliRunner(dir, Map.of("COLUMNS", "80"));
        String lazy = cli.run("--help").out();
        String full = ArgparseHelp.render(Main.build(quietContext()).getCommandSpec(), 80);
        // The full tree carries picocli's default help option; only the listing is compared.
        assertThat(lazy.substring(lazy.indexOf("positional arguments:"), lazy.indexOf("options:")))
                .isEqualTo(full.substring(full.indexOf("positional arguments:"), full.indexOf("options:")));
    }

    @Test
    void helpAfterAnUnknownCommandIsAnInvalidChoiceAsInArgparse() {
        CliRunner cli = new CliRunner(dir);
        for (String help : List.of("--help", "-h")) {
            Result top = cli.run("nosuch", help);
            assertThat(top.code()).isEqualTo(2);
            assertThat(top.out()).isEmpty();
            assertThat(top.err())
                    .startsWith("usage: worldforge [-h] [--version] command ...\n")
                    .contains("worldforge: error: argument command: invalid choice: 'nosuch' (choose from 'examples',");
            Result nested = cli.run("world", "nosuch", "--format", "json", help);
            assertThat(nested.code()).isEqualTo(2);
            assertThat(nested.err())
                    .contains(
                            "worldforge world: error: argument command: invalid choice: 'nosuch' (choose from 'list',");
        }
        // Help before the unknown word, or of a real command, still prints help.
        assertThat(cli.run("world", "--help", "nosuch").code()).isZero();
        assertThat(cli.run("world", "list", "--help").out()).startsWith("usage: worldforge world list");
        assertThat(cli.run("--help").code()).isZero();
    }

    @Test
    void versionAndCompletion() {
        CliRunner cli = new CliRunner(dir);
        Result version = cli.run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("worldforge ").contains("WorldForge for Java");
        Result completion = cli.run("completion");
        assertThat(completion.code()).isZero();
        for (String word : List.of("worldforge", "world", "add-object", "--state-dir", "provider", "generate")) {
            assertThat(completion.out()).contains(word);
        }
        assertThat(cli.run("world", "--version").code()).isEqualTo(2);
    }

    @Test
    void numbersAreReadAsPythonReadsThem() {
        assertThat(PythonNumbers.parseFloat(" 1_000.5 ")).isEqualTo(1000.5);
        assertThat(PythonNumbers.parseFloat("+.5e1")).isEqualTo(5.0);
        assertThat(PythonNumbers.parseFloat("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(PythonNumbers.parseFloat("NaN")).isNaN();
        assertThat(PythonNumbers.parseInt("+1_0")).isEqualTo(10);
        for (String bad : List.of("1d", "0x10", "1.5f", "1__0", "_1", "", "1e", "--1")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> PythonNumbers.parseFloat(bad))
                    .as(bad)
                    .isInstanceOf(CommandLine.TypeConversionException.class);
        }
        for (String bad : List.of("1.5", "1e3", "0x10", "99999999999", "")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> PythonNumbers.parseInt(bad))
                    .as(bad)
                    .isInstanceOf(CommandLine.TypeConversionException.class);
        }
    }
}
