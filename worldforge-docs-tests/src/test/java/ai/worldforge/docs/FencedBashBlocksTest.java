package ai.worldforge.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the docs test reads command lines and their conventions. */
class FencedBashBlocksTest {
    private static final String PAGE = String.join(
            "\n",
            "Intro with `inline` code.",
            "",
            "```bash",
            "# a comment-only line",
            "bin/worldforge world create lab --description \"bench # top\"   # prints the summary",
            "bin/worldforge benchmark --budget-file examples/benchmark-budget.json \\",
            "    --run-workspace .worldforge          # exit 1 when a threshold fails",
            "",
            "bin/worldforge-service --port 8080       # manual: serves HTTP until stopped",
            "```",
            "",
            "```text",
            "WorldForge CLI error [world show]: not a command",
            "```",
            "",
            "```bash",
            "COSMOS_BASE_URL=https://x bin/worldforge smoke cosmos",
            "bin/worldforge runs bundle <run-id> --workspace-dir <ws>",
            "```");

    @Test
    void commandsAreTheBashLinesWithContinuationsJoined() {
        List<DocsCommand> commands = FencedBashBlocks.commands("page.md", PAGE);
        assertThat(commands).extracting(DocsCommand::line).containsExactly(5, 6, 9, 17, 18);
        assertThat(commands.get(0).code()).isEqualTo("bin/worldforge world create lab --description \"bench # top\"");
        assertThat(commands.get(0).comment()).isEqualTo("prints the summary");
        assertThat(commands.get(1).code())
                .isEqualTo("bin/worldforge benchmark --budget-file examples/benchmark-budget.json --run-workspace"
                        + " .worldforge");
        assertThat(commands.get(1).allowedExitCodes()).containsExactly(0, 1);
        assertThat(commands.get(0).allowedExitCodes()).containsExactly(0);
    }

    @Test
    void manualLinesAndNonRunnablePrograms() {
        List<DocsCommand> commands = FencedBashBlocks.commands("page.md", PAGE);
        assertThat(commands.get(2).manualReason()).hasValue("serves HTTP until stopped");
        assertThat(DocsCommandsIT.notRunReason(commands.get(2))).hasValue("serves HTTP until stopped");
        assertThat(commands.get(3).program()).isEqualTo("bin/worldforge");
        assertThat(DocsCommandsIT.notRunReason(commands.get(3))).isPresent();
        assertThat(DocsCommandsIT.notRunReason(commands.get(0))).isEmpty();
        assertThat(commands.get(4).placeholders()).containsExactly("run-id", "ws");
    }

    @Test
    void checkoutFilesNamedByACommandMustExist() {
        DocsCommand good =
                DocsCommand.of("p.md", 1, "bin/worldforge benchmark --input-file examples/benchmark-inputs.json");
        assertThat(DocsCommandsIT.missingFiles(good)).isEmpty();
        DocsCommand bad =
                DocsCommand.of("p.md", 2, "bin/worldforge-batch-eval benchmark --input-file bench/inputs.json");
        assertThat(DocsCommandsIT.missingFiles(bad)).singleElement().asString().contains("bench/inputs.json");
        // Build outputs exist only after a build; outputs the command writes are not checkout paths.
        DocsCommand built = DocsCommand.of("p.md", 3, "java -jar worldforge-server/target/worldforge-service.jar");
        assertThat(DocsCommandsIT.missingFiles(built)).isEmpty();
    }
}
