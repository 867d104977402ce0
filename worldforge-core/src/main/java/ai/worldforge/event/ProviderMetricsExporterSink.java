package ai.worldforge.event;

import ai.worldforge.error.WorldForgeException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Exports provider events as counters and a latency histogram to a host {@link MetricsExporter}
 * (the reference's {@code ProviderMetricsExporterSink}). For a prefix {@code p} (default {@code
 * worldforge_provider}), each event produces, all with the labels of {@link
 * ProviderEventMetricLabels#of}:
 *
 * <ul>
 *   <li>{@code p_events_total} +1;
 *   <li>{@code p_retries_total} +1 for phase {@code retry}, else {@code p_operations_total} +1;
 *   <li>{@code p_errors_total} +1 for phases {@code failure} and {@code budget_exceeded};
 *   <li>a {@code p_latency_ms} observation when the event has a duration.
 * </ul>
 *
 * <p>Thread-safe when the exporter is.
 */
public final class ProviderMetricsExporterSink implements ProviderEventHandler {
    /** The default metric name prefix. */
    public static final String DEFAULT_PREFIX = "worldforge_provider";

    private final MetricsExporter exporter;
    private final String metricPrefix;
    // Names are built once: the per-event path should not concatenate strings.
    private final String eventsTotal;
    private final String retriesTotal;
    private final String operationsTotal;
    private final String errorsTotal;
    private final String latencyMs;

    /** A sink with the default prefix {@code worldforge_provider}. */
    public ProviderMetricsExporterSink(MetricsExporter exporter) {
        this(exporter, DEFAULT_PREFIX);
    }

    /**
     * A sink with metric names starting {@code metricPrefix + "_"}.
     *
     * @throws WorldForgeException "ProviderMetricsExporterSink metric_prefix must be a non-empty
     *     string." when the prefix is blank (it is stripped otherwise)
     */
    public ProviderMetricsExporterSink(MetricsExporter exporter, @Nullable String metricPrefix) {
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        String prefix = metricPrefix == null ? "" : Redaction.pyStrip(metricPrefix);
        if (prefix.isEmpty()) {
            throw new WorldForgeException("ProviderMetricsExporterSink metric_prefix must be a non-empty string.");
        }
        this.metricPrefix = prefix;
        this.eventsTotal = prefix + "_events_total";
        this.retriesTotal = prefix + "_retries_total";
        this.operationsTotal = prefix + "_operations_total";
        this.errorsTotal = prefix + "_errors_total";
        this.latencyMs = prefix + "_latency_ms";
    }

    /** The exporter receiving the metrics. */
    public MetricsExporter exporter() {
        return exporter;
    }

    /** The stripped metric name prefix. */
    public String metricPrefix() {
        return metricPrefix;
    }

    @Override
    public void handle(ProviderEvent event) {
        Map<String, String> labels = ProviderEventMetricLabels.of(event);
        String phase = event.phase();
        exporter.incrementCounter(eventsTotal, 1.0, labels);
        if (phase.equals("retry")) {
            exporter.incrementCounter(retriesTotal, 1.0, labels);
        } else {
            exporter.incrementCounter(operationsTotal, 1.0, labels);
        }
        if (phase.equals("failure") || phase.equals("budget_exceeded")) {
            exporter.incrementCounter(errorsTotal, 1.0, labels);
        }
        Double duration = event.durationMs();
        if (duration != null) {
            exporter.observeHistogram(latencyMs, duration, labels);
        }
    }
}
