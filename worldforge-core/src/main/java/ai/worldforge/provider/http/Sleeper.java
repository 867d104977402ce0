package ai.worldforge.provider.http;

/**
 * Waits between retry attempts. Injectable so tests run without real delays and can observe the
 * order of close and sleep. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps {@code seconds} (finite, greater than 0). */
    void sleep(double seconds) throws InterruptedException;

    /** {@link Thread#sleep} with nanosecond rounding. */
    static Sleeper system() {
        return seconds -> {
            long nanos = (long) Math.ceil(seconds * 1e9);
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        };
    }
}
