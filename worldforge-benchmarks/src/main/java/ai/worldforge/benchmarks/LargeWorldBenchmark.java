package ai.worldforge.benchmarks;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A world built by 1000 {@code addObject} calls with full history (1001 snapshots, the file is
 * about 115 MB), then saved and loaded — single shot, in a JVM capped at 512 MB of heap. The
 * reference needs about 95 s and 3.2 GB for the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
public class LargeWorldBenchmark {
    private static final int OBJECTS = 1000;

    private ScratchDirectory dir;

    /** A fresh state directory per iteration. */
    @Setup(Level.Iteration)
    public void setUp() {
        dir = ScratchDirectory.create("large");
    }

    /** Deletes the iteration's state directory (a 139.5 MB world file). */
    @TearDown(Level.Iteration)
    public void tearDown() {
        dir.close();
    }

    static World build(WorldForge forge) {
        World world = forge.newWorld("large").worldId("large-world").build();
        for (int i = 0; i < OBJECTS; i++) {
            Position at = new Position(i * 0.01, 0.5, -i * 0.02);
            world.addObject(SceneObject.of("obj-" + i, "object " + i, at, BBox.around(at, 0.05)));
        }
        return world;
    }

    /** Build with 1000 adds, save, then load back: the reference's end-to-end path. */
    @Benchmark
    public void buildSaveLoad(Blackhole hole) {
        WorldForge forge = WorldForge.builder().stateDir(dir.path()).build();
        World world = build(forge);
        String id = forge.saveWorld(world);
        World loaded = forge.loadWorld(id);
        if (loaded.historyLength() != OBJECTS + 1) {
            throw new IllegalStateException("history length " + loaded.historyLength());
        }
        hole.consume(loaded);
    }
}
