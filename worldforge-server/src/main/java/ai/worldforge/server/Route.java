package ai.worldforge.server;

import org.jspecify.annotations.Nullable;

/**
 * The service host's routes, matched exactly against the request target (path and query, as
 * sent), and where each one runs.
 */
enum Route {
    HEALTHZ("/healthz", "GET", Lane.INLINE, false),
    READYZ("/readyz", "GET", Lane.PROBES, false),
    PROVIDERS("/providers", "GET", Lane.WORKERS, false),
    MOCK_PREDICT("/workflows/mock-predict", "POST", Lane.WORKERS, true),
    GENERATE("/workflows/generate", "POST", Lane.WORKERS, true),
    METRICS("/metrics", "GET", Lane.PROBES, false);

    /**
     * Where a route runs. Liveness is answered on the HTTP thread that parsed the request, so it
     * never queues behind anything; readiness and metrics have two threads of their own, so a
     * pool full of slow workflows cannot hide the host's state; everything else shares the
     * {@code --threads} workers.
     */
    enum Lane {
        INLINE,
        PROBES,
        WORKERS
    }

    final String path;
    final String method;
    final Lane lane;
    final boolean readsBody;

    Route(String path, String method, Lane lane, boolean readsBody) {
        this.path = path;
        this.method = method;
        this.lane = lane;
        this.readsBody = readsBody;
    }

    /** The route whose path is exactly {@code target}, if any. */
    static @Nullable Route of(String target) {
        for (Route route : values()) {
            if (route.path.equals(target)) {
                return route;
            }
        }
        return null;
    }
}
