package ai.worldforge.event;

import ai.worldforge.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Aggregates provider events per (provider, operation) (the reference's {@code
 * ProviderMetricsSink}): request count (every event, retries included), error count (phase {@code
 * failure} only), retry count (phase {@code retry}), and latency count, total, minimum and maximum
 * over events with a duration. Hosts can derive error and retry rates, or trip circuit breakers,
 * from {@link #get}. Thread-safe.
 */
public final class ProviderMetricsSink implements ProviderEventHandler {
    private final Map<Key, Accumulator> metrics = new HashMap<>();

    /** An empty sink. */
    public ProviderMetricsSink() {}

    @Override
    public void handle(ProviderEvent event) {
        Key key = new Key(event.provider(), event.operation());
        synchronized (metrics) {
            metrics.computeIfAbsent(key, k -> new Accumulator()).record(event);
        }
    }

    /** Forgets every aggregate. */
    public void clear() {
        synchronized (metrics) {
            metrics.clear();
        }
    }

    /** The aggregate of {@code provider}'s {@code operation}; zeros when no event was seen. */
    public ProviderOperationMetrics get(String provider, String operation) {
        synchronized (metrics) {
            Accumulator accumulator = metrics.get(new Key(provider, operation));
            return accumulator == null
                    ? new Accumulator().snapshot(provider, operation)
                    : accumulator.snapshot(provider, operation);
        }
    }

    /** Every aggregate, sorted by provider then operation. */
    public List<ProviderOperationMetrics> snapshot() {
        List<ProviderOperationMetrics> out = new ArrayList<>();
        synchronized (metrics) {
            metrics.forEach((key, accumulator) -> out.add(accumulator.snapshot(key.provider, key.operation)));
        }
        out.sort(Comparator.comparing(ProviderOperationMetrics::provider)
                .thenComparing(ProviderOperationMetrics::operation));
        return List.copyOf(out);
    }

    /** {@code {provider: {operation: metrics}}} (see {@link ProviderOperationMetrics#toJson()}). */
    public JsonObject toJson() {
        Map<String, JsonObject.Builder> byProvider = new LinkedHashMap<>();
        for (ProviderOperationMetrics metric : snapshot()) {
            byProvider
                    .computeIfAbsent(metric.provider(), p -> JsonObject.builder())
                    .put(metric.operation(), metric.toJson());
        }
        JsonObject.Builder out = JsonObject.builder(byProvider.size());
        byProvider.forEach((provider, operations) -> out.put(provider, operations.build()));
        return out.build();
    }

    private record Key(String provider, String operation) {}

    /** Mutable counters of one key; guarded by the sink's lock. */
    private static final class Accumulator {
        private long requestCount;
        private long errorCount;
        private long retryCount;
        private long sampleCount;
        private double totalMs;
        private double minMs;
        private double maxMs;

        void record(ProviderEvent event) {
            requestCount++;
            String phase = event.phase();
            if (phase.equals("failure")) {
                errorCount++;
            } else if (phase.equals("retry")) {
                retryCount++;
            }
            Double duration = event.durationMs();
            if (duration == null) {
                return;
            }
            double d = duration;
            if (sampleCount == 0 || d < minMs) {
                minMs = d;
            }
            if (sampleCount == 0 || d > maxMs) {
                maxMs = d;
            }
            sampleCount++;
            totalMs += d;
        }

        ProviderOperationMetrics snapshot(String provider, String operation) {
            LatencySummary latency = sampleCount == 0
                    ? new LatencySummary(
                            0, totalMs, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty())
                    : new LatencySummary(
                            sampleCount,
                            totalMs,
                            OptionalDouble.of(totalMs / sampleCount),
                            OptionalDouble.of(minMs),
                            OptionalDouble.of(maxMs));
            return new ProviderOperationMetrics(provider, operation, requestCount, errorCount, retryCount, latency);
        }
    }
}
