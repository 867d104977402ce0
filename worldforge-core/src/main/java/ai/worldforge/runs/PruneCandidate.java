package ai.worldforge.runs;

import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;

/**
 * One run directory considered by {@link RunsPrune#plan}.
 *
 * @param runId the manifest run id, else the directory name
 * @param runDir the absolute run directory
 * @param kind the manifest kind, or empty
 * @param createdAt the manifest {@code created_at} text, or empty
 * @param sizeBytes total size of the regular files below the directory
 * @param action {@code delete}, {@code keep}, {@code skip-young}, {@code skip-keep-latest} or
 *     {@code skip-family}
 * @param reason why
 */
public record PruneCandidate(
        String runId, String runDir, String kind, String createdAt, long sizeBytes, String action, String reason) {
    /** Whether the plan deletes this run. */
    public boolean isDelete() {
        return action.equals("delete");
    }

    /** {@code {run_id, run_dir, kind, created_at, size_bytes, action, reason}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("run_id", runId)
                .put("run_dir", runDir)
                .put("kind", kind)
                .put("created_at", createdAt)
                .put("size_bytes", JsonInt.of(sizeBytes))
                .put("action", action)
                .put("reason", reason)
                .build();
    }
}
