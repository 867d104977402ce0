package ai.worldforge.server.operator;

import ai.worldforge.capability.Cost;
import ai.worldforge.capability.Policy;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.model.Position;
import ai.worldforge.model.StructuredGoal;
import ai.worldforge.plan.ActionCandidates;
import ai.worldforge.provider.policy.ActionTranslator;
import ai.worldforge.provider.policy.PolicyCandidates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic tabletop scene of the review (the reference's shared demo scene): a {@code
 * blue_cube} at (0, 0.5, 0), a goal at (0.55, 0.5, 0), an injected LeRobot-style policy returning
 * three raw two-step chunks, and the {@code demo-distance-score} cost ranking chunks by the distance
 * of their last waypoint to the goal.
 */
final class ReviewScenario {
    static final String CUBE_ID = "blue_cube";
    static final Position CUBE_START = new Position(0.0, 0.5, 0.0);
    static final Position GOAL = new Position(0.55, 0.50, 0.00);
    static final double GOAL_TOLERANCE = 0.05;
    static final String POLICY_NAME = "lerobot";
    static final String SCORE_NAME = "demo-distance-score";

    private ReviewScenario() {}

    /** The {@code object_at} goal for the cube. */
    static StructuredGoal goal() {
        return StructuredGoal.objectAt(GOAL, CUBE_ID, CUBE_ID, GOAL_TOLERANCE);
    }

    /** PushT-shaped policy inputs for a checkout review. */
    static JsonObject policyInfo() {
        JsonObject observation = JsonObject.builder()
                .put("observation.state", floats2(List.of(List.of(0.0, 0.5, 0.0))))
                .put(
                        "observation.images.top",
                        JsonArray.of(
                                JsonArray.of(JsonArray.of(JsonArray.of(JsonInt.of(0), JsonInt.of(0), JsonInt.of(0))))))
                .put("task", JsonString.of("move the blue cube near the marked target"))
                .build();
        return JsonObject.builder()
                .put("observation", observation)
                .put("embodiment_tag", JsonString.of("pusht"))
                .put("action_horizon", JsonInt.of(2))
                .put("object_id", JsonString.of(CUBE_ID))
                .build();
    }

    /** The score info: the goal as {@code [x, y, z]} and the review mode. */
    static JsonObject scoreInfo() {
        return JsonObject.builder()
                .put("goal", JsonArray.of(JsonFloat.of(GOAL.x()), JsonFloat.of(GOAL.y()), JsonFloat.of(GOAL.z())))
                .put("review_mode", JsonString.of("operator_dry_run"))
                .build();
    }

    /** The policy's raw output: three candidate chunks of two {@code [x, y, z]} waypoints. */
    static JsonArray rawCandidates() {
        return JsonArray.of(
                floats2(List.of(List.of(0.20, 0.50, 0.00), List.of(0.35, 0.50, 0.00))),
                floats2(List.of(List.of(0.30, 0.50, 0.00), List.of(0.55, 0.50, 0.00))),
                floats2(List.of(List.of(0.70, 0.50, 0.00), List.of(0.95, 0.50, 0.00))));
    }

    /**
     * The checkout sample translator: maps the raw PushT chunks onto {@code move_to} plans for the
     * object named by {@code info.object_id}.
     */
    static List<List<Action>> samplePushtTranslation(JsonObject info) {
        String cubeId =
                info.get("object_id") instanceof JsonString s ? s.value().strip() : "";
        if (cubeId.isEmpty()) {
            throw new WorldForgeException("sample translator requires policy info.object_id.");
        }
        return ActionCandidates.cartesianOffsetCandidates(
                CUBE_START,
                List.of(
                        List.of(new Position(0.20, 0.00, 0.00), new Position(0.35, 0.00, 0.00)),
                        List.of(new Position(0.30, 0.00, 0.00), new Position(0.55, 0.00, 0.00)),
                        List.of(new Position(0.70, 0.00, 0.00), new Position(0.95, 0.00, 0.00))),
                cubeId);
    }

