package ai.worldforge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.WorldForge;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.Position;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example runs end to end: the host's policy and cost choose the plan, mock executes it, the world is saved. */
class PolicyScorePlanningTest {
    @TempDir
    Path dir;

    @Test
    void composesHostPolicyAndCostAndPersistsTheWorld() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        JsonObject summary = PolicyScorePlanning.run(dir, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(summary.get("planning_mode")).isEqualTo(JsonString.of("policy+score"));
        assertThat(summary.get("provider")).isEqualTo(JsonString.of("distance-cost"));
        // The direct chunk (index 1) wins: it ends on the goal with a single action.
        assertThat(((JsonArray) summary.get("actions")).size()).isEqualTo(1);
        JsonObject scores = (JsonObject) summary.get("score_result");
        assertThat(scores.get("best_index")).isEqualTo(ai.worldforge.json.JsonInt.of(1));
        assertThat(((JsonFloat) summary.get("success_probability")).value()).isGreaterThan(0.9);

        String worldId = ((JsonString) summary.get("world_id")).value();
        WorldForge reopened = WorldForge.builder().stateDir(dir).build();
        assertThat(reopened.listWorlds()).contains(worldId);
        Position cube = reopened.loadWorld(worldId)
                .getObjectById("cube-1")
                .orElseThrow()
                .position();
        assertThat(cube.x()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cube.z()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("planned 1 action(s) with distance-cost");
    }
}
