package ai.worldforge.internal;

import ai.worldforge.error.WorldForgeException;
import org.jspecify.annotations.Nullable;

/** File-safe identifiers for persisted worlds, checked before any filesystem access. */
public final class StorageIds {
    /**
     * The longest identifier: its file {@code <id>.json} and the save's temporary file {@code
     * .<id>.json.tmp_<12 hex>.tmp} must fit the 255-byte file names of common file systems, with
     * room to spare.
     */
    public static final int MAX_LENGTH = 128;

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
     * must be a non-empty string.}, {@code {name} must be a file-safe identifier using only
     * letters, numbers, '.', '_', or '-'.} or {@code {name} must be at most 128 characters long.}
     */
    public static String require(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new WorldForgeException(name + " must be a non-empty string.");
        }
        String id = value.strip();
        if (!isFileSafe(id)) {
            throw new WorldForgeException(fileSafeMessage(name));
        }
        if (id.length() > MAX_LENGTH) {
            throw new WorldForgeException(tooLongMessage(name));
        }
        return id;
    }

    /** The message for an identifier longer than {@link #MAX_LENGTH}. */
    public static String tooLongMessage(String name) {
        return name + " must be at most " + MAX_LENGTH + " characters long.";
    }

    /** The reference's message for an unsafe identifier. */
    public static String fileSafeMessage(String name) {
        return name + " must be a file-safe identifier using only letters, numbers, '.', '_', or '-'.";
    }
}
