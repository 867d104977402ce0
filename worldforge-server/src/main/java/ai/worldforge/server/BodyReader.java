package ai.worldforge.server;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body without holding a thread: each chunk the connection has is copied, and
 * when none is available the reader asks Jetty to call it back once more arrives. A client that
 * trickles its body therefore costs a buffer, never a worker. Stops at {@code limit} bytes.
 * Confined to one thread at a time (Jetty serialises the demand callbacks); {@link #abandon()} may
 * be called from any thread.
 */
final class BodyReader implements Runnable {
    /** Why reading stopped before the end of the body. */
    enum Failure {
        /** More than the limit arrived. */
        TOO_LARGE,
        /** The connection's idle timeout expired while the body was awaited. */
        TIMED_OUT,
        /** The body ended early, was malformed (e.g. a bad chunk), or the connection failed. */
        BROKEN
    }

    private final Request request;
    private final long limit;
    private final Consumer<byte[]> onBody;
    private final Consumer<Failure> onFailure;
    private byte[] buffer = new byte[0];
    private int size;
    private boolean finished;
    private volatile boolean abandoned;

    /**
     * @param limit most bytes accepted (at most {@link ServiceConfig#MAX_BODY_BYTES_LIMIT})
     * @param onBody receives the whole body (called once, unless abandoned)
     * @param onFailure receives why reading stopped (called at most once, never with {@code onBody})
     */
    BodyReader(Request request, long limit, Consumer<byte[]> onBody, Consumer<Failure> onFailure) {
        this.request = request;
        this.limit = limit;
        this.onBody = onBody;
        this.onFailure = onFailure;
    }

    /** Stops reading: neither callback is called after the current chunk. */
    void abandon() {
        abandoned = true;
    }

    /** Reads what is available, then waits for more (also the demand callback). */
    @Override
    public void run() {
        try {
            readAvailable();
        } catch (Throwable e) {
            // Runs on Jetty's threads: whatever goes wrong here ends this request only.
            if (!finished) {
                finish();
                onFailure.accept(Failure.BROKEN);
            }
        }
    }

    private void readAvailable() {
        while (!abandoned) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                finish();
                onFailure.accept(chunk.getFailure() instanceof TimeoutException ? Failure.TIMED_OUT : Failure.BROKEN);
                return;
            }
            boolean last = chunk.isLast();
            boolean fits = append(chunk.getByteBuffer());
            chunk.release();
            if (!fits) {
                finish();
                onFailure.accept(Failure.TOO_LARGE);
                return;
            }
            if (last) {
                finish();
                onBody.accept(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
                return;
            }
        }
    }

    /** Marks the read done, before a callback runs, so a callback's failure is not reported twice. */
    private void finish() {
        finished = true;
    }

    private boolean append(ByteBuffer bytes) {
        int count = bytes.remaining();
        if (count == 0) {
            return true;
        }
        if (size + (long) count > limit) {
            return false;
        }
        if (size + count > buffer.length) {
            long grown = Math.max((long) buffer.length * 2, Math.max(8192, size + (long) count));
            buffer = Arrays.copyOf(buffer, (int) Math.min(grown, limit));
        }
        bytes.get(buffer, size, count);
        size += count;
        return true;
    }
}
