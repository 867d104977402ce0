package ai.worldforge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Benchmark setups leave no {@code wf-bench-*} directories in the temporary directory. */
class ScratchDirectoryTest {
    private static Set<String> benchDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("wf-bench-"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void closeDeletesTheDirectoryAndItsContents() throws IOException {
        ScratchDirectory scratch = ScratchDirectory.create("test");
        Files.createDirectories(scratch.path().resolve("worlds"));
        Files.writeString(scratch.path().resolve("worlds/w.json"), "{}");
        scratch.close();
        assertThat(scratch.path()).doesNotExist();
    }

    @Test
    void setUpAndTearDownOfEveryStatefulBenchmarkCleanUp() throws Exception {
        Set<String> before = benchDirectories();
        MockPredictBenchmark predict = new MockPredictBenchmark();
        predict.setUp();
        predict.worldPredict();
        predict.tearDown();
        ScorePlanningBenchmark score = new ScorePlanningBenchmark();
        score.setUp();
        score.tearDown();
        BenchmarkHarnessBenchmark harness = new BenchmarkHarnessBenchmark();
        harness.setUp();
        harness.tearDown();
        LargeWorldBenchmark large = new LargeWorldBenchmark();
        large.setUp();
        large.tearDown();
        assertThat(benchDirectories()).isSubsetOf(before);
    }
}
