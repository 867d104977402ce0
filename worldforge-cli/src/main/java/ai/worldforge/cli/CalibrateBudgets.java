package ai.worldforge.cli;

import ai.worldforge.benchmark.BudgetCalibration;
import ai.worldforge.error.WorldForgeException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference's {@code scripts/calibrate_benchmark_budgets.py}: candidate benchmark budgets
 * from preserved benchmark JSON reports, written for human review (the current budget file is
 * only read). Run it with {@code bench/calibrate-budgets.sh}; exit 0 on success, 2 for bad
 * arguments or input (typed message on stderr, nothing written).
 *
 * <pre>
 * bench/calibrate-budgets.sh --report R.json [--report R2.json] [--current-budget B.json]
 *     [--output DIR] [--overwrite] [--headroom-ratio 0.25] [--machine-class LABEL] [--rationale TEXT]
 * </pre>
 */
public final class CalibrateBudgets {
    private static final String USAGE = "usage: calibrate-budgets --report REPORT [--report REPORT ...]"
            + " [--current-budget CURRENT_BUDGET] [--output OUTPUT] [--headroom-ratio HEADROOM_RATIO]"
            + " [--machine-class MACHINE_CLASS] [--rationale RATIONALE] [--overwrite]";

    private CalibrateBudgets() {}

    /** Command-line entry point. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err, Path.of("").toAbsolutePath(), System.getenv(), Clock.systemUTC()));
    }

    /** Runs with arguments, resolving relative paths against {@code cwd}; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Path cwd, Map<String, String> env, Clock clock) {
        List<Path> reports = new ArrayList<>();
        Path currentBudget = null;
        Path output = null;
        boolean overwrite = false;
        double headroom = BudgetCalibration.DEFAULT_HEADROOM_RATIO;
        String machineClass = null;
        String rationale = BudgetCalibration.DEFAULT_RATIONALE;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            if (arg.equals("--overwrite")) {
                overwrite = true;
                continue;
            }
            if (i + 1 >= args.length) {
                return usageError(err, "argument " + arg + ": expected one argument");
            }
            String value = args[++i];
            switch (arg) {
                case "--report" -> reports.add(cwd.resolve(value));
                case "--current-budget" -> currentBudget = cwd.resolve(value);
                case "--output" -> output = cwd.resolve(value);
                case "--machine-class" -> machineClass = value;
                case "--rationale" -> rationale = value;
                case "--headroom-ratio" -> {
                    try {
                        headroom = PythonNumbers.parseFloat(value);
                    } catch (NumberFormatException e) {
                        return usageError(err, "argument --headroom-ratio: invalid float value: '" + value + "'");
                    }
                }
                default -> {
                    return usageError(err, "unrecognized arguments: " + arg);
                }
            }
        }
        if (reports.isEmpty()) {
            return usageError(err, "the following arguments are required: --report");
        }
        if (output == null) {
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                    .withZone(ZoneOffset.UTC)
                    .format(clock.instant());
            output = cwd.resolve(".worldforge/benchmark-calibration").resolve(stamp);
        }
        if (Files.exists(output) && !overwrite) {
            return usageError(err, "output directory already exists: " + output);
        }
        BudgetCalibration.Builder options = BudgetCalibration.Options.builder(reports)
                .outputDir(output)
                .overwrite(overwrite)
                .headroomRatio(headroom)
                .rationale(rationale)
                .environment(env)
                .clock(clock)
                .workingDirectory(cwd);
        if (currentBudget != null) {
            options.currentBudget(currentBudget);
        }
        if (machineClass != null) {
            options.machineClass(machineClass);
        }
        BudgetCalibration.Result result;
        try {
            result = BudgetCalibration.calibrate(options.build());
        } catch (WorldForgeException e) {
            err.println("calibrate-budgets: error: " + CliErrors.sanitize(String.valueOf(e.getMessage())));
            return 2;
        }
        out.println("wrote " + display(cwd, result.outputDir()));
        out.println("calibration: " + display(cwd, result.calibrationPath()));
        out.println("candidate budgets: " + display(cwd, result.candidateBudgetPath()));
        out.println("review report: " + display(cwd, result.markdownPath()));
        out.println("review required before replacing any release budget file");
        return 0;
    }

    private static int usageError(PrintWriter err, String message) {
        err.println(USAGE);
        err.println("calibrate-budgets: error: " + message);
        return 2;
    }

    private static String display(Path cwd, Optional<Path> path) {
        Path value = path.orElseThrow();
        return value.startsWith(cwd) ? cwd.relativize(value).toString() : value.toString();
    }
}
