package ai.worldforge.negotiation;

import ai.worldforge.error.WorldForgeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference's 13 built-in workflows in display order, with its titles, descriptions and
 * notes verbatim.
 */
public final class Workflows {
    private static final List<WorkflowSpec> ALL = List.of(
            new WorkflowSpec(
                    "predict-only",
                    "Predict-only workflow",
                    "Workflows that only need a world-model predict provider.",
                    List.of("predict"),
                    "The mock provider always satisfies predict for checkout-safe runs."),
            new WorkflowSpec(
                    "generate-only",
                    "Generate-only workflow",
                    "Video or media generation workflows that only need a generate-capable provider.",
                    List.of("generate"),
                    "Cosmos requires COSMOS_BASE_URL; Runway requires RUNWAYML_API_SECRET."),
            new WorkflowSpec(
                    "score-only",
                    "Score-only workflow",
                    "Action scoring workflows that only need a score-capable provider.",
                    List.of("score"),
                    "LeWorldModel requires LEWORLDMODEL_POLICY or LEWM_POLICY."),
            new WorkflowSpec(
                    "policy-only",
                    "Policy-only workflow",
                    "Embodied policy workflows that only need a policy-capable provider.",
                    List.of("policy"),
                    "LeRobot requires LEROBOT_POLICY_PATH or LEROBOT_POLICY; GR00T requires GROOT_POLICY_HOST."),
            new WorkflowSpec(
                    "transfer-only",
                    "Transfer-only workflow",
                    "Video transfer / re-rendering workflows that only need a transfer provider.",
                    List.of("transfer")),
            new WorkflowSpec(
                    "reason-only",
                    "Reason-only workflow",
                    "Scene reasoning workflows that only need a reason-capable provider.",
                    List.of("reason")),
            new WorkflowSpec(
                    "embed-only",
                    "Embed-only workflow",
                    "Embedding workflows that only need an embed-capable provider.",
                    List.of("embed")),
            new WorkflowSpec(
                    "policy-plus-score",
                    "Policy + score workflow",
                    "Embodied workflows that propose actions with a policy provider and rank them with a score"
                            + " provider. Both capabilities must be satisfied \u2014 typically by different"
                            + " providers.",
                    List.of("policy", "score"),
                    "A common prepared-host pairing is LeRobot (policy) + LeWorldModel (score); both require"
                            + " their respective env-var profiles."),
            evaluation("generation", "generate"),
            evaluation("physics", "predict"),
            evaluation("planning", "predict"),
            evaluation("reasoning", "reason"),
            evaluation("transfer", "transfer"));

    private static final Map<String, WorkflowSpec> BY_NAME = index();

    private Workflows() {}

    private static WorkflowSpec evaluation(String suite, String capability) {
        return new WorkflowSpec(
                "evaluation-" + suite,
                "Evaluation suite: " + suite,
                "Mirrors the built-in '" + suite + "' evaluation suite's required capability surface.",
                List.of(capability));
    }

    private static Map<String, WorkflowSpec> index() {
        Map<String, WorkflowSpec> out = new LinkedHashMap<>();
        ALL.forEach(w -> out.put(w.name(), w));
        return out;
    }

    /** Every built-in workflow in display order. */
    public static List<WorkflowSpec> all() {
        return ALL;
    }

    /** Built-in workflow names in display order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * The built-in workflow named {@code name}.
     *
     * @throws WorldForgeException {@code Unknown workflow '{name}'. Known workflows: {names}.}
     */
    public static WorkflowSpec get(String name) {
        WorkflowSpec workflow = BY_NAME.get(name);
        if (workflow == null) {
            throw new WorldForgeException(
                    "Unknown workflow '" + name + "'. Known workflows: " + String.join(", ", BY_NAME.keySet()) + ".");
        }
        return workflow;
    }
}
