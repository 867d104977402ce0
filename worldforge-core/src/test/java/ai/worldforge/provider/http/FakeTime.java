package ai.worldforge.provider.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A manual monotonic clock and a sleeper that advances it and records each delay. */
final class FakeTime implements MonotonicClock, Sleeper {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final List<Double> sleeps = Collections.synchronizedList(new ArrayList<>());
    /** Extra seconds each sleep overshoots by. */
    double oversleep;
    /** Optional log entry written on each sleep. */
    List<String> log;

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleep(double seconds) {
        sleeps.add(seconds);
        if (log != null) {
            log.add("sleep");
        }
        advance(seconds + oversleep);
    }

    void advance(double seconds) {
        nanos.addAndGet(Math.round(seconds * 1e9));
    }
}
