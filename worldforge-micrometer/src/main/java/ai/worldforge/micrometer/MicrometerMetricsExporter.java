package ai.worldforge.micrometer;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.MetricsExporter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link MetricsExporter} backed by a Micrometer {@link MeterRegistry}: counters become {@link
 * Counter}s and histograms {@link DistributionSummary}s, named exactly as given and tagged with
 * the labels.
 *
 * <p>With {@code ProviderMetricsExporterSink}'s default prefix a Prometheus registry exposes
 * {@code worldforge_provider_events_total}, {@code _operations_total}, {@code _retries_total},
 * {@code _errors_total} and the {@code worldforge_provider_latency_ms} summary ({@code _count},
 * {@code _sum}, {@code _max}; plus {@code _bucket} series when built with {@code
 * publishPercentileHistogram}). Distribution settings (buckets, percentiles, SLOs) can also be
 * configured by the host with a {@code MeterFilter} on the registry.
 *
 * <p>Meters are cached per name and labels, so the per-event path is a map look-up and an
 * increment. The labels produced by WorldForge are bounded; a caller passing unbounded labels
 * would grow the registry and the cache alike.
 *
 * <p>Thread-safe.
 */
public final class MicrometerMetricsExporter implements MetricsExporter {
    private final MeterRegistry registry;
    private final boolean publishPercentileHistogram;
    private final ConcurrentMap<MeterKey, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<MeterKey, DistributionSummary> summaries = new ConcurrentHashMap<>();

    /** An exporter registering plain counters and summaries in {@code registry}. */
    public MicrometerMetricsExporter(MeterRegistry registry) {
        this(registry, false);
    }

    /**
     * An exporter registering meters in {@code registry}.
     *
     * @param publishPercentileHistogram whether summaries publish histogram buckets (for
     *     server-side percentiles, e.g. Prometheus {@code histogram_quantile})
     */
    public MicrometerMetricsExporter(MeterRegistry registry, boolean publishPercentileHistogram) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.publishPercentileHistogram = publishPercentileHistogram;
    }

    /** The registry the meters are registered in. */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Increments the counter {@code name} tagged with {@code labels}.
     *
     * @throws WorldForgeException when the name is blank, a label is null or the value is negative
     *     or not finite (Prometheus counters only go up)
     */
    @Override
    public void incrementCounter(String name, double value, Map<String, String> labels) {
        if (!Double.isFinite(value) || value < 0.0) {
            throw new WorldForgeException("Counter increment must be a finite non-negative number.");
        }
        Counter counter = counters.get(new MeterKey(name, labels));
        if (counter == null) {
            MeterKey key = MeterKey.copyOf(name, labels);
            counter = counters.computeIfAbsent(
                    key, k -> Counter.builder(k.name()).tags(k.tags()).register(registry));
        }
        counter.increment(value);
    }

    /**
     * Records {@code value} in the distribution summary {@code name} tagged with {@code labels}.
     *
     * @throws WorldForgeException when the name is blank, a label is null or the value is negative
     *     or not finite (Micrometer would silently drop it)
     */
    @Override
    public void observeHistogram(String name, double value, Map<String, String> labels) {
        if (!Double.isFinite(value) || value < 0.0) {
            throw new WorldForgeException("Histogram observation must be a finite non-negative number.");
        }
        DistributionSummary summary = summaries.get(new MeterKey(name, labels));
        if (summary == null) {
            MeterKey key = MeterKey.copyOf(name, labels);
            summary = summaries.computeIfAbsent(
                    key,
                    k -> DistributionSummary.builder(k.name())
                            .tags(k.tags())
                            .publishPercentileHistogram(publishPercentileHistogram)
                            .register(registry));
        }
        summary.record(value);
    }

    /**
     * A cache key. Look-ups wrap the caller's map as is (no copy on the hot path); stored keys
     * hold a validated immutable copy, so later changes to a caller's map cannot corrupt the cache.
     */
    private record MeterKey(String name, Map<String, String> labels) {
        static MeterKey copyOf(String name, Map<String, String> labels) {
            if (name == null || name.isBlank()) {
                throw new WorldForgeException("Metric name must be a non-empty string.");
            }
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (label.getKey() == null || label.getValue() == null) {
                    throw new WorldForgeException("Metric " + name + " labels must not contain null keys or values.");
                }
            }
            return new MeterKey(name, Map.copyOf(labels));
        }

        Tags tags() {
            List<Tag> tags = new ArrayList<>(labels.size());
            labels.forEach((key, value) -> tags.add(Tag.of(key, value)));
            return Tags.of(tags);
        }
    }
}
