package ai.worldforge.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code limit} bytes through and fails with {@link LimitExceeded} on the first
 * byte past it, so that a reader of an untrusted file or stream ({@code /dev/zero}, a file that
 * keeps growing) runs out of input long before it runs out of memory. Counts what it passed. Not
 * thread-safe.
 */
public final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    /** Wraps {@code in}; {@code limit} is the largest number of bytes allowed. */
    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Ask for one byte more than the budget allows, so that crossing the limit is noticed here.
        long room = limit - count + 1;
        int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, room)));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - count + 1));
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) throws LimitExceeded {
        count += n;
        if (count > limit) {
            throw new LimitExceeded(limit);
        }
    }

    /** More than {@link #limit()} bytes were offered. */
    public static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        LimitExceeded(long limit) {
            super("input is larger than the limit of " + limit + " bytes");
            this.limit = limit;
        }

        /** The limit that was exceeded. */
        public long limit() {
            return limit;
        }
    }
}
