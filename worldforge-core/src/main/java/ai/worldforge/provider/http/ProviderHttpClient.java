package ai.worldforge.provider.http;

import ai.worldforge.error.ProviderBudgetExceededException;
import ai.worldforge.error.ProviderException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.event.Redaction;
import ai.worldforge.internal.ErrorText;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.RequestOperationPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs provider HTTP operations under a {@link RequestOperationPolicy}, like the reference's
 * {@code request_with_policy}, {@code request_json_with_policy} and {@code
 * request_bytes_with_policy}:
 *
 * <ul>
 *   <li>each attempt gets {@code timeout_seconds}, capped by what is left of {@code
 *       max_elapsed_seconds} (at least 1 ms);
 *   <li>transport failures ({@link IOException}, timeouts included) and retryable status codes are
 *       retried up to {@code max_attempts} with the policy's backoff; a create-style policy with
 *       one attempt therefore sends exactly once;
 *   <li>when the next backoff would overrun {@code max_elapsed_seconds}, or an attempt would start
 *       after it, a {@code budget_exceeded} event is emitted and {@link
 *       ProviderBudgetExceededException} thrown;
 *   <li>redirects are never followed: a 3xx (like any non-2xx) fails buffered requests;
 *   <li>every outcome emits one redacted {@link ProviderEvent} ({@code retry}, {@code success},
 *       {@code failure} or {@code budget_exceeded}) whose target is the call's URL as given (a
 *       path for base-URL calls), never with a query string or credentials.
 * </ul>
 *
 * <p>Error messages are the reference's, e.g. {@code Provider 'cosmos' generation request failed
 * with status 401: bad token} or {@code Provider 'cosmos' generation request failed after 1
 * attempt(s): request timed out}; response summaries and exception texts are redacted before they
 * reach a message.
 *
 * <p>Thread-safe if the injected transport, sleeper, clock and event handler are.
 */
public final class ProviderHttpClient {
    /** Bytes of an error body read for a streamed response's failure summary. */
    static final int ERROR_SUMMARY_BYTES = 512;

    /**
     * Default largest buffered (JSON) response: 256 MiB, room for a base64-encoded generated video
     * while an upstream that never stops sending cannot exhaust the heap.
     */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 256L * 1024 * 1024;

    private static final int SUMMARY_CODE_POINTS = 200;

    private final String providerName;
    private final HttpTransport transport;
    private final Sleeper sleeper;
    private final MonotonicClock clock;
    private final ProviderEventHandler eventHandler;
    private final @Nullable String baseUrl;
    private final Map<String, String> defaultHeaders;
    private final long maxResponseBytes;

    private ProviderHttpClient(Builder builder) {
        this.providerName = builder.providerName;
        this.transport = builder.transport != null ? builder.transport : new JdkHttpTransport();
        this.sleeper = builder.sleeper;
        this.clock = builder.clock;
        this.eventHandler = builder.eventHandler;
        this.baseUrl = builder.baseUrl;
        this.defaultHeaders = Map.copyOf(builder.defaultHeaders);
        this.maxResponseBytes = builder.maxResponseBytes;
    }

    /** A builder for a client of provider {@code providerName}. */
    public static Builder builder(String providerName) {
        return new Builder(providerName);
    }

    /** The provider name used in events and messages. */
    public String providerName() {
        return providerName;
    }

    /** The transport. */
    public HttpTransport transport() {
        return transport;
    }

    // ------------------------------------------------------------------------------------------
    // request_with_policy

    /**
     * Sends {@code call} under {@code policy}, buffers the 2xx body and emits a {@code success}
     * event.
     *
     * @throws ProviderBudgetExceededException when the budget runs out
     * @throws ProviderException on transport failure after the last attempt, on a non-retryable
     *     or exhausted retryable status, or when interrupted
     */
    public HttpResult request(HttpCall call, RequestOperationPolicy policy) {
        return request(call, policy, true);
    }

    /**
     * Like {@link #request(HttpCall, RequestOperationPolicy)}; with {@code emitSuccessEvent}
     * false the caller emits the success event after validating the body (see {@link
     * #successEvent}).
     */
    public HttpResult request(HttpCall call, RequestOperationPolicy policy, boolean emitSuccessEvent) {
        return request(call, policy, emitSuccessEvent, clock.nanoTime());
    }

