package ai.worldforge.runs;

import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A checkout-safe summary of one preserved run, derived from its manifest by {@link RunHistory}.
 *
 * @param runId the run id (the directory name when the manifest has none)
 * @param kind the run family
 * @param status the manifest status text
 * @param provider the provider label (the manifest's, else the joined {@code input_summary.providers})
 * @param operation the operation label
 * @param capability the first capability, or empty
 * @param capabilities the capabilities the run exercised, in discovery order
 * @param createdAt the manifest {@code created_at} text
 * @param createdDate the date of {@code createdAt}, when it parses
 * @param command the stripped manifest command
 * @param rerunCommand the command with secrets and host paths replaced
 * @param failureSummary the failure sentence, or empty
 * @param safeArtifactTypes one type per safe relative artifact path: its label, or its suffix when
 *     it has no label (the reference lists label and suffix, so {@code markdown} and {@code md}
 *     both appear for one report)
 * @param artifactSuffixes the suffixes of those paths, which {@code --artifact-type} also matches
 * @param artifactCount number of artifact paths
 * @param eventCount number of provider events
 * @param path the run directory as listed
 * @param displayPath {@code <workspace display>/runs/<id>}
 * @param issueBundleCommand the {@code worldforge runs bundle} command
 * @param issueBundlePath {@code <workspace display>/issue-bundles/<id>}
 * @param comparisonCommand the {@code worldforge runs compare} command (eval and benchmark)
 * @param recoveryCommand the issue bundle command for failed, cancelled or skipped runs
 */
public record RunHistoryRecord(
        String runId,
        String kind,
        String status,
        String provider,
        String operation,
        String capability,
        List<String> capabilities,
        String createdAt,
        Optional<LocalDate> createdDate,
        String command,
        String rerunCommand,
        String failureSummary,
        List<String> safeArtifactTypes,
        List<String> artifactSuffixes,
        int artifactCount,
        long eventCount,
        Path path,
        String displayPath,
        String issueBundleCommand,
        String issueBundlePath,
        Optional<String> comparisonCommand,
        Optional<String> recoveryCommand) {
    /** Copies the lists. */
    public RunHistoryRecord {
        capabilities = List.copyOf(capabilities);
        safeArtifactTypes = List.copyOf(safeArtifactTypes);
        artifactSuffixes = List.copyOf(artifactSuffixes);
    }

    /** The reference's {@code to_dict} (the display path as {@code path}). */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("run_id", runId)
                .put("kind", kind)
                .put("status", status)
                .put("provider", provider)
                .put("operation", operation)
                .put("capability", capability)
                .put("capabilities", strings(capabilities))
                .put("created_at", createdAt)
                .put("command", command)
                .put("rerun_command", rerunCommand)
                .put("failure_summary", failureSummary)
                .put("safe_artifact_types", strings(safeArtifactTypes))
                .put("artifact_count", JsonInt.of(artifactCount))
                .put("event_count", JsonInt.of(eventCount))
                .put("path", displayPath)
                .put("issue_bundle_command", issueBundleCommand)
                .put("issue_bundle_path", issueBundlePath)
                .put("comparison_command", optional(comparisonCommand))
                .put("recovery_command", optional(recoveryCommand))
                .build();
    }

    private static JsonArray strings(List<String> values) {
        return JsonArray.copyOf(values.stream().map(JsonString::of).toList());
    }

    private static JsonValue optional(Optional<String> value) {
        return value.<JsonValue>map(JsonString::of).orElse(JsonNull.INSTANCE);
    }
}
