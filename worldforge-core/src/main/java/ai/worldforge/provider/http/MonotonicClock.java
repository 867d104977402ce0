package ai.worldforge.provider.http;

/**
 * A monotonic time source in nanoseconds (the reference's {@code perf_counter}). Injectable so
 * budget arithmetic can be tested without waiting. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface MonotonicClock {
    /** Current reading in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** {@link System#nanoTime()}. */
    static MonotonicClock system() {
        return System::nanoTime;
    }
}
