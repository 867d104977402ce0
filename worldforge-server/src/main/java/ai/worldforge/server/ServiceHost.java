package ai.worldforge.server;

import ai.worldforge.WorldForge;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.Redaction;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Environment;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference service host: an embedded HTTP service on the JDK's {@link HttpServer} with
 * liveness, readiness, provider diagnostics, two smoke workflows and optional Prometheus metrics.
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
 * application/json}, {@code x-request-id} (the request's header, else 32 random hex digits) and
 * {@code Server: WorldForgeServiceHost/0.1}. Errors are {@code {"error": {type, message, status,
 * request_id}}}: 400 for WorldForge and provider errors, 404 for an unknown route, 405 for a known
 * path with the wrong method, 413 for a body over {@link ServiceConfig#maxBodyBytes()}, 504 when
 * a request outlives {@link ServiceConfig#requestTimeout()} (503 when it spent all of it queued for a
 * worker), 500 ({@code request failed}) for
 * anything else.
 *
 * <p>Throughput: one forge is shared by all requests (the reference builds one per request);
 * requests run on a fixed pool of {@link ServiceConfig#threads()} workers, and each provider event
 * is logged with its request's id through a thread-local scope ({@link RequestEvents}).
 *
 * <p>{@link #stop()} closes the listening socket at once, lets in-flight requests finish within
 * {@link ServiceConfig#shutdownGrace()}, then closes every connection; {@link #main} installs it as
 * a JVM shutdown hook (SIGTERM, SIGINT). Thread-safe.
 */
public final class ServiceHost implements AutoCloseable {
    /** The {@code Server} header value (the reference's {@code server_version}). */
    public static final String SERVER_HEADER = "WorldForgeServiceHost/0.1";

    private static final Logger LOG = LoggerFactory.getLogger("worldforge.service_host");
    private static final int MAX_REQUEST_ID_LENGTH = 200;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    static {
        // The JDK server leaves Nagle's algorithm on, which adds delayed-ACK stalls to small
        // keep-alive responses. Read once when the first server is created; a host may override.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // The JDK server reads request headers on a worker thread and waits forever by default,
        // so a client trickling its headers would hold a worker for good; 60 s (seconds here)
        // bounds it above the default request deadline. The clock stops once the request body
        // has been consumed, which is why every body-reading route reads it to the end first.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "60");
        }
    }

    /** The routes; {@code path} is matched exactly against the request target. */
    enum Route {
        HEALTHZ("/healthz", "GET"),
        READYZ("/readyz", "GET"),
        PROVIDERS("/providers", "GET"),
        MOCK_PREDICT("/workflows/mock-predict", "POST"),
        GENERATE("/workflows/generate", "POST"),
        METRICS("/metrics", "GET");

        final String path;
        final String method;

        Route(String path, String method) {
            this.path = path;
            this.method = method;
        }

        static @Nullable Route of(String target) {
            for (Route route : values()) {
                if (route.path.equals(target)) {
                    return route;
                }
            }
            return null;
        }
    }

    private final ServiceConfig config;
    private final WorldForge forge;
    private final RequestEvents events;
    private final DoctorSummaryCache doctorSummaries;
    private final ServiceMetrics metrics;
    private final Supplier<String> requestIds;
    private final @Nullable Consumer<String> serviceLog;
    private final @Nullable AutoCloseable ownedLog;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService deadlines;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** When the exchange the current worker runs was queued (nanoTime), for the deadline. */
    private final ThreadLocal<long[]> queuedAt = ThreadLocal.withInitial(() -> new long[1]);

    private final Object inFlightLock = new Object();
    private final AtomicLong requestCount = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean draining;

    private ServiceHost(Builder builder) throws IOException {
        this.config = builder.config;
        this.metrics = builder.metrics ? ServiceMetrics.detect() : ServiceMetrics.none();
        this.events =
                new RequestEvents(builder.logLineWriter, metrics.providerSink().orElse(null));
        this.forge = WorldForge.builder()
                .stateDir(config.stateDir())
                .environment(builder.environment)
                .eventHandler(events)
                .build();
        if (builder.forgeCustomizer != null) {
            builder.forgeCustomizer.accept(forge);
        }
        this.doctorSummaries = new DoctorSummaryCache(forge, config.doctorCacheTtl(), System::nanoTime);
        this.requestIds = builder.requestIds;
        this.serviceLog = builder.logLineWriter;
        this.ownedLog = builder.ownedLog;
        // Bind first: a port in use then fails before any thread exists.
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 1024);
        this.workers = Executors.newFixedThreadPool(config.threads(), daemonThreads("worldforge-service-"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("worldforge-deadline-"));
        // Almost every deadline is cancelled; keep the queue from filling with cancelled tasks.
        timer.setRemoveOnCancelPolicy(true);
        this.deadlines = timer;
        server.setExecutor(this::dispatch);
        server.createContext("/", this::handle);
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
        return server.getAddress().getPort();
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

    /** Requests answered so far. */
    public long requestCount() {
        return requestCount.get();
    }

    // ---------------------------------------------------------------- dispatch

    /** Counts every exchange the server hands over, queued or running, for graceful shutdown. */
    private void dispatch(Runnable exchange) {
        inFlight.incrementAndGet();
        long queued = System.nanoTime();
        try {
            workers.execute(() -> {
                try {
                    queuedAt.get()[0] = queued;
                    exchange.run();
                } finally {
                    finishedOne();
                }
            });
        } catch (RuntimeException e) {
            finishedOne();
            throw e;
        }
    }

    private void finishedOne() {
        if (inFlight.decrementAndGet() == 0 && draining) {
            synchronized (inFlightLock) {
                inFlightLock.notifyAll();
            }
        }
    }

    /** The state of one exchange, shared by its worker and its deadline task. */
    private static final class Call {
        final HttpExchange exchange;
        final String requestId;
        final Thread worker;
        final AtomicBoolean responded = new AtomicBoolean();
        volatile int status;
        boolean done; // guarded by this

        Call(HttpExchange exchange, String requestId, Thread worker) {
            this.exchange = exchange;
            this.requestId = requestId;
            this.worker = worker;
        }
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String target = exchange.getRequestURI().toString();
        Route route = Route.of(target);
        if (route == Route.METRICS && !metrics.enabled()) {
            route = null;
        }
        Call call = new Call(exchange, requestId(exchange.getRequestHeaders()), Thread.currentThread());
        // The deadline counts from when the server queued the exchange for a worker, so time
        // spent waiting behind busy workers is part of it.
        long[] queued = queuedAt.get();
        long waited = queued[0] == 0 ? 0 : started - queued[0];
        queued[0] = 0;
        long remaining = config.requestTimeout().toNanos() - waited;
        ScheduledFuture<?> deadline =
                remaining > 0 ? deadlines.schedule(() -> expire(call), remaining, TimeUnit.NANOSECONDS) : null;
        RequestEvents.Scope scope = events.enter(call.requestId);
        try {
            if (deadline == null) {
                throw new ServiceException(
                        503,
                        ServiceException.UNAVAILABLE_ERROR,
                        "request waited longer than the "
                                + config.requestTimeout().toMillis() + " ms deadline for a worker",
                        null);
            }
            Response response = route(route, method, target, call);
            respond(call, 200, response.body(), response.contentType(), null);
        } catch (ServiceException e) {
            respondError(call, e.status(), e, e.allow().orElse(null));
        } catch (ProviderException | WorldForgeException e) {
            respondError(call, 400, e, null);
        } catch (RuntimeException | StackOverflowError e) {
            if (!call.responded.get()) {
                logInternalError(call, e);
            }
            respondError(call, 500, e, null);
        } finally {
            scope.close();
            if (deadline != null) {
                deadline.cancel(false);
            }
            synchronized (call) {
                call.done = true;
            }
            // A deadline that fired interrupts the worker; never let that leak into the next request.
            Thread.interrupted();
            requestCount.incrementAndGet();
            String label = route == null ? "unmatched" : route.path;
            metrics.recordRequest(label, method, call.status, System.nanoTime() - started);
        }
    }

    private record Response(byte[] body, String contentType) {
        static Response json(JsonObject payload) {
            return new Response(
                    Json.writeSpacedSorted(payload).getBytes(StandardCharsets.US_ASCII), "application/json");
        }
    }

    private Response route(@Nullable Route route, String method, String target, Call call) {
        if (route == null) {
            throw new ServiceException(
                    404, ServiceException.VALIDATION_ERROR, "Unknown route: " + method + " " + target, null);
        }
        if (!route.method.equals(method)) {
            throw new ServiceException(
                    405, ServiceException.VALIDATION_ERROR, "Unknown route: " + method + " " + target, route.method);
        }
        String id = call.requestId;
        return switch (route) {
            case HEALTHZ ->
                Response.json(JsonObject.builder()
                        .put("status", "live")
                        .put("request_id", id)
                        .build());
            case READYZ ->
                Response.json(withRequestId(
                        id, ServicePayloads.readinessSnapshot(forge, config.provider(), doctorSummaries.get())));
            case PROVIDERS -> Response.json(withRequestId(id, ServicePayloads.providerListPayload(forge)));
            case MOCK_PREDICT -> {
                readJsonBody(call.exchange);
                yield Response.json(ServicePayloads.mockPredictionPayload(forge, id));
            }
            case GENERATE -> {
                JsonObject body = readJsonBody(call.exchange);
                String provider = ServicePayloads.requestedProvider(body, config.provider());
                yield Response.json(ServicePayloads.generatePayload(forge, body, provider, id));
            }
            case METRICS ->
                new Response(
                        metrics.scrape().orElse("").getBytes(StandardCharsets.UTF_8),
                        "text/plain; version=0.0.4; charset=utf-8");
        };
    }

    private static JsonObject withRequestId(String requestId, JsonObject payload) {
        return payload.toBuilder().put("request_id", requestId).build();
    }

    /**
     * The body as a JSON object ({@code {}} when empty): over the limit → 413 (refused from the
     * {@code Content-Length} alone when it is declared); not UTF-8, not JSON or not an object →
     * {@code request body must be a JSON object}.
     */
    private JsonObject readJsonBody(HttpExchange exchange) {
        long limit = config.maxBodyBytes();
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                throw new WorldForgeException("content-length must be an integer", e);
            }
            if (length > limit) {
                throw tooLarge(limit);
            }
            if (length == 0) {
                closeQuietly(exchange.getRequestBody());
                return JsonObject.EMPTY;
            }
        }
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = readAtMost(in, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
        if (bytes.length == 0) {
            return JsonObject.EMPTY;
        }
        JsonValue payload;
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            payload = Json.parse(text);
        } catch (CharacterCodingException | RuntimeException e) {
            throw new WorldForgeException("request body must be a JSON object", e);
        }
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException("request body must be a JSON object");
        }
        return object;
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            LOG.debug("closing an empty request body failed: {}", e.toString());
        }
    }

    private static ServiceException tooLarge(long limit) {
        return new ServiceException(
                413, ServiceException.VALIDATION_ERROR, "request body exceeds the limit of " + limit + " bytes", null);
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, limit + 1)];
        int size = 0;
        while (true) {
            if (size == buffer.length) {
                if (size > limit) {
                    throw tooLarge(limit);
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, limit + 1));
            }
            int read = in.read(buffer, size, buffer.length - size);
            if (read < 0) {
                return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
            }
            size += read;
            if (size > limit) {
                throw tooLarge(limit);
            }
        }
    }

    /** The deadline task: answers 504 unless the worker already answered, then interrupts it. */
    private void expire(Call call) {
        ServiceException timeout = new ServiceException(
                504,
                ServiceException.TIMEOUT_ERROR,
                "request exceeded the " + config.requestTimeout().toMillis() + " ms deadline",
                null);
        if (respondError(call, 504, timeout, null)) {
            synchronized (call) {
                if (!call.done) {
                    call.worker.interrupt();
                }
            }
        }
    }

    private boolean respondError(Call call, int status, Throwable error, @Nullable String allow) {
        byte[] body = Json.writeSpacedSorted(ServicePayloads.publicErrorPayload(error, call.requestId, status))
                .getBytes(StandardCharsets.US_ASCII);
        return respond(call, status, body, "application/json", allow);
    }

    /** Sends the response unless one was already sent; returns whether this call sent it. */
    private boolean respond(Call call, int status, byte[] body, String contentType, @Nullable String allow) {
        if (!call.responded.compareAndSet(false, true)) {
            return false;
        }
        call.status = status;
        HttpExchange exchange = call.exchange;
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("X-Request-Id", call.requestId);
        headers.set("Server", SERVER_HEADER);
        if (allow != null) {
            headers.set("Allow", allow);
        }
        // A refused body may still be on the wire, and a timed-out worker may still be reading
        // it; a draining host wants clients to reconnect elsewhere. Close the connection then.
        if (status == 413 || status == 504 || draining) {
            headers.set("Connection", "close");
        }
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, body.length);
            out.write(body);
        } catch (IOException e) {
            LOG.debug("response to request {} not delivered: {}", call.requestId, e.toString());
        } finally {
            exchange.close();
        }
        return true;
    }

    private void logInternalError(Call call, Throwable error) {
        String message = error.getMessage() == null ? "" : Redaction.redactText(error.getMessage());
        logRecord(
                true,
                JsonObject.builder()
                        .put("event_type", "service_error")
                        .put("request_id", call.requestId)
                        .put("host", "service")
                        .put("error_class", error.getClass().getName())
                        .put("message", message)
                        .build());
        // The trace can carry unredacted text (causes, arguments); only at DEBUG.
        LOG.debug("request {} failed", call.requestId, error);
    }

    /** The request's {@code x-request-id} when it is 1–200 printable ASCII characters, else a fresh id. */
    private String requestId(Headers headers) {
        String given = headers.getFirst("X-Request-Id");
        if (given != null && !given.isEmpty() && given.length() <= MAX_REQUEST_ID_LENGTH) {
            boolean printable = true;
            for (int i = 0; i < given.length() && printable; i++) {
                char c = given.charAt(i);
                printable = c >= 0x20 && c < 0x7f;
            }
            if (printable) {
                return given;
            }
        }
        return requestIds.get();
    }

    /** 32 lowercase hex digits of a random (version 4) UUID, like Python's {@code uuid4().hex}. */
    static String randomRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        byte[] out = new byte[32];
        for (int i = 0; i < 16; i++) {
            out[15 - i] = HEX[(int) (high >>> (4 * i)) & 0xF];
            out[31 - i] = HEX[(int) (low >>> (4 * i)) & 0xF];
        }
        return new String(out, StandardCharsets.US_ASCII);
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

    private ServiceHost startServer() {
        server.start();
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
            draining = true;
            long graceNanos = config.shutdownGrace().toNanos();
            // HttpServer.stop closes the listener first, then waits its whole delay on JDK 17;
            // run it aside and cut the wait short with stop(0) once nothing is in flight.
            int delaySeconds =
                    (int) Math.min(Integer.MAX_VALUE, config.shutdownGrace().toSeconds() + 1);
            Thread closer = new Thread(() -> server.stop(delaySeconds), "worldforge-service-stop");
            closer.setDaemon(true);
            closer.start();
            long deadline = System.nanoTime() + graceNanos;
            synchronized (inFlightLock) {
                while (inFlight.get() > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    inFlightLock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
            int abandoned = inFlight.get();
            server.stop(0);
            closer.join(TimeUnit.SECONDS.toMillis(5));
            workers.shutdownNow();
            deadlines.shutdownNow();
            workers.awaitTermination(1, TimeUnit.SECONDS);
            logStopped(abandoned);
            closeOwnedLog();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            workers.shutdownNow();
            deadlines.shutdownNow();
        } finally {
            stopped.countDown();
        }
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

    private void logStopped(int abandoned) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        logRecord(
                false,
                JsonObject.builder()
                        .put("event_type", "service_stopped")
                        .put("host", "service")
                        .put("requests_total", requestCount.get())
                        .put("abandoned_requests", abandoned)
                        .put("heap_used_bytes", heap.getUsed())
                        .put("heap_committed_bytes", heap.getCommitted())
                        .build());
    }

    /** A host record (canonical JSON) on the log line writer when set, else on SLF4J. */
    private void logRecord(boolean error, JsonObject record) {
        Consumer<String> writer = serviceLog;
        if (writer != null) {
            writer.accept(Json.write(record));
        } else if (error ? LOG.isErrorEnabled() : LOG.isInfoEnabled()) {
            if (error) {
                LOG.error(Json.write(record));
            } else {
                LOG.info(Json.write(record));
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
