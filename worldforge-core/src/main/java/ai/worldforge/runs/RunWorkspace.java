package ai.worldforge.runs;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonValue;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The filesystem locations of one preserved run: {@code inputs/}, {@code results/}, {@code
 * reports/}, {@code artifacts/}, {@code logs/} and {@code run_manifest.json} under {@link #path}.
 * Writers create parent directories, replace files atomically and refuse paths that leave the run
 * directory.
 *
 * @param runId the run id
 * @param path the run directory
 */
public record RunWorkspace(String runId, Path path) {
    /** Validates the id. */
    public RunWorkspace {
        RunIds.validate(runId);
        Objects.requireNonNull(path, "path");
    }

    /** {@code <run>/inputs}. */
    public Path inputsDir() {
        return path.resolve("inputs");
    }

    /** {@code <run>/results}. */
    public Path resultsDir() {
        return path.resolve("results");
    }

    /** {@code <run>/reports}. */
    public Path reportsDir() {
        return path.resolve("reports");
    }

    /** {@code <run>/artifacts}. */
    public Path artifactsDir() {
        return path.resolve("artifacts");
    }

    /** {@code <run>/logs}. */
    public Path logsDir() {
        return path.resolve("logs");
    }

    /** {@code <run>/run_manifest.json}. */
    public Path manifestPath() {
        return path.resolve(RunManifest.FILE_NAME);
    }

    /**
     * Writes {@code payload} as indented, key-sorted JSON plus a newline at {@code relativePath}.
     *
     * @return the written file
     * @throws WorldForgeException {@code run artifact path escapes workspace: <relativePath>} when
     *     the path leaves the run directory (nothing is written)
     */
    public Path writeJson(String relativePath, JsonValue payload) {
        Path target = resolveChild(relativePath);
        String text = Json.writePretty(payload) + "\n";
        RunPaths.writeAtomically(target, text);
        return target;
    }

    /**
     * Writes {@code text} at {@code relativePath}, adding a final newline when missing.
     *
     * @return the written file
     * @throws WorldForgeException when the path leaves the run directory (nothing is written)
     */
    public Path writeText(String relativePath, String text) {
        Path target = resolveChild(relativePath);
        RunPaths.writeAtomically(target, text.endsWith("\n") ? text : text + "\n");
        return target;
    }

    /**
     * The target of {@code relativePath} below this run, checked after following symlinks.
     *
     * @throws WorldForgeException when it resolves outside the run directory
     */
    public Path resolveChild(String relativePath) {
        Path target = path.resolve(relativePath);
        Path resolved = RunPaths.resolve(target);
        Path root = RunPaths.resolve(path);
        if (!RunPaths.isRelativeTo(resolved, root)) {
            throw new WorldForgeException("run artifact path escapes workspace: " + relativePath);
        }
        return target;
    }
}
