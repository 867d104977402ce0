package ai.worldforge.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Atomic replacement of files: the bytes go to a temporary file in the target's directory, which
 * is then moved over the target, so a reader never sees a half-written file.
 *
 * <p>File modes: every file WorldForge writes is created like {@code open(2)} with mode {@code
 * 0666} filtered by the process umask (typically {@code 0644}), the mode Python's {@code
 * write_text} gives the reference's files. The temporary file is therefore opened with {@code
 * CREATE_NEW} and no permission attributes; {@link Files#createTempFile} is not used because it
 * forces {@code 0600}. A replaced file gets the same default mode (the temporary file's), not the
 * old file's.
 */
public final class AtomicTextFiles {
    private static final int CREATE_ATTEMPTS = 100;

    private AtomicTextFiles() {}

    /** Writes {@code text} as UTF-8 to {@code target} atomically; the parent must exist. */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code data} to {@code target} atomically; the parent must exist. */
    public static void write(Path target, byte[] data) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        String prefix = "." + absolute.getFileName() + ".";
        for (int attempt = 1; ; attempt++) {
            Path temp = directory.resolve(prefix + Ids.generate("tmp") + ".tmp");
            FileChannel channel;
            try {
                channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt == CREATE_ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            try {
                try (channel) {
                    ByteBuffer buffer = ByteBuffer.wrap(data);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }
                moveOver(temp, absolute);
            } finally {
                Files.deleteIfExists(temp);
            }
            return;
        }
    }

    private static void moveOver(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code data} to {@code target} atomically, creating missing parent directories first. */
    public static void writeCreatingParents(Path target, byte[] data) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        write(target, data);
    }
}
