package ai.worldforge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.Action;
import ai.worldforge.model.BBox;
import ai.worldforge.model.HistoryEntry;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.SceneObjectPatch;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** World behaviours 25 and 33–44 of upstream-core.md §9. */
class WorldTest {
    @TempDir
    Path dir;

    WorldForge forge;

    @BeforeEach
    void setUp() {
        forge = WorldForge.builder().stateDir(dir).build();
    }

    private static SceneObject cube(String id) {
        Position at = new Position(0, 0.5, 0);
        return SceneObject.of(id, "cube", at, BBox.around(at, 0.05));
    }

    private static List<String> summaries(World world) {
        return world.history().stream().map(HistoryEntry::summary).toList();
    }

    @Test
    void newWorldStartsInitialised() {
        World world = forge.createWorld("lab");
        assertThat(world.step()).isZero();
        assertThat(world.metadata()).isEqualTo(JsonObject.of("name", JsonString.of("lab")));
        assertThat(summaries(world)).containsExactly("world initialized");
        assertThat(world.history().get(0).actionJson()).isEmpty();
        assertThat(world.id()).matches("world_[0-9a-f]{12}");
    }

    @Test
    void addObjectRecordsHistoryAndRejectsDuplicates() {
        World world = forge.createWorld("lab");
        world.addObject(cube("cube-1"));
        HistoryEntry last = world.history().get(1);
        assertThat(last.summary()).isEqualTo("added object cube-1");
        Action action = last.action().orElseThrow();
        assertThat(action.kind()).isEqualTo("add_object");
        assertThat(((JsonObject) action.parameters().get("object")).get("id")).isEqualTo(JsonString.of("cube-1"));
        assertThatThrownBy(() -> world.addObject(cube("cube-1")))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Object id 'cube-1' is already present in world '" + world.id() + "'.");
        assertThat(world.objectCount()).isEqualTo(1);
        assertThat(world.historyLength()).isEqualTo(2);
    }

    @Test
    void invalidObjectsLeaveTheWorldUnchanged() {
        World world = forge.createWorld("lab");
        assertThatThrownBy(() -> world.addObject(cube("c").withMetadata(JsonObject.of("x", JsonFloat.of(Double.NaN)))))
                .isInstanceOf(WorldForgeException.class);
        assertThat(world.objectCount()).isZero();
        assertThat(world.historyLength()).isEqualTo(1);
    }

