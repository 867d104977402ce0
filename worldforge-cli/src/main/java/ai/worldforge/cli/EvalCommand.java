package ai.worldforge.cli;

import ai.worldforge.WorldForge;
import ai.worldforge.evaluation.EvaluationReport;
import ai.worldforge.evaluation.EvaluationSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eval}: runs a built-in evaluation suite against providers and prints the report. Always
 * exits 0 once the suite ran, even with failed scenarios; an unknown provider is a handled error
 * (exit 2).
 *
 * <p>Not yet available: the reference's {@code --profile}, {@code --run-workspace}, {@code
 * --dataset-manifest} and the {@code html} format.
 */
@Command(name = "eval", header = "Run a built-in evaluation suite.", mixinStandardHelpOptions = true)
final class EvalCommand implements Callable<Integer> {
    /** Built-in suites, in the reference's choice order. */
    enum Suite {
        generation,
        physics,
        planning,
        reasoning,
        transfer
    }

    /** Output formats, in the reference's choice order. */
    enum Format {
        markdown,
        json,
        csv
    }

    private final CliContext context;

    @Option(names = "--suite", paramLabel = "SUITE", description = "Built-in evaluation suite.")
    Suite suite = Suite.physics;

    @Option(names = "--provider", paramLabel = "PROVIDERS", description = "Provider name to evaluate. Can be repeated.")
    List<String> providers = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "Evaluation report format.")
    Format format = Format.markdown;

    @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = WorldCommands.STATE_DIR_HELP)
    String stateDir = WorldCommands.DEFAULT_STATE_DIR;

    EvalCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        WorldForge forge = context.forge(stateDir);
        List<String> names = providers.isEmpty() ? List.of("mock") : List.copyOf(providers);
        EvaluationReport report =
                withCommand(EvaluationSuite.fromBuiltin(suite.name()).runReport(names, forge), names);
        switch (format) {
            case json -> context.println(report.toJson());
            case csv -> context.println(report.toCsv());
            default -> context.println(report.toMarkdown());
        }
        return 0;
    }

    /** The report with the reference's provenance command {@code worldforge eval --suite S --provider P…}. */
    private EvaluationReport withCommand(EvaluationReport report, List<String> names) {
        if (report.provenance().isEmpty()) {
            return report;
        }
        List<String> command = new ArrayList<>(List.of("worldforge", "eval", "--suite", suite.name()));
        for (String name : names) {
            command.add("--provider");
            command.add(name);
        }
        EvaluationReport.Builder builder = EvaluationReport.builder(report.suiteId(), report.suite(), report.results())
                .provenance(
                        report.provenance().get().toBuilder().command(command).build())
                .claimBoundary(report.claimBoundary())
                .metricSemantics(report.metricSemantics());
        report.workflowTrace().ifPresent(builder::workflowTrace);
        return builder.build();
    }
}
