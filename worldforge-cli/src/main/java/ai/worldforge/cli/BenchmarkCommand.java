package ai.worldforge.cli;

import ai.worldforge.WorldForge;
import ai.worldforge.benchmark.BenchmarkBudget;
import ai.worldforge.benchmark.BenchmarkGateReport;
import ai.worldforge.benchmark.BenchmarkInputs;
import ai.worldforge.benchmark.BenchmarkReport;
import ai.worldforge.benchmark.ProviderBenchmarkHarness;
import ai.worldforge.benchmark.preset.BenchmarkPreset;
import ai.worldforge.benchmark.preset.BenchmarkPresets;
import ai.worldforge.config.ConfigProfile;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.ErrorText;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import ai.worldforge.report.ReportHtml;
import ai.worldforge.runs.RunIds;
import ai.worldforge.runs.RunPreservation;
import ai.worldforge.runs.RunWorkspace;
import ai.worldforge.trace.ProvenanceEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code benchmark}: provider latency, retry and throughput benchmarks, optionally gated by a
 * budget file, or a named preset ({@code --preset}, {@code --list-presets}, {@code --show-preset};
 * precedence list > show > preset > ad-hoc run). Exit 1 iff the budget gate fails (the report is
 * still printed); bad options, profiles or unreadable/malformed input or budget files are handled
 * errors (exit 2), raised before anything runs or is written. {@code --run-workspace} preserves the
 * reports under {@code <dir>/runs/<run-id>/}; {@code --profile} supplies defaults for flags that
 * were not typed.
 */
@Command(name = "benchmark", header = "Run provider latency and retry benchmarks.", mixinStandardHelpOptions = true)
final class BenchmarkCommand implements Callable<Integer> {
    /** Benchmarkable operations, in the reference's choice order. */
    enum Operation {
        predict,
        reason,
        generate,
        transfer,
        embed,
        score,
        policy
    }

