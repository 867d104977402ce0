package ai.worldforge.benchmarks;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
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
 * A locked load-modify-save of a stored 1000-object world with full history (the ~127 MB file of
 * {@link LargeWorldBenchmark}), as {@code world update-object} does: take the world's write lock,
 * load, one edit, check the stored file's version, save. Single shot per iteration, 512 MB heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
public class LargeWorldUpdateBenchmark {
    private ScratchDirectory dir;
    private WorldForge forge;

    /** A fresh state directory holding the stored world, per iteration. */
    @Setup(Level.Iteration)
    public void setUp() {
        dir = ScratchDirectory.create("large-update");
        forge = WorldForge.builder().stateDir(dir.path()).build();
        forge.saveWorld(LargeWorldBenchmark.build(forge));
    }

    /** Deletes the iteration's state directory. */
    @TearDown(Level.Iteration)
    public void tearDown() {
        dir.close();
    }

    /** Lock, load, edit, version check, save. */
    @Benchmark
    public void updateStored(Blackhole hole) {
        World updated = forge.updateWorld("large-world", world -> world.setDescription("edited"));
        hole.consume(updated);
    }
}
