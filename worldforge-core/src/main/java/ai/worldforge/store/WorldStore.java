package ai.worldforge.store;

import ai.worldforge.model.WorldRecord;
import java.util.List;

/**
 * Where worlds are persisted. The local JSON store is the default; durable stores (for example a
 * database shared by several writers) implement the same contract.
 *
 * <p>Contract: identifiers are validated before any storage access ({@link
 * ai.worldforge.error.WorldForgeException} for unsafe ids); a world is validated before it is
 * written; a save replaces the previous version atomically, so readers see the old or the new
 * version, never a mix; failures are {@link ai.worldforge.error.WorldStateException}s naming the
 * world and location. Implementations must be thread-safe.
 */
public interface WorldStore {
    /** Persists {@code world} (replacing any previous version) and returns its id. */
    String save(WorldRecord world);

    /** Loads the world {@code worldId}; fails loudly when absent or invalid. */
    WorldRecord load(String worldId);

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
}
