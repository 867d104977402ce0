package ai.worldforge.server.batch;

import ai.worldforge.WorldForge;
import ai.worldforge.benchmark.BenchmarkBudget;
import ai.worldforge.benchmark.BenchmarkGateReport;
import ai.worldforge.benchmark.BenchmarkInputs;
import ai.worldforge.benchmark.BenchmarkReport;
import ai.worldforge.benchmark.ProviderBenchmarkHarness;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.evaluation.EvaluationReport;
import ai.worldforge.evaluation.EvaluationSuite;
import ai.worldforge.internal.AtomicTextFiles;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.ErrorText;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Environment;
import ai.worldforge.runs.RunIds;
import ai.worldforge.runs.RunPreservation;
import ai.worldforge.runs.RunWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The batch-eval host's jobs as a library (the reference's {@code run_eval_job} and {@code
 * run_benchmark_job}): each runs, preserves a run workspace under {@code <workspace>/runs/<run-id>/}
 * and returns the JSON summary the host prints. Inputs are validated and input/budget files read
 * before the forge (and so its state directory) or the run workspace is created, so a bad file or
 * option leaves nothing on disk.
 *
 * <p>Stateless and thread-safe; the clock (run ids) and the provider environment are injected.
 */
public final class BatchEval {
    /** The host's name in recorded commands: {@code worldforge-batch-eval}. */
    public static final String COMMAND = "worldforge-batch-eval";

    /** Where a copied benchmark input file goes inside the run. */
    public static final String INPUT_COPY = "inputs/benchmark-inputs.json";

    /** Where a copied benchmark budget file goes inside the run. */
    public static final String BUDGET_COPY = "inputs/benchmark-budget.json";

    private final Path stateDir;
    private final Environment environment;
    private final Clock clock;

