package ai.worldforge.benchmark;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.report.ReportHtml;
import ai.worldforge.trace.ProvenanceEnvelope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A materialised benchmark run with its exports (the reference's {@code BenchmarkReport}).
 *
 * @param results one result per provider/operation, ordered by provider then operation
 * @param runMetadata {@code {providers, requested_operations, selected_operations, iterations,
 *     concurrency, inputs}} from the harness, or anything JSON a caller records
 * @param provenance the run's provenance; kind must be {@code benchmark}
 */
public record BenchmarkReport(
        List<BenchmarkResult> results, JsonObject runMetadata, Optional<ProvenanceEnvelope> provenance) {

    /**
     * Validates.
     *
     * @throws WorldForgeException {@code BenchmarkReport provenance must have kind='benchmark'.}
     *     or a {@code BenchmarkReport run_metadata} message
     */
    public BenchmarkReport {
        Checks.jsonObject(Objects.requireNonNull(runMetadata, "runMetadata"), "BenchmarkReport run_metadata");
        results = List.copyOf(results);
        Objects.requireNonNull(provenance, "provenance");
        if (provenance.isPresent()
                && !ProvenanceEnvelope.KIND_BENCHMARK.equals(provenance.get().kind())) {
            throw new WorldForgeException("BenchmarkReport provenance must have kind='benchmark'.");
        }
    }

    /** A report without provenance. */
    public BenchmarkReport(List<BenchmarkResult> results, JsonObject runMetadata) {
        this(results, runMetadata, Optional.empty());
    }

    /** This report with {@code value} as its provenance (for example with a command or budget file added). */
    public BenchmarkReport withProvenance(ProvenanceEnvelope value) {
        return new BenchmarkReport(results, runMetadata, Optional.of(value));
    }

    /**
     * Rebuilds a report from its {@link #toJson()} payload (for example one preserved in a run
     * workspace), so it can be rendered again; {@code run_metadata} defaults to empty and {@code
     * provenance} is restored when present. The claim boundary and metric semantics are the
     * benchmark constants.
     *
     * @throws WorldForgeException {@code BenchmarkReport payload.<key> must be ...} for a malformed
     *     field, or the validation message of a rebuilt result
     */
    public static BenchmarkReport fromJson(JsonObject payload) {
        List<BenchmarkResult> results = new ArrayList<>();
        JsonValue rows = payload.get("results");
        if (rows != null && !(rows instanceof JsonNull)) {
            if (!(rows instanceof JsonArray array)) {
                throw new WorldForgeException("BenchmarkReport payload.results must be a list.");
            }
            for (JsonValue row : array) {
                if (!(row instanceof JsonObject result)) {
                    throw new WorldForgeException("BenchmarkReport payload.results[] must be a JSON object.");
                }
                results.add(resultFromJson(result));
            }
        }
        JsonValue metadata = payload.get("run_metadata");
        JsonObject runMetadata;
        if (metadata == null || metadata instanceof JsonNull) {
            runMetadata = JsonObject.EMPTY;
        } else if (metadata instanceof JsonObject object) {
            runMetadata = object;
        } else {
            throw new WorldForgeException("BenchmarkReport payload.run_metadata must be a JSON object.");
        }
        JsonValue provenance = payload.get("provenance");
        return new BenchmarkReport(
                results,
                runMetadata,
                provenance == null || provenance instanceof JsonNull
                        ? Optional.empty()
                        : Optional.of(ProvenanceEnvelope.fromJson(provenance)));
    }

    private static BenchmarkResult resultFromJson(JsonObject r) {
        JsonValue metrics = r.get("operation_metrics");
        List<String> errors = new ArrayList<>();
        JsonValue errorList = r.get("errors");
        if (errorList instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (!(item instanceof JsonString text)) {
                    throw new WorldForgeException("BenchmarkReport payload.results[].errors must be strings.");
                }
                errors.add(text.value());
            }
        } else if (errorList != null && !(errorList instanceof JsonNull)) {
            throw new WorldForgeException("BenchmarkReport payload.results[].errors must be a list.");
        }
        return new BenchmarkResult(
                text(r, "provider"),
                text(r, "operation"),
                (int) integer(r, "iterations"),
                (int) integer(r, "concurrency"),
                (int) integer(r, "success_count"),
                (int) integer(r, "error_count"),
                integer(r, "retry_count"),
                number(r, "total_time_ms"),
                optionalNumber(r, "average_latency_ms"),
                optionalNumber(r, "min_latency_ms"),
                optionalNumber(r, "max_latency_ms"),
                optionalNumber(r, "p50_latency_ms"),
                optionalNumber(r, "p95_latency_ms"),
                number(r, "throughput_per_second"),
                metrics instanceof JsonObject object ? object : JsonObject.EMPTY,
                errors);
    }

    private static String text(JsonObject r, String key) {
        if (!(r.get(key) instanceof JsonString text)) {
            throw new WorldForgeException("BenchmarkReport payload.results[]." + key + " must be a string.");
        }
        return text.value();
    }

    private static long integer(JsonObject r, String key) {
        if (!(r.get(key) instanceof JsonInt value) || !value.fitsLong()) {
            throw new WorldForgeException("BenchmarkReport payload.results[]." + key + " must be an integer.");
        }
        long out = value.longValue();
        if (out > Integer.MAX_VALUE || out < Integer.MIN_VALUE) {
            throw new WorldForgeException("BenchmarkReport payload.results[]." + key + " must be an integer.");
        }
        return out;
    }

    private static double number(JsonObject r, String key) {
        JsonValue value = r.get(key);
        if (value instanceof JsonFloat f) {
            return f.value();
        }
        if (value instanceof JsonInt i) {
            return i.doubleValue();
        }
        throw new WorldForgeException("BenchmarkReport payload.results[]." + key + " must be a number.");
    }

    private static OptionalDouble optionalNumber(JsonObject r, String key) {
        JsonValue value = r.get(key);
        return value == null || value instanceof JsonNull ? OptionalDouble.empty() : OptionalDouble.of(number(r, key));
    }

    /** {@code {claim_boundary, metric_semantics, run_metadata, results}} plus {@code provenance} when set. */
    public JsonObject toJson() {
        JsonObject.Builder out = JsonObject.builder(5)
                .put("claim_boundary", JsonString.of(BenchmarkContracts.CLAIM_BOUNDARY))
                .put("metric_semantics", JsonString.of(BenchmarkContracts.METRIC_SEMANTICS))
                .put("run_metadata", runMetadata)
                .put(
                        "results",
                        JsonArray.copyOf(
                                results.stream().map(BenchmarkResult::toJson).toList()));
        provenance.ifPresent(p -> out.put("provenance", p.toJson()));
        return out.build();
    }

    /** Canonical compact JSON of {@link #toJson()} (the reference's {@code to_json()}). */
    public String toJsonText() {
        return Json.write(toJson());
    }

    /** Evaluates {@code budgets} against the results (see {@link BenchmarkGateReport#evaluate}). */
    public BenchmarkGateReport evaluateBudgets(List<BenchmarkBudget> budgets) {
        return BenchmarkGateReport.evaluate(results, budgets);
    }

    /** The reference's Markdown: title, claim lines, provenance section, then the result table. */
    public String toMarkdown() {
        List<String> lines = new ArrayList<>();
        lines.add("# Benchmark Report");
        lines.add("");
        lines.add("Claim boundary: " + BenchmarkContracts.CLAIM_BOUNDARY);
        lines.add("Metric semantics: " + BenchmarkContracts.METRIC_SEMANTICS);
        lines.add("");
        provenance.ifPresent(p -> provenanceLines(p, lines));
        lines.add("| provider | operation | ok | retries | avg_ms | p95_ms | throughput/s |");
        lines.add("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        for (BenchmarkResult r : results) {
            lines.add("| " + r.provider() + " | " + r.operation() + " | " + r.successCount() + "/" + r.iterations()
                    + " | " + r.retryCount() + " | "
                    + PyFormat.fixed(r.averageLatencyMs().orElse(0.0), 2) + " | "
                    + PyFormat.fixed(r.p95LatencyMs().orElse(0.0), 2) + " | "
                    + PyFormat.fixed(r.throughputPerSecond(), 2) + " |");
        }
        return String.join("\n", lines);
    }

    private static void provenanceLines(ProvenanceEnvelope p, List<String> lines) {
        lines.add("## Provenance");
        lines.add("");
        lines.add("- WorldForge version: " + p.worldforgeVersion());
        lines.add("- Suite version: " + p.suiteVersion());
        lines.add("- Created at: " + p.createdAt());
        lines.add("- Providers: " + joinOrDash(p.providers()));
        lines.add("- Capabilities: " + joinOrDash(p.capabilities()));
        lines.add("- Event count: " + p.eventCount());
        lines.add("- Input digest: " + p.inputDigest().orElse("-"));
        lines.add("- Result digest: " + p.resultDigest().orElse("-"));
        if (!p.runtimeManifests().isEmpty()) {
            List<String> manifests = new ArrayList<>();
            for (Map.Entry<String, String> e : new TreeMap<>(p.runtimeManifests()).entrySet()) {
                manifests.add(e.getKey() + "=" + e.getValue());
            }
            lines.add("- Runtime manifests: " + String.join(", ", manifests));
        }
        p.budgetFile().ifPresent(file -> {
            // The envelope validated budget_file.path as a non-blank string.
            lines.add("- Budget file: "
                    + ai.worldforge.internal.JsonReads.toStr(Objects.requireNonNull(file.get("path"))));
        });
        if (!p.command().isEmpty()) {
            lines.add("- Command: `" + String.join(" ", p.command()) + "`");
        }
        p.notes().filter(n -> !n.isEmpty()).ifPresent(n -> lines.add("- Notes: " + n));
        lines.add("");
    }

    private static String joinOrDash(List<String> values) {
        return values.isEmpty() ? "-" : String.join(", ", values);
    }

    /**
     * A self-contained static HTML page (no script, link or anchor tags; every text escaped) with
     * the reference's results table plus inline SVG latency and throughput charts; see {@link
     * ReportHtml#benchmark}.
     */
    public String toHtml() {
        return ReportHtml.benchmark(toJson());
    }

    /**
     * Named renderings, as the reference's {@code artifacts()}: {@code json} ({@link
     * #toJsonText()}), {@code markdown}, {@code csv} and {@code html}, in that order.
     */
    public Map<String, String> artifacts() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("json", toJsonText());
        out.put("markdown", toMarkdown());
        out.put("csv", toCsv());
        out.put("html", toHtml());
        return Collections.unmodifiableMap(out);
    }

    /** The reference's CSV: one row per result, {@code %.4f} numbers, empty for absent latencies. */
    public String toCsv() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                "provider",
                "operation",
                "iterations",
                "concurrency",
                "success_count",
                "error_count",
                "retry_count",
                "total_time_ms",
                "average_latency_ms",
                "min_latency_ms",
                "max_latency_ms",
                "p50_latency_ms",
                "p95_latency_ms",
                "throughput_per_second",
                "operation_metrics_json",
                "errors_json"));
        for (BenchmarkResult r : results) {
            rows.add(List.of(
                    r.provider(),
                    r.operation(),
                    Integer.toString(r.iterations()),
                    Integer.toString(r.concurrency()),
                    Integer.toString(r.successCount()),
                    Integer.toString(r.errorCount()),
                    Long.toString(r.retryCount()),
                    PyFormat.fixed(r.totalTimeMs(), 4),
                    fixed4(r.averageLatencyMs()),
                    fixed4(r.minLatencyMs()),
                    fixed4(r.maxLatencyMs()),
                    fixed4(r.p50LatencyMs()),
                    fixed4(r.p95LatencyMs()),
                    PyFormat.fixed(r.throughputPerSecond(), 4),
                    Json.write(r.operationMetrics()),
                    Json.write(JsonArray.copyOf(
                            r.errors().stream().map(JsonString::of).toList()))));
        }
        return BenchmarkContracts.csv(rows);
    }

    private static String fixed4(OptionalDouble value) {
        return value.isPresent() ? PyFormat.fixed(value.getAsDouble(), 4) : "";
    }
}
