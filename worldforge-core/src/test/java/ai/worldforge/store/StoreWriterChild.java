package ai.worldforge.store;

import ai.worldforge.WorldForge;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import java.nio.file.Path;

/**
 * Child process for {@link LocalStoreConcurrencyTest}: adds one object to a stored world through a
 * locked load-modify-save, as {@code world add-object} does, and exits.
 */
public final class StoreWriterChild {
    private StoreWriterChild() {}

    /** Entry point: {@code StoreWriterChild <state-dir> <world-id> <object-id>}. */
    public static void main(String[] args) {
        WorldForge forge = WorldForge.builder().stateDir(Path.of(args[0])).build();
        Position at = new Position(0.0, 0.5, 0.0);
        System.out.println("ready");
        System.out.flush();
        forge.updateWorld(
                args[1], world -> world.addObject(SceneObject.of(args[2], "cube", at, BBox.around(at, 0.05))));
        System.out.println("done");
    }
}
