package ai.worldforge.runs;

import ai.worldforge.error.WorldForgeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Predictable run ids and prefixed ids for tests and operator drills (the reference's {@code
 * testing.determinism.DeterministicIdFactory}). The i-th {@link #runId()} is stamped {@code start +
 * step * (i - 1)} and suffixed with {@code suffixStart + i - 1} as eight hex digits, so the first
 * two ids with a 5 s step are {@code 20260101T000000Z-00000001} and {@code
 * 20260101T000005Z-00000002}. Not thread-safe: one factory per test.
 */
public final class DeterministicIdFactory {
    /** The default start, {@code 2026-01-01T00:00:00Z}. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final Instant start;
    private final Duration step;
    private final long suffixStart;
    private long issued;

    /** A factory starting at {@link #DEFAULT_START} with a one-second step and suffix 1. */
    public DeterministicIdFactory() {
        this(DEFAULT_START, Duration.ofSeconds(1), 1);
    }

    /**
     * A factory with an explicit start, step and first suffix.
     *
     * @throws WorldForgeException when the step or first suffix is negative
     */
    public DeterministicIdFactory(Instant start, Duration step, long suffixStart) {
        if (step.isNegative()) {
            throw new WorldForgeException("DeterministicIdFactory step must be non-negative.");
        }
        if (suffixStart < 0) {
            throw new WorldForgeException("DeterministicIdFactory suffix_start must be non-negative.");
        }
        this.start = start;
        this.step = step;
        this.suffixStart = suffixStart;
    }

    /** The next run id. */
    public String runId() {
        issued++;
        Instant stamp = start.plus(step.multipliedBy(issued - 1));
        long suffix = suffixStart + issued - 1;
        String hex = String.format(Locale.ROOT, "%08x", suffix);
        return RunIds.TIMESTAMP.format(stamp) + "-" + hex;
    }

    /** How many run ids have been issued. */
    public long issued() {
        return issued;
    }

    /** {@code prefix + "_" + index} zero-padded to 12 digits: {@code world_000000000003}. */
    public static String prefixedId(String prefix, long index) {
        return prefixedId(prefix, index, 12);
    }

    /**
     * {@code prefix + "_" + index} zero-padded to {@code width} digits.
     *
     * @throws WorldForgeException when the index is negative or the width is not positive
     */
    public static String prefixedId(String prefix, long index, int width) {
        if (index < 0) {
            throw new WorldForgeException("prefixed_id index must be non-negative.");
        }
        if (width < 1) {
            throw new WorldForgeException("prefixed_id width must be positive.");
        }
        return prefix + "_" + String.format(Locale.ROOT, "%0" + width + "d", index);
    }
}
