package ai.worldforge.event;

import java.util.Map;

/**
 * Receives provider metrics produced by {@link ProviderMetricsExporterSink}; the Java form of the
 * reference's {@code MetricsExporter} protocol.
 *
 * <p>Implementations adapt the samples to a metrics backend (Prometheus, OpenTelemetry,
 * Micrometer, ...). Labels are the bounded set from {@link ProviderEventMetricLabels#of}; they
 * never contain request-level values, so they are safe as time-series dimensions. Calls may arrive
 * concurrently from any thread that calls a provider, so implementations must be thread-safe.
 */
public interface MetricsExporter {
    /**
     * Adds {@code value} to the counter {@code name} with the given labels.
     *
     * @param name metric name, already prefixed
     * @param value non-negative increment
     * @param labels bounded label set; never {@code null}
     */
    void incrementCounter(String name, double value, Map<String, String> labels);

    /**
     * Records one observation of {@code value} in the histogram {@code name} with the given labels.
     *
     * @param name metric name, already prefixed
     * @param value observed value (milliseconds for latency histograms)
     * @param labels bounded label set; never {@code null}
     */
    void observeHistogram(String name, double value, Map<String, String> labels);
}
