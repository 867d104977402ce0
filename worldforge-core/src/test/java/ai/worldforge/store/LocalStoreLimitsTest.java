package ai.worldforge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonDepthException;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 items 6–9 and 14 on the local store: leftovers of interrupted saves, size and depth
 * limits, identifier length, the export envelope's schema version, and no directory created by
 * reads.
 */
class LocalStoreLimitsTest {
    @TempDir
    Path dir;

    static SceneObject cube(String id, JsonObject metadata) {
        Position at = new Position(0.0, 0.5, 0.0);
        return new SceneObject(id, "cube", at, BBox.around(at, 0.05), false, metadata);
    }

    static JsonObject nested(int depth) {
        JsonValue value = JsonObject.of("leaf", ai.worldforge.json.JsonInt.of(1));
        for (int i = 1; i < depth; i++) {
            value = JsonObject.of("k", value);
        }
        return (JsonObject) value;
    }

    // ---------------------------------------------------------------- item 6: leftovers

    @Test
    void leftoversOfInterruptedSavesAreReportedThenRemovedByTheNextSave() throws Exception {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        String id = forge.createWorld("w").save();
        Path leftover = dir.resolve("." + id + ".json.tmp_0123456789ab.tmp");
        Path other = dir.resolve(".another-world.json.tmp_ba9876543210.tmp");
        Files.writeString(leftover, "{\"half");
        Files.writeString(other, "{");
        Path unrelated = dir.resolve(".notes.tmp");
        Files.writeString(unrelated, "mine");

        WorldForge next = WorldForge.builder().stateDir(dir).build();
        assertThat(next.store().issues())
                .singleElement()
                .asString()
                .contains("holds 2 temporary files (7 bytes) left by interrupted saves");
        assertThat(next.doctor().issues()).containsAll(next.store().issues());
        assertThat(next.doctor().toJson().toString()).contains("left by interrupted saves");
        // Reads never delete anything.
        next.loadWorld(id);
        assertThat(leftover).exists();

        next.updateWorld(id, world -> world.setDescription("saved again"));
        assertThat(leftover).doesNotExist();
        assertThat(other).doesNotExist();
        assertThat(unrelated).exists();
        assertThat(next.store().issues()).isEmpty();
    }

    @Test
    void aTemporaryFileOfASaveInProgressIsKept() throws Exception {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        String busy = forge.createWorld("busy").save();
        String idle = forge.createWorld("idle").save();
        Path inProgress = dir.resolve("." + busy + ".json.tmp_00000000000a.tmp");
        Files.writeString(inProgress, "{");
        HeldWriteLock saving = HeldWriteLock.of(forge.store(), busy);
        try {
            WorldForge next = WorldForge.builder().stateDir(dir).build();
            next.updateWorld(idle, world -> world.setDescription("x"));
            assertThat(inProgress).exists();
        } finally {
            saving.close();
        }
    }

    // ---------------------------------------------------------------- item 7: depth

