package ai.worldforge.provider;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Read access to configuration variables. Core never reads {@code System.getenv} itself: hosts
 * pass {@link #system()} (the CLI and servers do) or a fixed map (tests, embedded services).
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Environment {
    /** The value of {@code name}, or {@code null} when unset. */
    @Nullable
    String get(String name);

    /** Whether {@code name} is set to a value that is not blank after trimming. */
    default boolean isSet(String name) {
        String value = get(name);
        return value != null && !value.isBlank();
    }

    /** The trimmed value of {@code name}, or {@code null} when unset or blank. */
    default @Nullable String value(String name) {
        String value = get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** No variables at all. */
    static Environment empty() {
        return name -> null;
    }

    /** A fixed set of variables (copied). */
    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return copy::get;
    }

    /** The process environment. */
    static Environment system() {
        return System::getenv;
    }
}
