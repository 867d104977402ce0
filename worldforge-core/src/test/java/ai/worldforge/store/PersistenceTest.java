package ai.worldforge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.BBox;
import ai.worldforge.model.HistoryEntry;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persistence behaviours 26–32 and 43 of upstream-core.md §9, and byte identity with the reference. */
class PersistenceTest {
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

    private static String resource(String name) throws IOException {
        try (InputStream in = PersistenceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** The world that tools/golden/world_golden.py writes with the reference's layout. */
    private World goldenWorld() {
        String name = "Démo “kitchen” ✓";
        JsonObject metadata = (JsonObject) Json.parse(
                "{\"name\":\"" + name + "\",\"owner\":\"lab-7\",\"weights\":[1,2.5,1e-05,1e16,0.30000000000000004]}");
        World world = forge.newWorld(name)
                .worldId("world_0123456789ab")
                .metadata(metadata)
                .build();
        world.addObject(cube("cube-1"));
        Position mug = new Position(0.1, 0.8, -0.3);
        world.addObject(new SceneObject("mug", "mug ☕", mug, BBox.around(mug, 0.05), true, (JsonObject)
                Json.parse("{\"color\":\"blue\",\"mass_kg\":0.35,\"tags\":[\"ceramic\",3]}")));
        Position tiny = new Position(1e-07, 123456789.0, -2.5);
        world.addObject(SceneObject.of("tiny", "tiny\ttab", tiny, BBox.around(tiny, 0.05)));
        return world;
    }

    @Test
    void savedFilesAndExportsAreByteIdenticalToTheReference() throws IOException {
        String id = forge.saveWorld(goldenWorld());
        assertThat(Files.readString(dir.resolve(id + ".json"), StandardCharsets.US_ASCII))
                .isEqualTo(resource("golden-world.json"));
        assertThat(forge.exportWorld(id)).isEqualTo(resource("golden-export.json"));
    }

    @Test
    void referenceFilesLoadAndRoundTrip() throws IOException {
        Files.writeString(dir.resolve("world_0123456789ab.json"), resource("golden-world.json"));
        World loaded = forge.loadWorld("world_0123456789ab");
        assertThat(loaded.objectCount()).isEqualTo(3);
        assertThat(loaded.historyLength()).isEqualTo(4);
        assertThat(loaded.getObjectById("mug").orElseThrow().graspable()).isTrue();
        assertThat(Json.write(loaded.toJson())).isEqualTo(resource("golden-world.json"));
        World imported = forge.importWorld(resource("golden-export.json"));
        assertThat(Json.write(imported.toJson())).isEqualTo(resource("golden-world.json"));
    }

    @Test
    void unsafeIdsAreRejectedBeforeAnyFileAccess() {
        assertThatThrownBy(() -> forge.loadWorld("../outside"))
                .isInstanceOf(WorldForgeException.class)
                .isNotInstanceOf(WorldStateException.class)
                .hasMessageContaining("file-safe identifier");
        assertThatThrownBy(() -> forge.deleteWorld("../outside")).hasMessageContaining("file-safe identifier");
        assertThatThrownBy(() -> forge.newWorld("x").worldId("a/b").build())
                .hasMessage("world_id must be a file-safe identifier using only letters, numbers, '.', '_', or '-'.");
        assertThatThrownBy(() -> forge.loadWorld(" ")).hasMessage("world_id must be a non-empty string.");
    }

    @Test
    void saveWritesCompactSortedJsonWithoutLeftovers() throws IOException {
        World world = forge.createWorld("a");
        world.addObject(cube("c"));
        String id = forge.saveWorld(world);
        assertThat(id).isEqualTo(world.id());
        String text = Files.readString(dir.resolve(id + ".json"));
        assertThat(text).startsWith("{\"description\":\"\",\"history\":[").doesNotEndWith("\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(id + ".json", ".worldforge-store.lock");
        }
        assertThat(forge.listWorlds()).containsExactly(id);
    }

    @Test
    void exportAndImport() {
        World world = forge.createWorld("a");
        world.addObject(cube("c"));
        String id = forge.saveWorld(world);
        String export = forge.exportWorld(id);
        assertThat(export).startsWith("{\"schema_version\":1,\"state\":{");
        World copy = forge.importWorld(export, true, "copy");
        assertThat(copy.id()).isNotEqualTo(id).matches("world_[0-9a-f]{12}");
        assertThat(copy.name()).isEqualTo("copy");
        assertThat(copy.metadata().get("name")).isEqualTo(JsonString.of("copy"));
        assertThat(forge.listWorlds()).containsExactly(id);
        assertThat(forge.importWorld(export).id()).isEqualTo(id);
    }

    @Test
    void importRejections() {
        assertThatThrownBy(() -> forge.importWorld("{broken json"))
                .isInstanceOf(WorldStateException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> forge.importWorld("{\"state\":{\"name\":\"invalid\"}}"))
                .isInstanceOf(WorldStateException.class)
                .hasMessageContaining("missing required keys")
                .hasMessage("World state is missing required keys: id, provider, schema_version.");
        assertThatThrownBy(() -> forge.importWorld("{\"state\":\"not-a-world\"}"))
                .isInstanceOf(WorldStateException.class)
                .hasMessage("Import payload state must be a JSON object.");
        assertThatThrownBy(() -> forge.importWorld("[1]")).hasMessage("Import payload must decode to a JSON object.");
        assertThatThrownBy(() ->
                        forge.importWorld("{\"schema_version\":2,\"id\":\"w\",\"name\":\"n\",\"provider\":\"mock\"}"))
                .hasMessage("World state field 'schema_version' must be 1.");
    }

    private static String world(String scene, String history, int step) {
        return "{\"schema_version\":1,\"id\":\"w1\",\"name\":\"n\",\"provider\":\"mock\",\"step\":" + step
                + ",\"scene\":{\"objects\":" + scene + "}" + (history == null ? "" : ",\"history\":" + history) + "}";
    }

    private static final String CUBE_BODY = "\"name\":\"cube\",\"pose\":{\"position\":{\"x\":0,\"y\":0.5,\"z\":0}},"
            + "\"bbox\":{\"min\":{\"x\":-0.05,\"y\":0.45,\"z\":-0.05},\"max\":{\"x\":0.05,\"y\":0.55,\"z\":0.05}}";

    @Test
    void stateValidationMessages() {
        assertThatThrownBy(() -> forge.importWorld(world("{\"k\":{\"id\":\"j\"," + CUBE_BODY + "}}", null, 0)))
                .isInstanceOf(WorldStateException.class)
                .hasMessage("World state scene object key 'k' does not match embedded id 'j'.");
        assertThatThrownBy(
                        () -> forge.importWorld(world("{\"cube-1\":{\"id\":\"cube-1\",\"name\":\"cube\"}}", null, 0)))
                .hasMessageContaining("scene object 'cube-1' is invalid");
        String snapshot = world("{}", null, 0);
        assertThatThrownBy(() -> forge.importWorld(world(
                        "{}", "[{\"step\":3,\"state\":" + snapshot + ",\"summary\":\"s\",\"action_json\":null}]", 1)))
                .hasMessageContaining("step must not be greater than current step");
        assertThatThrownBy(() -> forge.importWorld(world(
                        "{}",
                        "[{\"step\":0,\"state\":" + snapshot + ",\"summary\":\"s\",\"action_json\":\"{broken\"}]",
                        0)))
                .hasMessageContaining("action_json");
        String nested = snapshot.replace("\"id\":\"w1\"", "\"id\":\"../bad\"");
        assertThatThrownBy(() -> forge.importWorld(world(
                        "{}", "[{\"step\":0,\"state\":" + nested + ",\"summary\":\"s\",\"action_json\":null}]", 0)))
                .hasMessageContaining("invalid state");
        World restored = forge.importWorld(world("{\"cube-1\":{" + CUBE_BODY + "}}", null, 4));
        assertThat(restored.history()).extracting(HistoryEntry::summary).containsExactly("world restored");
        assertThat(restored.history().get(0).step()).isEqualTo(4);
        assertThat(restored.getObjectById("cube-1")).isPresent();
    }

    @Test
    void loadAndDeleteFailures() throws IOException {
        assertThatThrownBy(() -> forge.loadWorld("missing"))
                .isInstanceOf(WorldStateException.class)
                .hasMessageStartingWith("Failed to load world 'missing' from ");
        Files.writeString(dir.resolve("corrupt.json"), "{\"state\":\"not-a-world\"}");
        assertThatThrownBy(() -> forge.loadWorld("corrupt"))
                .isInstanceOf(WorldStateException.class)
                .hasMessageStartingWith("World file '");
        assertThat(forge.listWorlds()).contains("corrupt");
        assertThatThrownBy(() -> forge.deleteWorld("absent"))
                .isInstanceOf(WorldStateException.class)
                .hasMessageContaining("not present");
        assertThat(forge.deleteWorld("corrupt")).isEqualTo("corrupt");
        assertThat(forge.listWorlds()).isEmpty();
    }

    @Test
    void storeHealth() {
        StoreHealth health = forge.store().health();
        assertThat(health.healthy()).isTrue();
        assertThat(health.worldCount()).isZero();
        assertThat(health.location()).isEqualTo(dir.toAbsolutePath().normalize().toString());
    }
}
