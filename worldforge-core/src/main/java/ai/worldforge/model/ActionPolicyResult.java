package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Actions selected by a policy, with the raw model output and alternative candidate chunks.
 * Immutable and thread-safe.
 *
 * @param provider non-blank provider name
 * @param actions the selected actions (non-empty)
 * @param rawActions the provider's raw output
 * @param actionHorizon positive horizon, or {@code null}
 * @param embodimentTag non-blank embodiment tag, or {@code null}
 * @param metadata JSON metadata
 * @param actionCandidates candidate action chunks (each non-empty); defaults to {@code [actions]}
 */
public record ActionPolicyResult(
        String provider,
        List<Action> actions,
        JsonObject rawActions,
        @Nullable Integer actionHorizon,
        @Nullable String embodimentTag,
        JsonObject metadata,
        List<List<Action>> actionCandidates) {
    /** Validates every field and defaults the candidates. */
    public ActionPolicyResult {
        provider = Checks.nonBlank(provider, "ActionPolicyResult provider must be a non-empty string.");
        if (actions.isEmpty()) {
            throw new WorldForgeException("ActionPolicyResult actions must not be empty.");
        }
        actions = List.copyOf(actions);
        Checks.jsonObject(rawActions, "ActionPolicyResult raw_actions");
        if (actionHorizon != null && actionHorizon <= 0) {
            throw new WorldForgeException("ActionPolicyResult action_horizon must be an integer greater than 0.");
        }
        if (embodimentTag != null) {
            embodimentTag =
                    Checks.nonBlank(embodimentTag, "ActionPolicyResult embodiment_tag must be a non-empty string.");
        }
        Checks.jsonObject(metadata, "ActionPolicyResult metadata");
        List<List<Action>> candidates = new ArrayList<>();
        for (List<Action> candidate : actionCandidates) {
            if (candidate.isEmpty()) {
                throw new WorldForgeException(
                        "ActionPolicyResult action_candidates must contain non-empty action lists.");
            }
            candidates.add(List.copyOf(candidate));
        }
        actionCandidates = candidates.isEmpty() ? List.of(actions) : List.copyOf(candidates);
    }

    /** A result with only actions. */
    public static ActionPolicyResult of(String provider, List<Action> actions) {
        return new ActionPolicyResult(provider, actions, JsonObject.EMPTY, null, null, JsonObject.EMPTY, List.of());
    }

    /** The horizon, when known. */
    public Optional<Integer> horizon() {
        return Optional.ofNullable(actionHorizon);
    }

    /** {@code {provider, actions, raw_actions, action_horizon, embodiment_tag, metadata, action_candidates}}. */
    public JsonObject toJson() {
        List<JsonValue> candidates = new ArrayList<>();
        for (List<Action> candidate : actionCandidates) {
            candidates.add(actionsJson(candidate));
        }
        return JsonObject.builder()
                .put("provider", JsonString.of(provider))
                .put("actions", actionsJson(actions))
                .put("raw_actions", rawActions)
                .put("action_horizon", actionHorizon == null ? JsonNull.INSTANCE : JsonInt.of(actionHorizon))
                .put("embodiment_tag", embodimentTag == null ? JsonNull.INSTANCE : JsonString.of(embodimentTag))
                .put("metadata", metadata)
                .put("action_candidates", JsonArray.copyOf(candidates))
                .build();
    }

    private static JsonArray actionsJson(List<Action> actions) {
        List<JsonValue> out = new ArrayList<>(actions.size());
        actions.forEach(a -> out.add(a.toJson()));
        return JsonArray.copyOf(out);
    }
}