    /**
     * A job runner.
     *
     * @param stateDir the forge's world directory (created when a job builds its forge)
     * @param environment where provider configuration is read (the launcher passes the process
     *     environment, so configured remote providers register as in the reference)
     * @param clock the clock run ids are derived from
     */
    public BatchEval(Path stateDir, Environment environment, Clock clock) {
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs built-in suite {@code suite} on {@code providers} and preserves an {@code eval} run.
     *
     * @param workspaceDir the workspace root receiving {@code runs/<run-id>/}
     * @param workspaceLabel the workspace as typed, for the recorded command
     * @return {@code {kind: "eval", status: "passed", exit_code: 0, run_id, run_workspace,
     *     run_manifest, report_paths, summary}}
     * @throws WorldForgeException for an unknown suite or provider (nothing preserved)
     */
    public JsonObject runEval(String suite, List<String> providers, Path workspaceDir, String workspaceLabel) {
        List<String> names = List.copyOf(providers);
        EvaluationSuite evaluation = EvaluationSuite.fromBuiltin(suite);
        WorldForge forge = forge();
        EvaluationReport report = evaluation.runReport(names, forge);
        List<String> command = new ArrayList<>(List.of(COMMAND, "eval", "--suite", suite));
        repeat(command, "--provider", names);
        command.addAll(List.of("--workspace", workspaceLabel));
        RunWorkspace workspace = RunPreservation.preserveEval(
                workspaceDir,
                RunIds.create(clock),
                suite,
                names,
                report.artifacts(),
                report,
                String.join(" ", command),
                Optional.empty());
        JsonObject manifest = readManifest(workspace);
        return JsonObject.builder()
                .put("kind", JsonString.of("eval"))
                .put("status", JsonString.of("passed"))
                .put("exit_code", JsonInt.of(0))
                .put("run_id", JsonString.of(workspace.runId()))
                .put("run_workspace", JsonString.of(workspace.path().toString()))
                .put("run_manifest", JsonString.of(workspace.manifestPath().toString()))
                .put("report_paths", member(manifest, "artifact_paths"))
                .put("summary", member(manifest, "result_summary"))
                .build();
    }

    /**
     * What a benchmark job runs.
     *
     * @param providers provider names (non-empty)
     * @param operations requested operations; empty for every operation each provider supports
     * @param iterations iterations per operation (greater than 0)
     * @param concurrency concurrent calls (greater than 0)
     * @param inputFile optional benchmark input JSON
     * @param budgetFile optional budget JSON; a failing gate makes the job fail (exit code 1)
     */
    public record BenchmarkJob(
            List<String> providers,
            List<String> operations,
            int iterations,
            int concurrency,
            Optional<Path> inputFile,
            Optional<Path> budgetFile) {
        /** Copies the lists. */
        public BenchmarkJob {
            providers = List.copyOf(providers);
            operations = List.copyOf(operations);
            Objects.requireNonNull(inputFile, "inputFile");
            Objects.requireNonNull(budgetFile, "budgetFile");
        }
    }

    /**
     * Runs a provider benchmark and preserves a {@code benchmark} run; copies the input and budget
     * files into {@code inputs/} and adds {@code input_file} / {@code budget_file} to the manifest's
     * {@code artifact_paths}.
     *
     * @return {@code {kind: "benchmark", status, exit_code, run_id, run_workspace, run_manifest,
     *     report_paths, summary, budget, input_file, budget_file}}; status {@code failed} and exit
     *     code 1 exactly when the budget gate failed
     * @throws WorldForgeException {@code Failed to read benchmark input file <p>: …}, {@code
     *     Benchmark input file must contain valid JSON: …} (and the budget-file equivalents), bad
     *     inputs, budgets, iterations, concurrency, operations or providers — all before anything
     *     is written
     */
    public JsonObject runBenchmark(BenchmarkJob job, Path workspaceDir, String workspaceLabel) {
        Optional<LoadedFile> input = job.inputFile().map(path -> LoadedFile.read(path, "input"));
        BenchmarkInputs inputs = input.map(file -> BenchmarkInputs.fromJson(
                        file.payload(), file.path().toAbsolutePath().getParent()))
                .orElseGet(BenchmarkInputs::defaults);
        Optional<LoadedFile> budget = job.budgetFile().map(path -> LoadedFile.read(path, "budget"));
        List<BenchmarkBudget> budgets =
                budget.map(file -> BenchmarkBudget.parseAll(file.payload())).orElse(List.of());

        WorldForge forge = forge();
        BenchmarkReport raw = new ProviderBenchmarkHarness(forge)
                .run(job.providers(), job.operations(), job.iterations(), job.concurrency(), inputs, null);
        JsonObject metadata = raw.runMetadata();
        if (input.isPresent()) {
            metadata = metadata.with("input_file", input.get().summary());
        }
        if (budget.isPresent()) {
            metadata = metadata.with("budget_file", budget.get().summary());
        }
        BenchmarkReport report = new BenchmarkReport(raw.results(), metadata, raw.provenance());
        Optional<BenchmarkGateReport> gate =
                budget.isPresent() ? Optional.of(report.evaluateBudgets(budgets)) : Optional.empty();

        List<String> command = new ArrayList<>(List.of(COMMAND, "benchmark"));
        repeat(command, "--provider", job.providers());
        repeat(command, "--operation", job.operations());
        command.addAll(List.of(
                "--iterations",
                Integer.toString(job.iterations()),
                "--concurrency",
                Integer.toString(job.concurrency()),
                "--workspace",
                workspaceLabel));
        RunWorkspace workspace = RunPreservation.preserveBenchmark(
                workspaceDir,
                RunIds.create(clock),
                job.providers(),
                job.operations(),
                report.artifacts(),
                report,
                String.join(" ", command),
                gate.map(BenchmarkGateReport::passed),
                Optional.empty());

        Map<String, String> copied = new LinkedHashMap<>();
        input.ifPresent(file -> copied.put("input_file", copyInto(workspace, INPUT_COPY, file.bytes())));
        budget.ifPresent(file -> copied.put("budget_file", copyInto(workspace, BUDGET_COPY, file.bytes())));
        JsonObject manifest = readManifest(workspace);
        if (!copied.isEmpty()) {
            manifest = attachArtifacts(workspace, manifest, copied);
        }

        boolean passed = gate.map(BenchmarkGateReport::passed).orElse(true);
        return JsonObject.builder()
                .put("kind", JsonString.of("benchmark"))
                .put("status", JsonString.of(passed ? "passed" : "failed"))
                .put("exit_code", JsonInt.of(passed ? 0 : 1))
                .put("run_id", JsonString.of(workspace.runId()))
                .put("run_workspace", JsonString.of(workspace.path().toString()))
                .put("run_manifest", JsonString.of(workspace.manifestPath().toString()))
                .put("report_paths", member(manifest, "artifact_paths"))
                .put("summary", member(manifest, "result_summary"))
                .put("budget", gate.<JsonValue>map(BenchmarkGateReport::toJson).orElse(JsonNull.INSTANCE))
                .put("input_file", input.<JsonValue>map(LoadedFile::summary).orElse(JsonNull.INSTANCE))
                .put("budget_file", budget.<JsonValue>map(LoadedFile::summary).orElse(JsonNull.INSTANCE))
                .build();
    }

    private WorldForge forge() {
        return WorldForge.builder().stateDir(stateDir).environment(environment).build();
    }

    private static void repeat(List<String> command, String flag, List<String> values) {
        for (String value : values) {
            command.add(flag);
            command.add(value);
        }
    }

    private static JsonValue member(JsonObject manifest, String key) {
        JsonValue value = manifest.get(key);
        return value == null ? JsonObject.EMPTY : value;
    }

    private static JsonObject readManifest(RunWorkspace workspace) {
        JsonValue payload;
        try {
            payload = Json.parse(Files.readString(workspace.manifestPath(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException(
                    "run manifest at " + workspace.manifestPath() + " must contain a JSON object.");
        }
        return object;
    }

    /** Adds {@code copied} to the manifest's {@code artifact_paths} and rewrites it atomically. */
    private static JsonObject attachArtifacts(RunWorkspace workspace, JsonObject manifest, Map<String, String> copied) {
        JsonObject.Builder paths = JsonObject.builder();
        if (manifest.get("artifact_paths") instanceof JsonObject existing) {
            existing.members().forEach(paths::put);
        }
        copied.forEach((label, path) -> paths.put(label, JsonString.of(path)));
        JsonObject patched = manifest.with("artifact_paths", paths.build());
        writeAtomically(workspace.manifestPath(), (Json.writePretty(patched) + "\n").getBytes(StandardCharsets.UTF_8));
        return patched;
    }

    private static String copyInto(RunWorkspace workspace, String relativePath, byte[] bytes) {
        writeAtomically(workspace.resolveChild(relativePath), bytes);
        return relativePath;
    }

    /**
     * Writes a temporary file next to {@code target}, then moves it into place atomically, with the
     * default file mode of every file WorldForge writes.
     */
    static void writeAtomically(Path target, byte[] bytes) {
        try {
            AtomicTextFiles.writeCreatingParents(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A benchmark input or budget file read before anything runs: the raw bytes (copied verbatim
     * into the run), the absolute path, the bare SHA-256 hex of its text and the parsed payload.
     */
    private record LoadedFile(Path path, byte[] bytes, String sha256, JsonValue payload) {
        static LoadedFile read(Path path, String kind) {
            byte[] bytes;
            try {
                bytes = BoundedFiles.readBytes(path, BoundedFiles.DEFAULT_DOCUMENT_BYTES);
            } catch (IOException | RuntimeException e) {
                throw new WorldForgeException(
                        "Failed to read benchmark " + kind + " file " + path + ": "
                                + ErrorText.pythonReadError(e, path, path.toString()),
                        e);
            }
            // Python's read_text: UTF-8 with universal newlines; the digest is of that text.
            String text = new String(bytes, StandardCharsets.UTF_8)
                    .replace("\r\n", "\n")
                    .replace('\r', '\n');
            JsonValue payload;
            try {
                payload = Json.parse(text);
            } catch (JsonSyntaxException e) {
                throw new WorldForgeException(
                        "Benchmark " + kind + " file must contain valid JSON: " + e.getMessage(), e);
            }
            return new LoadedFile(path.toAbsolutePath().normalize(), bytes, sha256(text), payload);
        }

        JsonObject summary() {
            JsonObject metadata = payload instanceof JsonObject object && object.get("metadata") instanceof JsonObject m
                    ? m
                    : JsonObject.EMPTY;
            return JsonObject.builder(3)
                    .put("path", JsonString.of(path.toString()))
                    .put("sha256", JsonString.of(sha256))
                    .put("metadata", metadata)
                    .build();
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
}
