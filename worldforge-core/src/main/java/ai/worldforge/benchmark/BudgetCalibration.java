package ai.worldforge.benchmark;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.AtomicTextFiles;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.ErrorText;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.internal.Sha256Hex;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Candidate benchmark budgets from preserved benchmark reports (the reference's {@code
 * benchmark_calibration}, schema 1). Each report result becomes a candidate budget whose latency
 * thresholds get {@code headroom} added and whose throughput floor gets it taken off, with a
 * baseline context and a per-threshold diff against the current budget file for human review.
 * The current budget file is never modified.
 *
 * <p>Every input is validated before anything is written; with an output directory, {@code
 * budget-calibration.json} and {@code candidate-budgets.json} (sorted, indented JSON) and {@code
 * budget-calibration.md} are written atomically. Stateless; the clock, environment, working
 * directory and runtime description come from {@link Options}.
 */
public final class BudgetCalibration {
    /** Calibration payload schema version. */
    public static final int SCHEMA_VERSION = 1;

    /** Default relative headroom. */
    public static final double DEFAULT_HEADROOM_RATIO = 0.25;

    /** Default rationale copied into each diff row. */
    public static final String DEFAULT_RATIONALE = "review required before applying candidate budget";

    /** File name of the full calibration payload. */
    public static final String CALIBRATION_FILE = "budget-calibration.json";

    /** File name of the candidate budget file (loadable as a {@code --budget-file}). */
    public static final String CANDIDATE_FILE = "candidate-budgets.json";

    /** File name of the human review report. */
    public static final String MARKDOWN_FILE = "budget-calibration.md";

    private static final List<String> THRESHOLD_FIELDS = List.of(
            "min_success_rate",
            "max_error_count",
            "max_retry_count",
            "max_average_latency_ms",
            "max_p95_latency_ms",
            "min_throughput_per_second");
    private static final Map<String, String> OBSERVED_FIELDS = Map.of(
            "max_error_count", "error_count",
            "max_retry_count", "retry_count",
            "max_average_latency_ms", "average_latency_ms",
            "max_p95_latency_ms", "p95_latency_ms",
            "min_throughput_per_second", "throughput_per_second");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private BudgetCalibration() {}

    /**
     * What a calibration produced.
     *
     * @param payload the calibration payload
     * @param outputDir where the files were written, if anywhere
     * @param calibrationPath {@value #CALIBRATION_FILE}, when written
     * @param candidateBudgetPath {@value #CANDIDATE_FILE}, when written
     * @param markdownPath {@value #MARKDOWN_FILE}, when written
     */
    public record Result(
            JsonObject payload,
            Optional<Path> outputDir,
            Optional<Path> calibrationPath,
            Optional<Path> candidateBudgetPath,
            Optional<Path> markdownPath) {

        /** Checks for nulls. */
        public Result {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(outputDir, "outputDir");
            Objects.requireNonNull(calibrationPath, "calibrationPath");
            Objects.requireNonNull(candidateBudgetPath, "candidateBudgetPath");
            Objects.requireNonNull(markdownPath, "markdownPath");
        }
    }

    /**
     * Calibration inputs. Build with {@link #builder(List)}.
     *
     * @param reportPaths preserved benchmark report JSON files (at least one)
     * @param currentBudgetPath the budget file to diff against (read only)
     * @param outputDir where to write the three files
     * @param overwrite whether an existing {@code outputDir} may be replaced
     * @param headroomRatio relative headroom in [0, 10]
     * @param machineClass machine class label; else {@code WORLDFORGE_MACHINE_CLASS}, else {@code unknown}
     * @param rationale non-blank rationale copied into each diff row
     * @param environment environment variables ({@code WORLDFORGE_MACHINE_CLASS})
     * @param clock source of {@code generated_at}
     * @param workingDirectory base for displayed relative paths
     * @param runtimeVersion recorded as {@code python_version} in the baseline context
     * @param platform recorded as {@code platform} in the baseline context
     */
    public record Options(
            List<Path> reportPaths,
            Optional<Path> currentBudgetPath,
            Optional<Path> outputDir,
            boolean overwrite,
            double headroomRatio,
            Optional<String> machineClass,
            String rationale,
            Map<String, String> environment,
            Clock clock,
            Path workingDirectory,
            String runtimeVersion,
            String platform) {

        /** Copies collections and checks for nulls. */
        public Options {
            reportPaths = List.copyOf(reportPaths);
            Objects.requireNonNull(currentBudgetPath, "currentBudgetPath");
            Objects.requireNonNull(outputDir, "outputDir");
            Objects.requireNonNull(machineClass, "machineClass");
            Objects.requireNonNull(rationale, "rationale");
            environment = Map.copyOf(environment);
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(workingDirectory, "workingDirectory");
            Objects.requireNonNull(runtimeVersion, "runtimeVersion");
            Objects.requireNonNull(platform, "platform");
        }

        /** A builder over {@code reportPaths} with the reference's defaults. */
        public static Builder builder(List<Path> reportPaths) {
            return new Builder(reportPaths);
        }
    }

