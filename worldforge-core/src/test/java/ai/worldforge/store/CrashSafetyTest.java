package ai.worldforge.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.WorldForge;
import ai.worldforge.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a child JVM at random moments while it saves a world over and over, 200 times,
 * and checks that the world file is always one complete version, never a torn write.
 */
class CrashSafetyTest {
    private static final int KILLS = 200;

    @TempDir
    Path dir;

    @Test
    void killedSavesLeaveTheOldOrTheNewCompleteFile() throws Exception {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        Set<String> versions = new HashSet<>();
        for (int v = 0; v < CrashSaveChild.VERSIONS; v++) {
            versions.add(Json.write(CrashSaveChild.version(forge, v).toJson()));
        }
        forge.saveWorld(CrashSaveChild.version(forge, 0));
        Path file = dir.resolve(CrashSaveChild.WORLD_ID + ".json");
        SplittableRandom random = new SplittableRandom(42);
        Set<String> seen = new HashSet<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = new ProcessBuilder(
                            java,
                            "-Xshare:auto",
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-cp",
                            classpath,
                            CrashSaveChild.class.getName(),
                            dir.toString())
                    .redirectErrorStream(true)
                    .start();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).as("child start-up").isEqualTo("ready");
                // On a loaded machine saves slow down; if no kill has yet landed after a completed
                // save, wait longer so that the test keeps interrupting saves at varied points.
                int maxSleepMillis = seen.size() > 1 || kill < KILLS / 2 ? 60 : 600;
                Thread.sleep(random.nextInt(1, maxSleepMillis));
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            String content = Files.readString(file, StandardCharsets.US_ASCII);
            assertThat(versions)
                    .as("file after kill #%d is a complete version", kill)
                    .contains(content);
            seen.add(content);
            assertThat(forge.loadWorld(CrashSaveChild.WORLD_ID).objectCount()).isPositive();
        }
        // The kills landed at different points of the save loop, not always before the first save.
        assertThat(seen.size()).isGreaterThan(1);
        // Temporary files of interrupted saves never shadow a world.
        assertThat(forge.listWorlds()).isEqualTo(List.of(CrashSaveChild.WORLD_ID));
        // They are reported while they exist, and the next save through a store removes them.
        List<Path> leftovers = StaleSaveFiles.list(dir);
        System.out.println(
                "CrashSafetyTest: " + leftovers.size() + " leftover temporary files after " + KILLS + " kills");
        if (leftovers.isEmpty()) {
            assertThat(forge.store().issues()).isEmpty();
        } else {
            assertThat(forge.store().issues())
                    .singleElement()
                    .asString()
                    .contains(leftovers.size() + " temporary file")
                    .contains("interrupted saves");
            assertThat(forge.doctor().issues()).containsAll(forge.store().issues());
        }
        WorldForge next = WorldForge.builder().stateDir(dir).build();
        next.updateWorld(CrashSaveChild.WORLD_ID, world -> world.setDescription("after the crashes"));
        assertThat(StaleSaveFiles.list(dir)).isEmpty();
        assertThat(next.store().issues()).isEmpty();
    }
}
