package ai.worldforge.trace;

import java.util.Locale;
import java.util.Optional;

/**
 * The status of a workflow trace step, and of a whole trace (derived from its steps). Declared in
 * the reference's order, which is also the key order of a trace's {@code status_counts}.
 */
public enum WorkflowStatus {
    /** Not started yet. */
    PENDING,
    /** Started and not finished (a retry, for instance). */
    RUNNING,
    /** Finished successfully. */
    SUCCESS,
    /** Deliberately not run. */
    SKIPPED,
    /** Finished with an error. */
    FAILED;

    /** The lower-case wire name ({@code pending}, {@code running}, …). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status whose wire name is exactly {@code wireName}, if any. */
    public static Optional<WorkflowStatus> fromWireName(String wireName) {
        for (WorkflowStatus status : values()) {
            if (status.wireName().equals(wireName)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** {@code pending, running, success, skipped, failed}: the options listed in messages. */
    static String options() {
        return "pending, running, success, skipped, failed";
    }
}
