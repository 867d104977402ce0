package ai.worldforge.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A one-line progress bar on the terminal's stderr for long runs: nothing is drawn during the
 * first second (short runs stay silent), then the line is redrawn in place every 100 ms and
 * erased when the run ends, so stdout — the report — is never touched. Counting is one atomic
 * increment per unit, safe from worker threads.
 */
final class ProgressBar implements AutoCloseable {
    static final long DEFAULT_DELAY_NANOS = 1_000_000_000L;
    private static final long REFRESH_MILLIS = 100;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final long delayNanos;
    private final LongSupplier nanoClock;
    private final long startedNanos;
    private final AtomicLong done = new AtomicLong();
    private final Object drawLock = new Object();
    private int drawnWidth;
    private boolean closed;
    private @Nullable Thread refresher;
    private @Nullable Thread shutdownHook;

    ProgressBar(PrintWriter err, String label, long total, long delayNanos, LongSupplier nanoClock) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
        this.delayNanos = delayNanos;
        this.nanoClock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
    }

    /**
     * A bar that redraws itself from a daemon thread until {@link #close()}. A shutdown hook erases
     * the line when the JVM stops first (Ctrl-C, SIGTERM), so the shell prompt does not land after
     * a stale bar.
     */
    static ProgressBar started(PrintWriter err, String label, long total) {
        ProgressBar bar = new ProgressBar(err, label, total, DEFAULT_DELAY_NANOS, System::nanoTime);
        Thread thread = new Thread(bar::refreshLoop, "worldforge-progress");
        thread.setDaemon(true);
        bar.refresher = thread;
        Thread hook = new Thread(bar::erase, "worldforge-progress-erase");
        Runtime.getRuntime().addShutdownHook(hook);
        bar.shutdownHook = hook;
        thread.start();
        return bar;
    }

    /** Counts one finished unit. */
    void advance() {
        done.incrementAndGet();
    }

    /** Units finished so far. */
    long done() {
        return done.get();
    }

    /** Draws the current line once the delay has passed; whether anything was drawn. */
    boolean tick() {
        long elapsed = nanoClock.getAsLong() - startedNanos;
        if (elapsed < delayNanos) {
            return false;
        }
        synchronized (drawLock) {
            if (closed) {
                return false;
            }
            String line = line(Math.min(done.get(), total), elapsed);
            // Pad over a longer previous line so no stale characters remain.
            String padded = line.length() < drawnWidth ? line + " ".repeat(drawnWidth - line.length()) : line;
            err.print('\r' + padded);
            err.flush();
            drawnWidth = Math.max(drawnWidth, line.length());
            return true;
        }
    }

    String line(long finished, long elapsedNanos) {
        int filled = (int) (finished * BAR_WIDTH / total);
        return String.format(
                Locale.ROOT,
                "%s [%s%s] %3d%% %d/%d %.1fs",
                label,
                "#".repeat(filled),
                "-".repeat(BAR_WIDTH - filled),
                finished * 100 / total,
                finished,
                total,
                elapsedNanos / 1e9);
    }

    private void refreshLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(REFRESH_MILLIS);
                tick();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops redrawing and erases the line if one was drawn. */
    @Override
    public void close() {
        if (refresher != null) {
            refresher.interrupt();
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: it erases the line itself.
            }
        }
        erase();
    }

    /** Erases the drawn line once and stops all drawing (also the shutdown hook's action). */
    void erase() {
        synchronized (drawLock) {
            if (closed) {
                return;
            }
            closed = true;
            if (drawnWidth > 0) {
                err.print('\r' + " ".repeat(drawnWidth) + '\r');
                err.flush();
            }
        }
    }
}