    private static JsonArray floats2(List<List<Double>> rows) {
        List<JsonValue> out = new ArrayList<>();
        for (List<Double> row : rows) {
            out.add(JsonArray.copyOf(row.stream().<JsonValue>map(JsonFloat::of).toList()));
        }
        return JsonArray.copyOf(out);
    }

    /**
     * The injected policy, registered as {@code lerobot}: returns the fixed raw chunks and lets the
     * host's translator turn them into actions — no LeRobot runtime, checkpoint or torch.
     */
    static final class InjectedLeRobotPolicy implements Policy {
        private final ActionTranslator translator;

        InjectedLeRobotPolicy(ActionTranslator translator) {
            this.translator = translator;
        }

        @Override
        public String name() {
            return POLICY_NAME;
        }

        @Override
        public ActionPolicyResult selectActions(JsonObject info) {
            JsonObject raw = JsonObject.of("actions", rawCandidates());
            JsonObject providerInfo = JsonObject.builder()
                    .put("policy_path", JsonString.of("host/sample-pusht-policy"))
                    .put("policy_type", JsonString.of("diffusion"))
                    .put("device", JsonString.of("cpu"))
                    .build();
            Object translated;
            try {
                translated = translator.translate(raw, info, providerInfo);
            } catch (WorldForgeException | ProviderException e) {
                throw e;
            } catch (Exception e) {
                // Translator messages may carry host details: report the type only.
                throw new ProviderException(
                        "LeRobot action translator failed: " + e.getClass().getSimpleName(), e);
            }
            List<List<Action>> candidates = PolicyCandidates.normalize(translated, "LeRobot");
            Integer horizon = info.get("action_horizon") instanceof JsonInt h ? (int) h.longValue() : null;
            JsonObject metadata = providerInfo.with("runtime", JsonString.of("injected_deterministic_policy"));
            return new ActionPolicyResult(POLICY_NAME, candidates.get(0), raw, horizon, "pusht", metadata, candidates);
        }
    }

    /** {@code demo-distance-score}: Euclidean distance of each chunk's last target to {@code info.goal}. */
    static final class DistanceScore implements Cost {
        @Override
        public String name() {
            return SCORE_NAME;
        }

        @Override
        public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
            if (!(info.get("goal") instanceof JsonArray goal) || goal.size() != 3) {
                throw new WorldForgeException("demo score info.goal must be a [x, y, z] list.");
            }
            if (!(actionCandidates instanceof JsonArray candidates) || candidates.isEmpty()) {
                throw new WorldForgeException("demo score provider requires a non-empty action candidate list.");
            }
            List<Double> scores = new ArrayList<>();
            int best = 0;
            for (JsonValue candidate : candidates) {
                if (!(candidate instanceof JsonArray chunk) || chunk.isEmpty()) {
                    throw new WorldForgeException("demo score provider requires non-empty candidate chunks.");
                }
                JsonObject target = (JsonObject)
                        ((JsonObject) ((JsonObject) chunk.get(chunk.size() - 1)).get("parameters")).get("target");
                double dx = number(target.get("x")) - number(goal.get(0));
                double dy = number(target.get("y")) - number(goal.get(1));
                double dz = number(target.get("z")) - number(goal.get(2));
                // Python's round(x, 4): half-even on the exact binary value.
                double score = new BigDecimal(Math.sqrt(dx * dx + dy * dy + dz * dz))
                        .setScale(4, RoundingMode.HALF_EVEN)
                        .doubleValue();
                scores.add(score);
                if (score < scores.get(best)) {
                    best = scores.size() - 1;
                }
            }
            JsonObject metadata = JsonObject.builder()
                    .put("score_type", JsonString.of("distance_to_goal"))
                    .put("candidate_count", JsonInt.of(scores.size()))
                    .build();
            return new ActionScoreResult(SCORE_NAME, scores, best, true, metadata);
        }

        private static double number(JsonValue value) {
            if (value instanceof JsonFloat number) {
                return number.value();
            }
            if (value instanceof JsonInt number) {
                return number.doubleValue();
            }
            throw new WorldForgeException("demo score provider requires numeric targets.");
        }
    }
}
