package ai.worldforge.store;

import ai.worldforge.error.WorldStateException;
import java.io.IOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Per-world write locks of a local store directory, held across processes of one host.
 *
 * <p>Every world id maps to one byte of a single lock file in the directory ({@value #LOCK_FILE}),
 * locked with an OS byte-range lock ({@code fcntl} on Linux), so writers of different worlds do
 * not wait for each other and the lock file is never deleted (deleting lock files races with
 * waiters). Two ids that hash to the same byte only share a lock. Inside this JVM a reentrant lock
 * per byte comes first: the OS lock belongs to the whole process, so threads must take turns, and
 * a thread that already holds a world's lock (a load-modify-save that saves) takes it again
 * without waiting.
 *
 * <p>The lock file is opened once per JVM while any of its locks is held: closing any channel of
 * a file drops all of the process's locks on it. It is an {@link AsynchronousFileChannel}, which,
 * unlike {@code FileChannel}, is not closed when a thread using it is interrupted (a service
 * request whose deadline fired must not release other requests' locks).
 *
 * <p>Thread-safe. The guarantee holds on one host whose file system implements POSIX advisory
 * locks; processes that write the directory without these locks (the Python reference, an editor)
 * are caught only by the store's version check.
 */
final class WorldLocks {
    /** The lock file's name inside a store directory. */
    static final String LOCK_FILE = ".worldforge-store.lock";

    private static final ConcurrentHashMap<Path, LockFile> FILES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Region, RegionLock> REGIONS = new ConcurrentHashMap<>();

    private WorldLocks() {}

    /**
     * Runs {@code body} while holding the write lock of {@code worldId} in {@code directory}, which
     * must exist; waits at most {@code timeout} for other writers.
     *
     * @throws WorldStateException when the lock is not granted in time, the wait is interrupted, or
     *     the lock file cannot be opened
     */
    static <T> T withLock(Path directory, String worldId, Duration timeout, Supplier<T> body) {
        Held held = acquire(directory, worldId, timeout.toNanos(), true);
        try {
            return body.get();
        } finally {
            held.release();
        }
    }

    /**
     * Runs {@code body} only if the write lock of {@code worldId} is free right now (in this JVM and
     * in other processes); returns whether it ran.
     */
    static boolean tryWithLock(Path directory, String worldId, Runnable body) {
        Held held = acquire(directory, worldId, 0, false);
        if (held == Held.NOT_ACQUIRED) {
            return false;
        }
        try {
            body.run();
            return true;
        } finally {
            held.release();
        }
    }

    private static Held acquire(Path directory, String worldId, long timeoutNanos, boolean failOnTimeout) {
        Path lockPath = directory.resolve(LOCK_FILE);
        Region region = new Region(lockPath, worldId.hashCode() & 0x7FFF_FFFFL);
        RegionLock lock = REGIONS.compute(region, (key, existing) -> {
            RegionLock value = existing == null ? new RegionLock() : existing;
            value.users++;
            return value;
        });
        long deadline = System.nanoTime() + timeoutNanos;
        boolean granted = false;
        try {
            if (lock.local.tryLock(timeoutNanos, TimeUnit.NANOSECONDS)) {
                try {
                    granted = lock.local.getHoldCount() > 1 || lockFile(lock, lockPath, region.offset, deadline);
                } finally {
                    if (!granted) {
                        lock.local.unlock();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forget(region);
            throw new WorldStateException(
                    "Interrupted while waiting for the write lock of world '" + worldId + "'.", e);
        } catch (RuntimeException | Error e) {
            forget(region);
            throw e;
        }
        if (granted) {
            return new Held(region, lock);
        }
        forget(region);
        if (!failOnTimeout) {
            return Held.NOT_ACQUIRED;
        }
        throw new WorldStateException("World '" + worldId + "' is locked by another writer (lock file " + lockPath
                + "); gave up after " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms. Retry when it is done.");
    }

    /** Takes the OS lock of a region this thread holds in the JVM; false when not granted by {@code deadline}. */
    private static boolean lockFile(RegionLock lock, Path lockPath, long offset, long deadline)
            throws InterruptedException {
        LockFile file = openShared(lockPath);
        FileLock fileLock = null;
        try {
            fileLock = pollFileLock(file, offset, deadline);
        } finally {
            if (fileLock == null) {
                closeShared(file);
            }
        }
        if (fileLock == null) {
            return false;
        }
        lock.fileLock = fileLock;
        lock.file = file;
        return true;
    }

    /** Polls the OS lock with short, growing sleeps until {@code deadline}; {@code null} when not granted. */
    private static @Nullable FileLock pollFileLock(LockFile file, long offset, long deadline)
            throws InterruptedException {
        long sleepMillis = 1;
        while (true) {
            FileLock granted;
            try {
                granted = file.channel.tryLock(offset, 1, false);
            } catch (IOException e) {
                throw new WorldStateException("Failed to lock " + file.path + ": " + e.getMessage(), e);
            }
            if (granted != null) {
                return granted;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Thread.sleep(Math.min(sleepMillis, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
            sleepMillis = Math.min(50, sleepMillis * 2);
        }
    }

    private static LockFile openShared(Path path) {
        return FILES.compute(path, (key, existing) -> {
            LockFile file = existing;
            if (file == null) {
                try {
                    file = new LockFile(
                            path,
                            AsynchronousFileChannel.open(
                                    path,
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.READ,
                                    StandardOpenOption.WRITE));
                } catch (IOException e) {
                    throw new WorldStateException(
                            "Failed to open the store lock file " + path + ": " + e.getMessage(), e);
                }
            }
            file.holders++;
            return file;
        });
    }

    private static void closeShared(LockFile file) {
        FILES.computeIfPresent(file.path, (key, existing) -> {
            if (--existing.holders > 0) {
                return existing;
            }
            try {
                existing.channel.close();
            } catch (IOException ignored) {
                // Closing only drops locks this process no longer holds.
            }
            return null;
        });
    }

    private static void forget(Region region) {
        REGIONS.computeIfPresent(region, (key, existing) -> --existing.users == 0 ? null : existing);
    }

    /** One byte of one lock file. */
    private record Region(Path lockPath, long offset) {}

    /** The in-JVM side of a region; {@code fileLock} and {@code file} are set while its OS lock is held. */
    private static final class RegionLock {
        final ReentrantLock local = new ReentrantLock();
        int users; // guarded by REGIONS.compute

        @Nullable
        FileLock fileLock;

        @Nullable
        LockFile file;
    }

    /** The shared channel of a lock file and how many regions hold OS locks through it. */
    private static final class LockFile {
        final Path path;
        final AsynchronousFileChannel channel;
        int holders; // guarded by FILES.compute

        LockFile(Path path, AsynchronousFileChannel channel) {
            this.path = path;
            this.channel = channel;
        }
    }

    /** A held lock; {@link #release()} once. */
    private static final class Held {
        static final Held NOT_ACQUIRED = new Held(null, null);

        private final @Nullable Region region;
        private final @Nullable RegionLock lock;

        Held(@Nullable Region region, @Nullable RegionLock lock) {
            this.region = region;
            this.lock = lock;
        }

        void release() {
            RegionLock held = Objects.requireNonNull(lock);
            try {
                if (held.local.getHoldCount() == 1) {
                    FileLock fileLock = held.fileLock;
                    LockFile file = held.file;
                    held.fileLock = null;
                    held.file = null;
                    try {
                        if (fileLock != null) {
                            fileLock.release();
                        }
                    } catch (IOException ignored) {
                        // The channel closes below when no other region uses it, dropping the lock anyway.
                    } finally {
                        if (file != null) {
                            closeShared(file);
                        }
                    }
                }
            } finally {
                held.local.unlock();
                forget(Objects.requireNonNull(region));
            }
        }
    }
}
