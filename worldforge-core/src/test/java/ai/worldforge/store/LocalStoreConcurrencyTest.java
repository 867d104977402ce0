package ai.worldforge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldConflictException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.model.Action;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 4: concurrent writers of one local world never lose an edit silently. Locked
 * load-modify-saves are serialised across threads and processes; a save of a stale copy is a
 * {@link WorldConflictException} and writes nothing.
 */
class LocalStoreConcurrencyTest {
    static final int WRITERS = 8;

    @TempDir
    Path dir;

    WorldForge forge;
    String worldId;

    @BeforeEach
    void setUp() {
        forge = WorldForge.builder().stateDir(dir).build();
        worldId = forge.createWorld("shared").save();
    }

    static SceneObject cube(String id) {
        Position at = new Position(0.0, 0.5, 0.0);
        return SceneObject.of(id, "cube", at, BBox.around(at, 0.05));
    }

    static List<String> objectIds(World world) {
        return world.objects().stream().map(SceneObject::id).toList();
    }

    @Test
    void lockedUpdatesFromManyThreadsAndForgesAllSurvive() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                String objectId = "cube-" + i;
                // A forge per writer, like one CLI process per command.
                WorldForge writer = WorldForge.builder().stateDir(dir).build();
                futures.add(pool.submit(() -> {
                    start.await();
                    return writer.updateWorld(worldId, world -> world.addObject(cube(objectId)));
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        World stored = forge.loadWorld(worldId);
        assertThat(stored.objectCount()).isEqualTo(WRITERS);
        assertThat(stored.history()).hasSize(WRITERS + 1);
    }

    @Test
    void lockedUpdatesFromManyProcessesAllSurvive() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            children.add(new ProcessBuilder(
                            java,
                            "-Xshare:auto",
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-cp",
                            System.getProperty("java.class.path"),
                            StoreWriterChild.class.getName(),
                            dir.toString(),
                            worldId,
                            "cube-" + i)
                    .redirectErrorStream(true)
                    .start());
        }
        for (Process child : children) {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder text = new StringBuilder();
                for (String line; (line = out.readLine()) != null; ) {
                    text.append(line).append('\n');
                }
                assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).as(text.toString()).isZero();
                assertThat(text.toString()).endsWith("done\n");
            }
        }
        assertThat(forge.loadWorld(worldId).objectCount()).isEqualTo(WRITERS);
    }

    @Test
    void aStaleSaveIsRefusedAndWritesNothing() throws Exception {
        World first = forge.loadWorld(worldId);
        World second = forge.loadWorld(worldId);
        first.addObject(cube("first"));
        first.save();
        byte[] afterFirst = Files.readAllBytes(dir.resolve(worldId + ".json"));
        second.addObject(cube("second"));
        assertThatThrownBy(second::save)
                .isInstanceOfSatisfying(
                        WorldConflictException.class,
                        e -> assertThat(e.kind()).isEqualTo(WorldConflictException.Kind.CHANGED))
                .hasMessageContaining("was changed by another writer after it was loaded; nothing was written");
        assertThat(Files.readAllBytes(dir.resolve(worldId + ".json"))).isEqualTo(afterFirst);
        // The explicit overwrite still works, and the winner keeps saving.
        forge.saveWorld(second, SaveMode.OVERWRITE);
        second.addObject(cube("third"));
        second.save();
        assertThat(objectIds(forge.loadWorld(worldId))).containsExactlyInAnyOrder("second", "third");
    }

    @Test
    void editsByWritersThatDoNotLockAreNoticedToo() throws Exception {
        World loaded = forge.loadWorld(worldId);
        // Another tool rewrites the file with different content (here: the same world renamed).
        World other = forge.loadWorld(worldId);
        other.setDescription("edited elsewhere");
        Files.write(dir.resolve(worldId + ".json"), ai.worldforge.model.WorldStateCodec.toBytes(other.record()));
        loaded.addObject(cube("late"));
        assertThatThrownBy(loaded::save).isInstanceOf(WorldConflictException.class);
    }

    @Test
    void savingADeletedWorldOrANewWorldOverAnExistingIdIsAConflict() {
        World loaded = forge.loadWorld(worldId);
        forge.deleteWorld(worldId);
        assertThatThrownBy(loaded::save)
                .isInstanceOfSatisfying(
                        WorldConflictException.class,
                        e -> assertThat(e.kind()).isEqualTo(WorldConflictException.Kind.DELETED));
        assertThat(forge.listWorlds()).isEmpty();

        World original = forge.newWorld("a").worldId("fixed-id").build();
        original.save();
        World impostor = forge.newWorld("b").worldId("fixed-id").build();
        assertThatThrownBy(impostor::save)
                .isInstanceOfSatisfying(
                        WorldConflictException.class,
                        e -> assertThat(e.kind()).isEqualTo(WorldConflictException.Kind.ALREADY_EXISTS))
                .hasMessageContaining("already exists");
        assertThat(forge.loadWorld("fixed-id").name()).isEqualTo("a");
    }

    @Test
    void aWorldKeepsSavingAfterItsOwnSavesAndDerivedCopiesSaveOverIt() {
        World world = forge.loadWorld(worldId);
        world.addObject(cube("a"));
        world.save();
        world.addObject(cube("b"));
        world.save();
        // An executed plan's world descends from this one's stored version.
        World executed = world.executePlan(
                        ai.worldforge.plan.Plan.builder("move a", "test", "mock")
                                .actions(List.of(Action.moveTo(0.1, 0.5, 0.0, "a")))
                                .build(),
                        "mock")
                .finalWorld();
        executed.save();
        assertThat(forge.loadWorld(worldId).step()).isEqualTo(executed.step());
    }

    @Test
    void aWriterWaitsForTheLockAndGivesUpWithAClearMessage() throws Exception {
        LocalJsonWorldStore impatient = LocalJsonWorldStore.builder(dir)
                .lockTimeout(Duration.ofMillis(200))
                .build();
        WorldForge other = WorldForge.builder().store(impatient).build();
        HeldWriteLock held = HeldWriteLock.of(forge.store(), worldId);
        try {
            assertThatThrownBy(() -> other.updateWorld(worldId, world -> world.addObject(cube("x"))))
                    .isInstanceOf(WorldStateException.class)
                    .hasMessageContaining("is locked by another writer")
                    .hasMessageContaining("gave up after 200 ms");
        } finally {
            held.close();
        }
        other.updateWorld(worldId, world -> world.addObject(cube("x")));
        assertThat(objectIds(forge.loadWorld(worldId))).containsExactly("x");
    }

    @Test
    void anInterruptedWriterDoesNotReleaseOtherWritersLocks() throws Exception {
        // The lock file's channel is shared by the JVM; an interrupt must not close it.
        HeldWriteLock held = HeldWriteLock.of(forge.store(), worldId);
        String other = forge.createWorld("other").save();
        Thread.currentThread().interrupt();
        try {
            forge.updateWorld(other, world -> world.addObject(cube("y")));
        } catch (WorldStateException expected) {
            // Interrupted while waiting is fine; what matters is the holder's lock below.
        } finally {
            Thread.interrupted();
        }
        // The holder's lock is still held by this process: a child process cannot take it.
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StoreWriterChild.class.getName(),
                        dir.toString(),
                        worldId,
                        "from-child")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");
            assertThat(child.waitFor(1500, TimeUnit.MILLISECONDS))
                    .as("child blocked by the held lock")
                    .isFalse();
            held.close();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            child.destroyForcibly();
        }
        assertThat(objectIds(forge.loadWorld(worldId))).containsExactly("from-child");
    }
}
