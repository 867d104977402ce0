package ai.worldforge.plan;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.StructuredGoal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What to plan: the Java form of the reference's {@code World.plan(goal=None, *, goal_spec,
 * goal_json, planner="cem", max_steps=20, provider, candidate_actions, policy_provider,
 * policy_info, score_provider, score_info, score_action_candidates, execution_provider)} keyword
 * arguments. Absent options are the reference's {@code None}.
 *
 * <p>The mode follows from the options: any of {@code policyInfo}/{@code policyProvider} selects
 * policy planning; any of {@code candidateActions}/{@code scoreProvider}/{@code scoreInfo}/{@code
 * scoreActionCandidates} selects score planning; both compose policy proposals with score ranking;
 * none predicts each goal action with a world model.
 *
 * <p>Immutable and thread-safe: the candidate lists are copied when set and validated when
 * planning, in the reference's order; planning the same request again reuses the validated
 * candidates and their score payload.
 */
public final class PlanRequest {
    /** The default planner label. */
    public static final String DEFAULT_PLANNER = "cem";
    /** The default maximum number of actions. */
    public static final int DEFAULT_MAX_STEPS = 20;

    private final @Nullable String goal;
    private final @Nullable StructuredGoal goalSpec;
    private final @Nullable String goalJson;
    private final String planner;
    private final int maxSteps;
    private final @Nullable String provider;
    private final @Nullable List<?> candidateActions;
    private final @Nullable String policyProvider;
    private final @Nullable JsonObject policyInfo;
    private final @Nullable String scoreProvider;
    private final @Nullable JsonObject scoreInfo;
    private final @Nullable JsonValue scoreActionCandidates;
    private final @Nullable String executionProvider;

    private PlanRequest(Builder b) {
        this.goal = b.goal;
        this.goalSpec = b.goalSpec;
        this.goalJson = b.goalJson;
        this.planner = b.planner;
        this.maxSteps = b.maxSteps;
        this.provider = b.provider;
        this.candidateActions = b.candidateActions;
        this.policyProvider = b.policyProvider;
        this.policyInfo = b.policyInfo;
        this.scoreProvider = b.scoreProvider;
        this.scoreInfo = b.scoreInfo;
        this.scoreActionCandidates = b.scoreActionCandidates;
        this.executionProvider = b.executionProvider;
    }

    /** A builder without a goal (set one of goal, goal spec or goal JSON). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder for the free-text {@code goal}. */
    public static Builder builder(String goal) {
        return new Builder().goal(goal);
    }

    /** A request for the free-text {@code goal} with every default. */
    public static PlanRequest of(String goal) {
        return builder(goal).build();
    }

    /** The free-text goal. */
    public Optional<String> goal() {
        return Optional.ofNullable(goal);
    }

    /** The structured goal. */
    public Optional<StructuredGoal> goalSpec() {
        return Optional.ofNullable(goalSpec);
    }

    /** The structured goal as JSON text (modern or legacy form), parsed when planning. */
    public Optional<String> goalJson() {
        return Optional.ofNullable(goalJson);
    }

    /** The planner label recorded on the plan (no search algorithm is implied). */
    public String planner() {
        return planner;
    }

    /** The maximum number of actions kept. */
    public int maxSteps() {
        return maxSteps;
    }

    /** The provider for predict planning and the default for policy and score; else the world's. */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /** Caller candidates for score planning, as given (validated when planning). */
    public Optional<List<?>> candidateActions() {
        return Optional.ofNullable(candidateActions);
    }

    /** The policy provider. */
    public Optional<String> policyProvider() {
        return Optional.ofNullable(policyProvider);
    }

    /** The observation passed to the policy provider. */
    public Optional<JsonObject> policyInfo() {
        return Optional.ofNullable(policyInfo);
    }

    /** The score provider. */
    public Optional<String> scoreProvider() {
        return Optional.ofNullable(scoreProvider);
    }

    /** The information passed to the score provider. */
    public Optional<JsonObject> scoreInfo() {
        return Optional.ofNullable(scoreInfo);
    }

    /** A provider-specific payload sent to the score provider instead of the serialised candidates. */
    public Optional<JsonValue> scoreActionCandidates() {
        return Optional.ofNullable(scoreActionCandidates);
    }

    /** The provider recorded in score and policy plans' metadata for later execution. */
    public Optional<String> executionProvider() {
        return Optional.ofNullable(executionProvider);
    }

    /**
     * The caller candidates validated as plans (valid candidates were validated when set).
     *
     * @throws WorldForgeException as {@link ActionCandidates#normalize}
     */
    CandidatePlans validatedCandidates() {
        return ActionCandidates.normalizePlans(candidateActions);
    }

    /** Whether policy planning was requested ({@code policyInfo} or {@code policyProvider} set). */
    boolean usesPolicy() {
        return policyInfo != null || policyProvider != null;
    }

    /** Whether score planning was requested (any score option set). */
    boolean usesScore() {
        return candidateActions != null || scoreProvider != null || scoreInfo != null || scoreActionCandidates != null;
    }

