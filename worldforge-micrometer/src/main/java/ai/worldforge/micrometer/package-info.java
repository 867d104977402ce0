/**
 * Optional Micrometer backend for WorldForge provider metrics: {@link
 * ai.worldforge.micrometer.MicrometerMetricsExporter} adapts the core {@link
 * ai.worldforge.event.MetricsExporter} to a host-owned {@code MeterRegistry}, so {@link
 * ai.worldforge.event.ProviderMetricsExporterSink} can feed Prometheus, OTLP, StatsD or any other
 * Micrometer registry. {@code worldforge-core} never imports Micrometer.
 */
@NullMarked
package ai.worldforge.micrometer;

import org.jspecify.annotations.NullMarked;
