package ai.worldforge.cli;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.provider.Environment;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of {@code bin/worldforge}. Exit codes: 0 success, 1 a verdict failed, 2 usage
 * errors and handled errors (printed in the public error format on stderr).
 */
public final class Main {
    private Main() {}

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(
                args, new CliContext(out, err, Environment.system(), Path.of("").toAbsolutePath()));
        out.flush();
        err.flush();
        System.exit(code);
    }

    @Command(
            name = "worldforge",
            description = "CLI for WorldForge provider diagnostics, prediction, generation, evaluation,"
                    + " benchmarking, and runnable demos.",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class)
    static final class Root extends Group {}

    /** Reports the implementation version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {
                "worldforge " + (version == null ? "0.1.0-SNAPSHOT" : version) + " (WorldForge for Java)"
            };
        }
    }

    static CommandLine build(CliContext context) {
        CommandLine root = new CommandLine(new Root());
        root.addSubcommand(new CommandLine(new DoctorCommands.Providers(context)));
        CommandLine provider = new CommandLine(new DoctorCommands.Provider());
        provider.addSubcommand(new CommandLine(new DoctorCommands.ProviderList(context)));
        provider.addSubcommand(new CommandLine(new DoctorCommands.ProviderHealthCommand(context)));
        root.addSubcommand(provider);
        CommandLine world = new CommandLine(new WorldCommands.WorldGroup());
        for (Callable<Integer> sub : worldCommands(context)) {
            world.addSubcommand(new CommandLine(sub));
        }
        root.addSubcommand(world);
        root.addSubcommand(new CommandLine(new DoctorCommands.Doctor(context)));
        return root;
    }

    private static java.util.List<Callable<Integer>> worldCommands(CliContext context) {
        return java.util.List.of(
                new WorldCommands.ListWorlds(context),
                new WorldCommands.Create(context),
                new WorldCommands.Show(context),
                new WorldCommands.AddObject(context),
                new WorldCommands.Predict(context),
                new WorldCommands.Export(context),
                new WorldCommands.Import(context),
                new WorldCommands.Fork(context),
                new WorldCommands.Delete(context));
    }

    /** Runs {@code args} against {@code context} and returns the exit code. */
    static int run(String[] args, CliContext context) {
        CommandLine root = build(context);
        root.setOut(context.out);
        root.setErr(context.err);
        root.setCaseInsensitiveEnumValuesAllowed(false);
        root.setParameterExceptionHandler((ex, ignored) -> {
            CommandLine failed = ex.getCommandLine();
            context.err.print("usage: " + failed.getHelp().synopsis(0));
            context.err.println(failed.getCommandSpec().qualifiedName() + ": error: " + ex.getMessage());
            context.err.flush();
            return 2;
        });
        root.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            if (ex instanceof WorldForgeException
                    || ex instanceof ProviderException
                    || ex instanceof IllegalArgumentException) {
                String[] path = commandPath(parseResult);
                context.err.println(CliErrors.format(path[0], path[1], String.valueOf(ex.getMessage())));
                context.err.flush();
                return 2;
            }
            throw ex;
        });
        return root.execute(args);
    }

    private static String[] commandPath(ParseResult parseResult) {
        ParseResult top = parseResult.subcommand();
        if (top == null) {
            return new String[] {"worldforge", ""};
        }
        ParseResult sub = top.subcommand();
        return new String[] {
            top.commandSpec().name(), sub == null ? "" : sub.commandSpec().name()
        };
    }
}
