package ai.worldforge.cli;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.provider.Environment;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of {@code bin/worldforge}. Exit codes: 0 success, 1 a verdict failed, 2 usage
 * errors and handled errors (printed in the public error format on stderr).
 *
 * <p>Start-up is part of the product (scripts start the CLI thousands of times), so only the
 * top-level command named on the command line is built; the whole tree is built only for
 * top-level help, completion and usage errors.
 */
public final class Main {
    private static final String ARGPARSE_HELP = "argparse";

    private Main() {}

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        // Unbuffered-at-the-source streams wrapped once: System.out's own encoder and autoflush
        // would add a second buffer and a flush per line.
        PrintWriter out = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), false);
        Environment environment = Environment.system();
        int code = run(
                args,
                new CliContext(
                        out,
                        err,
                        environment,
                        Path.of("").toAbsolutePath(),
                        stderrIsTerminal(System.getProperty(STDERR_TERMINAL_PROPERTY), environment)));
        // A closed pipe (`worldforge … | head`) makes the writer record an error instead of
        // throwing: the command ends quietly with its own exit code, like a well-behaved filter.
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Set by {@code bin/worldforge} to {@code true} or {@code false} from {@code [ -t 2 ]}: Java
     * cannot ask whether stderr alone is a terminal, and progress belongs on a terminal stderr
     * whatever stdout is (a report redirected to a file still gets a progress bar).
     */
    static final String STDERR_TERMINAL_PROPERTY = "worldforge.stderr.terminal";

    /**
     * Whether progress may be drawn on stderr: the launcher's answer when it gave one, else (the
     * jar run directly) whether the JVM has a console, which JDK 17 grants only when stdin and
     * stdout are terminals; never on a {@code TERM=dumb} terminal.
     */
    static boolean stderrIsTerminal(@Nullable String launcherAnswer, Environment environment) {
        if ("dumb".equals(environment.get("TERM"))) {
            return false;
        }
        if (launcherAnswer != null) {
            return Boolean.parseBoolean(launcherAnswer);
        }
        return System.console() != null;
    }

    @Command(
            name = "worldforge",
            description = "CLI for WorldForge provider diagnostics, prediction, generation, evaluation,"
                    + " benchmarking, and runnable demos.",
            footer = {
                "Common commands:",
                "  worldforge examples",
                "  worldforge doctor",
                "  worldforge world create lab --provider mock",
                "  worldforge world add-object <world-id> cube --x 0 --y 0.5 --z 0",
                "  worldforge world predict <world-id> --object-id <object-id> --x 0.4 --y 0.5 --z 0",
                "  worldforge world list",
                "  worldforge world objects <world-id>",
                "  worldforge world history <world-id>",
                "  worldforge world delete <world-id>",
                "  worldforge provider list",
                "  worldforge provider docs",
                "  worldforge provider info mock",
                "  worldforge predict kitchen --provider mock --x 0.3 --y 0.8 --z 0.0 --steps 2",
                "  worldforge completion"
            },
            synopsisSubcommandLabel = "command",
            versionProvider = Version.class)
    static final class Root extends Group {
        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "show this help message and exit")
        boolean help;

        @Option(names = "--version", versionHelp = true, description = "show program's version number and exit")
        boolean version;
    }

    /** Reports the version the build recorded. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"worldforge " + ai.worldforge.WorldForgeVersion.current() + " (WorldForge for Java)"};
        }
    }

    /**
     * A top-level command: its one-line help (as in the parent's listing) and how to build it.
     * The help is repeated here so that {@code worldforge --help} and top-level usage errors can
     * list every command without building (reflecting over) any of them; {@code
     * MainTest.topLevelTableMatchesTheCommands} keeps both in step.
     */
    record TopLevel(String header, Function<CliContext, CommandLine> factory) {}

    /** Top-level commands in the reference's order (the order of {@code worldforge --help}). */
    static Map<String, TopLevel> topLevelCommands() {
        Map<String, TopLevel> commands = new LinkedHashMap<>();
        commands.put(
                "examples",
                new TopLevel(
                        "List runnable examples grouped by task.",
                        context -> new CommandLine(new ExamplesCommand(context))));
        commands.put(
                "providers",
                new TopLevel(
                        "List registered providers.",
                        context -> new CommandLine(new DoctorCommands.Providers(context))));
        commands.put("provider", new TopLevel("Inspect provider profiles and health.", Main::provider));
        commands.put("world", new TopLevel("Manage persisted local JSON worlds.", Main::world));
        commands.put("runs", new TopLevel("List, bundle, compare, and clean preserved runs.", Main::runs));
        commands.put(
                "doctor",
                new TopLevel(
                        "Inspect the local WorldForge environment.",
                        context -> new CommandLine(new DoctorCommands.Doctor(context))));
        commands.put(
                "negotiate",
                new TopLevel(
                        "Report whether providers can satisfy a capability workflow before it runs.",
                        context -> new CommandLine(new NegotiateCommand(context))));
        commands.put(
                "generate",
                new TopLevel(
                        "Generate a clip with a provider.",
                        context -> new CommandLine(new MediaCommands.Generate(context))));
        commands.put(
                "transfer",
                new TopLevel(
                        "Transform an input clip with a provider.",
                        context -> new CommandLine(new MediaCommands.Transfer(context))));
        commands.put(
                "predict",
                new TopLevel(
                        "Run a deterministic prediction.", context -> new CommandLine(new PredictCommand(context))));
        commands.put(
                "eval",
                new TopLevel("Run a built-in evaluation suite.", context -> new CommandLine(new EvalCommand(context))));
        commands.put(
                "benchmark",
                new TopLevel(
                        "Run provider latency and retry benchmarks.",
                        context -> new CommandLine(new BenchmarkCommand(context))));
        commands.put(
                "smoke",
                new TopLevel("Run a live provider smoke against a host-owned endpoint (never in CI).", Main::smoke));
        commands.put(
                "completion",
                new TopLevel(
                        "Print a bash/zsh completion script for worldforge.",
                        context -> new CommandLine(new CompletionCommand(context))));
        return commands;
    }

    /** {@code provider …} in the reference's order: list, info, health, contract, docs, workbench. */
    private static CommandLine provider(CliContext context) {
        CommandLine provider = new CommandLine(new DoctorCommands.Provider());
        provider.addSubcommand(new CommandLine(new DoctorCommands.ProviderList(context)));
        provider.addSubcommand(new CommandLine(new ProviderInfoCommands.Info(context)));
        provider.addSubcommand(new CommandLine(new DoctorCommands.ProviderHealthCommand(context)));
        provider.addSubcommand(new CommandLine(new ProviderInfoCommands.Docs(context)));
        return provider;
    }

    /** {@code smoke cosmos|runway|cosmos-policy}: the live smokes of the remote providers. */
    private static CommandLine smoke(CliContext context) {
        CommandLine smoke = new CommandLine(new SmokeCommands.SmokeGroup());
        smoke.addSubcommand(new CommandLine(new SmokeCommands.Cosmos(context)));
        smoke.addSubcommand(new CommandLine(new SmokeCommands.Runway(context)));
        smoke.addSubcommand(new CommandLine(new SmokeCommands.CosmosPolicy(context)));
        return smoke;
    }

    /** {@code runs …} in the reference's order: list, compare, bundle, index, prune, cleanup. */
    private static CommandLine runs(CliContext context) {
        CommandLine runs = new CommandLine(new RunsCommands.RunsGroup());
        for (Object sub : List.of(
                new RunsCommands.ListRuns(context),
                new RunsCommands.Compare(context),
                new RunsCommands.Bundle(context),
                new RunsCommands.Index(context),
                new RunsCommands.Prune(context),
                new RunsCommands.Cleanup(context))) {
            runs.addSubcommand(new CommandLine(sub));
        }
        return runs;
    }

    /** {@code world …} in the reference's order. */
    private static CommandLine world(CliContext context) {
        CommandLine world = new CommandLine(new WorldCommands.WorldGroup());
        for (Object sub : List.of(
                new WorldCommands.ListWorlds(context),
                new WorldCommands.Create(context),
                new WorldCommands.Show(context),
                new WorldCommands.History(context),
                new WorldCommands.Objects(context),
                new WorldEditCommands.AddObject(context),
                new WorldEditCommands.UpdateObject(context),
                new WorldEditCommands.RemoveObject(context),
                new WorldEditCommands.Delete(context),
                new WorldEditCommands.Predict(context),
                new WorldTransferCommands.Export(context),
                new WorldTransferCommands.Import(context),
                new WorldTransferCommands.Fork(context))) {
            world.addSubcommand(new CommandLine(sub));
        }
        return world;
    }

    /** The whole command tree. */
    static CommandLine build(CliContext context) {
        CommandLine root = new CommandLine(new Root());
        topLevelCommands()
                .forEach((name, command) ->
                        root.addSubcommand(name, command.factory().apply(context)));
        return root;
    }

    /**
     * The tree a run needs: the named top-level command only, or, when the first argument names
     * none (help, version, usage errors), stand-ins that carry just each command's name and help.
     */
    private static CommandLine buildFor(CliContext context, @Nullable String first) {
        CommandLine root = new CommandLine(new Root());
        Map<String, TopLevel> commands = topLevelCommands();
        TopLevel named = first == null ? null : commands.get(first);
        if (named != null) {
            root.addSubcommand(first, named.factory().apply(context));
            return root;
        }
        commands.forEach((name, command) -> {
            CommandSpec standIn = CommandSpec.create().name(name);
            standIn.usageMessage().header(command.header());
            root.addSubcommand(name, new CommandLine(standIn));
        });
        return root;
    }

    /** Runs {@code args} against {@code context} and returns the exit code. */
    static int run(String[] args, CliContext context) {
        CommandLine root = buildFor(context, args.length == 0 ? null : args[0]);
        configure(root, context);
        return root.execute(helpAfterAnUnknownCommandDropped(root, args));
    }

    /**
     * argparse rejects an unknown command name before it looks at a later {@code -h}/{@code
     * --help} ({@code worldforge nosuch --help} is {@code invalid choice}, exit 2), whereas picocli
     * would print the parent's help and exit 0; so once a command word names no subcommand, the
     * help options after it are dropped and picocli reports the invalid choice. Help given before
     * the unknown word ({@code worldforge world --help nosuch}) still wins, as in argparse.
     */
    static String[] helpAfterAnUnknownCommandDropped(CommandLine root, String[] args) {
        CommandLine current = root;
        for (int i = 0; i < args.length; i++) {
            Map<String, CommandLine> subcommands = current.getSubcommands();
            if (args[i].startsWith("-") || subcommands.isEmpty()) {
                return args;
            }
            CommandLine next = subcommands.get(args[i]);
            if (next == null) {
                List<String> kept = new ArrayList<>(List.of(args).subList(0, i + 1));
                for (String rest : List.of(args).subList(i + 1, args.length)) {
                    if (!rest.equals("-h") && !rest.equals("--help")) {
                        kept.add(rest);
                    }
                }
                return kept.toArray(String[]::new);
            }
            current = next;
        }
        return args;
    }

    /**
     * argparse conventions on the whole tree: {@code --version} only on the top level, and
     * {@code -h, --help} worded as argparse words it.
     */
    private static void tidy(CommandLine commandLine, boolean top, int columns) {
        CommandSpec spec = commandLine.getCommandSpec();
        commandLine.setHelpSectionKeys(List.of(ARGPARSE_HELP));
        commandLine.getHelpSectionMap().put(ARGPARSE_HELP, new ArgparseRenderer(columns));
        if (!top) {
            OptionSpec version = spec.findOption("--version");
            if (version != null) {
                spec.remove(version);
            }
        }
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            tidy(sub, false, columns);
        }
    }

    private static void configure(CommandLine root, CliContext context) {
        int columns = ArgparseHelp.columns(context.environment.get("COLUMNS"));
        tidy(root, true, columns);
        PythonNumbers.register(root);
        root.setOut(context.out);
        root.setErr(context.err);
        root.setCaseInsensitiveEnumValuesAllowed(false);
        root.setParameterExceptionHandler(new UsageErrors(root, context, columns));
        root.setExecutionExceptionHandler(new HandledErrors(context));
    }

    /**
     * Usage errors as argparse prints them: the usage lines and {@code <prog>: error: <message>}
     * on stderr, exit 2. (Named classes rather than lambdas, so that the start-up archive can hold
     * them.)
     */
    private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
        private final CommandLine root;
        private final CliContext context;
        private final int columns;

        UsageErrors(CommandLine root, CliContext context, int columns) {
            this.root = root;
            this.context = context;
            this.columns = columns;
        }

        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine failed = ex.getCommandLine();
            // argparse reports unrecognized arguments from the top-level parser.
            if (ex instanceof CommandLine.UnmatchedArgumentException && !isInvalidChoice(ex)) {
                failed = root;
            }
            context.err.print(usage(failed.getCommandSpec(), columns));
            context.err.println(failed.getCommandSpec().qualifiedName() + ": error: " + argparseMessage(ex));
            context.err.flush();
            return 2;
        }
    }

    /** Handled errors in the public error format (two lines on stderr, exit 2); others propagate. */
    private static final class HandledErrors implements CommandLine.IExecutionExceptionHandler {
        private final CliContext context;

        HandledErrors(CliContext context) {
            this.context = context;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine failed, ParseResult parseResult)
                throws Exception {
            if (ex instanceof WorldForgeException
                    || ex instanceof ProviderException
                    || ex instanceof IllegalArgumentException
                    || ex instanceof java.io.UncheckedIOException) {
                String[] path = commandPath(parseResult);
                // A file-system failure surfaces as its cause in words, e.g. "Permission denied:
                // <path>", never as the exception's class name.
                String message = ex instanceof java.io.UncheckedIOException
                        ? ai.worldforge.internal.ErrorText.describe(ex)
                        : ex.getMessage() == null || ex.getMessage().isBlank()
                                ? ai.worldforge.internal.ErrorText.describe(ex)
                                : ex.getMessage();
                context.err.println(CliErrors.format(path[0], path[1], ex, message));
                context.err.flush();
                return 2;
            }
            throw ex;
        }
    }

    /** Help of any command rendered as argparse renders it. */
    private static final class ArgparseRenderer implements CommandLine.IHelpSectionRenderer {
        private final int columns;

        ArgparseRenderer(int columns) {
            this.columns = columns;
        }

        @Override
        public String render(CommandLine.Help help) {
            return ArgparseHelp.render(help.commandSpec(), columns);
        }
    }

    /** argparse's {@code format_usage()}: the usage lines of the help. */
    static String usage(CommandSpec spec, int columns) {
        String help = ArgparseHelp.render(spec, columns);
        int end = help.indexOf("\n\n");
        return end < 0 ? help : help.substring(0, end + 1);
    }

    /** Whether {@code ex} is an unknown subcommand name (argparse's "invalid choice"). */
    private static boolean isInvalidChoice(ParameterException ex) {
        CommandLine failed = ex.getCommandLine();
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched)
                || failed.getSubcommands().isEmpty()) {
            return false;
        }
        List<String> values = unmatched.getUnmatched();
        return !values.isEmpty() && !values.get(0).startsWith("-");
    }

    /** picocli's parse errors reworded as argparse words them, which scripts may match on. */
    static String argparseMessage(ParameterException ex) {
        if (ex instanceof CommandLine.MissingParameterException missing) {
            List<String> names = new ArrayList<>();
            for (ArgSpec arg : missing.getMissing()) {
                names.add(argName(arg));
            }
            return "the following arguments are required: " + String.join(", ", names);
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> values = unmatched.getUnmatched();
            if (isInvalidChoice(ex)) {
                List<String> choices = new ArrayList<>();
                ex.getCommandLine().getSubcommands().keySet().forEach(name -> choices.add("'" + name + "'"));
                return "argument command: invalid choice: '" + values.get(0) + "' (choose from "
                        + String.join(", ", choices) + ")";
            }
            return "unrecognized arguments: " + String.join(" ", values);
        }
        ArgSpec arg = ex.getArgSpec();
        String value = ex.getValue();
        if (arg != null && value != null) {
            Class<?> type = arg.type();
            if (!type.isEnum() && arg.completionCandidates() != null) {
                List<String> choices = new ArrayList<>();
                arg.completionCandidates().forEach(choice -> choices.add("'" + choice + "'"));
                return "argument " + argName(arg) + ": invalid choice: '" + value + "' (choose from "
                        + String.join(", ", choices) + ")";
            }
            if (type.isEnum()) {
                List<String> choices = new ArrayList<>();
                for (Object constant : type.getEnumConstants()) {
                    choices.add("'" + constant + "'");
                }
                return "argument " + argName(arg) + ": invalid choice: '" + value + "' (choose from "
                        + String.join(", ", choices) + ")";
            }
            if (type == double.class || type == Double.class) {
                return "argument " + argName(arg) + ": invalid float value: '" + value + "'";
            }
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return "argument " + argName(arg) + ": invalid int value: '" + value + "'";
            }
        }
        return ex.getMessage();
    }

    private static String argName(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return String.join("/", option.names());
        }
        return ((PositionalParamSpec) arg).paramLabel();
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
