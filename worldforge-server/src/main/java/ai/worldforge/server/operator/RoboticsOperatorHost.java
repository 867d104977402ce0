package ai.worldforge.server.operator;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The robotics operator-review reference host's command line ({@code
 * bin/worldforge-operator-review}, the reference's {@code examples/hosts/robotics-operator/app.py}):
 *
 * <pre>
 * worldforge-operator-review [--workspace PATH] [--state-dir PATH] review [--sample-translator]
 *     [--approve-dry-run] [--check ITEM]... [--execute-controller]
 * </pre>
 *
 * Each {@code --check} marks one {@link OperatorReview#REQUIRED_CHECKS} item true (the others are
 * false). Without {@code --sample-translator} there is no translator and the review is refused.
 * {@code --execute-controller} is always refused here: the command line has no controller hook
 * (only an embedding host can supply one through {@link OperatorReview}). Prints the result as
 * indented, key-sorted JSON (exit 0); a WorldForge error prints {@code {"error": {"type":
 * "validation_error", "message": …}}} on one line (exit 2); a usage error prints the usage and
 * {@code worldforge-operator-review: error: …} on stderr (exit 2).
 */
public final class RoboticsOperatorHost {
    /** {@code .worldforge/robotics-operator}. */
    public static final String DEFAULT_WORKSPACE = ".worldforge/robotics-operator";

    /** {@code .worldforge/robotics-operator/worlds}. */
    public static final String DEFAULT_STATE_DIR = ".worldforge/robotics-operator/worlds";

    static final String USAGE =
            "usage: worldforge-operator-review [-h] [--workspace WORKSPACE] [--state-dir STATE_DIR] {review} ...";

    private RoboticsOperatorHost() {}

    /** Runs the host and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), Clock.systemUTC(), System.out, System.err));
    }

    /**
     * Runs the host.
     *
     * @return 0 for a completed review, 2 for usage and WorldForge errors
     */
    public static int run(List<String> args, Clock clock, PrintStream out, PrintStream err) {
        String workspace = DEFAULT_WORKSPACE;
        String stateDir = DEFAULT_STATE_DIR;
        boolean review = false;
        boolean sampleTranslator = false;
        boolean approve = false;
        boolean execute = false;
        Set<String> checks = new LinkedHashSet<>();
        for (int index = 0; index < args.size(); index++) {
            String arg = args.get(index);
            String name = arg;
            @Nullable String inline = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inline = arg.substring(equals + 1);
            }
            if (name.equals("-h") || name.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            boolean takesValue =
                    review ? name.equals("--check") : name.equals("--workspace") || name.equals("--state-dir");
            String value = null;
            if (takesValue) {
                if (inline != null) {
                    value = inline;
                } else if (index + 1 < args.size() && !args.get(index + 1).startsWith("--")) {
                    value = args.get(++index);
                } else {
                    return usage(err, "argument " + name + ": expected one argument");
                }
            } else if (inline != null) {
                return usage(err, "argument " + name + ": ignored explicit argument '" + inline + "'");
            }
            if (!review) {
                switch (name) {
                    case "--workspace" -> workspace = value;
                    case "--state-dir" -> stateDir = value;
                    case "review" -> review = true;
                    default -> {
                        return usage(
                                err,
                                arg.startsWith("-")
                                        ? "unrecognized arguments: " + arg
                                        : "argument command: invalid choice: '" + arg + "' (choose from 'review')");
                    }
                }
                continue;
            }
            switch (name) {
                case "--sample-translator" -> sampleTranslator = true;
                case "--approve-dry-run" -> approve = true;
                case "--execute-controller" -> execute = true;
                case "--check" -> {
                    if (!OperatorReview.REQUIRED_CHECKS.contains(value)) {
                        List<String> quoted = OperatorReview.REQUIRED_CHECKS.stream()
                                .map(c -> "'" + c + "'")
                                .toList();
                        return usage(
                                err,
                                "argument --check: invalid choice: '" + value + "' (choose from "
                                        + String.join(", ", quoted) + ")");
                    }
                    checks.add(value);
                }
                default -> {
                    return usage(err, "unrecognized arguments: " + arg);
                }
            }
        }
        if (!review) {
            return usage(err, "the following arguments are required: command");
        }
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        for (String key : OperatorReview.REQUIRED_CHECKS) {
            checklist.put(key, checks.contains(key));
        }
        OperatorReview.Builder builder = OperatorReview.builder(Path.of(workspace), Path.of(stateDir))
                .safetyChecklist(checklist)
                .dryRunApproved(approve)
                .executeController(execute)
                .clock(clock)
                .command(String.join(
                        " ", OperatorReview.COMMAND, "--workspace", workspace, "--state-dir", stateDir, "review"));
        if (sampleTranslator) {
            builder.actionTranslator(OperatorReview.samplePushtTranslator());
        }
        JsonObject result;
        try {
            result = builder.run();
        } catch (WorldForgeException | ProviderException e) {
            out.println(errorLine(e.getMessage()));
            return 2;
        }
        out.println(Json.writePretty(result));
        return 0;
    }

    private static int usage(PrintStream err, String message) {
        err.println(USAGE);
        err.println("worldforge-operator-review: error: " + message);
        return 2;
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
}