    /**
     * Like {@link #request(HttpCall, RequestOperationPolicy, boolean)}, but the policy's {@code
     * max_elapsed_seconds} budget counts from {@code operationStarted} (a {@link #startOperation()}
     * mark) instead of from this call, so several calls — a create request and its poll loop —
     * share one budget.
     */
    public HttpResult request(
            HttpCall call, RequestOperationPolicy policy, boolean emitSuccessEvent, long operationStarted) {
        Attempts ctx = new Attempts(call, policy);
        URI uri = resolve(call);
        for (int attempt = 1; ; attempt++) {
            Double remaining = remainingBudgetOrThrow(ctx, operationStarted, attempt);
            long started = clock.nanoTime();
            int status;
            Map<String, String> headers;
            byte[] body;
            try (TransportResponse response = transport.send(transportRequest(call, uri, policy, remaining))) {
                status = response.statusCode();
                headers = collectHeaders(response);
                body = readResponse(ctx, attempt, started, call, response);
            } catch (IOException e) {
                retryAfterTransportError(ctx, attempt, operationStarted, started, e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw nonRetryable(ctx, attempt, started, "interrupted", e);
            } catch (IllegalArgumentException e) {
                throw nonRetryable(ctx, attempt, started, describe(e), e);
            }
            double durationMs = msSince(started);
            if (policy.retry().retryableStatusCodes().contains(status)) {
                String summary = summary(body);
                double delay = retryOrThrowStatus(ctx, attempt, operationStarted, durationMs, status, summary, null);
                sleep(ctx, attempt, started, delay);
                continue;
            }
            if (status < 200 || status >= 300) {
                String summary = summary(body);
                ctx.emit("failure", attempt, durationMs, status, summary, JsonObject.EMPTY);
                throw statusError(ctx, status, summary);
            }
            HttpResult result = new HttpResult(status, headers, body, attempt, ctx.maxAttempts, durationMs);
            if (emitSuccessEvent) {
                ctx.emit("success", attempt, durationMs, status, "", JsonObject.EMPTY);
            }
            return result;
        }
    }

    // ------------------------------------------------------------------------------------------
    // request_json_with_policy

    /**
     * Sends {@code call} and decodes a JSON object. After the request succeeds, exactly one event
     * is emitted carrying the successful attempt's number, duration and status: {@code failure}
     * with {@code returned unsupported content type '{ct}'.} (when a {@code Content-Type} header
     * is present, {@code acceptedContentTypes} is non-empty and does not allow it), {@code
     * returned invalid JSON.} or {@code returned a non-object JSON payload.}; otherwise {@code
     * success}. JSON is parsed like Python's {@code json.loads} ({@code NaN} and {@code Infinity}
     * accepted, so callers can reject them by field name).
     *
     * @param acceptedContentTypes allowed media types; an entry ending in {@code /} is a prefix;
     *     empty allows everything
     * @throws ProviderException {@code Provider '{p}' {op} returned invalid JSON.} and the other
     *     texts above, plus everything {@link #request} throws
     */
    public JsonObject requestJson(HttpCall call, RequestOperationPolicy policy, List<String> acceptedContentTypes) {
        return requestJson(call, policy, acceptedContentTypes, clock.nanoTime());
    }

    /**
     * {@link #requestJson(HttpCall, RequestOperationPolicy, List)} with the budget counted from
     * {@code operationStarted} (see {@link #request(HttpCall, RequestOperationPolicy, boolean,
     * long)}).
     */
    public JsonObject requestJson(
            HttpCall call, RequestOperationPolicy policy, List<String> acceptedContentTypes, long operationStarted) {
        HttpResult result = request(call, policy, false, operationStarted);
        String contentType = result.header("content-type").orElse("");
        if (!contentType.isEmpty()
                && !acceptedContentTypes.isEmpty()
                && !ContentTypes.isAllowed(contentType, acceptedContentTypes)) {
            throw validationError(
                    call, policy, result, "returned unsupported content type '" + contentType + "'.", null);
        }
        JsonValue payload;
        try {
            payload = Json.parse(result.bodyUnsafe());
        } catch (RuntimeException e) {
            throw validationError(call, policy, result, "returned invalid JSON.", e);
        }
        if (!(payload instanceof JsonObject object)) {
            throw validationError(call, policy, result, "returned a non-object JSON payload.", null);
        }
        emitEvent(successEvent(call, result));
        return object;
    }

    /** {@link #requestJson(HttpCall, RequestOperationPolicy, List)} accepting any content type. */
    public JsonObject requestJson(HttpCall call, RequestOperationPolicy policy) {
        return requestJson(call, policy, List.of());
    }

    /** A budget start mark for calls that share one {@code max_elapsed_seconds} budget. */
    public long startOperation() {
        return clock.nanoTime();
    }

    /**
     * For poll loops: before waiting {@code delaySeconds} between calls that share a budget
     * started at {@code operationStarted}, emits {@code budget_exceeded} (attempt 1, event target
     * and method of {@code call}) and throws {@link ProviderBudgetExceededException} when the
     * wait would overrun {@code policy}'s {@code max_elapsed_seconds}; does nothing without a
     * budget.
     */
    public void checkBudget(HttpCall call, RequestOperationPolicy policy, long operationStarted, double delaySeconds) {
        Double max = policy.maxElapsedSeconds();
        if (max == null) {
            return;
        }
        double elapsed = secondsSince(operationStarted);
        if (elapsed + Math.max(0.0, delaySeconds) > max || elapsed >= max) {
            throw budgetExceeded(new Attempts(call, policy), 1, elapsed, max, null);
        }
    }

    /**
     * The {@code success} event for a result obtained with {@code emitSuccessEvent=false}: the
     * result's attempt, max attempts, duration and status, target and method of {@code call}.
     */
    public ProviderEvent successEvent(HttpCall call, HttpResult result) {
        return validationEvent(call, result, "success", "");
    }

    /**
     * The {@code failure} event for a response that passed the HTTP checks but failed the caller's
     * own validation, with {@code message}.
     */
    public ProviderEvent validationFailureEvent(HttpCall call, HttpResult result, String message) {
        return validationEvent(call, result, "failure", message);
    }

    /** Sends {@code event} to the event handler (for callers validating responses themselves). */
    public void emitEvent(ProviderEvent event) {
        eventHandler.handle(event);
    }

    private ProviderEvent validationEvent(HttpCall call, HttpResult result, String phase, String message) {
        return ProviderEvent.builder(providerName, call.operation(), phase)
                .attempt(result.attempt())
                .maxAttempts(result.maxAttempts())
                .method(call.method())
                .target(call.url())
                .statusCode(result.statusCode())
                .durationMs(result.durationMs())
                .message(message)
                .build();
    }

    private ProviderException validationError(
            HttpCall call,
            RequestOperationPolicy policy,
            HttpResult result,
            String message,
            @Nullable Throwable cause) {
        emitEvent(validationFailureEvent(call, result, message));
        return new ProviderException("Provider '" + providerName + "' " + call.operation() + " " + message, cause);
    }

    // ------------------------------------------------------------------------------------------
    // request_bytes_with_policy

    /** {@link #requestBytes(HttpCall, RequestOperationPolicy, List, long)} without a size cap. */
    public byte[] requestBytes(HttpCall call, RequestOperationPolicy policy, List<String> acceptedContentTypes) {
        return download(call, policy, acceptedContentTypes, -1L);
    }

    /**
     * Streams the body of {@code call} into memory with a hard cap. Per attempt: a retryable
     * status is summarised from at most 512 body bytes and the stream is closed before the
     * backoff sleep; a status ≥ 400 fails with the same summary (a 1xx/3xx body is read like a
     * success, as in the reference); a {@code Content-Type} outside {@code acceptedContentTypes}
     * fails with {@code Provider '{p}' {op} returned unsupported content type '{ct}'.}; a
     * {@code Content-Length} that is not a non-negative integer, or above {@code maxBytes}, fails
     * before any byte is read and a stream growing past {@code maxBytes} fails while reading (the
     * size errors emit no event, as in the reference). Success emits {@code success} with
     * metadata {@code {"bytes": n}}. Every body read is bounded by the attempt timeout (the
     * transport's read deadline); a read timeout is a retryable transport failure.
     *
     * @param maxBytes the byte cap, greater than 0
     * @throws ProviderException {@code Provider '{p}' {op} max_bytes must be greater than 0.} for
     *     a bad cap, {@code … exceeded download size limit of {max} bytes[ from Content-Length
     *     {n}].}, {@code … returned invalid Content-Length.}, and everything {@link #request}
     *     throws
     */
    public byte[] requestBytes(
            HttpCall call, RequestOperationPolicy policy, List<String> acceptedContentTypes, long maxBytes) {
        if (maxBytes <= 0) {
            throw new ProviderException(
                    "Provider '" + providerName + "' " + call.operation() + " max_bytes must be greater than 0.");
        }
        return download(call, policy, acceptedContentTypes, maxBytes);
    }

    private byte[] download(
            HttpCall call, RequestOperationPolicy policy, List<String> acceptedContentTypes, long maxBytes) {
        Attempts ctx = new Attempts(call, policy);
        URI uri = resolve(call);
        long operationStarted = clock.nanoTime();
        for (int attempt = 1; ; attempt++) {
            Double remaining = remainingBudgetOrThrow(ctx, operationStarted, attempt);
            long started = clock.nanoTime();
            TransportResponse response = null;
            try {
                response = transport.send(transportRequest(call, uri, policy, remaining));
                double durationMs = msSince(started);
                int status = response.statusCode();
                if (policy.retry().retryableStatusCodes().contains(status)) {
                    String summary = streamSummary(response.body());
                    double delay =
                            retryOrThrowStatus(ctx, attempt, operationStarted, durationMs, status, summary, response);
                    // The retry stream is released before waiting, not after.
                    response.close();
                    response = null;
                    sleep(ctx, attempt, started, delay);
                    continue;
                }
                if (status >= 400) {
                    String summary = streamSummary(response.body());
                    ctx.emit("failure", attempt, durationMs, status, summary, JsonObject.EMPTY);
                    throw statusError(ctx, status, summary);
                }
                String contentType = response.header("content-type").orElse("");
                if (!contentType.isEmpty()
                        && !acceptedContentTypes.isEmpty()
                        && !ContentTypes.isAllowed(contentType, acceptedContentTypes)) {
                    String message = "Provider '" + providerName + "' " + call.operation()
                            + " returned unsupported content type '" + contentType + "'.";
                    ctx.emit("failure", attempt, durationMs, status, message, JsonObject.EMPTY);
                    throw new ProviderException(message);
                }
                if (maxBytes > 0) {
                    rejectOversizedContentLength(
                            call, response.header("content-length").orElse(null), maxBytes);
                }
                byte[] data = readCapped(call, response.body(), maxBytes);
                ctx.emit(
                        "success",
                        attempt,
                        msSince(started),
                        status,
                        "",
                        JsonObject.of("bytes", JsonInt.of(data.length)));
                return data;
            } catch (IOException e) {
                closeQuietly(response);
                response = null;
                retryAfterTransportError(ctx, attempt, operationStarted, started, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw nonRetryable(ctx, attempt, started, "interrupted", e);
            } catch (IllegalArgumentException e) {
                throw nonRetryable(ctx, attempt, started, describe(e), e);
            } finally {
                closeQuietly(response);
            }
        }
    }

    private void rejectOversizedContentLength(HttpCall call, @Nullable String header, long maxBytes) {
        if (header == null) {
            return;
        }
        String prefix = "Provider '" + providerName + "' " + call.operation();
        java.math.BigInteger size = parsePythonInt(header);
        if (size == null || size.signum() < 0) {
            throw new ProviderException(prefix + " returned invalid Content-Length.");
        }
        if (size.compareTo(java.math.BigInteger.valueOf(maxBytes)) > 0) {
            throw new ProviderException(prefix + " exceeded download size limit of " + maxBytes
                    + " bytes from Content-Length " + size + ".");
        }
    }

    /** Python {@code int(text)} for base-10 text, or {@code null} when it raises. */
    static java.math.@Nullable BigInteger parsePythonInt(String text) {
        String stripped = PyStrings.strip(text);
        if (!stripped.matches("[+-]?[0-9]+(?:_[0-9]+)*")) {
            return null;
        }
        return new java.math.BigInteger(stripped.replace("_", ""));
    }

    /**
     * A buffered response body, at most {@link Builder#maxResponseBytes} of it: a declared length
     * over the cap fails before reading, a stream growing past it fails while reading; both end the
     * operation with a {@code failure} event (not retried: the upstream would send it again).
     */
    private byte[] readResponse(Attempts ctx, int attempt, long started, HttpCall call, TransportResponse response)
            throws IOException {
        String declared = response.header("content-length").orElse(null);
        java.math.BigInteger length = declared == null ? null : parsePythonInt(declared);
        boolean tooLong = length != null && length.compareTo(java.math.BigInteger.valueOf(maxResponseBytes)) > 0;
        if (!tooLong) {
            byte[] data = response.body().readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxResponseBytes + 1));
            if (data.length <= maxResponseBytes) {
                return data;
            }
        }
        String message = "Provider '" + providerName + "' " + call.operation() + " response exceeded the size limit of "
                + maxResponseBytes + " bytes.";
        ctx.emit("failure", attempt, msSince(started), response.statusCode(), message, JsonObject.EMPTY);
        throw new ProviderException(message);
    }

