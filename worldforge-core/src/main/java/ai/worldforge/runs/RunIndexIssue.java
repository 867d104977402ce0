package ai.worldforge.runs;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonObject;
import java.util.List;

/**
 * One run directory the index could not summarise.
 *
 * @param runDir the run directory
 * @param reason {@code manifest-missing}, {@code manifest-unreadable}, {@code
 *     manifest-invalid-json} or {@code manifest-not-object}
 * @param detail a short note
 */
public record RunIndexIssue(String runDir, String reason, String detail) {
    /** The allowed reasons. */
    public static final List<String> REASONS =
            List.of("manifest-missing", "manifest-unreadable", "manifest-invalid-json", "manifest-not-object");

    /** Validates the fields with the reference's messages. */
    public RunIndexIssue {
        if (runDir == null || PyStrings.strip(runDir).isEmpty()) {
            throw new WorldForgeException("RunIndexIssue run_dir must be a non-empty string.");
        }
        if (!REASONS.contains(reason)) {
            throw new WorldForgeException("RunIndexIssue reason must be one of: " + String.join(", ", REASONS) + ".");
        }
        if (detail == null) {
            throw new WorldForgeException("RunIndexIssue detail must be a string.");
        }
    }

    /** {@code {run_dir, reason, detail}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("run_dir", runDir)
                .put("reason", reason)
                .put("detail", detail)
                .build();
    }
}
