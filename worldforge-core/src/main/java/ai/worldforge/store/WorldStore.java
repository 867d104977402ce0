package ai.worldforge.store;

import ai.worldforge.model.WorldRecord;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where worlds are persisted. The local JSON store is the default; durable stores (for example a
 * database shared by several writers) implement the same contract.
 *
 * <p>Contract: identifiers are validated before any storage access ({@link
 * ai.worldforge.error.WorldForgeException} for unsafe ids); a world is validated before it is
 * written; a write replaces the previous version atomically, so readers see the old or the new
 * version, never a mix; a write whose {@link ExpectedVersion} does not match what is stored fails
 * with {@link ai.worldforge.error.WorldConflictException} and writes nothing, so no writer silently
 * replaces another's edit; failures are {@link ai.worldforge.error.WorldStateException}s naming
 * the world and location. Implementations must be thread-safe.
 */
public interface WorldStore {
    /**
     * Writes {@code world} if what is stored under its id matches {@code expected}, and returns the
     * new version.
     *
     * @throws ai.worldforge.error.WorldConflictException when the stored world does not match
     */
    String write(WorldRecord world, ExpectedVersion expected);

    /** Reads the world {@code worldId} with its version; fails loudly when absent or invalid. */
    StoredWorld read(String worldId);

    /** Reads the world {@code worldId}; fails loudly when absent or invalid. */
    default WorldRecord load(String worldId) {
        return read(worldId).record();
    }

    /**
     * Runs {@code body} while holding the store's write lock of {@code worldId}, so that a
     * load-modify-save inside it cannot interleave with other writers of that world (writes inside
     * take the same lock again without waiting).
     *
     * @throws ai.worldforge.error.WorldStateException when the lock cannot be taken in time
     */
    <T> T withWriteLock(String worldId, Supplier<T> body);

    /** Ids of stored worlds, sorted (including ones whose content is invalid). */
    List<String> list();

    /** Whether {@code worldId} is stored. */
    boolean exists(String worldId);

    /** Deletes {@code worldId} (even when its content is invalid) and returns the id; fails when absent. */
    String delete(String worldId);

    /**
     * The canonical export envelope {@code {"schema_version":1,"state":<world>}} of a stored world,
     * byte-identical to the reference's export.
     */
    String export(String worldId);

    /** A human description of where worlds live (a directory, a database URL without secrets). */
    String location();

    /** A cheap check that the store is usable. */
    StoreHealth health();

    /**
     * Problems an operator should know about that do not make the store unusable (for the local
     * store: leftovers of interrupted saves), one sentence each; empty by default.
     */
    default List<String> issues() {
        return List.of();
    }
}
