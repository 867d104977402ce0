package ai.worldforge.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code completion}: prints a bash completion script (also usable from zsh with {@code
 * bashcompinit}) generated from the full command tree, so it never drifts from the commands.
 */
@Command(
        name = "completion",
        header = "Print a bash/zsh completion script for worldforge.",
        description = "Usage: source <(bin/worldforge completion)",
        mixinStandardHelpOptions = true)
final class CompletionCommand implements Callable<Integer> {
    private final CliContext context;

    CompletionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CommandLine tree = Main.build(context);
        context.out.print(AutoComplete.bash("worldforge", tree));
        context.out.flush();
        return 0;
    }
}