    @Test
    void worldsNestedAsDeepAsTheyMayBeSaveLoadExportAndImportOnASmallStack() throws Throwable {
        // An export nests scene-object metadata 8 containers deep (envelope, world, history,
        // entry, snapshot, scene, objects, object).
        JsonObject deepest = nested(Json.MAX_DEPTH - 8);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        WorldForge forge = WorldForge.builder().stateDir(dir).build();
                        World world = forge.createWorld("deep");
                        world.addObject(cube("c", deepest));
                        String id = world.save();
                        World loaded = forge.loadWorld(id);
                        assertThat(loaded.record()).isEqualTo(world.record());
                        String export = forge.exportWorld(id);
                        World copy = forge.importWorld(export, true, "copy");
                        copy.save();
                        assertThat(forge.loadWorld(copy.id()).objects().get(0).metadata())
                                .isEqualTo(deepest);
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "small-stack",
                512 * 1024);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Test
    void aWorldThatCouldNotBeReadBackIsNeverSaved() throws Exception {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        World world = forge.createWorld("too-deep");
        world.addObject(cube("c", nested(Json.MAX_DEPTH - 7)));
        assertThatThrownBy(world::save)
                .isInstanceOf(WorldStateException.class)
                .hasMessageContaining("is not valid for persistence")
                .hasMessageContaining("scene object 'c' metadata nests 993 levels deep")
                .hasMessageContaining("over the limit of 1000");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsOnly(".worldforge-store.lock");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1_001, 5_000, 9_000, 100_000})
    void deeplyNestedImportsFailWithATypedErrorNotAStackOverflow(int depth) {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        String payload = "{\"schema_version\":1,\"state\":{\"metadata\":" + "{\"k\":".repeat(depth) + "1"
                + "}".repeat(depth) + "}}";
        assertThatThrownBy(() -> forge.importWorld(payload))
                .isInstanceOf(WorldStateException.class)
                .hasMessageContaining("JSON nesting exceeds the limit of 1000 levels");
        assertThatThrownBy(() -> nested(depth)).isInstanceOf(JsonDepthException.class);
    }

    @Test
    void aDeepWorldFileWrittenByAnotherToolIsRefusedOnLoad() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("deep.json"), "[".repeat(5_000) + "]".repeat(5_000));
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        assertThatThrownBy(() -> forge.loadWorld("deep"))
                .isInstanceOf(WorldStateException.class)
                .hasMessageContaining("is invalid: JSON nesting exceeds the limit of 1000 levels.");
    }

    // ---------------------------------------------------------------- item 8: size

    @Test
    void worldFilesOverTheSizeLimitAreRefusedBeforeTheyAreParsed() throws Exception {
        LocalJsonWorldStore small =
                LocalJsonWorldStore.builder(dir).maxWorldBytes(2_000).build();
        WorldForge forge = WorldForge.builder().store(small).build();
        World world = forge.createWorld("big");
        for (int i = 0; i < 5; i++) {
            world.addObject(cube("c" + i, JsonObject.EMPTY));
        }
        String id = world.save();
        assertThat(Files.size(dir.resolve(id + ".json"))).isGreaterThan(2_000);
        assertThatThrownBy(() -> forge.loadWorld(id))
                .isInstanceOf(WorldStateException.class)
                .hasMessageContaining("larger than the limit of 2000 bytes; nothing was read.");
    }

    @Test
    void aDeviceThatNeverEndsIsCutOffAtTheLimit() throws Exception {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) {
            return;
        }
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("endless.json"), zero);
        LocalJsonWorldStore store =
                LocalJsonWorldStore.builder(dir).maxWorldBytes(1 << 20).build();
        assertThatThrownBy(() -> store.read("endless"))
                .isInstanceOf(WorldStateException.class)
                .hasMessageStartingWith("World file '" + dir.resolve("endless.json") + "' is invalid");
    }

    // ---------------------------------------------------------------- item 9: ids and envelopes

    @Test
    void idsTooLongForAFileNameAreRefusedOnImportAndCreation() {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        String longId = "w".repeat(300);
        String payload = "{\"schema_version\":1,\"state\":{\"schema_version\":1,\"id\":\"" + longId
                + "\",\"name\":\"n\",\"provider\":\"mock\"}}";
        assertThatThrownBy(() -> forge.importWorld(payload))
                .isInstanceOf(WorldStateException.class)
                .hasMessage("World state field 'id' must be at most 128 characters long.");
        assertThatThrownBy(() -> forge.newWorld("x").worldId(longId).build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("world_id must be at most 128 characters long.");
        String longest = "w".repeat(128);
        World world = forge.newWorld("x").worldId(longest).build();
        world.save();
        assertThat(forge.loadWorld(longest).id()).isEqualTo(longest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "99", "-1", "0", "\"1\"", "null", "true", "1.0", "100000000000000000000000"})
    void anEnvelopeOfAnotherSchemaVersionIsRefused(String version) {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        String export = forge.exportWorld(forge.createWorld("w").save());
        String other =
                export.replace("{\"schema_version\":1,\"state\":", "{\"schema_version\":" + version + ",\"state\":");
        assertThat(other).isNotEqualTo(export);
        assertThatThrownBy(() -> forge.importWorld(other))
                .isInstanceOf(WorldStateException.class)
                .hasMessageStartingWith("Import payload field 'schema_version' must be");
    }

    @Test
    void envelopesAtVersionOneOrWithoutAVersionAndBareWorldsAreRead() {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        String id = forge.createWorld("w").save();
        String export = forge.exportWorld(id);
        assertThat(forge.importWorld(export).id()).isEqualTo(id);
        String bare = export.substring("{\"schema_version\":1,\"state\":".length(), export.length() - 1);
        assertThat(forge.importWorld(bare).id()).isEqualTo(id);
        assertThat(forge.importWorld("{\"state\":" + bare + "}").id()).isEqualTo(id);
    }

    // ---------------------------------------------------------------- item 14: nothing created

    @Test
    void readsListingsHealthAndFailedWritesCreateNoDirectory() {
        Path absent = dir.resolve("nested").resolve("worlds");
        WorldForge forge = WorldForge.builder().stateDir(absent).build();
        assertThat(forge.listWorlds()).isEmpty();
        assertThat(forge.doctor().worldCount()).isZero();
        assertThat(forge.store().health().healthy()).isTrue();
        assertThat(forge.store().health().details()).contains("first save creates it");
        assertThat(forge.store().issues()).isEmpty();
        assertThatThrownBy(() -> forge.loadWorld("missing")).isInstanceOf(WorldStateException.class);
        assertThatThrownBy(() -> forge.deleteWorld("missing")).isInstanceOf(WorldStateException.class);
        assertThatThrownBy(() -> forge.exportWorld("missing")).isInstanceOf(WorldStateException.class);
        assertThat(dir.resolve("nested")).doesNotExist();
        forge.createWorld("w").save();
        assertThat(forge.listWorlds()).hasSize(1);
        assertThat(List.of(absent.toFile().list())).hasSize(2);
    }
}
