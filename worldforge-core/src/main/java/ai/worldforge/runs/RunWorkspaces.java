package ai.worldforge.runs;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Creating, listing and cleaning up run workspaces under {@code <workspace>/runs/} (the
 * reference's {@code harness/workspace.py}). The workspace directory is always an explicit
 * parameter; the CLI passes {@code .worldforge} by default. Stateless.
 */
public final class RunWorkspaces {
    private static final List<String> LAYOUT = List.of("inputs", "results", "reports", "artifacts", "logs");

    private RunWorkspaces() {}

    /** {@code <workspace>/runs}. */
    public static Path runsDir(Path workspaceDir) {
        return workspaceDir.resolve("runs");
    }

    /** {@link #create(Path, String, String, String, Optional, Optional, JsonObject)} without provider, operation or inputs. */
    public static RunWorkspace create(Path workspaceDir, String runId, String kind, String command) {
        return create(workspaceDir, runId, kind, command, Optional.empty(), Optional.empty(), JsonObject.EMPTY);
    }

    /**
     * Creates {@code <resolved workspace>/runs/<runId>/} with its five directories and a manifest
     * with status {@code running}.
     *
     * @throws WorldForgeException for an invalid run id (nothing created), or when one of the
     *     layout directories already exists (a duplicate id)
     */
    public static RunWorkspace create(
            Path workspaceDir,
            String runId,
            String kind,
            String command,
            Optional<String> provider,
            Optional<String> operation,
            JsonObject inputSummary) {
        RunIds.validate(runId);
        RunManifest manifest = RunManifest.builder(runId, kind, command, RunStatus.RUNNING)
                .provider(provider.orElse(null))
                .operation(operation.orElse(null))
                .inputSummary(inputSummary)
                .build();
        RunWorkspace workspace =
                new RunWorkspace(runId, RunPaths.resolve(runsDir(workspaceDir)).resolve(runId));
        for (String name : LAYOUT) {
            Path directory = workspace.path().resolve(name);
            if (Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new WorldForgeException("Run workspace already exists: " + directory);
            }
        }
        try {
            for (String name : LAYOUT) {
                Files.createDirectories(workspace.path());
                Files.createDirectory(workspace.path().resolve(name));
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new WorldForgeException("Run workspace already exists: " + e.getFile(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeManifest(workspace, manifest);
        return workspace;
    }

    /**
     * Writes {@code manifest} (indented, sorted keys, newline) to the workspace's {@code
     * run_manifest.json}, replacing it atomically.
     *
     * @throws WorldForgeException when the manifest belongs to another run id
     */
    public static Path writeManifest(RunWorkspace workspace, RunManifest manifest) {
        if (!manifest.runId().equals(workspace.runId())) {
            throw new WorldForgeException("run manifest run_id " + manifest.runId()
                    + " does not match workspace run_id " + workspace.runId());
        }
        RunPaths.writeAtomically(workspace.manifestPath(), Json.writePretty(manifest.toJson()) + "\n");
        return workspace.manifestPath();
    }

    /**
     * Every readable {@code runs/*}{@code /run_manifest.json} holding a JSON object, with {@code
     * path} set to {@code <workspaceDir as given>/runs/<dir>}, newest {@code run_id} first.
     * Unreadable, invalid and non-object manifests are skipped; a missing directory gives an empty
     * list.
     */
    public static List<JsonObject> list(Path workspaceDir) {
        Path root = runsDir(workspaceDir);
        if (!Files.exists(root)) {
            return List.of();
        }
        List<Path> manifests = new ArrayList<>();
        try (var stream = Files.list(root)) {
            stream.map(dir -> dir.resolve(RunManifest.FILE_NAME))
                    .filter(Files::exists)
                    .forEach(manifests::add);
        } catch (IOException e) {
            return List.of();
        }
        manifests.sort(
                Comparator.comparing(path -> path.getParent().getFileName().toString()));
        List<JsonObject> runs = new ArrayList<>();
        for (Path manifestPath : manifests) {
            readManifest(manifestPath)
                    .ifPresent(payload ->
                            runs.add(payload.with("path", JsonString.of(RunPaths.pyStr(manifestPath.getParent())))));
        }
        // A stable sort, reversed by key only, keeps equal ids in scan order as Python does.
        runs.sort((a, b) -> runIdKey(b).compareTo(runIdKey(a)));
        return List.copyOf(runs);
    }

    /** The parsed manifest object at {@code manifestPath}, or empty when unreadable or not an object. */
    static Optional<JsonObject> readManifest(Path manifestPath) {
        try {
            JsonValue payload = Json.parse(BoundedFiles.readUtf8(manifestPath, BoundedFiles.DEFAULT_DOCUMENT_BYTES));
            return payload instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String runIdKey(JsonObject manifest) {
        JsonValue value = manifest.get("run_id");
        return value == null ? "" : JsonReads.toStr(value);
    }

    /** {@link #list} as the JSON array {@code runs list} prints (manifest key order kept). */
    public static JsonArray listJson(Path workspaceDir) {
        return JsonArray.copyOf(list(workspaceDir));
    }

    /**
     * The {@code runs list --format markdown} text: {@code # WorldForge Runs} and a {@code | run_id
     * | kind | status | provider | operation | path |} table; ends with a newline.
     */
    public static String listMarkdown(List<JsonObject> runs) {
        StringBuilder out = new StringBuilder("# WorldForge Runs\n\n");
        out.append("| run_id | kind | status | provider | operation | path |\n");
        out.append("| --- | --- | --- | --- | --- | --- |\n");
        for (JsonObject run : runs) {
            out.append("| `")
                    .append(field(run, "run_id"))
                    .append("` | ")
                    .append(field(run, "kind"))
                    .append(" | ")
                    .append(field(run, "status"))
                    .append(" | ")
                    .append(field(run, "provider"))
                    .append(" | ")
                    .append(field(run, "operation"))
                    .append(" | `")
                    .append(field(run, "path"))
                    .append("` |\n");
        }
        return out.toString();
    }

    private static String field(JsonObject run, String key) {
        JsonValue value = run.get(key);
        return value == null ? "" : JsonReads.toStr(value);
    }

    /**
     * Selects the runs after the newest {@code keep} (in {@link #list} order) and removes their
     * directories unless {@code dryRun}.
     *
     * @throws WorldForgeException {@code keep must be greater than or equal to 0} for a negative
     *     keep (nothing removed)
     */
    public static RunCleanup cleanup(Path workspaceDir, int keep, boolean dryRun) {
        if (keep < 0) {
            throw new WorldForgeException("keep must be greater than or equal to 0");
        }
        List<JsonObject> manifests = list(workspaceDir);
        List<String> stale = new ArrayList<>();
        for (int i = keep; i < manifests.size(); i++) {
            stale.add(field(manifests.get(i), "path"));
        }
        if (!dryRun) {
            for (String path : stale) {
                RunPaths.deleteTreeUnchecked(Path.of(path));
            }
        }
        return new RunCleanup(dryRun, stale);
    }
}