    /** Output formats, in the reference's choice order. */
    enum Format {
        markdown,
        json,
        csv,
        html
    }

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--provider",
            paramLabel = "PROVIDERS",
            description = "Provider name to benchmark. Can be repeated.")
    List<String> providers = new ArrayList<>();

    @Option(
            names = "--profile",
            paramLabel = "PROFILE",
            description = "Non-secret JSON/TOML configuration profile for CLI defaults.")
    @Nullable
    String profile;

    @Option(names = "--operation", paramLabel = "OPERATION", description = "Operation to benchmark. Can be repeated.")
    List<Operation> operations = new ArrayList<>();

    @Option(names = "--iterations", paramLabel = "ITERATIONS", description = "Iterations per operation.")
    int iterations = 5;

    @Option(names = "--concurrency", paramLabel = "CONCURRENCY", description = "Concurrent workers.")
    int concurrency = 1;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Benchmark report format.")
    Format format = Format.markdown;

    @Option(
            names = "--input-file",
            paramLabel = "INPUT_FILE",
            description = "Optional JSON file with deterministic benchmark inputs.")
    @Nullable
    String inputFile;

    @Option(
            names = "--budget-file",
            paramLabel = "BUDGET_FILE",
            description = "Optional JSON budget file. Failing gates exit non-zero after printing the report.")
    @Nullable
    String budgetFile;

    @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = WorldCommands.STATE_DIR_HELP)
    String stateDir = WorldCommands.DEFAULT_STATE_DIR;

    @Option(
            names = "--run-workspace",
            paramLabel = "RUN_WORKSPACE",
            description = "Preserve sanitized benchmark artifacts under RUN_WORKSPACE/runs/<run-id>/.")
    @Nullable
    String runWorkspace;

    @Option(
            names = "--preset",
            paramLabel = "PRESET",
            description = "Run a named benchmark preset (overrides --provider, --operation, --iterations,"
                    + " --concurrency, --input-file, and --budget-file). Use --list-presets for the catalogue.")
    @Nullable
    String preset;

    @Option(names = "--list-presets", description = "List benchmark presets and exit.")
    boolean listPresets;

    @Option(
            names = "--show-preset",
            paramLabel = "SHOW_PRESET",
            description = "Print one benchmark preset's details and exit.")
    @Nullable
    String showPreset;

    BenchmarkCommand(CliContext context) {
        this.context = context;
    }

    /** A loaded JSON file: absolute path, bare sha256 hex of its text, and the parsed payload. */
    private record Loaded(Path path, String sha256, JsonValue payload) {
        JsonObject metadata() {
            if (payload instanceof JsonObject object && object.get("metadata") instanceof JsonObject metadata) {
                return metadata;
            }
            return JsonObject.EMPTY;
        }

        JsonObject summary(String digest) {
            return JsonObject.builder(3)
                    .put("path", JsonString.of(path.toString()))
                    .put("sha256", JsonString.of(digest))
                    .put("metadata", metadata())
                    .build();
        }
    }

    @Override
    public Integer call() {
        ConfigProfile config = profile == null ? null : TomlProfiles.load(context.userPath(profile));
        List<String> ops = operations.stream().map(Enum::name).toList();
        if (config != null) {
            ParseResult parsed = spec.commandLine().getParseResult();
            if (!parsed.hasMatchedOption("--provider") && !config.providers().isEmpty()) {
                providers = new ArrayList<>(config.providers());
            }
            if (!parsed.hasMatchedOption("--operation") && !config.operations().isEmpty()) {
                ops = config.operations();
            }
            if (!parsed.hasMatchedOption("--format")) {
                config.outputFormatFor("benchmark", FORMATS).ifPresent(value -> format = Format.valueOf(value));
            }
            if (!parsed.hasMatchedOption("--run-workspace")) {
                config.effectiveRunWorkspace().ifPresent(value -> runWorkspace = value);
            }
            if (!parsed.hasMatchedOption("--state-dir")) {
                config.stateDir().ifPresent(value -> stateDir = value);
            }
        }
        WorldForge forge = context.forge(stateDir);
        Map<String, String> environment = CliContext.environmentMap(context.environment);
        if (listPresets) {
            context.println(
                    switch (format) {
                        case json -> BenchmarkPresets.listJson();
                        case csv -> BenchmarkPresets.listCsv();
                        default -> BenchmarkPresets.listMarkdown(environment);
                    });
            return 0;
        }
        if (showPreset != null) {
            BenchmarkPreset named = BenchmarkPresets.get(showPreset);
            context.println(
                    format == Format.json
                            ? BenchmarkPresets.showJson(named, environment)
                            : BenchmarkPresets.showText(named, environment));
            return 0;
        }
        if (preset != null) {
            return runPreset(forge, BenchmarkPresets.get(preset), environment, config);
        }
        return runDirect(forge, ops, config);
    }

    private int runDirect(WorldForge forge, List<String> ops, @Nullable ConfigProfile config) {
        List<String> names = providers.isEmpty() ? List.of("mock") : List.copyOf(providers);
        Loaded input = inputFile == null ? null : load(inputFile, "input");
        BenchmarkInputs inputs = input == null
                ? BenchmarkInputs.defaults()
                : BenchmarkInputs.fromJson(input.payload(), input.path().getParent());
        Loaded budget = budgetFile == null ? null : load(budgetFile, "budget");
        List<BenchmarkBudget> budgets = budget == null ? List.of() : BenchmarkBudget.parseAll(budget.payload());

        BenchmarkReport report = run(forge, names, ops, iterations, concurrency, inputs);
        JsonObject metadata = report.runMetadata();
        if (input != null) {
            metadata = metadata.with("input_file", input.summary(input.sha256()));
        }
        if (budget != null) {
            metadata = metadata.with("budget_file", budget.summary(budget.sha256()));
        }
        List<String> command = command(names, ops, config);
        BenchmarkReport finished = withProvenance(
                new BenchmarkReport(report.results(), metadata, report.provenance()),
                command,
                budget == null ? null : budget.summary("sha256:" + budget.sha256()),
                null);
        BenchmarkGateReport gate = budget == null ? null : finished.evaluateBudgets(budgets);
        preserve(finished, names, ops, String.join(" ", command), gate, config);
        context.println(render(finished, gate));
        return gate == null || gate.passed() ? 0 : 1;
    }

    private int runPreset(
            WorldForge forge, BenchmarkPreset named, Map<String, String> environment, @Nullable ConfigProfile config) {
        Optional<String> skipped = BenchmarkPresets.skipDecision(named, environment);
        if (skipped.isPresent()) {
            context.println(
                    format == Format.json
                            ? BenchmarkPresets.skipJson(named, skipped.get())
                            : BenchmarkPresets.skipMarkdown(named, skipped.get()));
            return 0;
        }
        List<String> names = BenchmarkPresets.runnableProviders(named, environment);
        BenchmarkReport report = run(
                forge,
                names,
                named.operations(),
                named.iterations(),
                named.concurrency(),
                BenchmarkPresets.loadInputs(named));
        JsonObject metadata = report.runMetadata();
        Optional<JsonObject> inputFileMetadata = BenchmarkPresets.inputFileMetadata(named);
        if (inputFileMetadata.isPresent()) {
            metadata = metadata.with("input_file", inputFileMetadata.get());
        }
        List<BenchmarkBudget> budgets = BenchmarkPresets.loadBudgets(named);
        JsonObject budgetSummary = null;
        if (!budgets.isEmpty()) {
            budgetSummary = BenchmarkPresets.budgetFileSummary(named).orElse(null);
            if (budgetSummary != null) {
                metadata = metadata.with("budget_file", BenchmarkPresets.bareDigest(budgetSummary));
            }
        }
        metadata = metadata.with("preset", named.toJson());
        List<String> extra = new ArrayList<>(config == null ? List.of() : config.commandArgs());
        if (runWorkspace != null && spec.commandLine().getParseResult().hasMatchedOption("--run-workspace")) {
            extra.addAll(List.of("--run-workspace", runWorkspace));
        }
        String command = BenchmarkPresets.command(named, extra);
        BenchmarkReport finished = withProvenance(
                new BenchmarkReport(report.results(), metadata, report.provenance()),
                List.of(command.split(" ")),
                budgetSummary,
                BenchmarkPresets.provenanceNotes(named));
        BenchmarkGateReport gate = budgets.isEmpty() ? null : finished.evaluateBudgets(budgets);
        preserve(finished, names, named.operations(), command, gate, config);
        String rendered = format == Format.json && gate != null
                ? BenchmarkPresets.gatedJson(named, finished.toJson(), gate.toJson())
                : render(finished, gate);
        context.println(rendered);
        return gate == null || gate.passed() ? 0 : 1;
    }

    /**
     * Runs the harness, drawing progress when stderr is a terminal: the bar never touches stdout,
     * so JSON and redirected reports get it too.
     */
    private BenchmarkReport run(
            WorldForge forge,
            List<String> names,
            List<String> ops,
            int iterations,
            int concurrency,
            BenchmarkInputs inputs) {
        ProviderBenchmarkHarness harness = new ProviderBenchmarkHarness(forge);
        if (!context.interactive) {
            return harness.run(names, ops, iterations, concurrency, inputs, null);
        }
        long total = 0;
        for (String name : names) {
            total += (long) harness.plannedOperations(name, ops).size() * iterations;
        }
        try (ProgressBar progress = ProgressBar.started(context.err, "benchmark", total)) {
            return harness.run(names, ops, iterations, concurrency, inputs, sample -> progress.advance());
        }
    }

    private static BenchmarkReport withProvenance(
            BenchmarkReport report, List<String> command, @Nullable JsonObject budgetFile, @Nullable String notes) {
        if (report.provenance().isEmpty()) {
            return report;
        }
        ProvenanceEnvelope.Builder provenance =
                report.provenance().get().toBuilder().command(command);
        if (budgetFile != null) {
            provenance.budgetFile(budgetFile);
        }
        if (notes != null) {
            provenance.notes(notes);
        }
        return report.withProvenance(provenance.build());
    }

    /** {@code --run-workspace}: the reports under {@code <dir>/runs/<run-id>/}, status failed when the gate failed. */
    private void preserve(
            BenchmarkReport report,
            List<String> names,
            List<String> ops,
            String command,
            @Nullable BenchmarkGateReport gate,
            @Nullable ConfigProfile config) {
        if (runWorkspace == null) {
            return;
        }
        Map<String, String> artifacts = new LinkedHashMap<>(report.artifacts());
        if (gate != null) {
            artifacts.put("html", html(report, gate));
        }
        RunWorkspace run = RunPreservation.preserveBenchmark(
                context.path(runWorkspace),
                RunIds.create(Clock.systemUTC()),
                names,
                ops,
                artifacts,
                report,
                command,
                gate == null ? Optional.empty() : Optional.of(gate.passed()),
                config == null ? Optional.empty() : Optional.of(config.toProvenance()));
        RunNotice.preserved(context, runWorkspace, run);
    }

    private String render(BenchmarkReport report, @Nullable BenchmarkGateReport gate) {
        return switch (format) {
            case json ->
                gate == null
                        ? report.toJsonText()
                        : Json.write(JsonObject.of("benchmark", report.toJson(), "gate", gate.toJson()));
            case csv -> gate == null ? report.toCsv() : gate.toCsv();
            case html -> html(report, gate);
            case markdown -> gate == null ? report.toMarkdown() : report.toMarkdown() + "\n\n" + gate.toMarkdown();
        };
    }

    /** The HTML page, with the gate's status and violations when a budget was checked. */
    private static String html(BenchmarkReport report, @Nullable BenchmarkGateReport gate) {
        return gate == null ? report.toHtml() : ReportHtml.benchmarkWithGate(report.toJson(), gate.toJson());
    }

    /** The reference's provenance command tokens. */
    private List<String> command(List<String> names, List<String> ops, @Nullable ConfigProfile config) {
        List<String> command = new ArrayList<>(List.of("worldforge", "benchmark"));
        for (String name : names) {
            command.add("--provider");
            command.add(name);
        }
        for (String op : ops) {
            command.add("--operation");
            command.add(op);
        }
        if (config != null) {
            command.addAll(config.commandArgs());
        }
        command.addAll(
                List.of("--iterations", Integer.toString(iterations), "--concurrency", Integer.toString(concurrency)));
        // Unlike the reference, every file option is recorded, so that the command reruns the run.
        if (inputFile != null) {
            command.addAll(List.of("--input-file", inputFile));
        }
        if (budgetFile != null) {
            command.addAll(List.of("--budget-file", budgetFile));
        }
        if (runWorkspace != null && spec.commandLine().getParseResult().hasMatchedOption("--run-workspace")) {
            command.addAll(List.of("--run-workspace", runWorkspace));
        }
        return command;
    }

    /** Reads {@code value} as UTF-8 text (universal newlines, as Python's {@code read_text}) and parses it. */
    private Loaded load(String value, String kind) {
        Path path = context.path(value);
        String text;
        try {
            text = BoundedFiles.readUtf8(path, BoundedFiles.DEFAULT_DOCUMENT_BYTES)
                    .replace("\r\n", "\n")
                    .replace('\r', '\n');
        } catch (IOException | RuntimeException e) {
            throw new WorldForgeException(
                    "Failed to read benchmark " + kind + " file " + value + ": "
                            + ErrorText.pythonReadError(e, path, value),
                    e);
        }
        JsonValue payload;
        try {
            payload = Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw new WorldForgeException("Benchmark " + kind + " file must contain valid JSON: " + e.getMessage(), e);
        }
        return new Loaded(path, sha256(text), payload);
    }

    private static final List<String> FORMATS =
            java.util.Arrays.stream(Format.values()).map(Enum::name).toList();

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
