package ai.worldforge.server.batch;

import ai.worldforge.benchmark.BenchmarkContracts;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.evaluation.EvaluationSuite;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.provider.Environment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The batch-eval reference host's command line ({@code bin/worldforge-batch-eval}, the reference's
 * {@code examples/hosts/batch-eval/app.py}):
 *
 * <pre>
 * worldforge-batch-eval [--workspace PATH] [--state-dir PATH] eval [--suite S] [--provider P]...
 * worldforge-batch-eval [--workspace PATH] [--state-dir PATH] benchmark [--provider P]...
 *     [--operation OP]... [--iterations N] [--concurrency N] [--input-file PATH] [--budget-file PATH]
 * </pre>
 *
 * Prints the job summary as indented, key-sorted JSON and exits with its {@code exit_code} (1 when
 * a benchmark budget gate fails). A WorldForge error prints {@code {"error": {"type":
 * "validation_error", "message": …}}} on one line and exits 2; a usage error prints the usage and
 * {@code worldforge-batch-eval: error: …} on stderr and exits 2.
 */
public final class BatchEvalHost {
    /** {@code .worldforge/batch-eval}. */
    public static final String DEFAULT_WORKSPACE = ".worldforge/batch-eval";

    /** {@code .worldforge/batch-eval/worlds}. */
    public static final String DEFAULT_STATE_DIR = ".worldforge/batch-eval/worlds";

    static final String USAGE = "usage: worldforge-batch-eval [-h] [--workspace WORKSPACE] [--state-dir STATE_DIR]"
            + " {eval,benchmark} ...";

    private BatchEvalHost() {}

