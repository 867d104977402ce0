package ai.worldforge.plan;

import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.trace.WorkflowArtifactRef;
import ai.worldforge.trace.WorkflowStatus;
import ai.worldforge.trace.WorkflowTrace;
import ai.worldforge.trace.WorkflowTraceStep;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@code workflow_trace} the reference attaches to every plan: a {@link WorkflowTrace}
 * with the fixed step shapes planning uses, so free text (provider names, the planner label) is
 * sanitised like every trace. Stateless and thread-safe.
 */
final class PlanTrace {
    private PlanTrace() {}

    /**
     * The trace JSON of one planning run.
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
        List<WorkflowTraceStep> steps = new ArrayList<>();
        steps.add(WorkflowTraceStep.builder("plan", mode.wireName() + " planning")
                .status(WorkflowStatus.SUCCESS)
                .provider(provider)
                .inputArtifacts(artifacts("world-state"))
                .outputArtifacts(artifacts("plan"))
                .build());
        if (mode == PlanningMode.POLICY || mode == PlanningMode.POLICY_SCORE) {
            steps.add(child("policy", "select action candidates", "policy")
                    .status(WorkflowStatus.SUCCESS)
                    .provider(policyProvider != null ? policyProvider : provider)
                    .outputArtifacts(artifacts("policy-candidates"))
                    .build());
        } else if (mode == PlanningMode.SCORE) {
            steps.add(child("policy", "select action candidates", "policy")
                    .status(WorkflowStatus.SKIPPED)
                    .errorSummary("Policy provider not requested; score planning used caller candidates.")
                    .build());
        }
        if (mode == PlanningMode.SCORE || mode == PlanningMode.POLICY_SCORE) {
            steps.add(child("score", "rank action candidates", "score")
                    .status(WorkflowStatus.SUCCESS)
                    .provider(scoreProvider != null ? scoreProvider : provider)
                    .inputArtifacts(artifacts("action-candidates"))
                    .outputArtifacts(artifacts("score-ranking"))
                    .build());
        } else if (mode == PlanningMode.POLICY) {
            steps.add(child("score", "rank action candidates", "score")
                    .status(WorkflowStatus.SKIPPED)
                    .errorSummary("Score provider not requested; policy result used directly.")
                    .build());
        }
        if (mode == PlanningMode.PREDICT) {
            for (int i = 1; i <= predictStepCount; i++) {
                steps.add(child("predict-" + i, "predict next state", "predict")
                        .status(WorkflowStatus.SUCCESS)
                        .provider(provider)
                        .inputArtifacts(artifacts("world-state"))
                        .outputArtifacts(artifacts("predicted-state-" + i))
                        .build());
            }
        }
        JsonObject metadata = JsonObject.builder()
                .put("planner", JsonString.of(planner))
                .put("planning_mode", JsonString.of(mode.wireName()))
                .put("action_count", JsonInt.of(actionCount))
                .put("candidate_count", candidateCount == null ? JsonNull.INSTANCE : JsonInt.of(candidateCount))
                .build();
        return WorkflowTrace.builder(
                        "plan:" + mode.wireName().replace('+', '-'), "World plan (" + mode.wireName() + ")")
                .steps(steps)
                .metadata(metadata)
                .build()
                .toJson();
    }

    /** A step under the root {@code plan} step. */
    private static WorkflowTraceStep.Builder child(String stepId, String operation, String capability) {
        return WorkflowTraceStep.builder(stepId, operation)
                .capability(capability)
                .parentId("plan");
    }

    private static List<WorkflowArtifactRef> artifacts(String label) {
        return List.of(WorkflowArtifactRef.of(label));
    }
}
