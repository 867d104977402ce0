package ai.worldforge.runs;

import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of {@link RunWorkspaces#cleanup}: the run directories selected beyond the newest
 * {@code keep}, removed unless it was a dry run.
 *
 * @param dryRun whether nothing was removed
 * @param paths the selected run directories, as {@code <workspace>/runs/<id>} (not resolved)
 */
public record RunCleanup(boolean dryRun, List<String> paths) {
    /** Copies the paths. */
    public RunCleanup {
        paths = List.copyOf(paths);
    }

    /** Number of selected runs. */
    public int selectedCount() {
        return paths.size();
    }

    /** Number of removed runs: 0 on a dry run. */
    public int removedCount() {
        return dryRun ? 0 : paths.size();
    }

    /** The CLI JSON {@code {dry_run, selected_count, removed_count, paths}} (insertion order). */
    public JsonObject toJson() {
        List<ai.worldforge.json.JsonValue> items = new ArrayList<>();
        for (String path : paths) {
            items.add(JsonString.of(path));
        }
        return JsonObject.builder()
                .put("dry_run", dryRun)
                .put("selected_count", JsonInt.of(selectedCount()))
                .put("removed_count", JsonInt.of(removedCount()))
                .put("paths", JsonArray.copyOf(items))
                .build();
    }

    /**
     * The CLI Markdown: {@code # WorldForge Run Cleanup Preview} (dry run) or {@code # WorldForge
     * Run Cleanup}, the counts and one bullet per path; ends with a newline.
     */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("# ")
                .append(dryRun ? "WorldForge Run Cleanup Preview" : "WorldForge Run Cleanup")
                .append("\n\n");
        out.append("- removed_count: ").append(removedCount()).append('\n');
        out.append("- selected_count: ").append(selectedCount()).append('\n');
        for (String path : paths) {
            out.append("- `").append(path).append("`\n");
        }
        return out.toString();
    }
}
