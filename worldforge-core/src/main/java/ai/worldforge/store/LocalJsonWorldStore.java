package ai.worldforge.store;

import ai.worldforge.error.WorldConflictException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.internal.ErrorText;
import ai.worldforge.internal.Ids;
import ai.worldforge.internal.LimitedInputStream;
import ai.worldforge.internal.StorageIds;
import ai.worldforge.json.CanonicalJsonWriter;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.WorldRecord;
import ai.worldforge.model.WorldStateCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Stores each world as {@code <stateDir>/<world-id>.json}, in the reference's canonical format
 * (compact, sorted keys, ASCII, Python float text, no trailing newline), so files move freely
 * between the Python and Java implementations.
 *
 * <p><b>Writes.</b> A write takes the world's write lock ({@link WorldLocks}: an OS byte-range
 * lock on {@code .worldforge-store.lock}, shared by every process on this host that uses this
 * store), compares the stored file with the {@link ExpectedVersion} (the version is a CRC-32C and
 * length of the file's bytes, so edits by any writer, locking or not, are noticed), writes a
 * temporary file {@code .<id>.json.tmp_<hex>.tmp} in the same directory, fsyncs it, renames it
 * over the target atomically and fsyncs the directory. A failed write removes its temporary file;
 * a process killed mid-write leaves it behind, and the first write through a store instance
 * deletes such leftovers whose world is not locked ({@link #issues()} reports any that remain).
 * Readers never lock: they see the previous or the new complete file.
 *
 * <p><b>Guarantee.</b> On one host, concurrent writers in any number of threads and processes never
 * lose an edit silently: a load-modify-save inside {@link #withWriteLock} is serialised with every
 * other writer of that world, and a save of a world loaded earlier fails with {@link
 * WorldConflictException} when the file changed in between. Several hosts sharing a network file
 * system are not covered (advisory locks there are only as good as the file system's); use a
 * database-backed store for that.
 *
 * <p><b>Limits.</b> The directory is created by the first write, never by reads, listings or
 * health checks. World files larger than {@link Builder#maxWorldBytes} are refused before they are
 * parsed; documents nesting deeper than {@link Json#MAX_DEPTH} are refused by the parser, and
 * worlds whose file would nest deeper are refused before anything is written.
 *
 * <p>Thread-safe.
 */
public final class LocalJsonWorldStore implements WorldStore {
    /** Default largest world file read: 256 MiB (a 1000-object world with full history is ~127 MB). */
    public static final long DEFAULT_MAX_WORLD_BYTES = 256L * 1024 * 1024;

    /** Default wait for another writer's lock on the same world. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    private final Path directory;
    private final long maxWorldBytes;
    private final Duration lockTimeout;
    private final AtomicBoolean leftoversCleaned = new AtomicBoolean();

    /** A store at {@code directory} with the default limits (nothing is created until a write). */
    public LocalJsonWorldStore(Path directory) {
        this(builder(directory));
    }

    private LocalJsonWorldStore(Builder builder) {
        this.directory = builder.directory.toAbsolutePath().normalize();
        this.maxWorldBytes = builder.maxWorldBytes;
        this.lockTimeout = builder.lockTimeout;
    }

    /** A builder for a store at {@code directory}. */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** The directory holding the world files. */
    public Path directory() {
        return directory;
    }

    /** The largest world file this store reads, in bytes. */
    public long maxWorldBytes() {
        return maxWorldBytes;
    }

    /** The file a world id maps to (after validating the id). */
    public Path pathFor(String worldId) {
        return directory.resolve(StorageIds.require(worldId, "world_id") + ".json");
    }

    // ---------------------------------------------------------------- writes

    @Override
    public String write(WorldRecord world, ExpectedVersion expected) {
        Objects.requireNonNull(expected, "expected");
        String id = StorageIds.require(world.state().id(), "world_id");
        Path target = directory.resolve(id + ".json");
        createDirectory("save world '" + id + "' to " + target);
        cleanLeftoversOnce();
        WorldLocks.Held held = WorldLocks.acquire(directory, id, lockTimeout);
        try {
            return writeLocked(id, target, world, expected);
        } finally {
            held.release();
        }
    }

    private String writeLocked(String id, Path target, WorldRecord world, ExpectedVersion expected) {
        try {
            checkExpected(id, target, expected);
        } catch (IOException e) {
            throw new WorldStateException(
                    "Failed to save world '" + id + "' to " + target + ": " + ErrorText.reason(e), e);
        }
        Path temp = directory.resolve("." + id + ".json." + Ids.generate("tmp") + ".tmp");
        try {
            String version;
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                CRC32C crc = new CRC32C();
                CountingOutputStream counted =
                        new CountingOutputStream(new CheckedOutputStream(Channels.newOutputStream(channel), crc));
                CanonicalJsonWriter writer = new CanonicalJsonWriter(counted);
                WorldStateCodec.write(world, writer);
                writer.flush();
                channel.force(true);
                version = version(crc.getValue(), counted.count);
            }
            moveAtomically(temp, target);
            syncDirectory();
            return version;
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            throw new WorldStateException(
                    "Failed to save world '" + id + "' to " + target + ": " + ErrorText.reason(cause), e);
        } catch (WorldForgeException e) {
            throw new WorldStateException("World '" + id + "' is not valid for persistence: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The rename already succeeded or the save failed loudly; a leftover is cleaned by a later write.
            }
        }
    }

    /**
     * Compares what is stored with {@code expected}; only a version expectation reads the stored
     * file (to compute its version), an overwrite looks at nothing.
     */
    private static void checkExpected(String id, Path target, ExpectedVersion expected) throws IOException {
        if (expected instanceof ExpectedVersion.Absent && Files.exists(target)) {
            throw new WorldConflictException(
                    id,
                    WorldConflictException.Kind.ALREADY_EXISTS,
                    "World '" + id + "' already exists at " + target
                            + "; nothing was written. Save with an explicit overwrite to replace it.");
        }
        if (expected instanceof ExpectedVersion.Exactly exactly) {
            String current = versionOf(target);
            if (current == null) {
                throw new WorldConflictException(
                        id,
                        WorldConflictException.Kind.DELETED,
                        "World '" + id + "' was deleted from " + target
                                + " after it was loaded; nothing was written. Save with an explicit overwrite to"
                                + " store it again.");
            }
            if (!current.equals(exactly.version())) {
                throw new WorldConflictException(
                        id,
                        WorldConflictException.Kind.CHANGED,
                        "World '" + id + "' at " + target + " was changed by another writer after it was"
                                + " loaded; nothing was written. Load it again and reapply the change.");
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>While the directory does not exist no world can be stored, so there is nothing to
     * protect: {@code body} runs without the lock (and without creating the directory), and a
     * write inside it takes the lock itself.
     */
    @Override
    public <T> T withWriteLock(String worldId, Supplier<T> body) {
        String id = StorageIds.require(worldId, "world_id");
        if (!Files.isDirectory(directory)) {
            return body.get();
        }
        WorldLocks.Held held = WorldLocks.acquire(directory, id, lockTimeout);
        try {
            return body.get();
        } finally {
            held.release();
        }
    }

    @Override
    public String delete(String worldId) {
        String id = StorageIds.require(worldId, "world_id");
        Path path = directory.resolve(id + ".json");
        if (!Files.isDirectory(directory)) {
            throw new WorldStateException("World '" + id + "' is not present at " + path + ".");
        }
        WorldLocks.Held held = WorldLocks.acquire(directory, id, lockTimeout);
        try {
            if (!Files.deleteIfExists(path)) {
                throw new WorldStateException("World '" + id + "' is not present at " + path + ".");
            }
        } catch (IOException e) {
            throw new WorldStateException(
                    "Failed to delete world '" + id + "' at " + path + ": " + ErrorText.reason(e), e);
        } finally {
            held.release();
        }
        syncDirectory();
        return id;
    }

    private void createDirectory(String action) {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new WorldStateException(
                    "Failed to " + action + ": cannot create " + directory + ": " + ErrorText.reason(e), e);
        }
    }

    private void cleanLeftoversOnce() {
        if (leftoversCleaned.compareAndSet(false, true)) {
            try {
                StaleSaveFiles.clean(directory);
            } catch (IOException e) {
                // Listing failed; the write below reports real problems, issues() reports leftovers.
            }
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void syncDirectory() {
        // Makes the rename durable on POSIX file systems; some platforms cannot open directories.
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort: the data file itself was already forced to disk.
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public StoredWorld read(String worldId) {
        Path path = pathFor(worldId);
        String id = worldId.strip();
        JsonValue payload;
        String version;
        try (InputStream file = Files.newInputStream(path)) {
            if (Files.isRegularFile(path) && Files.size(path) > maxWorldBytes) {
                throw new WorldStateException(tooLarge(path, Files.size(path)));
            }
            CRC32C crc = new CRC32C();
            LimitedInputStream limited = new LimitedInputStream(file, maxWorldBytes);
            CheckedInputStream in = new CheckedInputStream(limited, crc);
            payload = Json.parse(in, true);
            in.transferTo(OutputStream.nullOutputStream()); // trailing whitespace counts toward the version
            version = version(crc.getValue(), limited.count());
        } catch (NoSuchFileException e) {
            throw new WorldStateException(
                    "Failed to load world '" + id + "' from " + path + ": No such file or directory", e);
        } catch (LimitedInputStream.LimitExceeded e) {
            throw new WorldStateException(tooLarge(path, -1), e);
        } catch (IOException e) {
            throw new WorldStateException(
                    "Failed to load world '" + id + "' from " + path + ": " + ErrorText.reason(e), e);
        } catch (WorldStateException e) {
            throw e;
        } catch (WorldForgeException e) {
            throw new WorldStateException("World file '" + path + "' is invalid: " + e.getMessage(), e);
        }
        try {
            return new StoredWorld(WorldStateCodec.restore(payload, "World state"), version);
        } catch (WorldForgeException e) {
            throw new WorldStateException("World file '" + path + "' is invalid: " + e.getMessage(), e);
        }
    }

    private String tooLarge(Path path, long size) {
        return "World file '" + path + "' is " + (size >= 0 ? size + " bytes, " : "") + "larger than the limit of "
                + maxWorldBytes + " bytes; nothing was read.";
    }

    /** The version of the stored file, or {@code null} when there is none. */
    private static @Nullable String versionOf(Path path) throws IOException {
        CRC32C crc = new CRC32C();
        long length = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                crc.update(buffer, 0, n);
                length += n;
            }
        } catch (NoSuchFileException e) {
            return null;
        }
        return version(crc.getValue(), length);
    }

    private static String version(long crc, long length) {
        // Neither String.format nor a concatenation: in a fresh CLI process each costs more
        // (a formatter or method-handle bootstrap) than the save's own work on a small world.
        String hex = Long.toHexString(crc);
        StringBuilder out = new StringBuilder(32).append("crc32c:");
        for (int i = hex.length(); i < 8; i++) {
            out.append('0');
        }
        return out.append(hex).append(':').append(length).toString();
    }

    @Override
    public List<String> list() {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file)) {
                    ids.add(name.substring(0, name.length() - ".json".length()));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new WorldStateException("Failed to list worlds in " + directory + ": " + ErrorText.reason(e), e);
        }
        Collections.sort(ids);
        return ids;
    }

    @Override
    public boolean exists(String worldId) {
        return Files.isRegularFile(pathFor(worldId));
    }

    @Override
    public String export(String worldId) {
        WorldRecord record = load(worldId);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            CanonicalJsonWriter writer = new CanonicalJsonWriter(buffer);
            WorldStateCodec.writeExport(record, writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public StoreHealth health() {
        if (!Files.exists(directory)) {
            Path existing = directory.getParent();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            boolean creatable = existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
            return new StoreHealth(
                    creatable,
                    location(),
                    0,
                    creatable
                            ? "directory does not exist yet; the first save creates it"
                            : "directory does not exist and cannot be created under " + existing);
        }
        boolean writable = Files.isDirectory(directory) && Files.isWritable(directory);
        long count;
        try {
            count = list().size();
        } catch (WorldStateException e) {
            return new StoreHealth(false, location(), -1, e.getMessage());
        }
        return new StoreHealth(
                writable, location(), count, writable ? "writable directory" : "directory is not writable");
    }

    /** Leftover temporary files of interrupted saves, one sentence for all of them. */
    @Override
    public List<String> issues() {
        List<Path> leftovers;
        try {
            leftovers = StaleSaveFiles.list(directory);
        } catch (IOException e) {
            return List.of("World store " + directory + " cannot be listed: " + ErrorText.reason(e) + ".");
        }
        if (leftovers.isEmpty()) {
            return List.of();
        }
        long bytes = 0;
        for (Path file : leftovers) {
            try {
                bytes += Files.size(file);
            } catch (IOException ignored) {
                // Removed meanwhile.
            }
        }
        return List.of("World store " + directory + " holds " + leftovers.size() + " temporary file"
                + (leftovers.size() == 1 ? "" : "s") + " (" + bytes + " bytes) left by interrupted saves, e.g. "
                + leftovers.get(0).getFileName() + "; the next save through this store removes those not in use.");
    }

    /** Counts bytes on their way to the file. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Options of a {@link LocalJsonWorldStore}; not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private long maxWorldBytes = DEFAULT_MAX_WORLD_BYTES;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /** The largest world file to read (default {@link #DEFAULT_MAX_WORLD_BYTES}); positive. */
        public Builder maxWorldBytes(long value) {
            if (value <= 0) {
                throw new WorldForgeException("maxWorldBytes must be positive.");
            }
            maxWorldBytes = value;
            return this;
        }

        /** How long a write waits for another writer of the same world (default 30 s); not negative. */
        public Builder lockTimeout(Duration value) {
            if (value.isNegative()) {
                throw new WorldForgeException("lockTimeout must not be negative.");
            }
            lockTimeout = value;
            return this;
        }

        /** The store (nothing is created on disk until the first write). */
        public LocalJsonWorldStore build() {
            return new LocalJsonWorldStore(this);
        }
    }
}
