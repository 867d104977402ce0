package ai.worldforge.comparison;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.ErrorText;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The manifest and report of one preserved run workspace (the reference's {@code
 * PreservedRunReport}). Supported kinds are {@code benchmark}, {@code eval} (report {@code
 * reports/report.json}) and {@code demo_showcase} (its {@code summary_json} artifact, else {@code
 * results/summary.json}). Immutable.
 *
 * @param manifest the run manifest
 * @param report the run report
 * @param runPath the run directory (absolute, normalised)
 * @param reportPath the report file (absolute, normalised)
 */
public record PreservedRunReport(JsonObject manifest, JsonObject report, Path runPath, Path reportPath) {
    /** Kinds a comparison accepts, sorted. */
    public static final List<String> SUPPORTED_KINDS = List.of("benchmark", "demo_showcase", "eval");

    /** Checks for nulls. */
    public PreservedRunReport {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(runPath, "runPath");
        Objects.requireNonNull(reportPath, "reportPath");
    }

    /** The manifest's {@code kind} as text ({@code ""} when absent). */
    public String kind() {
        JsonValue kind = manifest.get("kind");
        return kind == null ? "" : PyValues.str(kind);
    }

    /** The manifest's {@code run_id} as text, else the run directory name. */
    public String runId() {
        JsonValue runId = manifest.get("run_id");
        return runId == null ? fileName(runPath) : PyValues.str(runId);
    }

    /**
     * Loads a run directory, its {@code run_manifest.json}, or a report JSON inside it (a file
     * under {@code reports/} belongs to the directory above).
     *
     * @throws WorldForgeException {@code Failed to read run manifest <p>: …}, {@code Run Manifest
     *     <p> must contain valid JSON: …}, {@code Run <id> has unsupported report kind 'k'.
     *     Supported kinds: …}, {@code Run <id> uses unsupported run workspace schema_version v;
     *     expected 1.}, or a report shape message
     */
    public static PreservedRunReport load(Path path) {
        Path runPath;
        Path manifestPath;
        if (Files.isDirectory(path)) {
            runPath = path;
            manifestPath = runPath.resolve("run_manifest.json");
        } else if (fileName(path).equals("run_manifest.json")) {
            manifestPath = path;
            runPath = parent(path);
        } else {
            Path parent = parent(path);
            runPath = fileName(parent).equals("reports") ? parent(parent) : parent;
            manifestPath = runPath.resolve("run_manifest.json");
        }
        JsonObject manifest = readJsonObject(manifestPath, "run manifest");
        JsonValue kindValue = manifest.get("kind");
        String kind = kindValue == null ? "" : PyValues.str(kindValue);
        String runLabel = manifest.get("run_id") == null ? fileName(runPath) : PyValues.str(manifest.get("run_id"));
        if (!SUPPORTED_KINDS.contains(kind)) {
            throw new WorldForgeException("Run " + runLabel + " has unsupported report kind '" + kind
                    + "'. Supported kinds: " + String.join(", ", SUPPORTED_KINDS) + ".");
        }
        JsonValue schema = manifest.get("schema_version");
        if (!isOne(schema)) {
            throw new WorldForgeException("Run " + runLabel + " uses unsupported run workspace schema_version "
                    + (schema == null ? "None" : PyValues.repr(schema)) + "; expected 1.");
        }
        Path reportPath = Files.isRegularFile(path) && !fileName(path).equals("run_manifest.json")
                ? path
                : defaultReportPath(runPath, kind, manifest);
        JsonObject report = readJsonObject(reportPath, "run report");
        validateReportKind(kind, report, reportPath);
        return new PreservedRunReport(manifest, report, absolute(runPath), absolute(reportPath));
    }

    private static boolean isOne(@Nullable JsonValue value) {
        return (value instanceof JsonInt i && i.value().equals(BigInteger.ONE))
                || (value instanceof JsonFloat f && f.value() == 1.0)
                || JsonBool.TRUE.equals(value);
    }

    private static Path defaultReportPath(Path runPath, String kind, JsonObject manifest) {
        if (kind.equals("demo_showcase")) {
            if (manifest.get("artifact_paths") instanceof JsonObject paths
                    && paths.get("summary_json") instanceof JsonString summary) {
                return runPath.resolve(summary.value());
            }
            return runPath.resolve("results").resolve("summary.json");
        }
        return runPath.resolve("reports").resolve("report.json");
    }

    private static void validateReportKind(String kind, JsonObject report, Path reportPath) {
        if (kind.equals("benchmark") && !(report.get("results") instanceof ai.worldforge.json.JsonArray)) {
            throw new WorldForgeException("Benchmark report " + reportPath + " must contain a results list.");
        }
        if (kind.equals("eval") && !(report.get("provider_summaries") instanceof ai.worldforge.json.JsonArray)) {
            throw new WorldForgeException("Evaluation report " + reportPath + " must contain provider_summaries.");
        }
        if (kind.equals("demo_showcase")
                && !(report.get("status") instanceof JsonString || report.get("summary") instanceof JsonString)) {
            throw new WorldForgeException("Demo showcase report " + reportPath + " must contain status or summary.");
        }
    }

    private static JsonObject readJsonObject(Path path, String name) {
        String title = name.equals("run manifest") ? "Run Manifest" : "Run Report";
        String text;
        try {
            text = BoundedFiles.readUtf8(path, BoundedFiles.LARGE_FILE_BYTES);
        } catch (IOException e) {
            throw new WorldForgeException(
                    "Failed to read " + name + " " + path + ": " + ErrorText.pythonReadError(e, path, path.toString()),
                    e);
        }
        JsonValue payload;
        try {
            payload = Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw new WorldForgeException(title + " " + path + " must contain valid JSON: " + e.getMessage(), e);
        }
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException(title + " " + path + " must be a JSON object.");
        }
        return object;
    }

    private static Path parent(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? path.toAbsolutePath() : relativeParent(path, parent);
    }

    /** Keeps relative inputs relative so messages show the path as typed. */
    private static Path relativeParent(Path path, Path absoluteParent) {
        Path parent = path.getParent();
        if (parent != null) {
            return parent;
        }
        return path.isAbsolute() ? absoluteParent : Path.of(".");
    }

    private static String fileName(Path path) {
        Path name = path.getFileName();
        if (name == null || name.toString().equals(".") || name.toString().equals("..")) {
            Path normalized = path.toAbsolutePath().normalize().getFileName();
            return normalized == null ? "" : normalized.toString();
        }
        return name.toString();
    }

    private static Path absolute(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
