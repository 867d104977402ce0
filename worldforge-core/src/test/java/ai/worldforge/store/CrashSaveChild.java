package ai.worldforge.store;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import java.nio.file.Path;

/**
 * Child process for {@link CrashSafetyTest}: saves deterministic versions of one world in a loop
 * until it is killed. Version {@code v} has {@code 1 + v % VERSIONS} objects.
 */
public final class CrashSaveChild {
    static final String WORLD_ID = "crash-world";
    static final int VERSIONS = 6;

    private CrashSaveChild() {}

    /** The world of version {@code version}, identical in every process. */
    static World version(WorldForge forge, int version) {
        World world = forge.newWorld("crash").worldId(WORLD_ID).build();
        int objects = 1 + (version % VERSIONS) * 40;
        for (int i = 0; i < objects; i++) {
            Position at = new Position(i * 0.1, 0.5 + version, -i * 0.01);
            world.addObject(SceneObject.of("o" + i, "object " + i, at, BBox.around(at, 0.05)));
        }
        return world;
    }

    /** Entry point: {@code CrashSaveChild <state-dir>}. */
    public static void main(String[] args) {
        WorldForge forge = WorldForge.builder().stateDir(Path.of(args[0])).build();
        World[] versions = new World[VERSIONS];
        for (int v = 0; v < VERSIONS; v++) {
            versions[v] = version(forge, v);
        }
        System.out.println("ready");
        System.out.flush();
        // Start at version 1: the parent's file holds version 0, so the first completed save
        // already changes it.
        for (int i = 1; ; i++) {
            // Overwrite: these worlds were built here, never loaded, and the file already exists.
            forge.saveWorld(versions[i % VERSIONS], SaveMode.OVERWRITE);
        }
    }
}
