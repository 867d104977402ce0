package ai.worldforge.cli;

import ai.worldforge.WorldForge;
import ai.worldforge.config.ConfigProfile;
import ai.worldforge.evaluation.DatasetManifest;
import ai.worldforge.evaluation.EvaluationReport;
import ai.worldforge.evaluation.EvaluationSuite;
import ai.worldforge.json.JsonObject;
import ai.worldforge.runs.RunIds;
import ai.worldforge.runs.RunPreservation;
import ai.worldforge.runs.RunWorkspace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code eval}: runs a built-in evaluation suite against providers and prints the report in
 * Markdown, compact sorted JSON, CSV or a self-contained HTML page. Always exits 0 once the suite
 * ran, even with failed scenarios; an unknown provider, a bad profile or an unreadable dataset
 * manifest is a handled error (exit 2) raised before anything is written. {@code --run-workspace}
 * preserves every report artefact under {@code <dir>/runs/<run-id>/}; {@code --dataset-manifest}
 * cites dataset manifests in the provenance; {@code --profile} supplies defaults for flags that were
 * not typed.
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
        csv,
        html
    }

    private static final List<String> FORMATS =
            Arrays.stream(Format.values()).map(Enum::name).toList();

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--suite", paramLabel = "SUITE", description = "Built-in evaluation suite.")
    Suite suite = Suite.physics;

    @Option(names = "--provider", paramLabel = "PROVIDERS", description = "Provider name to evaluate. Can be repeated.")
    List<String> providers = new ArrayList<>();

    @Option(
            names = "--profile",
            paramLabel = "PROFILE",
            description = "Non-secret JSON/TOML configuration profile for CLI defaults.")
    @Nullable
    String profile;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Evaluation report format.")
    Format format = Format.markdown;

    @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = WorldCommands.STATE_DIR_HELP)
    String stateDir = WorldCommands.DEFAULT_STATE_DIR;

    @Option(
            names = "--run-workspace",
            paramLabel = "RUN_WORKSPACE",
            description = "Preserve sanitized eval artifacts under RUN_WORKSPACE/runs/<run-id>/.")
    @Nullable
    String runWorkspace;

    @Option(
            names = "--dataset-manifest",
            paramLabel = "DATASET_MANIFESTS",
            description = "Dataset manifest JSON to cite in evaluation provenance. Can be repeated.")
    List<String> datasetManifests = new ArrayList<>();

    EvalCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigProfile config = profile == null ? null : TomlProfiles.load(context.userPath(profile));
        if (config != null) {
            ParseResult parsed = spec.commandLine().getParseResult();
            if (!parsed.hasMatchedOption("--provider") && !config.providers().isEmpty()) {
                providers = new ArrayList<>(config.providers());
            }
            if (!parsed.hasMatchedOption("--format")) {
                config.outputFormatFor("eval", FORMATS).ifPresent(value -> format = Format.valueOf(value));
            }
            if (!parsed.hasMatchedOption("--run-workspace")) {
                config.effectiveRunWorkspace().ifPresent(value -> runWorkspace = value);
            }
            if (!parsed.hasMatchedOption("--state-dir")) {
                config.stateDir().ifPresent(value -> stateDir = value);
            }
        }
        // Read and validated before the forge exists: a bad manifest changes nothing on disk.
        List<JsonObject> datasetRefs = DatasetManifest.references(
                datasetManifests.stream().map(context::userPath).toList(), context.workingDirectory);
        WorldForge forge = context.forge(stateDir);
        List<String> names = providers.isEmpty() ? List.of("mock") : List.copyOf(providers);
        List<String> command = command(names, config);
        EvaluationReport report = withCommand(
                EvaluationSuite.fromBuiltin(suite.name()).runReport(names, null, forge, datasetRefs), command);
        if (runWorkspace != null) {
            RunWorkspace run = RunPreservation.preserveEval(
                    context.path(runWorkspace),
                    RunIds.create(Clock.systemUTC()),
                    report.suiteId(),
                    names,
                    report.artifacts(),
                    report,
                    String.join(" ", command),
                    config == null ? Optional.empty() : Optional.of(config.toProvenance()));
            RunNotice.preserved(context, runWorkspace, run);
        }
        context.println(
                switch (format) {
                    case json -> report.toJson();
                    case csv -> report.toCsv();
                    case html -> report.toHtml();
                    case markdown -> report.toMarkdown();
                });
        return 0;
    }

    /**
     * The reference's provenance command: {@code worldforge eval --suite S --provider P… [--profile
     * X] [--dataset-manifest M…]}.
     */
    private List<String> command(List<String> names, @Nullable ConfigProfile config) {
        List<String> command = new ArrayList<>(List.of("worldforge", "eval", "--suite", suite.name()));
        for (String name : names) {
            command.add("--provider");
            command.add(name);
        }
        if (config != null) {
            command.addAll(config.commandArgs());
        }
        for (String manifest : datasetManifests) {
            command.add("--dataset-manifest");
            command.add(manifest);
        }
        // Unlike the reference, a typed run workspace is recorded, so that the command reruns the run.
        if (runWorkspace != null && spec.commandLine().getParseResult().hasMatchedOption("--run-workspace")) {
            command.add("--run-workspace");
            command.add(runWorkspace);
        }
        return command;
    }

    private static EvaluationReport withCommand(EvaluationReport report, List<String> command) {
        if (report.provenance().isEmpty()) {
            return report;
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
