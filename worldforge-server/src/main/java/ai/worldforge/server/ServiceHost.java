package ai.worldforge.server;

import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.provider.Environment;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference service host: an embedded HTTP service on Jetty 12 core with liveness, readiness,
 * provider diagnostics, two smoke workflows and optional Prometheus metrics.
 *
 * <p>Routes (exact match on the request target; a query string makes it unknown):
 *
 * <ul>
 *   <li>{@code GET /healthz} — {@code {"request_id", "status": "live"}}
 *   <li>{@code GET /readyz} — {@link ServicePayloads#readinessSnapshot}, always 200
 *   <li>{@code GET /providers} — {@link ServicePayloads#providerListPayload}
 *   <li>{@code POST /workflows/mock-predict} — {@link ServicePayloads#mockPredictionPayload}
 *   <li>{@code POST /workflows/generate} — {@link ServicePayloads#generatePayload}
 *   <li>{@code GET /metrics} — Prometheus text, when Micrometer is on the classpath
 * </ul>
 *
 * <p>Every JSON response is {@code json.dumps(sort_keys=True)} text with {@code content-type:
 * application/json}, {@code x-request-id} (the request's header when it is safe to echo, else 32
 * random hex digits) and {@code Server: WorldForgeServiceHost/0.1}. Errors, including requests the
 * HTTP parser refuses, are {@code {"error": {type, message, status, request_id}}}: 400 for WorldForge
 * and provider errors, bad requests and inputs over {@link ServiceLimits}; 404 for an unknown
 * route; 405 for a known path with the wrong method; 408 for a request not received within {@link
 * ServiceConfig#readTimeout()}; 413 for a body over {@link ServiceConfig#maxBodyBytes()}; 431 for
 * oversized headers; 503 when a request spent its whole deadline queued for a worker; 504 when it
 * outlived {@link ServiceConfig#requestTimeout()} (its worker is interrupted); 500 ({@code request
 * failed}) for anything else, {@code Error}s included.
 *
 * <p>Threads: Jetty's selectors read and parse requests without blocking; liveness is answered on
 * the parsing thread, readiness and metrics on two probe threads, everything else on a fixed pool
 * of {@link ServiceConfig#threads()} workers. One forge is shared by all requests (the reference
 * builds one per request), and each provider event is logged with its request's id through a
 * thread-local scope ({@link RequestEvents}).
 *
 * <p>{@link #stop()} closes the listening socket at once, lets in-flight requests finish within
 * {@link ServiceConfig#shutdownGrace()}, then closes every connection; {@link #main} installs it as
 * a JVM shutdown hook (SIGTERM, SIGINT). Thread-safe.
 */
public final class ServiceHost implements AutoCloseable {
    /** The {@code Server} header value (the reference's {@code server_version}). */
    public static final String SERVER_HEADER = "WorldForgeServiceHost/0.1";

    /** Threads of the lane that serves {@code /readyz} and {@code /metrics}. */
    private static final int PROBE_THREADS = 2;

    private static final Logger LOG = LoggerFactory.getLogger("worldforge.service_host");

    private final ServiceConfig config;
    private final WorldForge forge;
    private final ServiceMetrics metrics;
    private final HostRecords records;
    private final @Nullable AutoCloseable ownedLog;
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor probes;
    private final ScheduledThreadPoolExecutor timers;
    private final ServiceHandler handler;
    private final HttpFrontEnd http;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ServiceHost(Builder builder) throws IOException {
        this.config = builder.config;
        this.metrics = builder.metrics ? ServiceMetrics.detect() : ServiceMetrics.none();
        RequestEvents events =
                new RequestEvents(builder.logLineWriter, metrics.providerSink().orElse(null));
        this.forge = WorldForge.builder()
                .stateDir(config.stateDir())
                .environment(builder.environment)
                .eventHandler(events)
                .build();
        if (builder.forgeCustomizer != null) {
            builder.forgeCustomizer.accept(forge);
        }
        this.records = new HostRecords(builder.logLineWriter);
        this.ownedLog = builder.ownedLog;
        // Queues as long as the connection limit: with HTTP/1.1 each connection has at most one
        // request in flight, so a full queue means the host is being misused, and it says 503.
        this.workers = lane(config.threads(), "worldforge-service-");
        this.probes = lane(PROBE_THREADS, "worldforge-probe-");
        this.timers = new ScheduledThreadPoolExecutor(1, daemonThreads("worldforge-deadline-"));
        // Almost every timer is cancelled; keep the queue from filling with cancelled tasks.
        timers.setRemoveOnCancelPolicy(true);
        RequestIds requestIds = new RequestIds(builder.requestIds);
        ServiceRoutes routes = new ServiceRoutes(
                forge, config, new DoctorSummaryCache(forge, config.doctorCacheTtl(), System::nanoTime), metrics);
        this.handler =
                new ServiceHandler(config, routes, requestIds, events, records, metrics, workers, probes, timers);
        ProtocolErrors errors = new ProtocolErrors(requestIds, config, new ProtocolErrors.Outcomes() {
            @Override
            public void refused(String method, int status, long nanos) {
                handler.recordRefusal(method, status, nanos);
            }

            @Override
            public void failed(String requestId, Throwable cause) {
                records.serviceError(requestId, cause);
            }
        });
        try {
            this.http = new HttpFrontEnd(config, handler, errors);
        } catch (IOException | RuntimeException e) {
            shutDownThreads();
            throw e;
        }
    }

    private ThreadPoolExecutor lane(int threads, String prefix) {
        return new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.maxConnections()),
                daemonThreads(prefix));
    }

    /** A builder for a host with {@code config}. */
    public static Builder builder(ServiceConfig config) {
        return new Builder(config);
    }

    /** Builds and starts a host with {@code config} and the process environment. */
    public static ServiceHost start(ServiceConfig config) throws IOException {
        return builder(config).environment(Environment.system()).start();
    }

    /** The settings. */
    public ServiceConfig config() {
        return config;
    }

    /** The shared forge (register host-injected providers on it, e.g. in tests). */
    public WorldForge forge() {
        return forge;
    }

    /** The bound port (the real one when the config asked for port 0). */
    public int port() {
        return http.port();
    }

    /** {@code http://host:port} ({@code http://[host]:port} for an IPv6 literal). */
    public String baseUrl() {
        String host = config.host();
        return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port();
    }

    /** Whether {@code GET /metrics} is served. */
    public boolean metricsEnabled() {
        return metrics.enabled();
    }

    /** Requests answered so far, including requests the HTTP parser refused. */
    public long requestCount() {
        return handler.answeredCount();
    }

    /** 32 lowercase hex digits of a random (version 4) UUID, like Python's {@code uuid4().hex}. */
    static String randomRequestId() {
        return RequestIds.random();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // ---------------------------------------------------------------- lifecycle

    private ServiceHost startServer() throws IOException {
        try {
            http.start();
        } catch (IOException e) {
            shutDownThreads();
            throw e;
        } catch (Exception e) {
            shutDownThreads();
            throw new IOException("the HTTP server did not start: " + e.getMessage(), e);
        }
        return this;
    }

    /**
     * Graceful shutdown: stops accepting connections at once, waits up to {@link
     * ServiceConfig#shutdownGrace()} for queued and running requests to finish (answering them
     * with {@code Connection: close}), then closes every connection and stops the workers. Safe to
     * call more than once and from several threads; later calls wait for the first to finish.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        try {
            handler.drain();
            http.stopAccepting();
            handler.awaitIdle(System.nanoTime() + config.shutdownGrace().toNanos());
            int abandoned = handler.inFlight();
            stopHttp();
            shutDownThreads();
            workers.awaitTermination(1, TimeUnit.SECONDS);
            records.stopped(handler.answeredCount(), abandoned);
            closeOwnedLog();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopHttp();
            shutDownThreads();
        } finally {
            stopped.countDown();
        }
    }

    private void stopHttp() {
        try {
            http.stop();
        } catch (Exception e) {
            LOG.debug("stopping the HTTP server failed: {}", e.toString());
        }
    }

    private void shutDownThreads() {
        workers.shutdownNow();
        probes.shutdownNow();
        timers.shutdownNow();
    }

    private void closeOwnedLog() {
        AutoCloseable log = ownedLog;
        if (log != null) {
            try {
                log.close();
            } catch (Exception e) {
                LOG.debug("closing the log writer failed", e);
            }
        }
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- main

    /**
     * Runs the host until the JVM is asked to exit (SIGTERM, SIGINT), then shuts down gracefully.
     * Flags and variables: see {@link ServiceConfig#parse}.
     */
    public static void main(String[] args) {
        int status = run(Arrays.asList(args), System.getenv(), System.out, System.err, true);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * The body of {@link #main}: parses the configuration, starts the host, prints {@code WorldForge
     * service host listening on http://host:port} and, when {@code block}, waits for shutdown.
     *
     * @return 0, or 2 for bad arguments or a port that cannot be bound (message on {@code err})
     */
    static int run(
            List<String> args, Map<String, String> environment, PrintStream out, PrintStream err, boolean block) {
        if (args.contains("-h") || args.contains("--help")) {
            out.println(ServiceConfig.USAGE);
            out.println();
            out.println("Stdlib-style reference service host for embedding WorldForge (see docs/service-host.md).");
            return 0;
        }
        ServiceConfig config;
        try {
            config = ServiceConfig.parse(args, environment);
        } catch (WorldForgeException e) {
            err.println(ServiceConfig.USAGE);
            err.println("worldforge-service: error: " + e.getMessage());
            return 2;
        }
        ServiceHost host;
        try {
            // Provider events and host records as JSON lines on stderr, written in batches by a
            // background thread so request threads never wait on the terminal or a log pipe.
            AsyncLineWriter log = new AsyncLineWriter(err, 65_536);
            host = builder(config)
                    .environment(Environment.of(environment))
                    .logLineWriter(log)
                    .ownedLog(log)
                    .start();
        } catch (IOException e) {
            err.println("worldforge-service: error: cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(host::stop, "worldforge-service-shutdown"));
        out.println("WorldForge service host listening on http://" + config.host() + ":" + host.port());
        out.flush();
        if (block) {
            host.awaitStopped();
        }
        return 0;
    }

    /** Builder for {@link ServiceHost}; not thread-safe. */
    public static final class Builder {
        private final ServiceConfig config;
        private Environment environment = Environment.empty();
        private @Nullable Consumer<WorldForge> forgeCustomizer;
        private @Nullable Consumer<String> logLineWriter;
        private Supplier<String> requestIds = ServiceHost::randomRequestId;
        private boolean metrics = true;
        private @Nullable AutoCloseable ownedLog;

        private Builder(ServiceConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Where providers read configuration (default: none; {@link #start(ServiceConfig)} uses the process's). */
        public Builder environment(Environment value) {
            environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /**
         * Called once with the shared forge before the host starts: the place to register
         * host-injected providers. Providers registered without an event handler inherit the
         * host's, so their events are logged with request ids.
         */
        public Builder forgeCustomizer(Consumer<WorldForge> value) {
            forgeCustomizer = Objects.requireNonNull(value, "forgeCustomizer");
            return this;
        }

        /**
         * Sends provider-event JSON lines, and the host's own records ({@code service_error},
         * {@code service_stopped}), to {@code value} instead of the SLF4J loggers {@code
         * worldforge.providers} and {@code worldforge.service_host}.
         */
        public Builder logLineWriter(Consumer<String> value) {
            logLineWriter = Objects.requireNonNull(value, "logLineWriter");
            return this;
        }

        /** Generates ids for requests without a usable {@code x-request-id} (default: random 32 hex). */
        public Builder requestIds(Supplier<String> value) {
            requestIds = Objects.requireNonNull(value, "requestIds");
            return this;
        }

        /** Whether to serve {@code /metrics} when Micrometer is on the classpath (default true). */
        public Builder metrics(boolean value) {
            metrics = value;
            return this;
        }

        /** A log writer the host closes after its last record (the launcher's asynchronous writer). */
        Builder ownedLog(AutoCloseable value) {
            ownedLog = value;
            return this;
        }

        /** The host, not yet listening. */
        ServiceHost build() throws IOException {
            return new ServiceHost(this);
        }

        /**
         * Builds the host and starts listening.
         *
         * @throws IOException when the address cannot be bound
         */
        public ServiceHost start() throws IOException {
            return build().startServer();
        }
    }
}
