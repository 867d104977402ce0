package ai.worldforge.store;

import ai.worldforge.error.WorldStateException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
 * a file drops all of the process's locks on it. Locks are taken with {@link
 * FileChannel#tryLock(long, long, boolean)} and polled, never with the blocking {@code lock()}:
 * {@code tryLock} and {@code release} are not interruptible operations, so a thread interrupted
 * while it takes or holds a lock (a service request whose deadline fired) cannot close the shared
 * channel and so release other threads' locks.
 *
 * <p>Written without lambdas or records: a CLI command takes one lock in a fresh JVM, where each
 * bootstrap would cost more than the lock.
 *
 * <p>Thread-safe. The guarantee holds on one host whose file system implements POSIX advisory
 * locks; processes that write the directory without these locks (the Python reference, an editor)
 * are caught only by the store's version check.
 */
final class WorldLocks {
    /** The lock file's name inside a store directory. */
    static final String LOCK_FILE = ".worldforge-store.lock";

    /** Guards both maps; held only for bookkeeping, never while waiting. */
    private static final Object REGISTRY = new Object();

    private static final Map<Path, LockFile> FILES = new HashMap<>();
    private static final Map<Region, RegionLock> REGIONS = new HashMap<>();

    private WorldLocks() {}

    /**
     * Takes the write lock of {@code worldId} in {@code directory}, which must exist, waiting at
     * most {@code timeout} for other writers; {@link Held#release()} it in a {@code finally}.
     *
     * @throws WorldStateException when the lock is not granted in time, the wait is interrupted, or
     *     the lock file cannot be opened
     */
    static Held acquire(Path directory, String worldId, Duration timeout) {
        Held held = acquire(directory, worldId, timeout.toNanos());
        if (held == null) {
            throw new WorldStateException("World '" + worldId + "' is locked by another writer (lock file "
                    + directory.resolve(LOCK_FILE) + "); gave up after " + timeout.toMillis()
                    + " ms. Retry when it is done.");
        }
        return held;
    }

    /**
     * Takes the write lock of {@code worldId} only if it is free right now (in this JVM and in other
     * processes using the same lock file); {@code null} when it is not.
     */
    static @Nullable Held tryAcquire(Path directory, String worldId) {
        return acquire(directory, worldId, 0);
    }

    private static @Nullable Held acquire(Path directory, String worldId, long timeoutNanos) {
        Path lockPath = directory.resolve(LOCK_FILE);
        Region region = new Region(lockPath, worldId.hashCode() & 0x7FFF_FFFFL);
        RegionLock lock;
        synchronized (REGISTRY) {
            lock = REGIONS.get(region);
            if (lock == null) {
                lock = new RegionLock();
                REGIONS.put(region, lock);
            }
            lock.users++;
        }
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
        return null;
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
        synchronized (REGISTRY) {
            LockFile file = FILES.get(path);
            if (file == null) {
                try {
                    file = new LockFile(
                            path,
                            FileChannel.open(
                                    path,
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.READ,
                                    StandardOpenOption.WRITE));
                } catch (IOException e) {
                    throw new WorldStateException(
                            "Failed to open the store lock file " + path + ": " + e.getMessage(), e);
                }
                FILES.put(path, file);
            }
            file.holders++;
            return file;
        }
    }

    private static void closeShared(LockFile file) {
        synchronized (REGISTRY) {
            if (--file.holders > 0) {
                return;
            }
            FILES.remove(file.path);
            try {
                file.channel.close();
            } catch (IOException ignored) {
                // Closing only drops locks this process no longer holds.
            }
        }
    }

    private static void forget(Region region) {
        synchronized (REGISTRY) {
            RegionLock lock = REGIONS.get(region);
            if (lock != null && --lock.users == 0) {
                REGIONS.remove(region);
            }
        }
    }

    /** One byte of one lock file. */
    private static final class Region {
        final Path lockPath;
        final long offset;

        Region(Path lockPath, long offset) {
            this.lockPath = lockPath;
            this.offset = offset;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Region that && offset == that.offset && lockPath.equals(that.lockPath);
        }

        @Override
        public int hashCode() {
            return lockPath.hashCode() * 31 + Long.hashCode(offset);
        }
    }

    /** The in-JVM side of a region; {@code fileLock} and {@code file} are set while its OS lock is held. */
    private static final class RegionLock {
        final ReentrantLock local = new ReentrantLock();
        int users; // guarded by REGISTRY

        @Nullable
        FileLock fileLock;

        @Nullable
        LockFile file;
    }

    /** The shared channel of a lock file and how many regions hold OS locks through it. */
    private static final class LockFile {
        final Path path;
        final FileChannel channel;
        int holders; // guarded by REGISTRY

        LockFile(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
        }
    }

    /** A held lock: {@link #release()} exactly once, on the thread that acquired it. */
    static final class Held {
        private final Region region;
        private final RegionLock lock;

        private Held(Region region, RegionLock lock) {
            this.region = region;
            this.lock = lock;
        }

        /** Releases this hold; the OS lock goes with the thread's outermost hold. */
        void release() {
            try {
                if (lock.local.getHoldCount() == 1) {
                    FileLock fileLock = lock.fileLock;
                    LockFile file = lock.file;
                    lock.fileLock = null;
                    lock.file = null;
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
                lock.local.unlock();
                forget(region);
            }
        }
    }
}
