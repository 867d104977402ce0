package ai.worldforge.store;

import java.util.Objects;

/**
 * What a save expects to find in the store: nothing ({@link #absent()}), exactly the version it
 * loaded ({@link #of(String)}), or anything ({@link #any()}, an explicit overwrite). A store
 * compares and writes under its per-world lock, so a stale save fails with {@link
 * ai.worldforge.error.WorldConflictException} instead of replacing another writer's edit.
 * Immutable and thread-safe.
 */
public sealed interface ExpectedVersion {
    /** The world must not be stored yet (a new world, an import keeping its id). */
    static ExpectedVersion absent() {
        return Absent.INSTANCE;
    }

    /** The stored world must still be at {@code version} (the token {@link StoredWorld#version()} gave). */
    static ExpectedVersion of(String version) {
        return new Exactly(version);
    }

    /** Replace whatever is stored (the caller asked to overwrite). */
    static ExpectedVersion any() {
        return Any.INSTANCE;
    }

    /** Expects no stored world. */
    enum Absent implements ExpectedVersion {
        /** The only instance. */
        INSTANCE
    }

    /** Overwrites unconditionally. */
    enum Any implements ExpectedVersion {
        /** The only instance. */
        INSTANCE
    }

    /**
     * Expects the stored world at {@code version}.
     *
     * @param version an opaque token from the same store
     */
    record Exactly(String version) implements ExpectedVersion {
        /** Validates presence. */
        public Exactly {
            Objects.requireNonNull(version, "version");
        }
    }
}
