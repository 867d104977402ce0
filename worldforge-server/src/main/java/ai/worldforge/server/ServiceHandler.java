package ai.worldforge.server;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The host's one Jetty handler: matches the route, chooses the request id, reads the body without
 * blocking, and hands the work to the route's lane under the request deadline. It never blocks the
 * Jetty thread that calls it, so a slow client, a slow provider or a full worker pool cannot stop
 * the server from parsing and answering other requests (liveness is answered right here).
 *
 * <p>Every phase is bounded by the host's own clock: the body must arrive within {@link
 * ServiceConfig#readTimeout()} (408), and from the moment the body is complete the request has
 * {@link ServiceConfig#requestTimeout()} to be answered: 503 if no worker started it by then, else
 * 504, and its worker is interrupted. Whatever a route throws, {@code Error}s included, ends that
 * request alone. Thread-safe.
 */
final class ServiceHandler extends Handler.Abstract.NonBlocking {
    private static final byte[] NO_BODY = new byte[0];
    private static final Set<String> METHOD_LABELS = Set.of("GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final ServiceConfig config;
    private final ServiceRoutes routes;
    private final RequestIds requestIds;
    private final RequestEvents events;
    private final HostRecords records;
    private final ServiceMetrics metrics;
    private final ExecutorService workers;
    private final ExecutorService probes;
    private final ScheduledExecutorService timers;

    private final String waitedMessage;
    private final String expiredMessage;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong answered = new AtomicLong();
    private final Object idle = new Object();
    private volatile boolean draining;

    ServiceHandler(
            ServiceConfig config,
            ServiceRoutes routes,
            RequestIds requestIds,
            RequestEvents events,
            HostRecords records,
            ServiceMetrics metrics,
            ExecutorService workers,
            ExecutorService probes,
            ScheduledExecutorService timers) {
        this.config = config;
        this.routes = routes;
        this.requestIds = requestIds;
        this.events = events;
        this.records = records;
        this.metrics = metrics;
        this.workers = workers;
        this.probes = probes;
        this.timers = timers;
        long timeoutMillis = config.requestTimeout().toMillis();
        this.waitedMessage = "request waited longer than the " + timeoutMillis + " ms deadline for a worker";
        this.expiredMessage = "request exceeded the " + timeoutMillis + " ms deadline";
    }

    // ---------------------------------------------------------------- state for ServiceHost

    /** Requests answered so far, protocol refusals included. */
    long answeredCount() {
        return answered.get();
    }

    /** Requests received and not yet completely answered. */
    int inFlight() {
        return inFlight.get();
    }

    /** From now on every response closes its connection. */
    void drain() {
        draining = true;
    }

    /** Waits until no request is in flight or {@code deadlineNanos} (nanoTime) passes. */
    void awaitIdle(long deadlineNanos) throws InterruptedException {
        synchronized (idle) {
            while (inFlight.get() > 0) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                idle.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** Counts a refusal answered by {@link ProtocolErrors}. */
    void recordRefusal(String method, int status, long nanos) {
        answered.incrementAndGet();
        metrics.recordRequest("unmatched", methodLabel(method), status, nanos);
    }

    // ---------------------------------------------------------------- request flow

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String method = request.getMethod();
        String target = target(request.getHttpURI());
        Route route = Route.of(target);
        if (route == Route.METRICS && !metrics.enabled()) {
            route = null;
        }
        String requestId = requestIds.choose(request.getHeaders().get(Exchange.REQUEST_ID_HEADER));
        inFlight.incrementAndGet();
        Exchange exchange =
                new Exchange(requestId, method, target, route, started, response, callback, this::completed);
        // The host's own timers bound every phase of a request; the connector's idle timeout must
        // not fail one while a worker runs it (it still ends silent connections and stalled writes).
        request.addIdleTimeoutListener(timeout -> false);
        try {
            dispatch(request, exchange);
        } catch (Throwable e) {
            // Thrown before anyone claimed the answer (every send after a claim catches its own).
            if (exchange.claim()) {
                answerFailure(exchange, e);
            }
        }
        return true;
    }

    /** The request target as sent: path and query ({@code /healthz?x=1} is not {@code /healthz}). */
    private static String target(HttpURI uri) {
        String pathQuery = uri.getPathQuery();
        return pathQuery == null ? "/" : pathQuery;
    }

    private void dispatch(Request request, Exchange exchange) {
        Route route = exchange.route;
        if (route == null || !route.method.equals(exchange.method)) {
            if (exchange.claim()) {
                String message = "Unknown route: " + exchange.method + " " + exchange.target;
                int status = route == null ? 404 : 405;
                String allow = route == null ? null : route.method;
                exchange.sendError(
                        status,
                        new ServiceException(status, ServiceException.VALIDATION_ERROR, message, allow),
                        allow,
                        draining);
            }
            return;
        }
        if (route.lane == Route.Lane.INLINE) {
            ServiceRoutes.Answer answer = routes.answer(route, exchange.requestId, NO_BODY);
            if (exchange.claim()) {
                exchange.send(200, answer.body(), answer.contentType(), null, draining);
            }
            return;
        }
        if (!route.readsBody) {
            queue(exchange, route, NO_BODY);
            return;
        }
        long declared = request.getLength();
        if (declared > config.maxBodyBytes()) {
            // Refused from the header alone: nothing of the body is read.
            bodyFailed(exchange, BodyReader.Failure.TOO_LARGE);
            return;
        }
        if (declared == 0) {
            queue(exchange, route, NO_BODY);
            return;
        }
        readBody(request, exchange, route);
    }

    private void readBody(Request request, Exchange exchange, Route route) {
        AtomicReference<@Nullable ScheduledFuture<?>> timer = new AtomicReference<>();
        BodyReader reader = new BodyReader(
                request,
                config.maxBodyBytes(),
                body -> {
                    cancel(timer.get());
                    if (!exchange.isAnswered()) {
                        queue(exchange, route, body);
                    }
                },
                failure -> {
                    cancel(timer.get());
                    bodyFailed(exchange, failure);
                });
        timer.set(timers.schedule(
                () -> {
                    reader.abandon();
                    bodyFailed(exchange, BodyReader.Failure.TIMED_OUT);
                },
                config.readTimeout().toNanos(),
                TimeUnit.NANOSECONDS));
        reader.run();
    }

    private static void cancel(@Nullable ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void bodyFailed(Exchange exchange, BodyReader.Failure failure) {
        if (!exchange.claim()) {
            return;
        }
        ServiceException error = switch (failure) {
            case TOO_LARGE ->
                new ServiceException(
                        413,
                        ServiceException.VALIDATION_ERROR,
                        "request body exceeds the limit of " + config.maxBodyBytes() + " bytes",
                        null);
            case TIMED_OUT ->
                new ServiceException(
                        408,
                        ServiceException.TIMEOUT_ERROR,
                        "request body not received within "
                                + config.readTimeout().toMillis() + " ms",
                        null);
            case BROKEN ->
                new ServiceException(
                        400, ServiceException.VALIDATION_ERROR, "request body is incomplete or malformed", null);
        };
        // The rest of the body may still be on the wire: close the connection.
        exchange.sendError(error.status(), error, null, true);
    }

    /** Starts the request deadline and hands the request to its lane. */
    private void queue(Exchange exchange, Route route, byte[] body) {
        long timeout = config.requestTimeout().toNanos();
        exchange.deadlineNanos(System.nanoTime() + timeout);
        ExecutorService lane = route.lane == Route.Lane.PROBES ? probes : workers;
        ScheduledFuture<?> deadline = null;
        try {
            deadline = timers.schedule(() -> expire(exchange), timeout, TimeUnit.NANOSECONDS);
            ScheduledFuture<?> scheduled = deadline;
            lane.execute(() -> work(exchange, route, body, scheduled));
        } catch (RejectedExecutionException e) {
            cancel(deadline);
            if (exchange.claim()) {
                String message = draining ? "the service host is shutting down" : "too many requests are queued";
                exchange.sendError(
                        503, new ServiceException(503, ServiceException.UNAVAILABLE_ERROR, message, null), null, true);
            }
        }
    }

    /** Runs on a lane thread: computes the answer unless the deadline answered first. */
    private void work(Exchange exchange, Route route, byte[] body, ScheduledFuture<?> deadline) {
        if (!exchange.startWork(Thread.currentThread())) {
            return;
        }
        ServiceRoutes.Answer answer = null;
        Throwable failure = null;
        RequestEvents.Scope scope = events.enter(exchange.requestId);
        try {
            answer = routes.answer(route, exchange.requestId, body);
        } catch (Throwable e) {
            failure = e;
        } finally {
            scope.close();
        }
        boolean ours = exchange.finishWork();
        // A deadline that fired interrupted this thread; never let that leak into the next request.
        Thread.interrupted();
        if (!ours) {
            long overrun = Math.max(0, System.nanoTime() - exchange.deadlineNanos());
            records.deadlineOverrun(exchange.requestId, TimeUnit.NANOSECONDS.toMillis(overrun), failure);
            return;
        }
        deadline.cancel(false);
        if (answer != null) {
            exchange.send(200, answer.body(), answer.contentType(), null, draining);
        } else {
            answerFailure(exchange, failure == null ? new IllegalStateException("no answer") : failure);
        }
    }

    /** The deadline task: 503 when no worker started the request, else 504 and an interrupt. */
    private void expire(Exchange exchange) {
        switch (exchange.expire()) {
            case QUEUED ->
                exchange.sendError(
                        503,
                        new ServiceException(503, ServiceException.UNAVAILABLE_ERROR, waitedMessage, null),
                        null,
                        draining);
            case RUNNING ->
                exchange.sendError(
                        504,
                        new ServiceException(504, ServiceException.TIMEOUT_ERROR, expiredMessage, null),
                        null,
                        true);
            case ANSWERED -> {
                // The worker answered in time.
            }
        }
    }

    /**
     * Answers {@code failure} for the caller, which holds the claim: the service status, 400 for
     * WorldForge and provider errors, else 500 with a {@code service_error} record. Never throws.
     */
    private void answerFailure(Exchange exchange, Throwable failure) {
        if (failure instanceof ServiceException service) {
            exchange.sendError(
                    service.status(), service, service.allow().orElse(null), draining || service.status() == 413);
        } else if (failure instanceof ProviderException || failure instanceof WorldForgeException) {
            exchange.sendError(400, failure, null, draining);
        } else {
            try {
                records.serviceError(exchange.requestId, failure);
            } catch (Throwable e) {
                // Logging must not keep the client from its answer.
                failure.addSuppressed(e);
            }
            exchange.sendError(500, failure, null, draining);
        }
    }

    /** Called once per exchange when its response has been written (or could not be). */
    private void completed(Exchange exchange) {
        answered.incrementAndGet();
        Route route = exchange.route;
        String label = route == null ? "unmatched" : route.path;
        metrics.recordRequest(
                label, methodLabel(exchange.method), exchange.status(), System.nanoTime() - exchange.startedNanos);
        if (inFlight.decrementAndGet() == 0 && draining) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** The method as a metrics label: clients choose methods, so unknown ones share {@code OTHER}. */
    private static String methodLabel(String method) {
        return METHOD_LABELS.contains(method) ? method : "OTHER";
    }
}
