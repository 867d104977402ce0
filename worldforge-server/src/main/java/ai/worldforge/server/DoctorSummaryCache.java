package ai.worldforge.server;

import ai.worldforge.WorldForge;
import ai.worldforge.json.JsonObject;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The doctor summary of {@code /readyz}, recomputed at most once per TTL. The doctor lists the
 * state directory and walks every registered provider's profile and lifecycle (about 50–100 µs);
 * load balancers and orchestrators probe readiness far less often than once per TTL, but a
 * readiness storm must not turn into a directory-listing storm. A zero TTL recomputes every time.
 * Thread-safe: one thread recomputes an expired summary while the others wait for it.
 */
final class DoctorSummaryCache {
    private final WorldForge forge;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private volatile @Nullable Entry entry;

    private record Entry(JsonObject summary, long computedAt) {}

    DoctorSummaryCache(WorldForge forge, Duration ttl, LongSupplier nanoTime) {
        this.forge = Objects.requireNonNull(forge, "forge");
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    JsonObject get() {
        if (ttlNanos == 0) {
            return compute();
        }
        Entry current = entry;
        if (current != null && nanoTime.getAsLong() - current.computedAt() < ttlNanos) {
            return current.summary();
        }
        synchronized (this) {
            current = entry;
            long now = nanoTime.getAsLong();
            if (current != null && now - current.computedAt() < ttlNanos) {
                return current.summary();
            }
            JsonObject summary = compute();
            entry = new Entry(summary, now);
            return summary;
        }
    }

    private JsonObject compute() {
        return ServicePayloads.doctorSummary(forge.doctor(null, true));
    }
}
