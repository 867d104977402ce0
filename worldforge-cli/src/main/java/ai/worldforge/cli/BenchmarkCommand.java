package ai.worldforge.cli;

import ai.worldforge.WorldForge;
import ai.worldforge.benchmark.BenchmarkBudget;
import ai.worldforge.benchmark.BenchmarkGateReport;
import ai.worldforge.benchmark.BenchmarkInputs;
import ai.worldforge.benchmark.BenchmarkReport;
import ai.worldforge.benchmark.ProviderBenchmarkHarness;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import ai.worldforge.trace.ProvenanceEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benchmark}: provider latency, retry and throughput benchmarks, optionally gated by a
 * budget file. Exit 1 iff the budget gate fails (the report is still printed); bad options or
 * unreadable/malformed input or budget files are handled errors (exit 2), printed before anything
 * runs.
 *
 * <p>Not yet available: the reference's {@code --profile}, {@code --run-workspace}, {@code
 * --preset}, {@code --list-presets}, {@code --show-preset} and the {@code html} format.
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
        csv
    }

    private final CliContext context;

    @Option(
            names = "--provider",
            paramLabel = "PROVIDERS",
            description = "Provider name to benchmark. Can be repeated.")
    List<String> providers = new ArrayList<>();

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
        WorldForge forge = context.forge(stateDir);
        List<String> names = providers.isEmpty() ? List.of("mock") : List.copyOf(providers);
        List<String> ops = operations.stream().map(Enum::name).toList();

        Loaded input = inputFile == null ? null : load(inputFile, "input");
        BenchmarkInputs inputs = input == null
                ? BenchmarkInputs.defaults()
                : BenchmarkInputs.fromJson(input.payload(), input.path().getParent());
        Loaded budget = budgetFile == null ? null : load(budgetFile, "budget");
        List<BenchmarkBudget> budgets = budget == null ? List.of() : BenchmarkBudget.parseAll(budget.payload());

        ProviderBenchmarkHarness harness = new ProviderBenchmarkHarness(forge);
        BenchmarkReport report;
        if (context.interactive && format != Format.json) {
            long total = 0;
            for (String name : names) {
                total += (long) harness.plannedOperations(name, ops).size() * iterations;
            }
            try (ProgressBar progress = ProgressBar.started(context.err, "benchmark", total)) {
                report = harness.run(names, ops, iterations, concurrency, inputs, sample -> progress.advance());
            }
        } else {
            report = harness.run(names, ops, iterations, concurrency, inputs, null);
        }
        JsonObject metadata = report.runMetadata();
        if (input != null) {
            metadata = metadata.with("input_file", input.summary(input.sha256()));
        }
        if (budget != null) {
            metadata = metadata.with("budget_file", budget.summary(budget.sha256()));
        }
        BenchmarkReport finished = new BenchmarkReport(report.results(), metadata, report.provenance());
        if (report.provenance().isPresent()) {
            ProvenanceEnvelope.Builder provenance =
                    report.provenance().get().toBuilder().command(command(names, ops));
            if (budget != null) {
                provenance.budgetFile(budget.summary("sha256:" + budget.sha256()));
            }
            finished = finished.withProvenance(provenance.build());
        }
        BenchmarkGateReport gate = budget == null ? null : finished.evaluateBudgets(budgets);
        context.println(render(finished, gate));
        return gate == null || gate.passed() ? 0 : 1;
    }

    private String render(BenchmarkReport report, @Nullable BenchmarkGateReport gate) {
        return switch (format) {
            case json ->
                gate == null
                        ? report.toJsonText()
                        : Json.write(JsonObject.of("benchmark", report.toJson(), "gate", gate.toJson()));
            case csv -> gate == null ? report.toCsv() : gate.toCsv();
            case markdown -> gate == null ? report.toMarkdown() : report.toMarkdown() + "\n\n" + gate.toMarkdown();
        };
    }

    /** The reference's provenance command tokens. */
    private List<String> command(List<String> names, List<String> ops) {
        List<String> command = new ArrayList<>(List.of("worldforge", "benchmark"));
        for (String name : names) {
            command.add("--provider");
            command.add(name);
        }
        for (String op : ops) {
            command.add("--operation");
            command.add(op);
        }
        command.addAll(
                List.of("--iterations", Integer.toString(iterations), "--concurrency", Integer.toString(concurrency)));
        return command;
    }

    /** Reads {@code value} as UTF-8 text (universal newlines, as Python's {@code read_text}) and parses it. */
    private Loaded load(String value, String kind) {
        Path path = context.path(value);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8)
                    .replace("\r\n", "\n")
                    .replace('\r', '\n');
        } catch (IOException | RuntimeException e) {
            throw new WorldForgeException(
                    "Failed to read benchmark " + kind + " file " + value + ": " + describe(e, value), e);
        }
        JsonValue payload;
        try {
            payload = Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw new WorldForgeException("Benchmark " + kind + " file must contain valid JSON: " + e.getMessage(), e);
        }
        return new Loaded(path, sha256(text), payload);
    }

    private static String describe(Exception e, String value) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "[Errno 2] No such file or directory: '" + value + "'";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "[Errno 13] Permission denied: '" + value + "'";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