    /** A builder pre-filled with this request's options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.goal = goal;
        b.goalSpec = goalSpec;
        b.goalJson = goalJson;
        b.planner = planner;
        b.maxSteps = maxSteps;
        b.provider = provider;
        b.candidateActions = candidateActions;
        b.policyProvider = policyProvider;
        b.policyInfo = policyInfo;
        b.scoreProvider = scoreProvider;
        b.scoreInfo = scoreInfo;
        b.scoreActionCandidates = scoreActionCandidates;
        b.executionProvider = executionProvider;
        return b;
    }

    @Override
    public String toString() {
        return "PlanRequest[goal=" + goal + ", goalSpec=" + goalSpec + ", planner=" + planner + ", maxSteps=" + maxSteps
                + ", provider=" + provider + ", policy=" + usesPolicy() + ", score=" + usesScore() + "]";
    }

    /**
     * Builder for {@link PlanRequest}; not thread-safe. Setters accept {@code null} to clear an
     * option. {@link #build()} applies the reference's argument checks that need no world.
     */
    public static final class Builder {
        private @Nullable String goal;
        private @Nullable StructuredGoal goalSpec;
        private @Nullable String goalJson;
        private String planner = DEFAULT_PLANNER;
        private int maxSteps = DEFAULT_MAX_STEPS;
        private @Nullable String provider;
        private @Nullable List<?> candidateActions;
        private @Nullable String policyProvider;
        private @Nullable JsonObject policyInfo;
        private @Nullable String scoreProvider;
        private @Nullable JsonObject scoreInfo;
        private @Nullable JsonValue scoreActionCandidates;
        private @Nullable String executionProvider;

        private Builder() {}

        /** Free-text goal, turned into actions by {@link TextGoalHeuristic}; must not be blank. */
        public Builder goal(@Nullable String value) {
            goal = value;
            return this;
        }

        /** Structured goal (exclusive with {@link #goalJson}). */
        public Builder goalSpec(@Nullable StructuredGoal value) {
            goalSpec = value;
            return this;
        }

        /** Structured goal as JSON text (exclusive with {@link #goalSpec}). */
        public Builder goalJson(@Nullable String value) {
            goalJson = value;
            return this;
        }

        /** Planner label ({@code cem} by default). */
        public Builder planner(String value) {
            planner = Objects.requireNonNull(value, "planner");
            return this;
        }

        /** Maximum number of actions (20 by default); must be greater than 0. */
        public Builder maxSteps(int value) {
            maxSteps = value;
            return this;
        }

        /**
         * Provider for predict planning and default for policy/score; {@code null} or empty means
         * the world's provider (the reference's {@code provider or world.provider}).
         */
        public Builder provider(@Nullable String value) {
            provider = value;
            return this;
        }

        /**
         * Caller candidates for score planning: each element an {@code Action} (a one-action plan)
         * or a non-empty {@code List<Action>}; see {@link ActionCandidates}. Setting this selects
         * score planning.
         */
        public Builder candidateActions(@Nullable List<?> value) {
            candidateActions = value == null ? null : snapshot(value);
            return this;
        }

        /** Policy provider (empty means the planning provider); setting this selects policy planning. */
        public Builder policyProvider(@Nullable String value) {
            policyProvider = value;
            return this;
        }

        /** Observation for the policy provider; setting this selects policy planning. */
        public Builder policyInfo(@Nullable JsonObject value) {
            policyInfo = value;
            return this;
        }

        /** Score provider (empty means the planning provider); setting this selects score planning. */
        public Builder scoreProvider(@Nullable String value) {
            scoreProvider = value;
            return this;
        }

        /** Information for the score provider; setting this selects score planning. */
        public Builder scoreInfo(@Nullable JsonObject value) {
            scoreInfo = value;
            return this;
        }

        /**
         * A payload passed verbatim to the score provider instead of the serialised candidates (the
         * score count must still match the candidate count); setting this selects score planning.
         */
        public Builder scoreActionCandidates(@Nullable JsonValue value) {
            scoreActionCandidates = value;
            return this;
        }

        /** Provider recorded as {@code metadata.execution_provider} of score and policy plans. */
        public Builder executionProvider(@Nullable String value) {
            executionProvider = value;
            return this;
        }

        /**
         * Validated candidates (which cache their score payload), or when they are invalid an
         * immutable copy as given, so planning reports the problem in the reference's order with
         * its message and index.
         */
        private static List<?> snapshot(List<?> value) {
            CandidatePlans valid = ActionCandidates.tryNormalize(value);
            if (valid != null) {
                return valid;
            }
            List<Object> copy = new ArrayList<>(value.size());
            for (Object item : value) {
                copy.add(item instanceof List<?> list ? Collections.unmodifiableList(new ArrayList<>(list)) : item);
            }
            return Collections.unmodifiableList(copy);
        }

        /**
         * Builds the request after the reference's first checks, in its order.
         *
         * @throws WorldForgeException {@code max_steps must be an integer greater than 0.}, {@code
         *     plan() accepts at most one of goal_json or goal_spec.} or {@code goal must not be empty
         *     when provided.}
         */
        public PlanRequest build() {
            Checks.positiveInt(maxSteps, "max_steps");
            if (goalJson != null && goalSpec != null) {
                throw new WorldForgeException("plan() accepts at most one of goal_json or goal_spec.");
            }
            if (goal != null && goal.isBlank()) {
                throw new WorldForgeException("goal must not be empty when provided.");
            }
            return new PlanRequest(this);
        }
    }
}
