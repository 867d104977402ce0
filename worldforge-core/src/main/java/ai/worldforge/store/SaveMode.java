package ai.worldforge.store;

/** How {@link ai.worldforge.WorldForge#saveWorld(ai.worldforge.World, SaveMode)} treats what is already stored. */
public enum SaveMode {
    /**
     * Save only over the version the world was loaded at (or, for a world that was never stored,
     * only when its id is free); anything else is a {@link ai.worldforge.error.WorldConflictException}.
     */
    CHECKED,
    /** Replace whatever is stored under the world's id. */
    OVERWRITE
}
