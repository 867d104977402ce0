package ai.worldforge.capability;

import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.provider.ProviderLifecycleResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Small capability implementations shared by the capability tests. */
final class TestImpls {
    private TestImpls() {}

    /** Scores each candidate by its length (array candidates) or 1.0. */
    record CountingCost(String name, ProviderProfileSpec profileSpec) implements Cost {
        CountingCost(String name) {
            this(name, ProviderProfileSpec.DEFAULTS);
        }

        @Override
        public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
            List<Double> scores = new ArrayList<>();
            if (actionCandidates instanceof JsonArray array && !array.isEmpty()) {
                for (JsonValue candidate : array) {
                    scores.add(candidate instanceof JsonArray plan ? (double) plan.size() : 1.0);
                }
            } else {
                scores.add(0.0);
            }
            int best = 0;
            for (int i = 1; i < scores.size(); i++) {
                if (scores.get(i) < scores.get(best)) {
                    best = i;
                }
            }
            return ActionScoreResult.of(name, scores, best);
        }
    }

    /** Always selects {@code noop}. */
    record NoopPolicy(String name) implements Policy {
        @Override
        public ActionPolicyResult selectActions(JsonObject info) {
            return ActionPolicyResult.of(name, List.of(Action.noop()));
        }
    }

    /** Both a cost and a policy. */
    record CostAndPolicy(String name) implements Cost, Policy {
        @Override
        public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
            return ActionScoreResult.of(name, List.of(0.5), 0);
        }

        @Override
        public ActionPolicyResult selectActions(JsonObject info) {
            return ActionPolicyResult.of(name, List.of(Action.noop()));
        }
    }

    /** A cost whose result comes from a supplier (to throw or return null). */
    static final class ScriptedCost implements Cost {
        private final String name;
        private final Supplier<@Nullable ActionScoreResult> body;

        ScriptedCost(String name, Supplier<@Nullable ActionScoreResult> body) {
            this.name = name;
            this.body = body;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
            return body.get();
        }
    }

    /** A cost with custom lifecycle hooks. */
    static final class HookedCost implements Cost {
        private final String name;
        private final Supplier<Optional<ProviderLifecycleResult>> preflight;
        private final Supplier<Optional<ProviderLifecycleResult>> warmup;
        private final Supplier<Optional<ProviderLifecycleResult>> teardown;

        HookedCost(
                String name,
                Supplier<Optional<ProviderLifecycleResult>> preflight,
                Supplier<Optional<ProviderLifecycleResult>> warmup,
                Supplier<Optional<ProviderLifecycleResult>> teardown) {
            this.name = name;
            this.preflight = preflight;
            this.warmup = warmup;
            this.teardown = teardown;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
            return ActionScoreResult.of(name, List.of(0.0), 0);
        }

        @Override
        public Optional<ProviderLifecycleResult> preflightHook() {
            return preflight.get();
        }

        @Override
        public Optional<ProviderLifecycleResult> warmupHook() {
            return warmup.get();
        }

        @Override
        public Optional<ProviderLifecycleResult> teardownHook() {
            return teardown.get();
        }
    }
}
