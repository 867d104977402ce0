package ai.worldforge.runs;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A prune plan ({@code applied=false}) or its applied result (schema 1).
 *
 * @param workspaceDir the workspace as given
 * @param policy the policy
 * @param generatedAt the planning time ({@code 2026-01-01T00:00:00Z}, microseconds when non-zero)
 * @param candidates every run directory, newest name first
 * @param applied whether {@link RunsPrune#apply} ran
 */
public record PruneReport(
        String workspaceDir,
        RunsRetentionPolicy policy,
        String generatedAt,
        List<PruneCandidate> candidates,
        boolean applied) {
    /** The report schema version. */
    public static final int SCHEMA_VERSION = 1;

    /** Copies the candidates. */
    public PruneReport {
        candidates = List.copyOf(candidates);
    }

    /** The candidates whose action is {@code delete}. */
    public List<PruneCandidate> selectedForDelete() {
        return candidates.stream().filter(PruneCandidate::isDelete).toList();
    }

    /** The candidates kept for any reason. */
    public List<PruneCandidate> kept() {
        return candidates.stream().filter(c -> !c.isDelete()).toList();
    }

    /** Bytes the delete rows hold. */
    public long totalBytes() {
        return selectedForDelete().stream().mapToLong(PruneCandidate::sizeBytes).sum();
    }

    /** The {@code to_dict} object. */
    public JsonObject toJson() {
        List<JsonValue> items = new ArrayList<>();
        candidates.forEach(c -> items.add(c.toJson()));
        return JsonObject.builder()
                .put("schema_version", JsonInt.of(SCHEMA_VERSION))
                .put("workspace_dir", workspaceDir)
                .put("policy", policy.toJson())
                .put("generated_at", generatedAt)
                .put("applied", applied)
                .put("candidate_count", JsonInt.of(candidates.size()))
                .put("delete_count", JsonInt.of(selectedForDelete().size()))
                .put("delete_bytes", JsonInt.of(totalBytes()))
                .put("candidates", JsonArray.copyOf(items))
                .build();
    }

    /** Sorted, indented JSON with a trailing newline (what the CLI prints). */
    public String toJsonText() {
        return Json.writePretty(toJson()) + "\n";
    }

    /** The {@code # WorldForge Run Prune Report} Markdown, ending with a newline. */
    public String toMarkdown() {
        List<String> lines = new ArrayList<>(List.of(
                "# WorldForge Run Prune Report",
                "",
                "- workspace: `" + workspaceDir + "`",
                "- generated_at: " + generatedAt,
                "- mode: " + (applied ? "apply" : "dry-run"),
                "- max_age_days: " + policy.maxAgeDays(),
                "- keep_latest: " + policy.keepLatest(),
                policy.families().isEmpty()
                        ? "- families: (all)"
                        : "- families: " + String.join(", ", policy.families()),
                "- candidates: " + candidates.size(),
                "- to delete: " + selectedForDelete().size() + " (" + totalBytes() + " bytes)",
                "",
                "## Candidates",
                "",
                "| Run | Kind | Created | Size | Action | Reason |",
                "| --- | --- | --- | ---: | --- | --- |"));
        for (PruneCandidate c : candidates) {
            lines.add("| `" + c.runId() + "` | " + (c.kind().isEmpty() ? "-" : c.kind()) + " | "
                    + (c.createdAt().isEmpty() ? "-" : c.createdAt()) + " | " + c.sizeBytes() + " | " + c.action()
                    + " | " + c.reason() + " |");
        }
        if (candidates.isEmpty()) {
            lines.add("| - | - | - | - | - | - |");
        }
        return String.join("\n", lines) + "\n";
    }
}
