package ai.worldforge.internal;

import ai.worldforge.error.WorldForgeException;
import org.jspecify.annotations.Nullable;

/** File-safe identifiers for persisted worlds, checked before any filesystem access. */
public final class StorageIds {
    private StorageIds() {}

    /** Whether {@code id} is non-blank and matches {@code ^[A-Za-z0-9][A-Za-z0-9_.-]*$} (and is not {@code .}/{@code ..}). */
    public static boolean isFileSafe(String id) {
        int length = id.length();
        if (length == 0 || id.equals(".") || id.equals("..")) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '_' && c != '.' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The stripped identifier, or a {@link WorldForgeException} naming {@code name}: {@code {name}
     * must be a non-empty string.} or {@code {name} must be a file-safe identifier using only
     * letters, numbers, '.', '_', or '-'.}
     */
    public static String require(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new WorldForgeException(name + " must be a non-empty string.");
        }
        String id = value.strip();
        if (!isFileSafe(id)) {
            throw new WorldForgeException(fileSafeMessage(name));
        }
        return id;
    }

    /** The reference's message for an unsafe identifier. */
    public static String fileSafeMessage(String name) {
        return name + " must be a file-safe identifier using only letters, numbers, '.', '_', or '-'.";
    }
}
