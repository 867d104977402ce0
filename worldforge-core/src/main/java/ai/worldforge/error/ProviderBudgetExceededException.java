package ai.worldforge.error;

import org.jspecify.annotations.Nullable;

/** A provider operation ran past its configured elapsed-time budget (including polling). */
public class ProviderBudgetExceededException extends ProviderException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with the given message. */
    public ProviderBudgetExceededException(String message) {
        super(message);
    }

    /** Creates an exception with the given message and cause. */
    public ProviderBudgetExceededException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