    /** Builder of {@link Options}; not thread-safe. */
    public static final class Builder {
        private final List<Path> reportPaths;
        private Optional<Path> currentBudgetPath = Optional.empty();
        private Optional<Path> outputDir = Optional.empty();
        private boolean overwrite;
        private double headroomRatio = DEFAULT_HEADROOM_RATIO;
        private Optional<String> machineClass = Optional.empty();
        private String rationale = DEFAULT_RATIONALE;
        private Map<String, String> environment = Map.of();
        private Clock clock = Clock.systemUTC();
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private String runtimeVersion = "java " + Runtime.version();
        private String platform = System.getProperty("os.name", "unknown") + "-"
                + System.getProperty("os.version", "unknown") + "-" + System.getProperty("os.arch", "unknown");

        private Builder(List<Path> reportPaths) {
            this.reportPaths = List.copyOf(reportPaths);
        }

        /** The budget file to diff against. */
        public Builder currentBudget(Path value) {
            currentBudgetPath = Optional.of(value);
            return this;
        }

        /** Where to write the calibration files. */
        public Builder outputDir(Path value) {
            outputDir = Optional.of(value);
            return this;
        }

        /** Whether an existing output directory may be replaced. */
        public Builder overwrite(boolean value) {
            overwrite = value;
            return this;
        }

        /** Relative headroom (default 0.25). */
        public Builder headroomRatio(double value) {
            headroomRatio = value;
            return this;
        }

        /** Machine class label. */
        public Builder machineClass(String value) {
            machineClass = Optional.of(value);
            return this;
        }

        /** Review rationale. */
        public Builder rationale(String value) {
            rationale = value;
            return this;
        }

        /** Environment variables (for {@code WORLDFORGE_MACHINE_CLASS}). */
        public Builder environment(Map<String, String> value) {
            environment = value;
            return this;
        }

        /** Clock for {@code generated_at}. */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /** Base directory for displayed relative paths (default: the working directory). */
        public Builder workingDirectory(Path value) {
            workingDirectory = value;
            return this;
        }

        /** Runtime version recorded in the baseline context. */
        public Builder runtimeVersion(String value) {
            runtimeVersion = value;
            return this;
        }

        /** Platform description recorded in the baseline context. */
        public Builder platform(String value) {
            platform = value;
            return this;
        }

        /** The options. */
        public Options build() {
            return new Options(
                    reportPaths,
                    currentBudgetPath,
                    outputDir,
                    overwrite,
                    headroomRatio,
                    machineClass,
                    rationale,
                    environment,
                    clock,
                    workingDirectory,
                    runtimeVersion,
                    platform);
        }
    }

    private record LoadedReport(
            String path,
            String sha256,
            JsonObject payload,
            String command,
            JsonValue worldforgeVersion,
            JsonValue inputDigest,
            JsonValue budgetFile) {}

