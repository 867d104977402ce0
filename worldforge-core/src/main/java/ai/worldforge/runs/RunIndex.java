package ai.worldforge.runs;

import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.ErrorText;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A read-only, sanitized index of the preserved runs under a workspace (schema 1): the filtered
 * {@link RunHistoryRecord}s plus an issue per run directory whose manifest is missing, unreadable,
 * invalid JSON or not an object. Renders as the JSON, Markdown and CSV that {@code worldforge runs
 * index} prints.
 *
 * @param workspaceDir the workspace as given
 * @param generatedAt UTC timestamp ({@code 2026-01-01T00:00:00.123456Z}, fraction when non-zero)
 * @param entries the matching runs, newest first
 * @param issues the unreadable run directories, newest name first
 * @param filterApplied the filter, when one was passed
 */
public record RunIndex(
        String workspaceDir,
        String generatedAt,
        List<RunHistoryRecord> entries,
        List<RunIndexIssue> issues,
        Optional<RunHistoryFilter> filterApplied) {
    /** The index schema version. */
    public static final int SCHEMA_VERSION = 1;

    /** The CSV header columns. */
    public static final List<String> CSV_COLUMNS = List.of(
            "run_id",
            "kind",
            "status",
            "provider",
            "capability",
            "created_at",
            "artifact_count",
            "safe_artifact_types",
            "event_count",
            "failure_summary",
            "path");

    /** Copies the lists. */
    public RunIndex {
        entries = List.copyOf(entries);
        issues = List.copyOf(issues);
    }

    /**
     * Walks {@code <workspaceDir>/runs} once. A missing workspace gives an empty index.
     *
     * @param filter the filter to apply and record ({@code filter_applied}); the CLI always passes
     *     one, so its JSON has six keys even when none is set
     * @param clock the source of {@code generated_at}
     */
    public static RunIndex build(Path workspaceDir, Optional<RunHistoryFilter> filter, Clock clock) {
        List<RunIndexIssue> issues = scanForIssues(workspaceDir);
        List<RunHistoryRecord> entries = Files.exists(workspaceDir.resolve("runs"))
                ? RunHistory.list(workspaceDir, filter.orElse(RunHistoryFilter.NONE))
                : List.of();
        return new RunIndex(
                RunPaths.pyStr(workspaceDir), RunPaths.isoMicrosZ(clock.instant()), entries, issues, filter);
    }

    private static List<RunIndexIssue> scanForIssues(Path workspaceDir) {
        Path root = RunWorkspaces.runsDir(workspaceDir);
        List<RunIndexIssue> issues = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return issues;
        }
        for (Path runPath : RunPaths.childDirectoriesDescending(root)) {
            String runDir = RunPaths.pyStr(runPath);
            Path manifestPath = runPath.resolve(RunManifest.FILE_NAME);
            if (!Files.isRegularFile(manifestPath)) {
                issues.add(new RunIndexIssue(runDir, "manifest-missing", "run_manifest.json not found"));
                continue;
            }
            String text;
            try {
                text = BoundedFiles.readUtf8(manifestPath, BoundedFiles.DEFAULT_DOCUMENT_BYTES);
            } catch (CharacterCodingException e) {
                issues.add(new RunIndexIssue(runDir, "manifest-unreadable", "manifest is not valid UTF-8"));
                continue;
            } catch (IOException e) {
                issues.add(new RunIndexIssue(runDir, "manifest-unreadable", ErrorText.reason(e)));
                continue;
            }
            JsonValue payload;
            try {
                payload = Json.parse(text);
            } catch (JsonSyntaxException e) {
                issues.add(new RunIndexIssue(runDir, "manifest-invalid-json", String.valueOf(e.getMessage())));
                continue;
            }
            if (!(payload instanceof JsonObject)) {
                issues.add(new RunIndexIssue(runDir, "manifest-not-object", "manifest payload is not a JSON object"));
            }
        }
        return issues;
    }

    /** The {@code to_dict} object. */
    public JsonObject toJson() {
        List<JsonValue> entryItems = new ArrayList<>();
        entries.forEach(entry -> entryItems.add(entry.toJson()));
        List<JsonValue> issueItems = new ArrayList<>();
        issues.forEach(issue -> issueItems.add(issue.toJson()));
        return JsonObject.builder()
                .put("schema_version", JsonInt.of(SCHEMA_VERSION))
                .put("workspace_dir", workspaceDir)
                .put("generated_at", generatedAt)
                .put(
                        "filter_applied",
                        filterApplied.<JsonValue>map(RunHistoryFilter::toJson).orElse(JsonNull.INSTANCE))
                .put("entry_count", JsonInt.of(entries.size()))
                .put("issue_count", JsonInt.of(issues.size()))
                .put("entries", JsonArray.copyOf(entryItems))
                .put("issues", JsonArray.copyOf(issueItems))
                .build();
    }

    /** Sorted, indented JSON with a trailing newline (what the CLI prints). */
    public String toJsonText() {
        return Json.writePretty(toJson()) + "\n";
    }

    /** The {@code # WorldForge Run Index} Markdown, ending with a newline. */
    public String toMarkdown() {
        List<String> lines = new ArrayList<>(List.of(
                "# WorldForge Run Index",
                "",
                "- workspace: `" + workspaceDir + "`",
                "- generated_at: " + generatedAt,
                "- schema_version: " + SCHEMA_VERSION,
                "- entries: " + entries.size(),
                "- issues: " + issues.size()));
        filterApplied.ifPresent(filter -> {
            List<String> applied = new ArrayList<>();
            for (Map.Entry<String, JsonValue> entry :
                    new TreeMap<>(filter.toJson().members()).entrySet()) {
                if (entry.getValue() instanceof JsonString value
                        && !value.value().isEmpty()) {
                    applied.add(entry.getKey() + "=" + value.value());
                }
            }
            if (!applied.isEmpty()) {
                lines.add("- filter: " + String.join(", ", applied));
            }
        });
        lines.addAll(List.of(
                "",
                "## Entries",
                "",
                "| Run | Kind | Status | Provider | Capability | Created | Artifacts | Failure |",
                "| --- | --- | --- | --- | --- | --- | --- | --- |"));
        if (entries.isEmpty()) {
            lines.add("| - | - | - | - | - | - | - | - |");
        }
        for (RunHistoryRecord entry : entries) {
            String artifacts = entry.safeArtifactTypes().isEmpty() ? "-" : String.join(", ", entry.safeArtifactTypes());
            String failure = entry.failureSummary().isEmpty()
                    ? "-"
                    : entry.failureSummary().replace("|", "\\|");
            lines.add("| `" + entry.runId() + "` | " + dash(entry.kind()) + " | " + dash(entry.status()) + " | "
                    + dash(entry.provider()) + " | " + dash(entry.capability()) + " | " + dash(entry.createdAt())
                    + " | " + artifacts + " | " + failure + " |");
        }
        lines.addAll(List.of("", "## Issues", ""));
        if (issues.isEmpty()) {
            lines.add("- No malformed or unreadable run workspaces.");
        } else {
            lines.add("| Path | Reason | Detail |");
            lines.add("| --- | --- | --- |");
            for (RunIndexIssue issue : issues) {
                String detail = issue.detail().replace("|", "\\|");
                lines.add("| `" + issue.runDir() + "` | " + issue.reason() + " | " + (detail.isEmpty() ? "-" : detail)
                        + " |");
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String dash(String value) {
        return value.isEmpty() ? "-" : value;
    }

    /** The CSV: the 11-column header, one row per entry, {@code \n} line ends, minimal quoting. */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        csvRow(out, CSV_COLUMNS);
        for (RunHistoryRecord entry : entries) {
            csvRow(
                    out,
                    List.of(
                            entry.runId(),
                            entry.kind(),
                            entry.status(),
                            entry.provider(),
                            entry.capability(),
                            entry.createdAt(),
                            Integer.toString(entry.artifactCount()),
                            String.join(";", entry.safeArtifactTypes()),
                            Long.toString(entry.eventCount()),
                            entry.failureSummary(),
                            entry.displayPath()));
        }
        return out.toString();
    }

    private static void csvRow(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0
                    || cell.indexOf('"') >= 0
                    || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append('\n');
    }
}