    @Test
    void updateObjectTranslatesTheBoxAndRecordsOnlyPatchedKeys() {
        World world = forge.createWorld("lab");
        world.addObject(cube("c"));
        SceneObject moved = world.updateObject(
                "c",
                SceneObjectPatch.builder()
                        .position(new Position(0.25, 0.5, 0.1))
                        .build());
        assertThat(moved.bbox().min().x()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        HistoryEntry last = world.history().get(2);
        assertThat(last.summary()).isEqualTo("updated object c");
        JsonObject parameters = last.action().orElseThrow().parameters();
        assertThat(((JsonObject) parameters.get("changes")).keys()).containsExactly("position");
        assertThat(parameters.keys()).containsExactlyInAnyOrder("object_id", "changes", "before", "after");
        world.updateObject("c", SceneObjectPatch.empty());
        assertThat(world.historyLength()).isEqualTo(3);
        assertThatThrownBy(() -> world.updateObject("zz", SceneObjectPatch.empty()))
                .hasMessage("Object 'zz' is not present in world '" + world.id() + "'.");
    }

    @Test
    void removeObject() {
        World world = forge.createWorld("lab");
        world.addObject(cube("c"));
        assertThat(world.removeObject("unknown")).isEmpty();
        assertThat(world.removeObject("c")).isPresent();
        assertThat(summaries(world)).last().isEqualTo("removed object c");
    }

    @Test
    void historyStateRestoreAndMaxHistory() {
        World world = forge.createWorld("lab");
        world.addObject(cube("a"));
        world.addObject(cube("b"));
        assertThat(world.historyState(1).historyLength()).isEqualTo(2);
        assertThat(world.historyState(1).objectCount()).isEqualTo(1);
        assertThatThrownBy(() -> world.historyState(7))
                .hasMessage("History index 7 is out of range for world '" + world.id() + "'.");
        world.restoreHistory(1);
        assertThat(world.historyLength()).isEqualTo(2);
        assertThat(world.objectCount()).isEqualTo(1);

        World bounded = forge.newWorld("b").maxHistory(2).build();
        bounded.addObject(cube("o1"));
        bounded.addObject(cube("o2"));
        bounded.addObject(cube("o3"));
        assertThat(summaries(bounded)).containsExactly("added object o2", "added object o3");
        World two = forge.newWorld("c").maxHistory(2).build();
        two.addObject(cube("o1"));
        two.addObject(cube("o2"));
        assertThat(summaries(two)).containsExactly("added object o1", "added object o2");
    }

    @Test
    void mockPredictMovesTheObjectButNotItsBox() {
        World world = forge.createWorld("lab");
        world.addObject(cube("c"));
        Prediction prediction = world.predict(Action.moveTo(0.3, 0.5, 0), 2, null);
        SceneObject moved = world.getObjectById("c").orElseThrow();
        assertThat(moved.position()).isEqualTo(new Position(0.3, 0.5, 0));
        assertThat(moved.bbox()).isEqualTo(BBox.around(new Position(0, 0.5, 0), 0.05));
        assertThat(world.step()).isEqualTo(2);
        assertThat(prediction.confidence()).isEqualTo(0.73);
        assertThat(prediction.physicsScore()).isEqualTo(0.75);
        assertThat(prediction.frames())
                .extracting(f -> new String(f, StandardCharsets.UTF_8))
                .containsExactly("mock:frame:0", "mock:frame:1");
        assertThat(Json.write(prediction.metadata()))
                .isEqualTo("{\"frame_count\":2,\"mode\":\"deterministic-mock\",\"provider\":\"mock\",\"steps\":2}");
        assertThat(moved.metadata().get("moved_by_provider")).isEqualTo(JsonString.of("mock"));
        assertThat(moved.metadata().get("last_action"))
                .isEqualTo(Action.moveTo(0.3, 0.5, 0).toJson());
        assertThat(world.metadata().get("provider")).isEqualTo(JsonString.of("mock"));
        assertThat(world.metadata().get("last_action")).isNotNull();
        HistoryEntry last = world.history().get(world.historyLength() - 1);
        assertThat(last.summary()).isEqualTo("predicted via mock");
        assertThat(last.step()).isEqualTo(2);
        assertThat(last.actionJson()).contains(Action.moveTo(0.3, 0.5, 0).toCanonicalJson());
        assertThat(world.provider()).isEqualTo("mock");
    }

    @Test
    void mockPredictEdgeCases() {
        World empty = forge.createWorld("empty");
        Prediction none = empty.predict(Action.moveTo(1, 1, 1));
        assertThat(none.physicsScore()).isEqualTo(0.72);
        assertThat(none.confidence()).isEqualTo(0.70);

        World world = forge.createWorld("lab");
        world.addObject(cube("c"));
        assertThatThrownBy(() -> world.predict(Action.moveTo(1, 1, 1, "ghost")))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Object 'ghost' is not present in the world state.");
        assertThat(world.step()).isZero();
        assertThat(world.historyLength()).isEqualTo(2);

        world.predict(Action.noop());
        assertThat(world.metadata().get("noop")).isEqualTo(JsonBool.TRUE);
        world.predict(Action.spawnObject("ball"));
        assertThat(world.objects()).anyMatch(o -> o.name().equals("ball") && o.id().matches("obj_[0-9a-f]{12}"));
        assertThat(world.objects().stream()
                        .filter(o -> o.name().equals("ball"))
                        .findFirst()
                        .orElseThrow()
                        .graspable())
                .isFalse();
    }

    @Test
    void predictValidatesBeforeCallingAnyProvider() {
        World world = forge.createWorld("lab");
        assertThatThrownBy(() -> world.predict(Action.noop(), 0, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageContaining("steps");
        assertThatThrownBy(() -> world.predict(null, 1, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("predict() action must be an Action.");
        BaseProvider bare = new BaseProvider(ProviderProfile.builder("bare").build(), Environment.empty(), null) {};
        forge.registerProvider(bare);
        assertThatThrownBy(() -> world.predict(Action.noop(), 1, "bare"))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("does not implement predict");
    }

    @Test
    void stepCountsAndDurationsThatAskForUnboundedMemoryAreRefused() {
        // A hundred million steps used to build a hundred million frames and die of OutOfMemoryError.
        World world = forge.createWorld("lab");
        assertThatThrownBy(() -> world.predict(Action.noop(), 100_000_000, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("steps must be at most 100000.");
        assertThatThrownBy(() -> world.compare(Action.noop(), java.util.List.of("mock"), 100_001))
                .hasMessage("steps must be at most 100000.");
        assertThatThrownBy(() -> forge.predict(world.state(), Action.noop(), Integer.MAX_VALUE, "mock"))
                .hasMessage("steps must be at most 100000.");
        assertThat(world.predict(Action.noop(), WorldForge.MAX_PREDICT_STEPS, null)
                        .worldState()
                        .step())
                .isEqualTo(WorldForge.MAX_PREDICT_STEPS);
        assertThatThrownBy(() -> forge.generate("clip", "mock", 1e7, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("generate() duration_seconds must be at most 86400.");
        assertThat(forge.generate("clip", "mock", 86_400.0, null).frameCount()).isEqualTo(691_200);
    }

    @Test
    void compareLeavesTheWorldAloneAndKeepsOrder() {
        forge.registerProvider(new ai.worldforge.provider.mock.MockProvider("mock-b", null));
        World world = forge.createWorld("lab");
        world.addObject(cube("c"));
        assertThatThrownBy(() -> world.compare(Action.noop(), List.of()))
                .hasMessage("compare() requires at least one provider.");
        Comparison comparison = world.compare(Action.moveTo(0.2, 0.5, 0), List.of("mock-b", "mock"));
        assertThat(comparison.results()).extracting(Prediction::provider).containsExactly("mock-b", "mock");
        assertThat(world.step()).isZero();
        assertThat(world.historyLength()).isEqualTo(2);
        assertThat(comparison.bestPrediction().provider()).isEqualTo("mock-b");
        assertThat(comparison.toCsv().split("\n")[0]).isEqualTo("provider,physics_score,confidence,latency_ms");
        assertThat(comparison.toCsv().split("\n")[1]).startsWith("mock-b,0.7500,0.7300,");
        assertThat(comparison.toMarkdown()).startsWith("# WorldForge Comparison\n\n| provider | physics_score");
        assertThat(comparison.toMarkdown()).contains("| mock | 0.75 | 0.73 | ");
        assertThat(comparison.artifacts()).containsOnlyKeys("json", "markdown", "csv");
        assertThatThrownBy(() -> new Comparison(List.of()).bestPrediction())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Comparison has no predictions.");
    }

    @Test
    void promptWorlds() {
        World kitchen = forge.createWorldFromPrompt("A kitchen with a mug");
        assertThat(kitchen.listObjects()).containsExactly("countertop", "mug");
        assertThat(kitchen.objects().get(0).position()).isEqualTo(new Position(0, 0.9, 0));
        assertThat(kitchen.objects().get(1).position()).isEqualTo(new Position(0, 0.8, 0));
        assertThat(kitchen.objects().get(1).graspable()).isTrue();
        assertThat(kitchen.description()).isEqualTo("A kitchen with a mug");
        assertThat(kitchen.name()).isEqualTo("prompt-world");
        assertThat(summaries(kitchen)).containsExactly("world seeded from prompt");
        World other = forge.createWorldFromPrompt("a table", "mock", "t");
        assertThat(other.listObjects()).containsExactly("cube");
        assertThat(other.objects().get(0).position()).isEqualTo(new Position(0, 0.5, 0));
        assertThatThrownBy(() -> forge.createWorldFromPrompt(" ")).hasMessage("Prompt must be a non-empty string.");
    }

    @Test
    void forkWorld() {
        World world = forge.createWorld("a");
        world.addObject(cube("c"));
        String id = world.save();
        World fork = forge.forkWorld(id, 0, "b");
        assertThat(fork.id()).isNotEqualTo(id).matches("world_[0-9a-f]{12}");
        assertThat(fork.name()).isEqualTo("b");
        assertThat(fork.metadata().get("name")).isEqualTo(JsonString.of("b"));
        assertThat(fork.objectCount()).isZero();
        assertThat(summaries(fork)).containsExactly("world forked");
        assertThat(forge.listWorlds()).containsExactly(id);
    }
}
