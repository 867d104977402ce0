package ai.worldforge.cli;

import ai.worldforge.DoctorReport;
import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.benchmark.BenchmarkInputs;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.evaluation.EvaluationReport;
import ai.worldforge.evaluation.EvaluationSuite;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Environment;
import ai.worldforge.runs.EvidenceBundleOptions;
import ai.worldforge.runs.EvidenceBundles;
import ai.worldforge.runs.RunIds;
import ai.worldforge.runs.RunManifest;
import ai.worldforge.runs.RunStatus;
import ai.worldforge.runs.RunWorkspace;
import ai.worldforge.runs.RunWorkspaces;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The reference's core performance check ({@code scripts/check_core_performance.py}): times five
 * checkout-safe core paths — world persistence, benchmark fixture loading, provider catalog
 * diagnostics, evidence bundle creation and report rendering — once each in a fresh JVM, against
 * millisecond budgets, and prints (or writes) the JSON verdict. Exit 0 when every budget holds, 1
 * otherwise, 2 for bad arguments or a bad budget file. Run it with {@code bench/core-performance.sh}.
 *
 * <pre>
 * bench/core-performance.sh [--budget-file F] [--output P] [--workspace-dir D] [--fixture F]
 * </pre>
 */
public final class CorePerformanceCheck {
    /** The reference's default budgets, in its order. */
    static final Map<String, Double> DEFAULT_BUDGETS_MS = defaultBudgets();

    static final String CLAIM_BOUNDARY = "These checkout-safe budgets detect local regressions only. They are not a"
            + " public leaderboard, cross-machine performance claim, or optional-runtime benchmark.";

    private final Map<String, Double> budgets;
    private final Path fixture;
    private final Clock clock;

    CorePerformanceCheck(Map<String, Double> budgets, Path fixture, Clock clock) {
        this.budgets = budgets.isEmpty() ? DEFAULT_BUDGETS_MS : Map.copyOf(budgets);
        this.fixture = fixture;
        this.clock = clock;
    }

    private static Map<String, Double> defaultBudgets() {
        Map<String, Double> budgets = new LinkedHashMap<>();
        budgets.put("world_persistence", 250.0);
        budgets.put("benchmark_fixture_loading", 100.0);
        budgets.put("provider_catalog_diagnostics", 250.0);
        budgets.put("evidence_bundle_creation", 500.0);
        budgets.put("report_rendering", 250.0);
        return java.util.Collections.unmodifiableMap(budgets);
    }

