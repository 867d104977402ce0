package ai.worldforge.store;

import java.util.concurrent.CountDownLatch;

/**
 * Holds a world's write lock on another thread until closed, as a concurrent writer mid-save
 * would. Test helper; not thread-safe beyond its own two threads.
 */
final class HeldWriteLock implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread holder;

    private HeldWriteLock(WorldStore store, String worldId) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        holder = new Thread(
                () -> store.withWriteLock(worldId, () -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }),
                "held-write-lock");
        holder.start();
        holding.await();
    }

    /** Returns once another thread holds {@code worldId}'s write lock in {@code store}. */
    static HeldWriteLock of(WorldStore store, String worldId) throws InterruptedException {
        return new HeldWriteLock(store, worldId);
    }

    /** Releases the lock and waits for the holder to finish. */
    @Override
    public void close() {
        release.countDown();
        try {
            holder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
