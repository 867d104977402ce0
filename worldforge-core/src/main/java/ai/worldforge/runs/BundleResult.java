package ai.worldforge.runs;

import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files and manifest of a generated evidence or issue bundle.
 *
 * @param outputDir the resolved bundle directory
 * @param manifestPath {@code evidence_manifest.json}
 * @param summaryPath {@code summary.md}
 * @param manifest the manifest as written
 * @param issueTemplatePath {@code issue.md} for issue bundles
 */
public record BundleResult(
        Path outputDir, Path manifestPath, Path summaryPath, JsonObject manifest, Optional<Path> issueTemplatePath) {
    /** {@code issue.html} next to {@code issue.md}, for issue bundles ({@code runs bundle --format html}). */
    public Optional<Path> issueHtmlPath() {
        return issueTemplatePath.map(path -> path.resolveSibling("issue.html"));
    }

    /** Whether every bundle file is safe to attach. */
    public boolean safeToAttach() {
        return manifest.get("safe_to_attach") instanceof ai.worldforge.json.JsonBool b && b.value();
    }

    /**
     * The {@code runs bundle --format json} object: {@code {run_id, output_dir, manifest_path,
     * summary_path, issue_template_path, safe_to_attach, included_count, excluded_count,
     * first_triage_step}} in that order.
     */
    public JsonObject toCliJson(String runId) {
        return JsonObject.builder()
                .put("run_id", runId)
                .put("output_dir", outputDir.toString())
                .put("manifest_path", manifestPath.toString())
                .put("summary_path", summaryPath.toString())
                .put(
                        "issue_template_path",
                        issueTemplatePath.map(Path::toString).orElse("None"))
                .put("safe_to_attach", member("safe_to_attach"))
                .put("included_count", member("included_count"))
                .put("excluded_count", member("excluded_count"))
                .put("first_triage_step", member("first_triage_step"))
                .build();
    }

    private JsonValue member(String key) {
        JsonValue value = manifest.get(key);
        return value == null ? ai.worldforge.json.JsonNull.INSTANCE : value;
    }
}
