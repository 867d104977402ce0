package ai.worldforge.store;

import ai.worldforge.model.WorldRecord;
import java.util.Objects;

/**
 * A world read from a store together with the version it was read at, to be passed back as
 * {@link ExpectedVersion#of(String)} when the edited world is saved. Immutable and thread-safe.
 *
 * @param record the world
 * @param version an opaque token naming exactly the stored content that was read
 */
public record StoredWorld(WorldRecord record, String version) {
    /** Validates presence. */
    public StoredWorld {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(version, "version");
    }
}
