package ai.worldforge.plan;

import ai.worldforge.WorldForge;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.model.PredictionPayload;
import ai.worldforge.model.StructuredGoal;
import ai.worldforge.model.WorldState;
import ai.worldforge.provider.Capability;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The planning algorithm behind {@code World.plan}: validates the request in the reference's
 * order, turns the goal into actions, then plans in one of four modes.
 *
 * <ul>
 *   <li><b>predict</b> (no policy or score option): chains {@code forge.predict(state, action, 1,
 *       provider)} over the goal actions on a copy of the snapshot; success is the mean physics
 *       score clamped to [0.65, 0.98].
 *   <li><b>score</b>: sends the caller's candidate plans to a score provider and keeps the best
 *       one; success is {@code 1 / (1 + max(0, best_score))}.
 *   <li><b>policy</b>: keeps the policy provider's selected actions; success is 0.5 (no world
 *       model was consulted).
 *   <li><b>policy+score</b>: scores the policy's candidate plans and keeps the best one.
 * </ul>
 *
 * <p>The world is never changed; the planner only reads {@code snapshot}. Stateless and
 * thread-safe (provider calls may run concurrently with other work on the same forge).
 */
public final class WorldPlanner {
    private static final double PREDICT_DEFAULT_SUCCESS = 0.7;
    private static final double PREDICT_MIN_SUCCESS = 0.65;
    private static final double PREDICT_MAX_SUCCESS = 0.98;
    private static final double POLICY_SUCCESS = 0.5;

    private WorldPlanner() {}

    /**
     * Plans {@code request} for the world whose current snapshot is {@code snapshot}.
     *
     * @param forge the forge whose providers plan
     * @param snapshot the world's current state (its provider is the default planning provider)
     * @param request what to plan
     * @throws WorldForgeException for invalid requests and goals, unsupported providers and
     *     provider results that do not fit the candidates (messages as in the reference)
     * @throws ProviderException when a provider is unknown or fails
     */
    public static Plan plan(WorldForge forge, WorldState snapshot, PlanRequest request) {
        String selected = orElse(request.provider().orElse(null), snapshot.provider());
        boolean usesPolicy = request.usesPolicy();
        boolean usesScore = request.usesScore();
        String policyProvider = orElse(request.policyProvider().orElse(null), selected);
        if (usesPolicy) {
            if (!supports(forge, policyProvider, Capability.POLICY)) {
                throw new WorldForgeException("Provider '" + policyProvider + "' does not support policy planning.");
            }
            if (request.policyInfo().isEmpty()) {
                throw new WorldForgeException("Policy planning requires policy_info.");
            }
            if (request.candidateActions().isPresent()) {
                throw new WorldForgeException("Policy planning derives candidate actions from the policy provider; do"
                        + " not pass candidate_actions.");
            }
        }
        String scoreProvider = orElse(request.scoreProvider().orElse(null), selected);
        if (usesScore) {
            if (!supports(forge, scoreProvider, Capability.SCORE)) {
                throw new WorldForgeException(
                        "Provider '" + scoreProvider + "' does not support score-based planning.");
            }
            if (!usesPolicy && request.candidateActions().isEmpty()) {
                throw new WorldForgeException("Score-based planning requires candidate_actions unless policy planning"
                        + " provides candidates.");
            }
            if (request.scoreInfo().isEmpty()) {
                throw new WorldForgeException("Score-based planning requires score_info.");
            }
        }

        // The goal is resolved in every mode (and may fail) even when a policy or score provider
        // supplies the actions, as in the reference.
        @Nullable StructuredGoal spec = request.goalSpec().orElse(null);
        if (request.goalJson().isPresent()) {
            spec = StructuredGoal.fromJsonText(request.goalJson().get());
        }
        String goal;
        @Nullable JsonObject goalSpecJson;
        List<Action> goalActions;
        if (spec != null) {
            goal = spec.summary();
            goalSpecJson = spec.toJson();
            goalActions = StructuredGoalActions.actionsFor(spec, snapshot);
        } else {
            goal = request.goal()
                    .orElseThrow(() -> new WorldForgeException("plan() requires goal, goal_json, or goal_spec."));
            goalSpecJson = null;
            goalActions = TextGoalHeuristic.actionsFor(goal, snapshot);
        }
        int maxSteps = request.maxSteps();
        goalActions = truncate(goalActions, maxSteps);

        Plan.Builder plan;
        if (usesPolicy) {
            plan = policyPlan(forge, request, goal, policyProvider, usesScore, scoreProvider);
        } else if (usesScore) {
            plan = scorePlan(forge, request, goal, scoreProvider);
        } else {
            plan = predictPlan(forge, snapshot, request, goal, selected, goalActions);
        }
        return plan.goalSpec(goalSpecJson).build();
    }

