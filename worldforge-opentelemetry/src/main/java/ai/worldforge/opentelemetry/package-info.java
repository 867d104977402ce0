/**
 * Optional bridge from WorldForge {@link ai.worldforge.event.ProviderEvent}s to OpenTelemetry
 * spans: {@link ai.worldforge.opentelemetry.OpenTelemetryProviderEventSink}. This module depends
 * on {@code opentelemetry-api} only; the host owns the SDK, the span processors and the
 * exporters. {@code worldforge-core} never imports OpenTelemetry.
 */
@NullMarked
package ai.worldforge.opentelemetry;

import org.jspecify.annotations.NullMarked;
