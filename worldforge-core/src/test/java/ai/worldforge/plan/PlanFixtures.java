package ai.worldforge.plan;

import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCapabilities;
import ai.worldforge.provider.ProviderProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** In-test score and policy providers (legacy {@link BaseProvider} form) that record their calls. */
final class PlanFixtures {
    private PlanFixtures() {}

    /** A score provider answering with {@code scorer}; records every payload it receives. */
    static final class ScoreProvider extends BaseProvider {
        final List<JsonValue> payloads = new ArrayList<>();
        final List<JsonObject> infos = new ArrayList<>();
        private final BiFunction<String, JsonValue, ActionScoreResult> scorer;

        ScoreProvider(String name, BiFunction<String, JsonValue, ActionScoreResult> scorer) {
            super(PlanFixtures.profile(name, Capability.SCORE), Environment.empty(), null);
            this.scorer = scorer;
        }

        /** A provider returning {@code scores} with {@code bestIndex}. */
        static ScoreProvider fixed(String name, List<Double> scores, int bestIndex) {
            return new ScoreProvider(name, (n, payload) -> ActionScoreResult.of(n, scores, bestIndex));
        }

        @Override
        public synchronized ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
            infos.add(info);
            payloads.add(actionCandidates);
            return scorer.apply(name(), actionCandidates);
        }
    }

    /** A policy provider answering with {@code policy}; records every observation. */
    static final class PolicyProvider extends BaseProvider {
        final List<JsonObject> infos = new ArrayList<>();
        private final Function<String, ActionPolicyResult> policy;

        PolicyProvider(String name, Function<String, ActionPolicyResult> policy) {
            super(PlanFixtures.profile(name, Capability.POLICY), Environment.empty(), null);
            this.policy = policy;
        }

        /** A provider selecting {@code actions} with the given candidate chunks. */
        static PolicyProvider fixed(String name, List<Action> actions, List<List<Action>> candidates) {
            return new PolicyProvider(
                    name,
                    n -> new ActionPolicyResult(
                            n, actions, JsonObject.EMPTY, null, null, JsonObject.EMPTY, candidates));
        }

        @Override
        public synchronized ActionPolicyResult selectActions(JsonObject info) {
            infos.add(info);
            return policy.apply(name());
        }
    }

    static ProviderProfile profile(String name, Capability... capabilities) {
        return ProviderProfile.builder(name)
                .capabilities(ProviderCapabilities.of(capabilities))
                .local(true)
                .build();
    }
}