    private byte[] readCapped(HttpCall call, InputStream in, long maxBytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (maxBytes > 0 && total > maxBytes) {
                throw new ProviderException("Provider '" + providerName + "' " + call.operation()
                        + " exceeded download size limit of " + maxBytes + " bytes.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------
    // Attempt bookkeeping

    /** The per-operation context: what every event of this operation shares. */
    private final class Attempts {
        final HttpCall call;
        final RequestOperationPolicy policy;
        final int maxAttempts;

        Attempts(HttpCall call, RequestOperationPolicy policy) {
            this.call = Objects.requireNonNull(call, "call");
            this.policy = Objects.requireNonNull(policy, "policy");
            this.maxAttempts = policy.retry().maxAttempts();
        }

        void emit(
                String phase,
                int attempt,
                @Nullable Double durationMs,
                @Nullable Integer status,
                String message,
                JsonObject metadata) {
            eventHandler.handle(ProviderEvent.builder(providerName, call.operation(), phase)
                    .attempt(attempt)
                    .maxAttempts(maxAttempts)
                    .method(call.method())
                    .target(call.url())
                    .statusCode(status)
                    .durationMs(durationMs)
                    .message(message)
                    .metadata(metadata)
                    .build());
        }

        String prefix() {
            return "Provider '" + providerName + "' " + call.operation();
        }
    }

    /** What is left of the budget ({@code null} without one); throws when nothing is left. */
    private @Nullable Double remainingBudgetOrThrow(Attempts ctx, long operationStarted, int attempt) {
        Double max = ctx.policy.maxElapsedSeconds();
        if (max == null) {
            return null;
        }
        double remaining = max - secondsSince(operationStarted);
        if (remaining > 0.0) {
            return remaining;
        }
        throw budgetExceeded(ctx, attempt, secondsSince(operationStarted), max, null);
    }

    private double retryDelayOrThrowBudget(
            Attempts ctx,
            int attempt,
            long operationStarted,
            @Nullable Integer status,
            @Nullable TransportResponse toClose) {
        double delay = ctx.policy.retry().delayForAttempt(attempt + 1);
        Double max = ctx.policy.maxElapsedSeconds();
        if (max != null && secondsSince(operationStarted) + delay > max) {
            ProviderBudgetExceededException error =
                    budgetExceeded(ctx, attempt, secondsSince(operationStarted), max, status);
            closeQuietly(toClose);
            throw error;
        }
        return delay;
    }

    private ProviderBudgetExceededException budgetExceeded(
            Attempts ctx, int attempt, double elapsedSeconds, double maxElapsedSeconds, @Nullable Integer status) {
        String message = ctx.prefix() + " exceeded budget " + PyFormat.fixed(maxElapsedSeconds, 3) + "s after "
                + PyFormat.fixed(elapsedSeconds, 3) + "s.";
        ctx.emit(
                "budget_exceeded",
                attempt,
                elapsedSeconds * 1000.0,
                status,
                message,
                JsonObject.of("max_elapsed_seconds", JsonFloat.of(maxElapsedSeconds)));
        return new ProviderBudgetExceededException(message);
    }

    private void retryAfterTransportError(
            Attempts ctx, int attempt, long operationStarted, long attemptStarted, IOException error) {
        double durationMs = msSince(attemptStarted);
        String text = describe(error);
        if (attempt >= ctx.maxAttempts) {
            ctx.emit("failure", attempt, durationMs, null, text, JsonObject.EMPTY);
            throw new ProviderException(
                    ctx.prefix() + " failed after " + attempt + " attempt(s): " + Redaction.redactText(text), error);
        }
        double delay = retryDelayOrThrowBudget(ctx, attempt, operationStarted, null, null);
        ctx.emit("retry", attempt, durationMs, null, text, nextDelay(delay));
        sleep(ctx, attempt, attemptStarted, delay);
    }

    /** Emits {@code failure} and throws on the last attempt; else emits {@code retry}, returns the delay. */
    private double retryOrThrowStatus(
            Attempts ctx,
            int attempt,
            long operationStarted,
            double durationMs,
            int status,
            String summary,
            @Nullable TransportResponse toClose) {
        if (attempt >= ctx.maxAttempts) {
            ctx.emit("failure", attempt, durationMs, status, summary, JsonObject.EMPTY);
            closeQuietly(toClose);
            throw statusError(ctx, status, summary);
        }
        double delay = retryDelayOrThrowBudget(ctx, attempt, operationStarted, status, toClose);
        ctx.emit("retry", attempt, durationMs, status, summary, nextDelay(delay));
        return delay;
    }

    private static JsonObject nextDelay(double delay) {
        return JsonObject.of("next_delay_seconds", JsonFloat.of(delay));
    }

    private ProviderException statusError(Attempts ctx, int status, String summary) {
        return new ProviderException(ctx.prefix() + " failed with status " + status + ": " + summary);
    }

    private ProviderException nonRetryable(
            Attempts ctx, int attempt, long attemptStarted, String text, Throwable cause) {
        ctx.emit("failure", attempt, msSince(attemptStarted), null, text, JsonObject.EMPTY);
        return new ProviderException(ctx.prefix() + " failed: " + Redaction.redactText(text), cause);
    }

    private void sleep(Attempts ctx, int attempt, long attemptStarted, double delay) {
        if (delay <= 0.0) {
            return;
        }
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw nonRetryable(ctx, attempt, attemptStarted, "interrupted", e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Requests and responses

    private URI resolve(HttpCall call) {
        String url = call.url();
        String lower = url.toLowerCase(Locale.ROOT);
        String absolute;
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            absolute = url;
        } else if (baseUrl != null) {
            absolute = baseUrl + (url.startsWith("/") ? url : "/" + url);
        } else {
            throw new ProviderException("Provider '" + providerName + "' " + call.operation()
                    + " needs an absolute http or https URL or a client base URL.");
        }
        try {
            return URI.create(absolute);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(
                    "Provider '" + providerName + "' " + call.operation() + " has an invalid URL.", e);
        }
    }

    private TransportRequest transportRequest(
            HttpCall call, URI uri, RequestOperationPolicy policy, @Nullable Double remainingSeconds) {
        double seconds = remainingSeconds == null
                ? policy.timeoutSeconds()
                : Math.min(policy.timeoutSeconds(), Math.max(remainingSeconds, 0.001));
        Map<String, String> headers = new LinkedHashMap<>(defaultHeaders);
        call.headers().forEach((name, value) -> {
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            headers.put(name, value);
        });
        return new TransportRequest(call.method(), uri, headers, call.bodyUnsafe(), toDuration(seconds));
    }

    static Duration toDuration(double seconds) {
        long nanos = (long) Math.min(Long.MAX_VALUE, Math.ceil(seconds * 1e9));
        return Duration.ofNanos(Math.max(1_000_000L, nanos));
    }

    private static Map<String, String> collectHeaders(TransportResponse response) {
        Map<String, String> out = new HashMap<>();
        for (String name : List.of("content-type", "content-length")) {
            response.header(name).ifPresent(v -> out.put(name, v));
        }
        return out;
    }

    /** The reference's {@code _response_summary}: stripped, 200 code points max, redacted. */
    static String summary(byte[] body) {
        return summarize(new String(body, StandardCharsets.UTF_8));
    }

    private static String summarize(String decoded) {
        String text = PyStrings.strip(decoded);
        if (text.isEmpty()) {
            return "empty response body";
        }
        if (text.codePointCount(0, text.length()) > SUMMARY_CODE_POINTS) {
            text = text.substring(0, text.offsetByCodePoints(0, SUMMARY_CODE_POINTS - 3)) + "...";
        }
        return Redaction.redactText(text);
    }

    /** The summary of at most {@value #ERROR_SUMMARY_BYTES} bytes of a streamed error body. */
    static String streamSummary(InputStream in) {
        byte[] data;
        try {
            data = in.readNBytes(ERROR_SUMMARY_BYTES);
        } catch (IOException e) {
            return "unreadable response body";
        }
        if (data.length == 0) {
            return "empty response body";
        }
        return summarize(new String(data, StandardCharsets.UTF_8));
    }

    /**
     * Exception text like Python's {@code str(exc)}; a message-less exception is described in
     * words ({@code connection refused}, {@code request timed out}), never by its class name.
     */
    static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return ErrorText.describe(error);
        }
        return message;
    }

    private static void closeQuietly(@Nullable TransportResponse response) {
        if (response != null) {
            response.close();
        }
    }

    private double secondsSince(long started) {
        return Math.max(0L, clock.nanoTime() - started) / 1e9;
    }

    private double msSince(long started) {
        return Math.max(0L, clock.nanoTime() - started) / 1e6;
    }

    /**
     * Builder for {@link ProviderHttpClient}. Defaults: the JDK transport, real sleep, {@link
     * System#nanoTime()}, no events, no base URL, no default headers. Not thread-safe.
     */
    public static final class Builder {
        private final String providerName;
        private @Nullable HttpTransport transport;
        private Sleeper sleeper = Sleeper.system();
        private MonotonicClock clock = MonotonicClock.system();
        private ProviderEventHandler eventHandler = event -> {};
        private @Nullable String baseUrl;
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder(String providerName) {
            if (providerName == null || providerName.isBlank()) {
                throw new IllegalArgumentException("providerName must be a non-empty string");
            }
            this.providerName = providerName;
        }

        /** The transport (default: a new {@link JdkHttpTransport}). */
        public Builder transport(HttpTransport value) {
            transport = Objects.requireNonNull(value);
            return this;
        }

        /** The retry sleeper. */
        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value);
            return this;
        }

        /** The monotonic clock used for durations and budgets. */
        public Builder clock(MonotonicClock value) {
            clock = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Where events go. Providers pass a handler that forwards to their current event handler,
         * so replacing the provider's handler later is honoured.
         */
        public Builder eventHandler(ProviderEventHandler value) {
            eventHandler = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The base URL relative call paths are appended to (trailing {@code /} removed, like the
         * reference's {@code base_url.rstrip("/")}).
         */
        public Builder baseUrl(@Nullable String value) {
            if (value == null) {
                baseUrl = null;
            } else {
                String stripped = value;
                while (stripped.endsWith("/")) {
                    stripped = stripped.substring(0, stripped.length() - 1);
                }
                baseUrl = stripped;
            }
            return this;
        }

        /** A header sent with every call (a call's own header of the same name wins). */
        public Builder defaultHeader(String name, String value) {
            defaultHeaders.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            defaultHeaders.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** The largest buffered response body (default {@link #DEFAULT_MAX_RESPONSE_BYTES}); positive. */
        public Builder maxResponseBytes(long value) {
            if (value <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            maxResponseBytes = value;
            return this;
        }

        /** Builds the client. */
        public ProviderHttpClient build() {
            return new ProviderHttpClient(this);
        }
    }
}
