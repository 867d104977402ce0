package ai.worldforge.plan;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.WorldState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A multi-step plan: the goal, the actions to execute, the states a world model predicted for them
 * (predict planning only), a success probability and metadata describing how it was made ({@code
 * planning_mode}, provider results, {@code workflow_trace}, …). Immutable and thread-safe.
 *
 * <p>Plans come from {@code World.plan(…)}; hosts may also build one with {@link #builder} (for
 * example to execute hand-written actions through {@code World.executePlan}).
 */
public final class Plan {
    private final String goal;
    private final String planner;
    private final String provider;
    private final List<Action> actions;
    private final List<WorldState> predictedStates;
    private final double successProbability;
    private final @Nullable JsonObject goalSpec;
    private final JsonObject metadata;

    private Plan(Builder b) {
        this.goal = Checks.nonBlank(b.goal, "Plan goal must be a non-empty string.");
        this.planner = Checks.nonBlank(b.planner, "Plan planner must be a non-empty string.");
        this.provider = Checks.nonBlank(b.provider, "Plan provider must be a non-empty string.");
        for (Action action : b.actions) {
            if (action == null) {
                throw new WorldForgeException("Plan actions must be a sequence of Action instances.");
            }
        }
        this.actions = List.copyOf(b.actions);
        for (int i = 0; i < b.predictedStates.size(); i++) {
            if (b.predictedStates.get(i) == null) {
                throw new WorldForgeException("Plan predicted_states[" + i + "] must be a JSON object.");
            }
        }
        this.predictedStates = List.copyOf(b.predictedStates);
        this.successProbability = Checks.probability(b.successProbability, "Plan success_probability");
        // The reference serialises the whole plan once to reject non-finite numbers; actions and
        // states are already valid, so only the free-form JSON needs the walk.
        this.goalSpec = b.goalSpec == null ? null : requireSerialisable(b.goalSpec);
        this.metadata = requireSerialisable(b.metadata);
    }

    private static JsonObject requireSerialisable(JsonObject value) {
        if (!allFinite(value)) {
            throw new WorldForgeException("Payload must be JSON serializable and contain only finite numbers.");
        }
        return value;
    }

    private static boolean allFinite(JsonValue value) {
        if (value instanceof JsonFloat f) {
            return f.isFinite();
        }
        if (value instanceof JsonObject o) {
            for (JsonValue member : o.members().values()) {
                if (!allFinite(member)) {
                    return false;
                }
            }
        } else if (value instanceof JsonArray a) {
            for (JsonValue item : a) {
                if (!allFinite(item)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A builder; {@code goal}, {@code planner} and {@code provider} must be non-blank (stripped).
     * Defaults: no actions, no predicted states, success probability 0, no goal spec, empty
     * metadata.
     */
    public static Builder builder(String goal, String planner, String provider) {
        return new Builder(goal, planner, provider);
    }

    /** The goal text (a structured goal's summary when planned from one). */
    public String goal() {
        return goal;
    }

    /** The planner label. */
    public String planner() {
        return planner;
    }

    /** The provider that produced the plan (the predict, score or policy provider). */
    public String provider() {
        return provider;
    }

    /** The actions to execute, in order. */
    public List<Action> actions() {
        return actions;
    }

    /** Number of actions. */
    public int actionCount() {
        return actions.size();
    }

    /** The predicted state after each action (predict planning; empty otherwise). */
    public List<WorldState> predictedStates() {
        return predictedStates;
    }

    /** Estimated probability of success in [0, 1]; see {@code metadata.success_probability_source}. */
    public double successProbability() {
        return successProbability;
    }

    /** The structured goal's JSON when planned from one. */
    public Optional<JsonObject> goalSpec() {
        return Optional.ofNullable(goalSpec);
    }

    /** Metadata: {@code planning_mode}, provider results, {@code workflow_trace}, … */
    public JsonObject metadata() {
        return metadata;
    }

    /** The planning mode recorded in the metadata ({@code predict}, {@code score}, …), when present. */
    public Optional<String> planningMode() {
        return metadata.get("planning_mode") instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
    }

    /**
     * The reference's {@code to_dict()}: {@code goal, goal_spec, planner, provider, actions,
     * action_count, success_probability, predicted_states, metadata}.
     */
    public JsonObject toJson() {
        JsonValue[] actionValues = new JsonValue[actions.size()];
        for (int i = 0; i < actionValues.length; i++) {
            actionValues[i] = actions.get(i).toJson();
        }
        JsonValue[] stateValues = new JsonValue[predictedStates.size()];
        for (int i = 0; i < stateValues.length; i++) {
            stateValues[i] = predictedStates.get(i).toJson();
        }
        return JsonObject.builder()
                .put("goal", JsonString.of(goal))
                .put("goal_spec", goalSpec == null ? JsonNull.INSTANCE : goalSpec)
                .put("planner", JsonString.of(planner))
                .put("provider", JsonString.of(provider))
                .put("actions", JsonArray.of(actionValues))
                .put("action_count", JsonInt.of(actions.size()))
                .put("success_probability", JsonFloat.of(successProbability))
                .put("predicted_states", JsonArray.of(stateValues))
                .put("metadata", metadata)
                .build();
    }

    /** Canonical JSON text of {@link #toJson()} (the reference's {@code to_json()}). */
    public String toJsonText() {
        return Json.write(toJson());
    }

    @Override
    public String toString() {
        return "Plan[goal=" + goal + ", planner=" + planner + ", provider=" + provider + ", actions=" + actions.size()
                + ", successProbability=" + successProbability + "]";
    }

    /** Builder for {@link Plan}; not thread-safe. */
    public static final class Builder {
        private final String goal;
        private final String planner;
        private final String provider;
        private List<Action> actions = List.of();
        private List<WorldState> predictedStates = List.of();
        private double successProbability;
        private @Nullable JsonObject goalSpec;
        private JsonObject metadata = JsonObject.EMPTY;

        private Builder(String goal, String planner, String provider) {
            this.goal = goal;
            this.planner = planner;
            this.provider = provider;
        }

        /** The actions (copied when built). */
        public Builder actions(List<Action> value) {
            actions = Objects.requireNonNull(value, "actions");
            return this;
        }

        /** The predicted states (copied when built). */
        public Builder predictedStates(List<WorldState> value) {
            predictedStates = Objects.requireNonNull(value, "predictedStates");
            return this;
        }

        /** Success probability in [0, 1]. */
        public Builder successProbability(double value) {
            successProbability = value;
            return this;
        }

        /** The structured goal's JSON, or {@code null}. */
        public Builder goalSpec(@Nullable JsonObject value) {
            goalSpec = value;
            return this;
        }

        /** Metadata (finite numbers only). */
        public Builder metadata(JsonObject value) {
            metadata = Objects.requireNonNull(value, "metadata");
            return this;
        }

        /**
         * Builds the plan.
         *
         * @throws WorldForgeException {@code Plan goal must be a non-empty string.} (likewise planner
         *     and provider), {@code Plan success_probability must be between 0 and 1.} or {@code
         *     Payload must be JSON serializable and contain only finite numbers.}
         */
        public Plan build() {
            return new Plan(this);
        }
    }
}