    /**
     * Calibrates candidate budgets and, with an output directory, writes the three files.
     *
     * @throws WorldForgeException {@code At least one benchmark report path is required for
     *     calibration.}, {@code headroom_ratio must be between 0.0 and 10.0.}, {@code rationale
     *     must be a non-empty string.}, {@code Current budget file not found|must be UTF-8
     *     JSON|contains invalid JSON: <path>}, {@code Benchmark report not found|must be UTF-8
     *     JSON|contains invalid JSON|must contain a JSON object|must contain non-empty results:
     *     <path>}, a result message, or {@code output directory already exists: <dir>}
     */
    public static Result calibrate(Options options) {
        if (options.reportPaths().isEmpty()) {
            throw new WorldForgeException("At least one benchmark report path is required for calibration.");
        }
        double headroom = headroom(options.headroomRatio());
        String rationale = requiredText(JsonString.of(options.rationale()), "rationale");
        List<BenchmarkBudget> currentBudgets = List.of();
        JsonValue currentDigest = JsonNull.INSTANCE;
        if (options.currentBudgetPath().isPresent()) {
            Path budgetPath = resolve(options.currentBudgetPath().get(), options.workingDirectory());
            byte[] data = readBytes(budgetPath, "Current budget file");
            JsonValue payload = parseJson(data, budgetPath, "Current budget file");
            currentBudgets = BenchmarkBudget.parseAll(payload);
            currentDigest = JsonString.of(Sha256Hex.prefixed(data));
        }
        List<LoadedReport> reports = new ArrayList<>();
        for (Path path : options.reportPaths()) {
            reports.add(loadReport(path, options.workingDirectory()));
        }
        String machineClass = options.machineClass()
                .filter(value -> !value.isEmpty())
                .or(() -> Optional.ofNullable(options.environment().get("WORLDFORGE_MACHINE_CLASS"))
                        .filter(value -> !value.isEmpty()))
                .orElse("unknown");

        List<JsonObject> candidates = new ArrayList<>();
        List<JsonValue> baselines = new ArrayList<>();
        List<JsonValue> diffs = new ArrayList<>();
        for (LoadedReport report : reports) {
            JsonObject provenance = asObject(report.payload().get("provenance"));
            JsonObject runMetadata = asObject(report.payload().get("run_metadata"));
            for (JsonValue item :
                    (JsonArray) Objects.requireNonNull(report.payload().get("results"))) {
                if (!(item instanceof JsonObject result)) {
                    throw new WorldForgeException("Benchmark report results must contain JSON objects.");
                }
                JsonObject candidate = candidateBudget(result, headroom);
                BenchmarkBudget.fromJson(candidate);
                candidates.add(candidate);
                baselines.add(baselineContext(result, report, provenance, runMetadata, machineClass, options));
                diffs.addAll(budgetDiffs(candidate, result, currentBudgets, rationale));
            }
        }
        String generatedAt = options.clock()
                        .instant()
                        .truncatedTo(ChronoUnit.SECONDS)
                        .atOffset(ZoneOffset.UTC)
                        .format(SECONDS)
                + "+00:00";
        JsonObject candidateBudgets = JsonObject.builder(2)
                .put(
                        "metadata",
                        JsonObject.builder(8)
                                .put("schema_version", SCHEMA_VERSION)
                                .put("generated_by", "worldforge.benchmark_calibration")
                                .put("generated_at", generatedAt)
                                .put("headroom_ratio", headroom)
                                .put("rationale", rationale)
                                .put(
                                        "source_report_digests",
                                        JsonArray.copyOf(reports.stream()
                                                .map(r -> (JsonValue) JsonString.of(r.sha256()))
                                                .toList()))
                                .put("current_budget_digest", currentDigest)
                                .put("review_required", true)
                                .build())
                .put("budgets", JsonArray.copyOf(dedupe(candidates)))
                .build();
        BenchmarkBudget.parseAll(candidateBudgets);
        List<JsonValue> sourceReports = new ArrayList<>();
        for (LoadedReport report : reports) {
            sourceReports.add(JsonObject.builder(6)
                    .put("path", report.path())
                    .put("sha256", report.sha256())
                    .put("command", report.command())
                    .put("worldforge_version", report.worldforgeVersion())
                    .put("input_digest", report.inputDigest())
                    .put("budget_file", report.budgetFile())
                    .build());
        }
        JsonObject payload = JsonObject.builder(11)
                .put("schema_version", SCHEMA_VERSION)
                .put("generated_at", generatedAt)
                .put("headroom_ratio", headroom)
                .put("review_required", true)
                .put("rationale", rationale)
                .putNullable(
                        "current_budget_path",
                        options.currentBudgetPath()
                                .map(p -> displayPath(p, options.workingDirectory()))
                                .orElse(null))
                .put("current_budget_digest", currentDigest)
                .put("source_reports", JsonArray.copyOf(sourceReports))
                .put("baseline_context", JsonArray.copyOf(baselines))
                .put("candidate_budgets", candidateBudgets)
                .put("diffs", JsonArray.copyOf(diffs))
                .build();
        Json.write(payload);
        if (options.outputDir().isEmpty()) {
            return new Result(payload, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        return write(
                payload, candidateBudgets, resolve(options.outputDir().get(), options.workingDirectory()), options);
    }

    /** The human review report ({@code # Benchmark Budget Calibration}), ending with a newline. */
    public static String toMarkdown(JsonObject payload) {
        List<String> lines = new ArrayList<>(List.of(
                "# Benchmark Budget Calibration",
                "",
                "- Schema version: `" + str(payload.get("schema_version")) + "`",
                "- Generated at: `" + str(payload.get("generated_at")) + "`",
                "- Headroom ratio: `" + str(payload.get("headroom_ratio")) + "`",
                "- Review required: `" + str(payload.get("review_required")).toLowerCase(java.util.Locale.ROOT) + "`",
                "- Rationale: " + str(payload.get("rationale")),
                "- Current budget: `" + orDash(payload.get("current_budget_path")) + "`",
                "- Current budget digest: `" + orDash(payload.get("current_budget_digest")) + "`",
                "",
                "## Source Reports",
                "",
                "| Report | SHA256 | Command | Input digest |",
                "| --- | --- | --- | --- |"));
        for (JsonValue item : array(payload.get("source_reports"))) {
            JsonObject report = asObject(item);
            lines.add("| `" + str(report.get("path")) + "` | `" + str(report.get("sha256")) + "` | `"
                    + orDash(report.get("command")) + "` | `" + orDash(report.get("input_digest")) + "` |");
        }
        lines.addAll(List.of(
                "",
                "## Baseline Context",
                "",
                "| Provider | Operation | Samples | Machine class | Python | Fixture digest | Source report |",
                "| --- | --- | ---: | --- | --- | --- | --- |"));
        for (JsonValue item : array(payload.get("baseline_context"))) {
            JsonObject baseline = asObject(item);
            lines.add("| " + str(baseline.get("provider")) + " | " + str(baseline.get("operation")) + " | "
                    + str(baseline.get("sample_count")) + " | " + str(baseline.get("machine_class")) + " | "
                    + str(baseline.get("python_version")) + " | `" + orDash(baseline.get("input_fixture_digest"))
                    + "` | `" + str(baseline.get("source_report")) + "` |");
        }
        lines.addAll(List.of(
                "",
                "## Candidate Diffs",
                "",
                "| Provider | Operation | Metric | Old threshold | Candidate threshold | Observed baseline | Rationale |",
                "| --- | --- | --- | ---: | ---: | ---: | --- |"));
        for (JsonValue item : array(payload.get("diffs"))) {
            JsonObject diff = asObject(item);
            lines.add("| " + str(diff.get("provider")) + " | " + str(diff.get("operation")) + " | "
                    + str(diff.get("metric")) + " | " + diffValue(diff.get("old_threshold")) + " | "
                    + diffValue(diff.get("candidate_threshold")) + " | " + diffValue(diff.get("observed_baseline"))
                    + " | " + str(diff.get("rationale")) + " |");
        }
        lines.addAll(List.of(
                "",
                "## Human Review Required",
                "",
                "Candidate budgets are review artifacts. Do not replace release budget files until the source report,"
                        + " machine class, input fixture digest, old threshold, candidate threshold, observed baseline,"
                        + " and rationale have been reviewed. Threshold loosening must reference preserved run"
                        + " artifacts.",
                ""));
        return String.join("\n", lines);
    }

    // ------------------------------------------------------------------------------------------

    private static Result write(JsonObject payload, JsonObject candidateBudgets, Path output, Options options) {
        try {
            if (Files.exists(output)) {
                if (!options.overwrite()) {
                    throw new WorldForgeException("output directory already exists: " + output);
                }
                deleteTree(output);
            }
            Files.createDirectories(output);
            Path calibration = output.resolve(CALIBRATION_FILE);
            Path candidates = output.resolve(CANDIDATE_FILE);
            Path markdown = output.resolve(MARKDOWN_FILE);
            AtomicTextFiles.write(calibration, Json.writePretty(payload) + "\n");
            AtomicTextFiles.write(candidates, Json.writePretty(candidateBudgets) + "\n");
            AtomicTextFiles.write(markdown, toMarkdown(payload));
            return new Result(
                    payload,
                    Optional.of(output),
                    Optional.of(calibration),
                    Optional.of(candidates),
                    Optional.of(markdown));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static double headroom(double value) {
        if (!Double.isFinite(value)) {
            throw new WorldForgeException("headroom_ratio must be a finite number.");
        }
        if (value < 0.0 || value > 10.0) {
            throw new WorldForgeException("headroom_ratio must be between 0.0 and 10.0.");
        }
        return value;
    }

    private static LoadedReport loadReport(Path path, Path workingDirectory) {
        Path reportPath = resolve(path, workingDirectory);
        byte[] data = readBytes(reportPath, "Benchmark report");
        JsonValue parsed = parseJson(data, reportPath, "Benchmark report");
        if (!(parsed instanceof JsonObject payload)) {
            throw new WorldForgeException("Benchmark report must contain a JSON object: " + reportPath);
        }
        if (!(payload.get("results") instanceof JsonArray results) || results.isEmpty()) {
            throw new WorldForgeException("Benchmark report must contain non-empty results: " + reportPath);
        }
        JsonValue provenanceValue = payload.get("provenance");
        JsonObject provenance = asObject(provenanceValue);
        boolean hasProvenance = provenanceValue instanceof JsonObject;
        return new LoadedReport(
                displayPath(reportPath, workingDirectory),
                Sha256Hex.prefixed(data),
                payload,
                hasProvenance ? joinCommand(provenance.get("command")) : "",
                orNull(provenance.get("worldforge_version")),
                orNull(provenance.get("input_digest")),
                orNull(provenance.get("budget_file")));
    }

    private static byte[] readBytes(Path path, String label) {
        try {
            return BoundedFiles.readBytes(path, BoundedFiles.LARGE_FILE_BYTES);
        } catch (NoSuchFileException e) {
            throw new WorldForgeException(label + " not found: " + path, e);
        } catch (IOException e) {
            throw new WorldForgeException(label + " could not be read: " + path + ": " + ErrorText.reason(e), e);
        }
    }

    private static JsonValue parseJson(byte[] data, Path path, String label) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new WorldForgeException(label + " must be UTF-8 JSON: " + path, e);
        }
        try {
            return Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw new WorldForgeException(label + " contains invalid JSON: " + path, e);
        }
    }

    private static JsonObject candidateBudget(JsonObject result, double headroom) {
        long iterations = intField(result.get("iterations"), "benchmark result iterations", true);
        long success = intField(result.get("success_count"), "benchmark result success_count", false);
        long errors = intField(result.get("error_count"), "benchmark result error_count", false);
        long retries = intField(result.get("retry_count"), "benchmark result retry_count", false);
        if (success + errors != iterations) {
            throw new WorldForgeException("benchmark result success_count and error_count must sum to iterations.");
        }
        JsonObject.Builder candidate = JsonObject.builder(8)
                .put("provider", requiredText(result.get("provider"), "benchmark result provider"))
                .put("operation", requiredText(result.get("operation"), "benchmark result operation"))
                .put("min_success_rate", round4((double) success / iterations))
                .put("max_error_count", errors)
                .put("max_retry_count", retries);
        Double average = optionalNonNegative(result.get("average_latency_ms"), "benchmark result average_latency_ms");
        if (average != null) {
            candidate.put("max_average_latency_ms", round4(average * (1.0 + headroom)));
        }
        Double p95 = optionalNonNegative(result.get("p95_latency_ms"), "benchmark result p95_latency_ms");
        if (p95 != null) {
            candidate.put("max_p95_latency_ms", round4(p95 * (1.0 + headroom)));
        }
        Double throughput =
                optionalNonNegative(result.get("throughput_per_second"), "benchmark result throughput_per_second");
        if (throughput != null && throughput > 0.0) {
            candidate.put("min_throughput_per_second", round4(throughput / (1.0 + headroom)));
        }
        return candidate.build();
    }

    private static JsonObject baselineContext(
            JsonObject result,
            LoadedReport report,
            JsonObject provenance,
            JsonObject runMetadata,
            String machineClass,
            Options options) {
        String command = joinCommand(provenance.get("command"));
        if (command.isEmpty()) {
            command = report.command();
        }
        JsonValue fixture = provenance.get("input_digest");
        if (!JsonReads.truthy(fixture)) {
            fixture = metadataDigest(runMetadata.get("input_file"));
        }
        return JsonObject.builder(16)
                .put("provider", Objects.requireNonNull(result.get("provider")))
                .put("operation", Objects.requireNonNull(result.get("operation")))
                .put("sample_count", Objects.requireNonNull(result.get("iterations")))
                .put("success_count", Objects.requireNonNull(result.get("success_count")))
                .put("error_count", Objects.requireNonNull(result.get("error_count")))
                .put("retry_count", Objects.requireNonNull(result.get("retry_count")))
                .put("average_latency_ms", orNull(result.get("average_latency_ms")))
                .put("p95_latency_ms", orNull(result.get("p95_latency_ms")))
                .put("throughput_per_second", orNull(result.get("throughput_per_second")))
                .put("machine_class", machineClass)
                .put("python_version", options.runtimeVersion())
                .put("platform", options.platform())
                .put("command", command)
                .put("input_fixture_digest", orNull(fixture))
                .put("source_report", report.path())
                .put("source_report_digest", report.sha256())
                .build();
    }

    private static List<JsonValue> budgetDiffs(
            JsonObject candidate, JsonObject result, List<BenchmarkBudget> currentBudgets, String rationale) {
        String provider = ((JsonString) Objects.requireNonNull(candidate.get("provider"))).value();
        String operation = ((JsonString) Objects.requireNonNull(candidate.get("operation"))).value();
        JsonObject current = matchingBudget(provider, operation, currentBudgets)
                .map(BenchmarkBudget::toJson)
                .orElse(null);
        List<JsonValue> diffs = new ArrayList<>();
        for (String field : THRESHOLD_FIELDS) {
            JsonValue threshold = candidate.get(field);
            if (threshold == null) {
                continue;
            }
            diffs.add(JsonObject.builder(8)
                    .put("provider", provider)
                    .put("operation", operation)
                    .put("metric", field)
                    .put("old_threshold", current == null ? JsonNull.INSTANCE : orNull(current.get(field)))
                    .put("candidate_threshold", threshold)
                    .put("observed_baseline", observed(field, result))
                    .put("rationale", rationale)
                    .put("review_required", true)
                    .build());
        }
        return diffs;
    }

    private static Optional<BenchmarkBudget> matchingBudget(
            String provider, String operation, List<BenchmarkBudget> budgets) {
        for (BenchmarkBudget budget : budgets) {
            if (budget.provider().filter(provider::equals).isPresent()
                    && budget.operation().filter(operation::equals).isPresent()) {
                return Optional.of(budget);
            }
        }
        for (BenchmarkBudget budget : budgets) {
            if (budget.provider().map(provider::equals).orElse(true)
                    && budget.operation().map(operation::equals).orElse(true)) {
                return Optional.of(budget);
            }
        }
        return Optional.empty();
    }

    private static JsonValue observed(String field, JsonObject result) {
        if (field.equals("min_success_rate")) {
            long success = ((JsonInt) Objects.requireNonNull(result.get("success_count"))).longValue();
            long iterations = ((JsonInt) Objects.requireNonNull(result.get("iterations"))).longValue();
            return JsonFloat.of(round4((double) success / iterations));
        }
        return orNull(result.get(OBSERVED_FIELDS.get(field)));
    }

    private static List<JsonValue> dedupe(List<JsonObject> entries) {
        TreeMap<List<String>, JsonObject> byKey = new TreeMap<>((a, b) -> {
            int first = a.get(0).compareTo(b.get(0));
            return first != 0 ? first : a.get(1).compareTo(b.get(1));
        });
        for (JsonObject entry : entries) {
            byKey.put(
                    List.of(
                            JsonReads.toStr(Objects.requireNonNull(entry.get("provider"))),
                            JsonReads.toStr(Objects.requireNonNull(entry.get("operation")))),
                    entry);
        }
        return new ArrayList<>(byKey.values());
    }

    private static JsonValue metadataDigest(@Nullable JsonValue value) {
        if (value instanceof JsonObject object
                && object.get("sha256") instanceof JsonString digest
                && !digest.value().isEmpty()) {
            return digest.value().startsWith("sha256:") ? digest : JsonString.of("sha256:" + digest.value());
        }
        return JsonNull.INSTANCE;
    }

    /** Python {@code " ".join(value or ())} of a recorded command. */
    private static String joinCommand(@Nullable JsonValue value) {
        if (value instanceof JsonArray array) {
            List<String> parts = new ArrayList<>();
            for (JsonValue item : array) {
                parts.add(JsonReads.toStr(item));
            }
            return String.join(" ", parts);
        }
        if (value instanceof JsonString s) {
            return String.join(" ", s.value().split(""));
        }
        return "";
    }

    private static long intField(@Nullable JsonValue value, String name, boolean positive) {
        boolean ok = value instanceof JsonInt i && i.fitsLong() && (positive ? i.longValue() > 0 : i.longValue() >= 0);
        if (!ok) {
            throw new WorldForgeException(
                    name + (positive ? " must be a positive integer." : " must be a non-negative integer."));
        }
        return ((JsonInt) value).longValue();
    }

    private static String requiredText(@Nullable JsonValue value, String name) {
        if (!(value instanceof JsonString s) || PyStrings.strip(s.value()).isEmpty()) {
            throw new WorldForgeException(name + " must be a non-empty string.");
        }
        return PyStrings.strip(s.value());
    }

    private static @Nullable Double optionalNonNegative(@Nullable JsonValue value, String name) {
        if (value == null || value instanceof JsonNull) {
            return null;
        }
        double number;
        if (value instanceof JsonFloat f) {
            number = f.value();
        } else if (value instanceof JsonInt i) {
            number = i.doubleValue();
        } else {
            throw new WorldForgeException(name + " must be a finite number.");
        }
        if (!Double.isFinite(number)) {
            throw new WorldForgeException(name + " must be a finite number.");
        }
        if (number < 0.0) {
            throw new WorldForgeException(name + " must be greater than or equal to 0.");
        }
        return number;
    }

    /** Python {@code round(value, 4)}: the exact binary value rounded half-even. */
    static double round4(double value) {
        return new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static Path resolve(Path path, Path workingDirectory) {
        Path absolute = workingDirectory.resolve(path).toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }

    /** The path relative to the working directory when it lies inside it, else as given. */
    private static String displayPath(Path path, Path workingDirectory) {
        Path resolved = resolve(path, workingDirectory);
        Path base = resolve(workingDirectory, workingDirectory);
        if (resolved.startsWith(base)) {
            String relative = base.relativize(resolved).toString().replace('\\', '/');
            return relative.isEmpty() ? "." : relative;
        }
        return path.toString();
    }

    private static JsonObject asObject(@Nullable JsonValue value) {
        return value instanceof JsonObject object ? object : JsonObject.EMPTY;
    }

    private static List<JsonValue> array(@Nullable JsonValue value) {
        return value instanceof JsonArray a ? a.items() : List.of();
    }

    private static JsonValue orNull(@Nullable JsonValue value) {
        return value == null ? JsonNull.INSTANCE : value;
    }

    private static String str(@Nullable JsonValue value) {
        return JsonReads.toStr(orNull(value));
    }

    private static String orDash(@Nullable JsonValue value) {
        return JsonReads.truthy(value) ? str(value) : "-";
    }

    private static String diffValue(@Nullable JsonValue value) {
        if (value == null || value instanceof JsonNull) {
            return "-";
        }
        if (value instanceof JsonFloat f) {
            return PyFormat.fixed(f.value(), 4);
        }
        if (value instanceof JsonBool b) {
            return b.value() ? "True" : "False";
        }
        return str(value);
    }
}
