package ai.worldforge.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes log lines to a stream from one background thread, in batches: request threads only
 * enqueue, and a burst of lines costs one write system call instead of one (or more) each. The
 * queue is bounded; when it is full the caller waits, so lines are never dropped. {@link #close()}
 * writes everything queued and flushes. Thread-safe.
 */
final class AsyncLineWriter implements Consumer<String>, AutoCloseable {
    private static final String POISON = new String("close"); // identity-compared marker

    private final BlockingQueue<String> queue;
    private final Writer out;
    private final Thread thread;

    AsyncLineWriter(OutputStream stream, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.out = new OutputStreamWriter(Objects.requireNonNull(stream, "stream"), StandardCharsets.UTF_8);
        this.thread = new Thread(this::drain, "worldforge-service-log");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void accept(String line) {
        try {
            queue.put(line);
        } catch (InterruptedException e) {
            // A request thread interrupted by its deadline still logs its line, synchronously.
            Thread.currentThread().interrupt();
            synchronized (out) {
                write(List.of(line));
            }
        }
    }

    private void drain() {
        List<String> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, 1024);
            boolean closing = batch.remove(POISON);
            synchronized (out) {
                write(batch);
            }
            batch.clear();
            if (closing) {
                return;
            }
        }
    }

    private void write(List<String> lines) {
        try {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            // stderr is gone; nothing sensible is left to report to.
        }
    }

    /** Writes what is queued, flushes and stops the thread (waits up to 5 s). */
    @Override
    public void close() {
        try {
            queue.put(POISON);
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
