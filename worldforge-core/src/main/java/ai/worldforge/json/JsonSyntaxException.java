package ai.worldforge.json;

import ai.worldforge.error.WorldForgeException;
import org.jspecify.annotations.Nullable;

/** Text that is not JSON. The message is a short detail with line and column. */
public final class JsonSyntaxException extends WorldForgeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public JsonSyntaxException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