    /** Runs the host with the process environment and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), Environment.system(), Clock.systemUTC(), System.out, System.err));
    }

    /**
     * Runs the host.
     *
     * @return the process exit code: the job's {@code exit_code}, or 2 for usage and WorldForge
     *     errors
     */
    public static int run(List<String> args, Environment environment, Clock clock, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            if (e.help) {
                out.println(USAGE);
                return 0;
            }
            err.println(USAGE);
            err.println("worldforge-batch-eval: error: " + e.getMessage());
            return 2;
        }
        JsonObject result;
        try {
            BatchEval jobs = new BatchEval(Path.of(options.stateDir), environment, clock);
            Path workspace = Path.of(options.workspace);
            if (options.command.equals("eval")) {
                result = jobs.runEval(options.suite, options.providers(), workspace, options.workspace);
            } else {
                result = jobs.runBenchmark(
                        new BatchEval.BenchmarkJob(
                                options.providers(),
                                options.operations,
                                options.iterations,
                                options.concurrency,
                                Optional.ofNullable(options.inputFile).map(Path::of),
                                Optional.ofNullable(options.budgetFile).map(Path::of)),
                        workspace,
                        options.workspace);
            }
        } catch (WorldForgeException | ProviderException e) {
            out.println(errorLine(e.getMessage()));
            return 2;
        }
        out.println(Json.writePretty(result));
        return result.get("exit_code") instanceof JsonInt code ? (int) code.longValue() : 1;
    }

    /**
     * {@code {"error": {"type": "validation_error", "message": …}}} on one line, as the reference's
     * {@code json.dumps} prints it: default separators and insertion order (type before message),
     * which none of the codec's writers produces for an object, so only the message goes through it.
     */
    static String errorLine(@Nullable String message) {
        return "{\"error\": {\"type\": \"validation_error\", \"message\": "
                + Json.write(JsonString.of(message == null ? "" : message)) + "}}";
    }

    /** A command-line mistake (argparse's exit-2 errors). */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean help;

        UsageException(String message, boolean help) {
            super(message);
            this.help = help;
        }
    }

    /** The parsed command line. */
    static final class Options {
        String workspace = DEFAULT_WORKSPACE;
        String stateDir = DEFAULT_STATE_DIR;
        String command = "";
        String suite = "planning";
        final List<String> providerList = new ArrayList<>();
        final List<String> operations = new ArrayList<>();
        int iterations = 2;
        int concurrency = 1;

        @Nullable
        String inputFile;

        @Nullable
        String budgetFile;

        List<String> providers() {
            return providerList.isEmpty() ? List.of("mock") : List.copyOf(providerList);
        }

        static Options parse(List<String> args) throws UsageException {
            Options options = new Options();
            int index = 0;
            while (index < args.size() && options.command.isEmpty()) {
                String arg = args.get(index);
                @Nullable String[] flag = split(arg);
                switch (flag[0]) {
                    case "-h", "--help" -> throw new UsageException("", true);
                    case "--workspace" -> {
                        options.workspace = value(args, flag, index, "--workspace");
                        index += flag[1] == null ? 2 : 1;
                        continue;
                    }
                    case "--state-dir" -> {
                        options.stateDir = value(args, flag, index, "--state-dir");
                        index += flag[1] == null ? 2 : 1;
                        continue;
                    }
                    case "eval", "benchmark" -> options.command = arg;
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new UsageException("unrecognized arguments: " + arg, false);
                        }
                        throw new UsageException(
                                "argument command: invalid choice: '" + arg + "' (choose from 'eval', 'benchmark')",
                                false);
                    }
                }
                index++;
            }
            if (options.command.isEmpty()) {
                throw new UsageException("the following arguments are required: command", false);
            }
            boolean benchmark = options.command.equals("benchmark");
            while (index < args.size()) {
                String arg = args.get(index);
                @Nullable String[] flag = split(arg);
                String name = flag[0];
                boolean known = switch (name) {
                    case "--provider" -> true;
                    case "--suite" -> !benchmark;
                    case "--operation", "--iterations", "--concurrency", "--input-file", "--budget-file" -> benchmark;
                    default -> false;
                };
                if (name.equals("-h") || name.equals("--help")) {
                    throw new UsageException("", true);
                }
                if (!known) {
                    throw new UsageException("unrecognized arguments: " + arg, false);
                }
                String value = value(args, flag, index, name);
                index += flag[1] == null ? 2 : 1;
                switch (name) {
                    case "--provider" -> options.providerList.add(value);
                    case "--suite" -> options.suite = choice(value, EvaluationSuite.builtinNames(), "--suite");
                    case "--operation" ->
                        options.operations.add(choice(value, BenchmarkContracts.OPERATIONS, "--operation"));
                    case "--iterations" -> options.iterations = integer(value, "--iterations");
                    case "--concurrency" -> options.concurrency = integer(value, "--concurrency");
                    case "--input-file" -> options.inputFile = value;
                    case "--budget-file" -> options.budgetFile = value;
                    default -> throw new IllegalStateException(name);
                }
            }
            return options;
        }

        /** {@code [name, inline value or null]} for {@code --flag=value}. */
        private static @Nullable String[] split(String arg) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                return new String[] {arg.substring(0, equals), arg.substring(equals + 1)};
            }
            return new String[] {arg, null};
        }

        private static String value(List<String> args, @Nullable String[] flag, int index, String name)
                throws UsageException {
            if (flag[1] != null) {
                return flag[1];
            }
            if (index + 1 >= args.size() || args.get(index + 1).startsWith("--")) {
                throw new UsageException("argument " + name + ": expected one argument", false);
            }
            return args.get(index + 1);
        }

        private static String choice(String value, List<String> choices, String flag) throws UsageException {
            if (!choices.contains(value)) {
                List<String> quoted = choices.stream().map(c -> "'" + c + "'").toList();
                throw new UsageException(
                        "argument " + flag + ": invalid choice: '" + value + "' (choose from "
                                + String.join(", ", quoted) + ")",
                        false);
            }
            return value;
        }

        private static int integer(String value, String flag) throws UsageException {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new UsageException("argument " + flag + ": invalid int value: '" + value + "'", false);
            }
        }
    }
}
