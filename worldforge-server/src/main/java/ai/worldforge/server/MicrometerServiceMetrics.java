package ai.worldforge.server;

import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.event.ProviderMetricsExporterSink;
import ai.worldforge.micrometer.MicrometerMetricsExporter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics: {@code worldforge_service_requests_total} and the {@code
 * worldforge_service_request_duration_seconds} timer per route, method and status; the provider
 * metrics of {@link ProviderMetricsExporterSink} ({@code worldforge_provider_*}); JVM memory, GC,
 * thread and processor gauges. Route labels are the fixed route paths or {@code unmatched}, so
 * cardinality stays bounded whatever clients send. Loaded only by {@link ServiceMetrics#detect()}.
 */
final class MicrometerServiceMetrics implements ServiceMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ProviderEventHandler providerSink =
            new ProviderMetricsExporterSink(new MicrometerMetricsExporter(registry));
    private final ConcurrentMap<Key, Meters> meters = new ConcurrentHashMap<>();

    private record Key(String route, String method, int status) {}

    private record Meters(Counter requests, Timer duration) {}

    MicrometerServiceMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        // Lives as long as the process: its GC notification listeners are never removed.
        new JvmGcMetrics().bindTo(registry);
    }

    @Override
    public void recordRequest(String route, String method, int status, long durationNanos) {
        Meters m = meters.computeIfAbsent(new Key(route, method, status), this::register);
        m.requests().increment();
        m.duration().record(durationNanos, TimeUnit.NANOSECONDS);
    }

    private Meters register(Key key) {
        String status = Integer.toString(key.status());
        return new Meters(
                Counter.builder("worldforge_service_requests")
                        .description("Requests answered by the service host")
                        .tag("route", key.route())
                        .tag("method", key.method())
                        .tag("status", status)
                        .register(registry),
                Timer.builder("worldforge_service_request_duration")
                        .description("Time from routing to the response being sent")
                        .tag("route", key.route())
                        .tag("method", key.method())
                        .tag("status", status)
                        .register(registry));
    }

    @Override
    public Optional<ProviderEventHandler> providerSink() {
        return Optional.of(providerSink);
    }

    @Override
    public Optional<String> scrape() {
        return Optional.of(registry.scrape());
    }
}
