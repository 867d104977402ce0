package ai.worldforge.testkit;

import ai.worldforge.capability.Cost;
import ai.worldforge.capability.Embedder;
import ai.worldforge.capability.Generator;
import ai.worldforge.capability.Policy;
import ai.worldforge.capability.Predictor;
import ai.worldforge.capability.ProviderProfileSpec;
import ai.worldforge.capability.Reasoner;
import ai.worldforge.capability.Transferer;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.model.EmbeddingResult;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.PredictionPayload;
import ai.worldforge.model.ReasoningResult;
import ai.worldforge.model.VideoClip;
import ai.worldforge.model.WorldState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Trivial capability implementations that run the capability contracts in CI. */
final class SampleCapabilities {
    private SampleCapabilities() {}

    private static final ProviderProfileSpec LOCAL = ProviderProfileSpec.builder()
            .description("Test implementation for the capability contracts.")
            .implementationStatus("stable")
            .deterministic(true)
            .local(true)
            .build();

    /** Scores each candidate by the number of elements it holds (fewer is cheaper). */
    record CountingCost(String name) implements Cost {
        @Override
        public ProviderProfileSpec profileSpec() {
            return LOCAL.toBuilder().artifactTypes(List.of("action_scores")).build();
        }

        @Override
        public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
            List<Double> scores = new ArrayList<>();
            if (actionCandidates instanceof JsonArray candidates) {
                for (JsonValue candidate : candidates) {
                    scores.add(candidate instanceof JsonArray plan ? (double) plan.size() : 1.0);
                }
            }
            if (scores.isEmpty()) {
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

    /** Waits: always selects {@code noop}, as many times as the requested horizon. */
    record WaitingPolicy(String name) implements Policy {
        @Override
        public ProviderProfileSpec profileSpec() {
            return LOCAL;
        }

        @Override
        public ActionPolicyResult selectActions(JsonObject info) {
            int horizon = info.get("action_horizon") instanceof JsonInt h ? (int) h.longValue() : 1;
            List<Action> actions = new ArrayList<>();
            for (int i = 0; i < Math.max(1, horizon); i++) {
                actions.add(Action.noop());
            }
            return ActionPolicyResult.of(name, actions);
        }
    }

    /** One frame per second of the prompt's bytes. */
    record TextGenerator(String name) implements Generator {
        @Override
        public VideoClip generate(String prompt, double durationSeconds, @Nullable GenerationOptions options) {
            int count = Math.max(1, (int) Math.ceil(durationSeconds));
            List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                frames.add((prompt + ":" + i).getBytes(StandardCharsets.UTF_8));
            }
            return new VideoClip(frames, 1.0, 64, 64, durationSeconds, JsonObject.EMPTY);
        }
    }

    /** Advances time without moving anything. */
    record ClockPredictor(String name) implements Predictor {
        @Override
        public ProviderProfileSpec profileSpec() {
            return LOCAL;
        }

        @Override
        public PredictionPayload predict(WorldState state, Action action, int steps) {
            WorldState next = WorldState.of(
                    state.id(),
                    state.name(),
                    state.provider(),
                    state.description(),
                    state.step() + steps,
                    state.objects(),
                    state.metadata());
            return new PredictionPayload(next, 0.9, 0.9, List.of(), JsonObject.EMPTY, 0.0);
        }
    }

    /** Counts objects. */
    record CountingReasoner(String name) implements Reasoner {
        @Override
        public ReasoningResult reason(String query, @Nullable WorldState state) {
            int count = state == null ? 0 : state.objects().size();
            return new ReasoningResult(name, count + " object(s).", 0.8, List.of());
        }
    }

    /** Letter-frequency embedding. */
    record LetterEmbedder(String name) implements Embedder {
        @Override
        public ProviderProfileSpec profileSpec() {
            return LOCAL.toBuilder()
                    .defaultModel("letters-v1")
                    .supportedModels(List.of("letters-v1"))
                    .build();
        }

        @Override
        public EmbeddingResult embed(String text) {
            List<Double> vector = new ArrayList<>();
            for (char c = 'a'; c <= 'z'; c++) {
                char letter = c;
                vector.add((double) text.chars()
                        .filter(ch -> Character.toLowerCase(ch) == letter)
                        .count());
            }
            return new EmbeddingResult(name, "letters-v1", vector);
        }
    }

    /** Keeps the frames and relabels size and rate. */
    record RelabelTransferer(String name) implements Transferer {
        @Override
        public VideoClip transfer(
                VideoClip clip, int width, int height, double fps, String prompt, @Nullable GenerationOptions options) {
            return new VideoClip(clip.frames(), fps, width, height, clip.durationSeconds(), clip.metadata());
        }
    }
}
