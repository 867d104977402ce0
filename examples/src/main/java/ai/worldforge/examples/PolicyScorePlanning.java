package ai.worldforge.examples;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.capability.Cost;
import ai.worldforge.capability.Policy;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import ai.worldforge.plan.Plan;
import ai.worldforge.plan.PlanExecution;
import ai.worldforge.plan.PlanRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A host composes its own policy and its own cost model into one decision loop: the policy
 * proposes candidate action chunks, the cost model ranks them, WorldForge selects the best chunk
 * (policy+score planning), executes it on the deterministic {@code mock} world model and persists
 * the resulting world as local JSON.
 *
 * <pre>
 * ./mvnw -q -pl examples -am package -DskipTests
 * java -jar examples/target/worldforge-examples.jar [state-dir]    # default .worldforge/worlds
 * </pre>
 *
 * <p>Both host components are ordinary Java classes with one method each; nothing here is
 * specific to a real robot, which is the point: swap {@link ReachPolicy} for a GR00T or LeRobot
 * policy server and {@link DistanceCost} for a LeWorldModel score model and the loop stays the same.
 */
public final class PolicyScorePlanning {
    private PolicyScorePlanning() {}

    /** Runs the example; the optional argument is the state directory. */
    public static void main(String[] args) {
        Path stateDir = Path.of(args.length > 0 ? args[0] : ".worldforge/worlds");
        System.out.println(Json.writePretty(run(stateDir, System.out), false));
    }

    /** Runs the loop against worlds under {@code stateDir} and returns a JSON summary. */
    static JsonObject run(Path stateDir, PrintStream log) {
        WorldForge forge = WorldForge.builder().stateDir(stateDir).build();
        forge.registerPolicy(new ReachPolicy());
        forge.registerCost(new DistanceCost());

        World world = forge.createWorld("tabletop", "mock", "cube next to a mug");
        Position cubeAt = new Position(0.0, 0.5, 0.0);
        world.addObject(new SceneObject("cube-1", "cube", cubeAt, BBox.around(cubeAt, 0.05), true, JsonObject.EMPTY));
        Position mugAt = new Position(0.6, 0.5, 0.2);
        world.addObject(new SceneObject("mug-1", "mug", mugAt, BBox.around(mugAt, 0.05), false, JsonObject.EMPTY));
        forge.saveWorld(world);

        // The goal the host cares about: the cube 10 cm in front of the mug.
        Position goal = new Position(mugAt.x() - 0.1, mugAt.y(), mugAt.z());
        JsonObject observation = JsonObject.builder()
                .put("object_id", JsonString.of("cube-1"))
                .put("object_position", cubeAt.toJson())
                .put("goal", goal.toJson())
                .build();

        Plan plan = world.plan(PlanRequest.builder("place the cube next to the mug")
                .policyProvider(ReachPolicy.NAME)
                .policyInfo(observation)
                .scoreProvider(DistanceCost.NAME)
                .scoreInfo(JsonObject.of("goal", goal.toJson()))
                .executionProvider("mock")
                .build());
        log.println("planned " + plan.actionCount() + " action(s) with " + plan.provider() + ", success probability "
                + plan.successProbability());

        PlanExecution execution = world.executePlan(plan);
        World result = execution.finalWorld();
        forge.saveWorld(result);
        SceneObject cube = result.getObjectById("cube-1").orElseThrow();
        return JsonObject.builder()
                .put("planning_mode", JsonString.of(plan.planningMode().orElse("")))
                .put("provider", JsonString.of(plan.provider()))
                .put(
                        "actions",
                        JsonArray.copyOf(
                                plan.actions().stream().map(Action::toJson).toList()))
                .put("success_probability", JsonFloat.of(plan.successProbability()))
                .put("score_result", plan.metadata().get("score_result"))
                .put("world_id", JsonString.of(result.id()))
                .put("step", JsonInt.of(result.step()))
                .put("cube_position", cube.position().toJson())
                .put("state_dir", JsonString.of(stateDir.toAbsolutePath().toString()))
                .build();
    }

    /**
     * The host's policy: three candidate chunks for moving the object to the goal — straight there,
     * lifted over the table, or a cautious two-stage approach that stops short.
     */
    static final class ReachPolicy implements Policy {
        static final String NAME = "reach-policy";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public ActionPolicyResult selectActions(JsonObject info) {
            String objectId = ((JsonString) info.get("object_id")).value();
            Position from = Position.fromJson(info.get("object_position"));
            Position goal = Position.fromJson(info.get("goal"));
            List<Action> direct = List.of(Action.moveTo(goal, objectId));
            List<Action> lifted = List.of(
                    Action.moveTo(from.x(), from.y() + 0.3, from.z(), 0.5, objectId),
                    Action.moveTo(goal.x(), goal.y() + 0.3, goal.z(), 0.5, objectId),
                    Action.moveTo(goal, objectId));
            List<Action> shortOfGoal = List.of(
                    Action.moveTo((from.x() + goal.x()) / 2, goal.y(), (from.z() + goal.z()) / 2, 0.5, objectId),
                    Action.moveTo(goal.x() - 0.15, goal.y(), goal.z(), 0.5, objectId));
            List<List<Action>> candidates = List.of(lifted, direct, shortOfGoal);
            return new ActionPolicyResult(
                    NAME,
                    candidates.get(0),
                    JsonObject.EMPTY,
                    null,
                    null,
                    JsonObject.of("candidate_count", JsonInt.of(candidates.size())),
                    candidates);
        }
    }

    /**
     * The host's cost model: distance between where a chunk leaves the object and the goal, plus a
     * small price per action (lower is better).
     */
    static final class DistanceCost implements Cost {
        static final String NAME = "distance-cost";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
            Position goal = Position.fromJson(info.get("goal"));
            List<Double> scores = new ArrayList<>();
            int best = 0;
            for (JsonValue candidate : (JsonArray) actionCandidates) {
                JsonArray actions = (JsonArray) candidate;
                Action last = Action.fromJson(actions.get(actions.size() - 1));
                Position end = Position.fromJson(last.parameters().get("target"));
                double score = end.distanceTo(goal) + 0.05 * actions.size();
                scores.add(score);
                if (score < scores.get(best)) {
                    best = scores.size() - 1;
                }
            }
            return ActionScoreResult.of(NAME, scores, best);
        }
    }
}
