package ai.worldforge.benchmarks;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.capability.Cost;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import ai.worldforge.plan.ActionCandidates;
import ai.worldforge.plan.Plan;
import ai.worldforge.plan.PlanRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Score planning over 1,000 candidate plans of 16 {@code move_to} actions with a host {@link Cost}
 * registered through {@code forge.registerCost} that returns precomputed scores, so nearly all the
 * measured time is planner overhead: request validation, candidate normalisation, building the
 * {@code [[action dict…]…]} payload, the facade's observable wrapper, the score-count check and the
 * plan with its metadata ({@code score_result}, {@code workflow_trace}).
 *
 * <ul>
 *   <li>{@link #planFreshCandidates}: a new request with plain candidate lists on every call, so
 *       every plan copies and validates the candidates and serialises all 16,000 actions (a host
 *       proposing new candidates each time).
 *   <li>{@link #planReusedRequest}: the same request again: its validated candidates and their
 *       payload are reused, so nothing is serialised (a host re-ranking a fixed candidate set).
 *   <li>{@link #planNormalizedCandidates}: a new request each call, with candidates from {@link
 *       ActionCandidates#normalize} (as every candidate helper returns), whose payload is cached.
 *   <li>{@link #costOnly}: the cost called directly with the same payload — the cost's own time, to
 *       subtract.
 * </ul>
 *
 * <p>Per-candidate overhead = (plan time − cost time) / 1000. On a shared 2-core machine: reused
 * and normalised candidates about 29 µs per plan (29 ns per candidate, 52 B allocated per
 * candidate, mostly the {@code score_result} scores); fresh candidates 1.2–2.2 ms (5.06 KB per
 * candidate, about 85% of it the 16 {@code Action.toJson()} objects the payload needs).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScorePlanningBenchmark {
    static final int CANDIDATES = 1000;
    static final int ACTIONS_PER_CANDIDATE = 16;

    private ScratchDirectory scratch;
    private World world;
    private PrecomputedCost cost;
    private PlanRequest.Builder base;
    private List<List<Action>> candidates;
    private List<List<Action>> normalized;
    private PlanRequest reused;
    private JsonObject info;
    private JsonArray payload;

    /** A cost returning scores computed once: its own time is a field read. */
    static final class PrecomputedCost implements Cost {
        private final ActionScoreResult result;

        PrecomputedCost(ActionScoreResult result) {
            this.result = result;
        }

        @Override
        public String name() {
            return "bench-cost";
        }

        @Override
        public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
            return result;
        }
    }

    /** Builds the forge, the world, the candidates and both requests. */
    @Setup
    public void setUp() {
        scratch = ScratchDirectory.create("score");
        WorldForge forge = WorldForge.builder().stateDir(scratch.path()).build();
        List<Double> scores = new ArrayList<>(CANDIDATES);
        for (int i = 0; i < CANDIDATES; i++) {
            scores.add(Math.abs(i - 617) * 0.01);
        }
        cost = new PrecomputedCost(ActionScoreResult.of("bench-cost", scores, 617));
        forge.registerCost(cost);
        world = forge.newWorld("bench").build();
        Position at = new Position(0, 0.5, 0);
        world.addObject(SceneObject.of("cube-1", "cube", at, BBox.around(at, 0.05)));

        candidates = new ArrayList<>(CANDIDATES);
        for (int c = 0; c < CANDIDATES; c++) {
            List<Action> plan = new ArrayList<>(ACTIONS_PER_CANDIDATE);
            for (int s = 0; s < ACTIONS_PER_CANDIDATE; s++) {
                plan.add(Action.moveTo(c * 0.001, 0.5 + s * 0.01, -s * 0.02, "cube-1"));
            }
            candidates.add(plan);
        }
        info = JsonObject.of("goal", JsonString.of("reach"));
        base = PlanRequest.builder("reach")
                .scoreProvider("bench-cost")
                .scoreInfo(info)
                .maxSteps(ACTIONS_PER_CANDIDATE);
        reused = base.candidateActions(candidates).build();
        normalized = ActionCandidates.normalize(candidates);
        payload = ActionCandidates.toScorePayload(normalized);
    }

    /** Deletes the state directory. */
    @TearDown
    public void tearDown() {
        scratch.close();
    }
    /** A new request with plain candidate lists: copy, validation and serialisation every call. */
    @Benchmark
    public Plan planFreshCandidates() {
        return world.plan(base.candidateActions(candidates).build());
    }

    /** The same request again: validated candidates and payload reused. */
    @Benchmark
    public Plan planReusedRequest() {
        return world.plan(reused);
    }

    /** A new request with helper-built (normalised) candidates whose payload is cached. */
    @Benchmark
    public Plan planNormalizedCandidates() {
        return world.plan(base.candidateActions(normalized).build());
    }

    /**
     * Candidates made of brand-new {@code Action} objects on every call (a policy that returns new
     * actions each time): includes building the 16,000 actions; subtract {@link #buildActionsOnly}.
     */
    @Benchmark
    public Plan planBrandNewActions() {
        return world.plan(base.candidateActions(newCandidates()).build());
    }

    /** Building the 16,000 brand-new actions alone, to subtract from {@link #planBrandNewActions}. */
    @Benchmark
    public List<List<Action>> buildActionsOnly() {
        return newCandidates();
    }

    private static List<List<Action>> newCandidates() {
        List<List<Action>> fresh = new ArrayList<>(CANDIDATES);
        for (int c = 0; c < CANDIDATES; c++) {
            List<Action> plan = new ArrayList<>(ACTIONS_PER_CANDIDATE);
            for (int s = 0; s < ACTIONS_PER_CANDIDATE; s++) {
                plan.add(Action.moveTo(c * 0.001, 0.5 + s * 0.01, -s * 0.02, "cube-1"));
            }
            fresh.add(plan);
        }
        return fresh;
    }

    /** The cost's own time with the same payload. */
    @Benchmark
    public ActionScoreResult costOnly() {
        return cost.scoreActions(info, payload);
    }
}
