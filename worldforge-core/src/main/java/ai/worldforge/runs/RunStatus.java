package ai.worldforge.runs;

import ai.worldforge.error.WorldForgeException;
import java.util.Locale;

/** The statuses a run manifest records. */
public enum RunStatus {
    /** Written when the workspace is created. */
    RUNNING,
    /** The run finished and its gates passed. */
    COMPLETED,
    /** The run finished and a gate or the command failed. */
    FAILED,
    /** The run did not execute (missing credentials, runtime or configuration). */
    SKIPPED,
    /** The run was interrupted. */
    CANCELLED;

    /** The manifest text ({@code running}, {@code completed}, …). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status for a manifest text.
     *
     * @throws WorldForgeException for an unknown status
     */
    public static RunStatus fromWireName(String value) {
        for (RunStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new WorldForgeException(
                "run status must be one of: running, completed, failed, skipped, cancelled; got '" + value + "'.");
    }
}