    private static Plan.Builder predictPlan(
            WorldForge forge,
            WorldState snapshot,
            PlanRequest request,
            String goal,
            String provider,
            List<Action> actions) {
        WorldState simulated = snapshot;
        List<WorldState> predicted = new ArrayList<>(actions.size());
        double physicsSum = 0.0;
        for (Action action : actions) {
            PredictionPayload payload = forge.predict(simulated, action, 1, provider);
            simulated = payload.state();
            predicted.add(simulated);
            physicsSum += payload.physicsScore();
        }
        double mean = predicted.isEmpty() ? PREDICT_DEFAULT_SUCCESS : physicsSum / predicted.size();
        double success = Math.max(PREDICT_MIN_SUCCESS, Math.min(PREDICT_MAX_SUCCESS, mean));
        JsonObject metadata = JsonObject.builder()
                .put("planning_mode", JsonString.of(PlanningMode.PREDICT.wireName()))
                .put(
                        "workflow_trace",
                        PlanTrace.build(
                                PlanningMode.PREDICT,
                                request.planner(),
                                provider,
                                actions.size(),
                                null,
                                null,
                                null,
                                predicted.size()))
                .build();
        return Plan.builder(goal, request.planner(), provider)
                .actions(actions)
                .predictedStates(predicted)
                .successProbability(success)
                .metadata(metadata);
    }

    private static Plan.Builder scorePlan(WorldForge forge, PlanRequest request, String goal, String scoreProvider) {
        CandidatePlans candidates = request.validatedCandidates();
        ActionScoreResult result = score(forge, request, scoreProvider, candidates);
        List<Action> actions = truncate(candidates.get(result.bestIndex()), request.maxSteps());
        JsonObject.Builder metadata = JsonObject.builder()
                .put("planning_mode", JsonString.of(PlanningMode.SCORE.wireName()))
                .put("score_result", result.toJson())
                .put("candidate_count", JsonInt.of(candidates.size()))
                .put("success_probability_source", JsonString.of("inverse_best_cost_heuristic"))
                .put(
                        "workflow_trace",
                        PlanTrace.build(
                                PlanningMode.SCORE,
                                request.planner(),
                                scoreProvider,
                                actions.size(),
                                candidates.size(),
                                null,
                                scoreProvider,
                                0));
        request.executionProvider().ifPresent(p -> metadata.put("execution_provider", JsonString.of(p)));
        return Plan.builder(goal, request.planner(), scoreProvider)
                .actions(actions)
                .successProbability(inverseCost(result.bestScore()))
                .metadata(metadata.build());
    }

