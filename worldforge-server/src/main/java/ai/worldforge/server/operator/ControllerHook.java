package ai.worldforge.server.operator;

import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import java.util.List;

/**
 * The embedding host's robot controller integration, called at most once per review with the
 * selected action chunk — and only when the review requested controller execution, the operator
 * approved the dry run and every safety checklist item is true. WorldForge does not certify robot
 * safety: the hook owns the controller, its interlocks and its failure handling.
 */
@FunctionalInterface
public interface ControllerHook {
    /**
     * Executes (or dispatches) {@code actions}.
     *
     * @param actions the selected candidate's actions, in order
     * @param approval the review's approval record ({@code dry_run_approved}, {@code
     *     safety_checklist}, {@code controller_execution_requested}, {@code
     *     controller_hook_supplied}, {@code worldforge_certifies_robot_safety: false})
     * @return a JSON object describing the outcome; it is preserved as {@code controller_result}
     * @throws Exception when execution fails; the review then fails and its manifest is rewritten
     *     as {@code failed}
     */
    JsonValue execute(List<Action> actions, JsonObject approval) throws Exception;
}
