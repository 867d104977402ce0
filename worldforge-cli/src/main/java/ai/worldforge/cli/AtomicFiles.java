package ai.worldforge.cli;

import ai.worldforge.internal.AtomicTextFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes output files so that a reader never sees half a file and a failed write leaves the old
 * file in place: bytes go to a temporary sibling that is then moved over the target. Files get the
 * process umask's default mode, like every file WorldForge writes ({@link AtomicTextFiles}).
 */
final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes {@code text} as UTF-8, creating parent directories. */
    static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes}, creating parent directories. */
    static void write(Path target, byte[] bytes) throws IOException {
        AtomicTextFiles.writeCreatingParents(target, bytes);
    }
}