    private static Plan.Builder policyPlan(
            WorldForge forge,
            PlanRequest request,
            String goal,
            String policyProvider,
            boolean usesScore,
            String scoreProvider) {
        int maxSteps = request.maxSteps();
        ActionPolicyResult policy =
                forge.selectActions(policyProvider, request.policyInfo().orElseThrow());
        List<List<Action>> truncated = new ArrayList<>(policy.actionCandidates().size());
        for (List<Action> candidate : policy.actionCandidates()) {
            truncated.add(List.copyOf(truncate(candidate, maxSteps)));
        }
        if (truncated.isEmpty()) {
            // Unreachable with a validated ActionPolicyResult (it defaults to [actions]); kept for
            // parity with the reference.
            throw new WorldForgeException("Provider '" + policyProvider + "' returned no policy action candidates.");
        }
        CandidatePlans candidates = new CandidatePlans(List.copyOf(truncated));
        if (usesScore) {
            ActionScoreResult result = score(forge, request, scoreProvider, candidates);
            List<Action> actions = candidates.get(result.bestIndex());
            JsonObject.Builder metadata = JsonObject.builder()
                    .put("planning_mode", JsonString.of(PlanningMode.POLICY_SCORE.wireName()))
                    .put("policy_provider", JsonString.of(policyProvider))
                    .put("score_provider", JsonString.of(scoreProvider))
                    .put("policy_result", policy.toJson())
                    .put("score_result", result.toJson())
                    .put("candidate_count", JsonInt.of(candidates.size()))
                    .put("success_probability_source", JsonString.of("inverse_best_cost_heuristic"))
                    .put(
                            "workflow_trace",
                            PlanTrace.build(
                                    PlanningMode.POLICY_SCORE,
                                    request.planner(),
                                    scoreProvider,
                                    actions.size(),
                                    candidates.size(),
                                    policyProvider,
                                    scoreProvider,
                                    0));
            request.executionProvider().ifPresent(p -> metadata.put("execution_provider", JsonString.of(p)));
            return Plan.builder(goal, request.planner(), scoreProvider)
                    .actions(actions)
                    .successProbability(inverseCost(result.bestScore()))
                    .metadata(metadata.build());
        }
        List<Action> actions = truncate(policy.actions(), maxSteps);
        JsonObject.Builder metadata = JsonObject.builder()
                .put("planning_mode", JsonString.of(PlanningMode.POLICY.wireName()))
                .put("policy_provider", JsonString.of(policyProvider))
                .put("policy_result", policy.toJson())
                .put("candidate_count", JsonInt.of(candidates.size()))
                .put("success_probability_source", JsonString.of("policy_provider_no_world_model"))
                .put(
                        "workflow_trace",
                        PlanTrace.build(
                                PlanningMode.POLICY,
                                request.planner(),
                                policyProvider,
                                actions.size(),
                                candidates.size(),
                                policyProvider,
                                null,
                                0));
        request.executionProvider().ifPresent(p -> metadata.put("execution_provider", JsonString.of(p)));
        return Plan.builder(goal, request.planner(), policyProvider)
                .actions(actions)
                .successProbability(POLICY_SUCCESS)
                .metadata(metadata.build());
    }

    /**
     * Calls the score provider with the override payload or the candidates' (cached) payload and
     * checks that it scored every candidate.
     */
    private static ActionScoreResult score(
            WorldForge forge, PlanRequest request, String scoreProvider, CandidatePlans candidates) {
        JsonValue payload = request.scoreActionCandidates().orElse(null);
        if (payload == null) {
            payload = candidates.payload();
        }
        ActionScoreResult result =
                forge.scoreActions(scoreProvider, request.scoreInfo().orElseThrow(), payload);
        int scoreCount = result.scores().size();
        if (scoreCount != candidates.size()) {
            throw new WorldForgeException("Provider '" + scoreProvider + "' returned " + scoreCount + " score(s) for "
                    + candidates.size() + " candidate action plan(s).");
        }
        return result;
    }

    /** {@code 1 / (1 + max(0, best))} clamped to [0, 1]; {@code lower_is_better} is not consulted. */
    private static double inverseCost(double bestScore) {
        double success = 1.0 / (1.0 + Math.max(0.0, bestScore));
        return Math.max(0.0, Math.min(1.0, success));
    }

    private static List<Action> truncate(List<Action> actions, int maxSteps) {
        return actions.size() <= maxSteps ? actions : actions.subList(0, maxSteps);
    }

    /** Python's {@code value or fallback} for provider names: {@code null} and empty mean absent. */
    private static String orElse(@Nullable String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    /**
     * Whether {@code name} advertises {@code capability}: the registered provider's merged
     * capabilities, or for an unregistered name the catalog profile (the reference checks {@code
     * provider_profile}, so an unregistered catalog provider passes here and fails when called, and
     * an unknown name fails with {@code Provider '{name}' is unknown.}).
     */
    static boolean supports(WorldForge forge, String name, Capability capability) {
        if (forge.providers().contains(name)) {
            return forge.providerSupports(name, capability);
        }
        return forge.providerProfile(name).capabilities().supports(capability);
    }
}
