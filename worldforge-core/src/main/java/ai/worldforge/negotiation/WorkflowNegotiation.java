package ai.worldforge.negotiation;

import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The negotiation result of one workflow. Immutable and thread-safe.
 *
 * @param workflow the workflow
 * @param requirements one per required capability, in the workflow's order
 * @param ready whether every requirement is ready
 * @param recommendedActions the requirements' recommended actions, de-duplicated, in order
 */
public record WorkflowNegotiation(
        WorkflowSpec workflow,
        List<CapabilityRequirement> requirements,
        boolean ready,
        List<String> recommendedActions) {
    /** Validates presence and copies the lists. */
    public WorkflowNegotiation {
        Objects.requireNonNull(workflow, "workflow");
        requirements = List.copyOf(requirements);
        recommendedActions = List.copyOf(recommendedActions);
    }

    /**
     * {@code ready with: {sorted ready providers}} when ready, else {@code missing capability
     * coverage: {unmet capabilities}}.
     */
    public String summary() {
        if (ready) {
            TreeSet<String> providers = new TreeSet<>();
            for (CapabilityRequirement requirement : requirements) {
                for (ProviderCandidateStatus status : requirement.candidates()) {
                    if (status.isReady()) {
                        providers.add(status.name());
                    }
                }
            }
            return "ready with: " + (providers.isEmpty() ? "no providers" : String.join(", ", providers));
        }
        List<String> unmet = new ArrayList<>();
        for (CapabilityRequirement requirement : requirements) {
            if (!requirement.ready()) {
                unmet.add(requirement.capability());
            }
        }
        return "missing capability coverage: " + String.join(", ", unmet);
    }

    /** {@code {workflow, ready, summary, requirements, recommended_actions}}. */
    public JsonObject toJson() {
        List<JsonValue> items = new ArrayList<>();
        requirements.forEach(r -> items.add(r.toJson()));
        List<JsonValue> actions = new ArrayList<>();
        recommendedActions.forEach(a -> actions.add(JsonString.of(a)));
        return JsonObject.builder()
                .put("workflow", workflow.toJson())
                .put("ready", JsonBool.of(ready))
                .put("summary", summary())
                .put("requirements", JsonArray.copyOf(items))
                .put("recommended_actions", JsonArray.copyOf(actions))
                .build();
    }
}
