package ai.worldforge.plan;

import ai.worldforge.event.Redaction;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@code workflow_trace} JSON the reference attaches to every plan (its {@code
 * WorkflowTrace(...).to_dict()} for the fixed step shapes planning uses). Free text in the trace
 * (provider names, the planner label) is sanitised like the reference's traces: secrets redacted,
 * host-local paths replaced. Stateless and thread-safe.
 */
final class PlanTrace {
    /** The reference's step statuses, in its order (the keys of {@code status_counts}). */
    private static final List<String> STATUSES = List.of("pending", "running", "success", "skipped", "failed");

    private static final Pattern HOST_LOCAL_PATH =
            Pattern.compile("(?:/Users|/private|/var/folders|/tmp|~)/[^\\s,;:)'\"]+", Pattern.UNICODE_CHARACTER_CLASS);

    private PlanTrace() {}

    /**
     * The trace of one planning run.
     *
     * @param mode the planning mode
     * @param planner the planner label
     * @param provider the plan's provider
     * @param actionCount number of plan actions
     * @param candidateCount number of candidate plans, or {@code null} (predict mode)
     * @param policyProvider the policy provider (policy modes)
     * @param scoreProvider the score provider (score modes)
     * @param predictStepCount number of predict calls (predict mode)
     */
    static JsonObject build(
            PlanningMode mode,
            String planner,
            String provider,
            int actionCount,
            @Nullable Integer candidateCount,
            @Nullable String policyProvider,
            @Nullable String scoreProvider,
            int predictStepCount) {
        List<JsonObject> steps = new ArrayList<>();
        String root = mode.wireName() + " planning";
        steps.add(step("plan", root, "success", provider, null, null, List.of("world-state"), List.of("plan"), null));
        if (mode == PlanningMode.POLICY || mode == PlanningMode.POLICY_SCORE) {
            steps.add(step(
                    "policy",
                    "select action candidates",
                    "success",
                    policyProvider != null ? policyProvider : provider,
                    "policy",
                    "plan",
                    List.of(),
                    List.of("policy-candidates"),
                    null));
        } else if (mode == PlanningMode.SCORE) {
            steps.add(step(
                    "policy",
                    "select action candidates",
                    "skipped",
                    null,
                    "policy",
                    "plan",
                    List.of(),
                    List.of(),
                    "Policy provider not requested; score planning used caller candidates."));
        }
        if (mode == PlanningMode.SCORE || mode == PlanningMode.POLICY_SCORE) {
            steps.add(step(
                    "score",
                    "rank action candidates",
                    "success",
                    scoreProvider != null ? scoreProvider : provider,
                    "score",
                    "plan",
                    List.of("action-candidates"),
                    List.of("score-ranking"),
                    null));
        } else if (mode == PlanningMode.POLICY) {
            steps.add(step(
                    "score",
                    "rank action candidates",
                    "skipped",
                    null,
                    "score",
                    "plan",
                    List.of(),
                    List.of(),
                    "Score provider not requested; policy result used directly."));
        }
        if (mode == PlanningMode.PREDICT) {
            for (int i = 1; i <= predictStepCount; i++) {
                steps.add(step(
                        "predict-" + i,
                        "predict next state",
                        "success",
                        provider,
                        "predict",
                        "plan",
                        List.of("world-state"),
                        List.of("predicted-state-" + i),
                        null));
            }
        }
        JsonObject.Builder counts = JsonObject.builder();
        for (String status : STATUSES) {
            long count = steps.stream()
                    .filter(s ->
                            s.get("status") instanceof JsonString v && v.value().equals(status))
                    .count();
            counts.put(status, JsonInt.of(count));
        }
        JsonObject metadata = JsonObject.builder()
                .put("planner", JsonString.of(sanitize(planner)))
                .put("planning_mode", JsonString.of(mode.wireName()))
                .put("action_count", JsonInt.of(actionCount))
                .put("candidate_count", candidateCount == null ? JsonNull.INSTANCE : JsonInt.of(candidateCount))
                .build();
        return JsonObject.builder()
                .put("schema_version", JsonInt.of(1))
                .put("workflow_id", JsonString.of("plan:" + mode.wireName().replace('+', '-')))
                .put("name", JsonString.of("World plan (" + mode.wireName() + ")"))
                // Planning steps only succeed or are skipped, so the derived status is success.
                .put("status", JsonString.of("success"))
                .put("safe_to_attach", JsonBool.TRUE)
                .put("step_count", JsonInt.of(steps.size()))
                .put("status_counts", counts.build())
                .put("metadata", metadata)
                .put("steps", JsonArray.copyOf(steps))
                .build();
    }

    private static JsonObject step(
            String stepId,
            String operation,
            String status,
            @Nullable String provider,
            @Nullable String capability,
            @Nullable String parentId,
            List<String> inputs,
            List<String> outputs,
            @Nullable String errorSummary) {
        JsonObject.Builder out = JsonObject.builder()
                .put("step_id", JsonString.of(stepId))
                .put("operation", JsonString.of(operation))
                .put("status", JsonString.of(status))
                .put("input_artifacts", artifacts(inputs))
                .put("output_artifacts", artifacts(outputs));
        if (provider != null) {
            out.put("provider", JsonString.of(sanitize(provider)));
        }
        if (capability != null) {
            out.put("capability", JsonString.of(capability));
        }
        if (parentId != null) {
            out.put("parent_id", JsonString.of(parentId));
        }
        if (errorSummary != null) {
            out.put("error_summary", JsonString.of(errorSummary));
        }
        return out.build();
    }

    private static JsonArray artifacts(List<String> labels) {
        List<JsonValue> out = new ArrayList<>(labels.size());
        for (String label : labels) {
            out.add(JsonObject.of("label", JsonString.of(label), "safe_to_attach", JsonBool.TRUE));
        }
        return JsonArray.copyOf(out);
    }

    /** The reference's trace text sanitiser: strip, redact secrets, hide host-local paths, strip. */
    static String sanitize(String text) {
        String out = Redaction.redactText(text.strip());
        if (out.indexOf('/') >= 0) {
            out = HOST_LOCAL_PATH.matcher(out).replaceAll("<host-local-path>");
        }
        return out.strip();
    }
}
