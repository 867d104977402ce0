package ai.worldforge.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldForgeException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code World.evaluate}: a built-in suite against the world's provider, the world untouched. */
class WorldEvaluateTest {
    @TempDir
    Path dir;

    @Test
    void runsTheSuiteOnTheWorldsProviderWithoutChangingIt() {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        World world = forge.createWorld("lab", "mock");
        String before = world.toJson().toString();
        EvaluationReport report = world.evaluate("planning");
        assertThat(report.results()).hasSize(4);
        assertThat(world.toJson().toString()).isEqualTo(before);
        assertThatThrownBy(() -> world.evaluate("bogus"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Unknown evaluation suite 'bogus'. Known suites: generation, physics, planning, reasoning,"
                        + " transfer.");
    }
}