    /** Command-line entry point. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err, Path.of("").toAbsolutePath(), Clock.systemUTC()));
    }

    /** Runs with arguments, resolving relative paths against {@code cwd}; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Path cwd, Clock clock) {
        String budgetFile = null;
        String output = null;
        String workspace = null;
        String fixture = "examples/benchmark-inputs.json";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println("usage: core-performance [--budget-file F] [--output P] [--workspace-dir D] [--fixture F]");
                return 0;
            }
            if (i + 1 >= args.length
                    || !List.of("--budget-file", "--output", "--workspace-dir", "--fixture")
                            .contains(arg)) {
                err.println("core-performance: error: unrecognized or incomplete argument: " + arg);
                return 2;
            }
            String value = args[++i];
            switch (arg) {
                case "--budget-file" -> budgetFile = value;
                case "--output" -> output = value;
                case "--workspace-dir" -> workspace = value;
                default -> fixture = value;
            }
        }
        Map<String, Double> budgets;
        try {
            budgets = budgetFile == null ? Map.of() : loadBudgets(cwd.resolve(budgetFile));
        } catch (WorldForgeException e) {
            err.println(e.getMessage());
            return 2;
        }
        CorePerformanceCheck check = new CorePerformanceCheck(budgets, cwd.resolve(fixture), clock);
        JsonObject payload =
                workspace == null ? check.runInTemporaryDirectory() : check.runPreserved(cwd.resolve(workspace));
        String text = Json.writePretty(payload);
        if (output != null) {
            try {
                Path target = cwd.resolve(output);
                Files.createDirectories(target.toAbsolutePath().getParent());
                AtomicFiles.writeString(target, text + "\n");
            } catch (IOException e) {
                err.println("core-performance: cannot write " + output + ": " + e.getMessage());
                return 2;
            }
        } else {
            out.println(text);
        }
        return ((JsonBool) payload.get("passed")).value() ? 0 : 1;
    }

    /**
     * A budget file: a JSON object of operation name to a finite, non-negative number of
     * milliseconds; an empty object falls back to the defaults.
     */
    static Map<String, Double> loadBudgets(Path path) {
        JsonValue payload;
        try {
            payload = Json.parse(BoundedFiles.readUtf8(path, BoundedFiles.DEFAULT_DOCUMENT_BYTES));
        } catch (IOException e) {
            throw new WorldForgeException("Failed to read core performance budget file " + path + ": " + e, e);
        } catch (JsonSyntaxException e) {
            throw new WorldForgeException("core performance budget file must contain valid JSON: " + e.getMessage(), e);
        }
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException("core performance budget file must be a JSON object");
        }
        Map<String, Double> budgets = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : object.members().entrySet()) {
            double value;
            if (entry.getValue() instanceof JsonInt i) {
                value = i.value().doubleValue();
            } else if (entry.getValue() instanceof JsonFloat f) {
                value = f.value();
            } else {
                value = Double.NaN;
            }
            if (!Double.isFinite(value) || value < 0) {
                throw new WorldForgeException(
                        "core performance budgets must map operation names to finite non-negative ms");
            }
            budgets.put(entry.getKey(), value);
        }
        return budgets;
    }

    JsonObject runInTemporaryDirectory() {
        Path directory;
        try {
            directory = Files.createTempDirectory("worldforge-core-perf-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return run(directory, false);
        } finally {
            deleteTree(directory);
        }
    }

    JsonObject runPreserved(Path workspace) {
        Path resolved = workspace.toAbsolutePath().normalize();
        try {
            Files.createDirectories(resolved);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonObject payload = run(resolved, true);
        try {
            AtomicFiles.writeString(resolved.resolve("core-performance.json"), Json.writePretty(payload) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return payload;
    }

    /**
     * The classes the five paths use, loaded and initialised before anything is timed: the
     * counterpart of the reference script importing its modules before it starts its timers
     * (Python pays for imports up front, the JVM on first use). Nothing is executed.
     */
    private static final List<String> IMPORTS = List.of(
            "ai.worldforge.WorldForge",
            "ai.worldforge.World",
            "ai.worldforge.store.LocalJsonWorldStore",
            "ai.worldforge.json.Json",
            "ai.worldforge.json.CanonicalJsonWriter",
            "ai.worldforge.model.WorldState",
            "ai.worldforge.model.WorldStateCodec",
            "ai.worldforge.benchmark.BenchmarkInputs",
            "ai.worldforge.DoctorReport",
            "ai.worldforge.provider.ProviderCatalog",
            "ai.worldforge.runs.RunWorkspaces",
            "ai.worldforge.runs.EvidenceBundles",
            "ai.worldforge.evaluation.EvaluationSuite",
            "ai.worldforge.evaluation.BuiltinSuites",
            "ai.worldforge.evaluation.EvaluationReport",
            "ai.worldforge.trace.ProvenanceEnvelope",
            "ai.worldforge.trace.WorkflowTrace",
            "ai.worldforge.report.HtmlDocument");

    static void importModules() {
        ClassLoader loader = CorePerformanceCheck.class.getClassLoader();
        for (String name : IMPORTS) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("core class missing from the distribution: " + name, e);
            }
        }
    }

    private JsonObject run(Path workspace, boolean preserve) {
        importModules();
        List<JsonObject> results = new ArrayList<>();
        results.add(measure("world_persistence", () -> worldPersistence(workspace)));
        results.add(measure("benchmark_fixture_loading", this::fixtureLoading));
        results.add(measure("provider_catalog_diagnostics", () -> catalogDiagnostics(workspace)));
        results.add(measure("evidence_bundle_creation", () -> evidenceBundle(workspace)));
        results.add(measure("report_rendering", () -> reportRendering(workspace)));
        boolean passed = results.stream().allMatch(r -> ((JsonBool) r.get("passed")).value());
        return JsonObject.builder(5)
                .put("schema_version", JsonInt.of(1))
                .put("passed", JsonBool.of(passed))
                .put("preserved_workspace", preserve ? JsonString.of(workspace.toString()) : JsonNull.INSTANCE)
                .put("results", JsonArray.copyOf(results))
                .put("claim_boundary", JsonString.of(CLAIM_BOUNDARY))
                .build();
    }

    /** One timed path: {@code {name, duration_ms (3 decimals), budget_ms|null, passed, artifact_path}}. */
    private JsonObject measure(String name, java.util.function.Supplier<String> operation) {
        long started = System.nanoTime();
        String artifact = operation.get();
        double duration = Math.round((System.nanoTime() - started) / 1_000.0) / 1_000.0;
        Double budget = budgets.get(name);
        return JsonObject.builder(5)
                .put("name", JsonString.of(name))
                .put("duration_ms", JsonFloat.of(duration))
                .put("budget_ms", budget == null ? JsonNull.INSTANCE : JsonFloat.of(budget))
                .put("passed", JsonBool.of(budget == null || duration <= budget))
                .put("artifact_path", JsonString.of(artifact))
                .build();
    }

    private static WorldForge forge(Path stateDir) {
        return WorldForge.builder()
                .stateDir(stateDir)
                .environment(Environment.of(Map.of()))
                .build();
    }

    private static String worldPersistence(Path workspace) {
        WorldForge forge = forge(workspace.resolve("worlds"));
        World world = forge.createWorldFromPrompt("A table with one cube", "mock", "perf");
        forge.saveWorld(world);
        World reloaded = forge.loadWorld(world.id());
        if (!reloaded.id().equals(world.id())) {
            throw new IllegalStateException("world persistence reload mismatch");
        }
        return workspace.resolve("worlds").resolve(world.id() + ".json").toString();
    }

    private String fixtureLoading() {
        try {
            BenchmarkInputs inputs = BenchmarkInputs.fromJson(
                    Json.parse(BoundedFiles.readUtf8(fixture, BoundedFiles.DEFAULT_DOCUMENT_BYTES)),
                    fixture.toAbsolutePath().getParent());
            if (inputs.embeddingText().isEmpty()) {
                throw new IllegalStateException("benchmark fixture did not load");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixture.toString();
    }

    private static String catalogDiagnostics(Path workspace) {
        DoctorReport report = forge(workspace.resolve("doctor-worlds")).doctor(null, true);
        if (report.providerCount() < 1) {
            throw new IllegalStateException("doctor returned no providers");
        }
        Path path = workspace.resolve("doctor-report.json");
        try {
            AtomicFiles.writeString(path, Json.writePretty(report.toJsonObject()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path.toString();
    }

    private String evidenceBundle(Path workspace) {
        String command = "worldforge benchmark --provider mock";
        JsonObject inputs = JsonObject.of("provider", JsonString.of("mock"));
        RunWorkspace run = RunWorkspaces.create(
                workspace,
                RunIds.create(clock),
                "benchmark",
                command,
                Optional.of("mock"),
                Optional.of("benchmark"),
                inputs);
        JsonObject status = JsonObject.of("status", JsonString.of("passed"));
        run.writeJson(
                "reports/report.json",
                JsonObject.of("schema_version", JsonInt.of(1), "status", JsonString.of("passed")));
        RunWorkspaces.writeManifest(
                run,
                RunManifest.builder(run.runId(), "benchmark", command, RunStatus.COMPLETED)
                        .provider("mock")
                        .operation("benchmark")
                        .inputSummary(inputs)
                        .resultSummary(status)
                        .build());
        return EvidenceBundles.generate(
                        workspace,
                        workspace.resolve("evidence-bundle"),
                        EvidenceBundleOptions.builder(clock)
                                .overwrite(true)
                                .includeFixtureDigests(false)
                                .build())
                .manifestPath()
                .toString();
    }

    private static String reportRendering(Path workspace) {
        EvaluationReport report = EvaluationSuite.fromBuiltin("planning")
                .runReport(List.of("mock"), forge(workspace.resolve("report-worlds")));
        String markdown = report.toMarkdown();
        if (!markdown.contains("# Evaluation Report")) {
            throw new IllegalStateException("evaluation report renderer returned unexpected Markdown");
        }
        Path path = workspace.resolve("report.md");
        try {
            Files.writeString(path, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path.toString();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temporary directory is harmless; the verdict is already computed.
        }
    }
}
