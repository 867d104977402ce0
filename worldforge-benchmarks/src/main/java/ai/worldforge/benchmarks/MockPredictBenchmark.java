package ai.worldforge.benchmarks;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.model.Action;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.PredictionPayload;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.WorldState;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
 * Mock {@code predict} through the facade with an event handler attached (every call builds,
 * sanitises and delivers a provider event), on a world with one object. The reference does about
 * 683 predictions per second on this machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MockPredictBenchmark {
    private final LongAdder events = new LongAdder();
    private ScratchDirectory scratch;
    private WorldForge forge;
    private WorldState state;
    private World world;
    private final Action action = Action.moveTo(0.3, 0.5, 0.0);

    /** Builds a forge with an event handler and a one-object world. */
    @Setup
    public void setUp() throws IOException {
        scratch = ScratchDirectory.create("predict");
        forge = WorldForge.builder()
                .stateDir(scratch.path())
                .eventHandler(e -> events.increment())
                .build();
        world = forge.newWorld("bench").maxHistory(32).build();
        Position at = new Position(0, 0.5, 0);
        world.addObject(SceneObject.of("cube-1", "cube", at, BBox.around(at, 0.05)));
        state = world.state();
    }

    /** Deletes the state directory. */
    @TearDown
    public void tearDown() {
        scratch.close();
    }

    /** {@code forge.predict(state, action, 1, "mock")}. */
    @Benchmark
    public PredictionPayload facadePredict() {
        return forge.predict(state, action, 1, "mock");
    }

    /** {@code world.predict(action)}: facade call plus state application and a history entry. */
    @Benchmark
    public Object worldPredict() {
        return world.predict(action);
    }
}
