package ai.worldforge.error;

/**
 * A save that would silently replace someone else's edit: the stored world changed, appeared or
 * disappeared after it was loaded (or the world already exists and no overwrite was asked for).
 * Nothing was written. Reload the world and apply the change again, or save with an explicit
 * overwrite.
 *
 * <p>A {@link WorldStateException}, so hosts that handle storage failures handle conflicts too.
 */
public final class WorldConflictException extends WorldStateException {
    private static final long serialVersionUID = 1L;

    /** How the stored world differs from what the save expected. */
    public enum Kind {
        /** The save expected no stored world, but one exists. */
        ALREADY_EXISTS,
        /** The stored world was replaced by another writer after it was loaded. */
        CHANGED,
        /** The stored world was deleted after it was loaded. */
        DELETED
    }

    private final String worldId;
    private final Kind kind;

    /** Creates the exception. */
    public WorldConflictException(String worldId, Kind kind, String message) {
        super(message);
        this.worldId = worldId;
        this.kind = kind;
    }

    /** The world that was not saved. */
    public String worldId() {
        return worldId;
    }

    /** What differed. */
    public Kind kind() {
        return kind;
    }
}
