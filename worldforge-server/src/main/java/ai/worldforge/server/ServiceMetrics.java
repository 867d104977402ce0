package ai.worldforge.server;

import ai.worldforge.event.ProviderEventHandler;
import java.util.Optional;

/**
 * Request and provider metrics of the host. {@link #detect()} picks the Micrometer/Prometheus
 * implementation when {@code worldforge-micrometer} and {@code micrometer-registry-prometheus} are
 * on the classpath, else a no-op (and {@code GET /metrics} is then an unknown route).
 */
interface ServiceMetrics {
    /** Records one answered request. */
    void recordRequest(String route, String method, int status, long durationNanos);

    /** The sink for provider events, when provider metrics are exported. */
    Optional<ProviderEventHandler> providerSink();

    /** The Prometheus text exposition, when metrics are exported. */
    Optional<String> scrape();

    /** Whether {@code /metrics} is served. */
    default boolean enabled() {
        return providerSink().isPresent();
    }

    /** Metrics that record nothing. */
    static ServiceMetrics none() {
        return new ServiceMetrics() {
            @Override
            public void recordRequest(String route, String method, int status, long durationNanos) {
                // Nothing is exported without Micrometer.
            }

            @Override
            public Optional<ProviderEventHandler> providerSink() {
                return Optional.empty();
            }

            @Override
            public Optional<String> scrape() {
                return Optional.empty();
            }
        };
    }

    /**
     * Micrometer metrics when the libraries are present. The implementation class is loaded by
     * name, so this class never links against Micrometer types when they are absent.
     */
    static ServiceMetrics detect() {
        ClassLoader loader = ServiceMetrics.class.getClassLoader();
        try {
            Class.forName("io.micrometer.prometheusmetrics.PrometheusMeterRegistry", false, loader);
            Class.forName("ai.worldforge.micrometer.MicrometerMetricsExporter", false, loader);
            return (ServiceMetrics) Class.forName("ai.worldforge.server.MicrometerServiceMetrics", true, loader)
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return none();
        }
    }
}
