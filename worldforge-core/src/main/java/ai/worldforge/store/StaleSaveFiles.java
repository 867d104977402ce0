package ai.worldforge.store;

import ai.worldforge.internal.StorageIds;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temporary files left by saves that never finished (the process was killed between creating
 * {@code .<id>.json.tmp_<hex>.tmp} and renaming it). A save holds its world's write lock from
 * before the temporary file exists until after the rename, so a temporary file whose world lock is
 * free belongs to no save in progress and is garbage. Stateless and thread-safe.
 */
final class StaleSaveFiles {
    /** The reference's temporary-file name, {@code .<id>.json.<generate_id("tmp")>.tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.json\\.tmp_[0-9a-f]{12}\\.tmp");

    private StaleSaveFiles() {}

    /** Whether {@code name} is a save's temporary file name. */
    static boolean isTemporary(String name) {
        return TEMPORARY.matcher(name).matches();
    }

    /** Temporary save files in {@code directory}, sorted; empty when the directory is absent. */
    static List<Path> list(Path directory) throws IOException {
        List<Path> found = new ArrayList<>();
        // No glob filter: compiling one costs more than testing each name's ends first.
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp") && isTemporary(name)) {
                    found.add(file);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        found.sort(null);
        return found;
    }

    /**
     * Deletes the temporary files in {@code directory} whose world is not being saved right now (by
     * this JVM or another process using the same locks); returns how many were deleted.
     */
    static int clean(Path directory) throws IOException {
        int deleted = 0;
        for (Path file : list(directory)) {
            Matcher name = TEMPORARY.matcher(file.getFileName().toString());
            if (!name.matches() || !StorageIds.isFileSafe(name.group(1))) {
                continue; // not a name this store writes; leave it to the operator
            }
            WorldLocks.Held held = WorldLocks.tryAcquire(directory, name.group(1));
            if (held == null) {
                continue; // its world is being saved: the file may be that save's
            }
            try {
                if (Files.deleteIfExists(file)) {
                    deleted++;
                }
            } catch (IOException e) {
                // Reported by WorldStore.issues() (and doctor) while it stays.
            } finally {
                held.release();
            }
        }
        return deleted;
    }
}
