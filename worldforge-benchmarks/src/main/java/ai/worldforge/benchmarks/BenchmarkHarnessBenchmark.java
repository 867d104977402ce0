package ai.worldforge.benchmarks;

import ai.worldforge.WorldForge;
import ai.worldforge.benchmark.BenchmarkInputs;
import ai.worldforge.benchmark.BenchmarkReport;
import ai.worldforge.benchmark.BenchmarkResult;
import ai.worldforge.benchmark.ProviderBenchmarkHarness;
import java.util.List;
import java.util.Locale;
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

/**
 * The benchmark harness itself, single shot: 20,000 mock {@code predict} samples on one worker,
 * and all five mock operations × 1,000 samples. Each run's own {@code throughput_per_second} is
 * printed after the iteration, so the harness's figure can be compared with the wall time JMH
 * measures. The reference's harness reaches about 683 mock predictions per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class BenchmarkHarnessBenchmark {
    private static final List<String> MOCK_OPERATIONS = List.of("predict", "reason", "generate", "transfer", "embed");

    private ScratchDirectory scratch;
    private ProviderBenchmarkHarness harness;
    private BenchmarkReport last;

    /** A forge with the mock provider and a harness over it. */
    @Setup(Level.Trial)
    public void setUp() {
        scratch = ScratchDirectory.create("harness");
        WorldForge forge = WorldForge.builder()
                .stateDir(scratch.path())
                .autoRegisterRemote(false)
                .build();
        harness = new ProviderBenchmarkHarness(forge);
    }

    /** {@code harness.run(["mock"], ["predict"], 20000, 1, defaults, null)}. */
    @Benchmark
    public BenchmarkReport mockPredict20k() {
        last = harness.run(List.of("mock"), List.of("predict"), 20_000, 1, BenchmarkInputs.defaults(), null);
        return last;
    }

    /** The five mock operations × 1,000 samples each, one worker. */
    @Benchmark
    public BenchmarkReport mockAllOperations1k() {
        last = harness.run(List.of("mock"), MOCK_OPERATIONS, 1_000, 1, BenchmarkInputs.defaults(), null);
        return last;
    }

    /** Deletes the state directory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        scratch.close();
    }

    /** Prints the harness's own throughput for the run just measured. */
    @TearDown(Level.Iteration)
    public void report() {
        if (last == null) {
            return;
        }
        StringBuilder line = new StringBuilder("  harness:");
        for (BenchmarkResult result : last.results()) {
            line.append(String.format(
                    Locale.ROOT,
                    " %s total=%.1fms throughput=%.0f/s p50=%.4fms p95=%.4fms;",
                    result.operation(),
                    result.totalTimeMs(),
                    result.throughputPerSecond(),
                    result.p50LatencyMs().orElse(0.0),
                    result.p95LatencyMs().orElse(0.0)));
        }
        System.out.println(line);
        last = null;
    }
}
