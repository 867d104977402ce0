package ai.worldforge.provider.runway;

import ai.worldforge.error.ProviderBudgetExceededException;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.VideoClip;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.ConfigFieldSummary;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCapabilities;
import ai.worldforge.provider.ProviderConfigSummary;
import ai.worldforge.provider.ProviderHealth;
import ai.worldforge.provider.ProviderProfile;
import ai.worldforge.provider.ProviderRequestPolicy;
import ai.worldforge.provider.RequestOperationPolicy;
import ai.worldforge.provider.http.DestinationGuard;
import ai.worldforge.provider.http.HostResolver;
import ai.worldforge.provider.http.HttpCall;
import ai.worldforge.provider.http.HttpTransport;
import ai.worldforge.provider.http.JdkHttpTransport;
import ai.worldforge.provider.http.LazyJdkHttpTransport;
import ai.worldforge.provider.http.MonotonicClock;
import ai.worldforge.provider.http.ProviderHttpClient;
import ai.worldforge.provider.http.Sleeper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runway image-to-video ({@code generate}) and video-to-video ({@code transfer}), like the
 * reference's {@code RunwayProvider}: a task is created with {@code POST /v1/image_to_video} or
 * {@code POST /v1/video_to_video}, polled with {@code GET /v1/tasks/{id}} until it succeeds,
 * fails or {@code max_polls} is reached, and its first output is downloaded from the signed
 * artifact URL with a separate client that sends no credentials. {@code GET /v1/organization} is
 * the cheap health check.
 *
 * <p>Configuration (read from the {@link Environment} on every call): {@code RUNWAYML_API_SECRET}
 * or its legacy alias {@code RUNWAY_API_SECRET} (required), {@code RUNWAYML_BASE_URL} (default
 * {@value #DEFAULT_BASE_URL}; a builder value wins), {@code RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS}
 * (default false) and {@code RUNWAYML_RESOLVE_ARTIFACT_DNS} (default auto: resolve artifact hosts
 * only when the default network transport is used, not with an injected fake). Builder values for
 * the two switches win over the variables.
 *
 * <p>Artifact URLs are destination-guarded ({@link DestinationGuard#validateRemoteUrl}): loopback,
 * private, link-local and other non-public hosts are refused unless local artifact URLs are
 * allowed. Signed URLs never reach events or clip metadata with their query string.
 *
 * <p>Requests follow {@link ProviderRequestPolicy#remoteDefaults(double)} with a 120-second request
 * timeout unless another policy is given: task creation is sent once; health, polls and downloads
 * retry transient failures. Events: {@code healthcheck}, {@code generation request}, {@code transfer
 * request}, {@code task poll}, {@code artifact download}. Beyond the reference, the polling
 * policy's {@code max_elapsed_seconds} bounds the whole polling loop (see {@link #generate}).
 * Thread-safe.
 */
public final class RunwayProvider extends BaseProvider {
    /** The catalog name. */
    public static final String NAME = "runway";
    /** The API secret variable. */
    public static final String API_SECRET_ENV = "RUNWAYML_API_SECRET";
    /** The legacy API secret variable, read when {@link #API_SECRET_ENV} is unset. */
    public static final String LEGACY_API_SECRET_ENV = "RUNWAY_API_SECRET";
    /** The base URL variable. */
    public static final String BASE_URL_ENV = "RUNWAYML_BASE_URL";
    /** The switch permitting loopback/private artifact hosts. */
    public static final String ALLOW_LOCAL_ARTIFACT_URLS_ENV = "RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS";
    /** The switch forcing artifact host resolution on or off. */
    public static final String RESOLVE_ARTIFACT_DNS_ENV = "RUNWAYML_RESOLVE_ARTIFACT_DNS";
    /** The API used when {@code RUNWAYML_BASE_URL} is unset. */
    public static final String DEFAULT_BASE_URL = "https://api.dev.runwayml.com";
    /** The {@code X-Runway-Version} header value. */
    public static final String API_VERSION = "2024-11-06";
    /** The default image-to-video model. */
    public static final String DEFAULT_MODEL = "gen4.5";
    /** The default request timeout in seconds. */
    public static final double DEFAULT_TIMEOUT_SECONDS = 120.0;
    /** The default wait between polls in seconds. */
    public static final double DEFAULT_POLL_INTERVAL_SECONDS = 6.0;
    /** The default number of polls. */
    public static final int DEFAULT_MAX_POLLS = 60;
    /** The default artifact size cap (1 GiB). */
    public static final long DEFAULT_MAX_ARTIFACT_BYTES = 1024L * 1024L * 1024L;

    static final String ORGANIZATION_PATH = "/v1/organization";
    static final String IMAGE_TO_VIDEO_PATH = "/v1/image_to_video";
    static final String VIDEO_TO_VIDEO_PATH = "/v1/video_to_video";
    static final String TASKS_PATH = "/v1/tasks/";
    static final List<String> ARTIFACT_TYPES = List.of("video/", "application/octet-stream");

    private static final List<String> TRUE_WORDS = List.of("1", "true", "yes", "on");
    private static final List<String> FALSE_WORDS = List.of("0", "false", "no", "off");

    private final @Nullable String directBaseUrl;
    private final ProviderRequestPolicy requestPolicy;
    private final double pollIntervalSeconds;
    private final int maxPolls;
    private final long maxArtifactBytes;
    private final @Nullable Boolean directAllowLocal;
    private final @Nullable Boolean directResolveDns;
    private final HttpTransport transport;
    private final boolean defaultTransport;
    private final DestinationGuard guard;
    private final Sleeper sleeper;
    private final MonotonicClock clock;

    private RunwayProvider(Builder b) {
        super(profileFor(b.name, b.requestPolicy), b.environment, b.eventHandler);
        this.directBaseUrl = b.baseUrl;
        this.requestPolicy = b.requestPolicy;
        this.pollIntervalSeconds = b.pollIntervalSeconds;
        this.maxPolls = b.maxPolls;
        this.maxArtifactBytes = b.maxArtifactBytes;
        this.directAllowLocal = b.allowLocalArtifactUrls;
        this.directResolveDns = b.resolveArtifactDns;
        // Every forge builds the catalog providers: the default client starts on first use.
        this.transport = b.transport != null ? b.transport : new LazyJdkHttpTransport();
        // Like the reference: "auto" DNS checking is on only for the real network transport.
        this.defaultTransport = b.transport == null || b.transport instanceof JdkHttpTransport;
        this.guard = new DestinationGuard(b.hostResolver);
        this.sleeper = b.sleeper;
        this.clock = b.clock;
    }

    /** The provider as the catalog registers it: configured from {@code environment}. */
    public RunwayProvider(Environment environment, @Nullable ProviderEventHandler eventHandler) {
        this(builder().environment(environment).eventHandler(eventHandler));
    }

    /** A builder; defaults: name {@code runway}, no variables, 120-second remote defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The profile of a Runway provider named {@code name} with {@code policy}. */
    public static ProviderProfile profileFor(String name, ProviderRequestPolicy policy) {
        return ProviderProfile.builder(name)
                .capabilities(ProviderCapabilities.of(Capability.GENERATE, Capability.TRANSFER))
                .local(false)
                .description("Runway adapter for text/image-to-video and video-to-video generation.")
                .packageName("worldforge")
                .implementationStatus("beta")
                .deterministic(false)
                .requiresCredentials(true)
                .credentialEnvVar(API_SECRET_ENV)
                .requiredEnvVars(List.of(API_SECRET_ENV, LEGACY_API_SECRET_ENV))
                .supportedModalities(List.of("text", "image", "video"))
                .artifactTypes(List.of("video"))
                .notes(List.of(
                        "Targets Runway's documented `image_to_video`, `video_to_video`, and `tasks` APIs.",
                        "Supports `RUNWAYML_API_SECRET` and the legacy alias `RUNWAY_API_SECRET`.",
                        "Downloaded task outputs should be persisted by the caller because URLs expire."))
                .supportedModels(List.of(DEFAULT_MODEL, "gen4_turbo", "veo3.1", "veo3.1_fast", "gen4_aleph"))
                .defaultModel(DEFAULT_MODEL)
                .requestPolicy(policy)
                .build();
    }

    /** The request policy in effect. */
    public ProviderRequestPolicy requestPolicy() {
        return requestPolicy;
    }

    /** The base URL in effect: builder value, else {@code RUNWAYML_BASE_URL}, else the default. */
    public String baseUrl() {
        if (directBaseUrl != null && !directBaseUrl.isEmpty()) {
            return directBaseUrl;
        }
        String fromEnv = environment().value(BASE_URL_ENV);
        return fromEnv != null ? fromEnv : DEFAULT_BASE_URL;
    }

    private @Nullable String apiKey() {
        String key = environment().value(API_SECRET_ENV);
        return key != null ? key : environment().value(LEGACY_API_SECRET_ENV);
    }

    /** Configured when {@code RUNWAYML_API_SECRET} or {@code RUNWAY_API_SECRET} is set. */
    @Override
    public boolean configured() {
        return apiKey() != null;
    }

    @Override
    protected String missingConfiguration() {
        return "missing " + API_SECRET_ENV + " or " + LEGACY_API_SECRET_ENV;
    }

    /**
     * Whether loopback/private artifact hosts are allowed (builder value, else {@code
     * RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS}, else false).
     *
     * @throws WorldForgeException {@code Runway allow_local_artifact_urls must be a boolean when
     *     provided.}
     */
    public boolean allowLocalArtifactUrls() {
        if (directAllowLocal != null) {
            return directAllowLocal;
        }
        Boolean fromEnv = envBool(ALLOW_LOCAL_ARTIFACT_URLS_ENV, "Runway allow_local_artifact_urls");
        return fromEnv != null && fromEnv;
    }

    /**
     * Whether artifact hosts are resolved and every address checked: the builder value, else
     * {@code RUNWAYML_RESOLVE_ARTIFACT_DNS}, else auto (true only with the default network
     * transport).
     *
     * @throws WorldForgeException {@code Runway resolve_artifact_dns must be a boolean when
     *     provided.}
     */
    public boolean resolveArtifactDns() {
        Boolean explicit = explicitResolveDns();
        return explicit != null ? explicit : defaultTransport;
    }

    private @Nullable Boolean explicitResolveDns() {
        if (directResolveDns != null) {
            return directResolveDns;
        }
        return envBool(RESOLVE_ARTIFACT_DNS_ENV, "Runway resolve_artifact_dns");
    }

    private @Nullable Boolean envBool(String variable, String label) {
        String value = environment().value(variable);
        if (value == null) {
            return null;
        }
        String word = value.toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return true;
        }
        if (FALSE_WORDS.contains(word)) {
            return false;
        }
        throw new WorldForgeException(label + " must be a boolean when provided.");
    }

    /**
     * The value-free configuration summary: {@code RUNWAYML_API_SECRET} (required, secret, alias
     * {@code RUNWAY_API_SECRET}; source names the variable that is set), {@code RUNWAYML_BASE_URL}
     * (source {@code default} when unset), {@code RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS} and {@code
     * RUNWAYML_RESOLVE_ARTIFACT_DNS} (detail {@code auto; effective resolve_dns=…} or {@code
     * effective resolve_dns=…}). Sources: {@code env:NAME} wins over {@code direct} (a builder
     * value).
     *
     * @throws WorldForgeException when a boolean switch holds an invalid value
     */
    public ProviderConfigSummary configSummary() {
        Environment env = environment();
        String keySource = env.isSet(API_SECRET_ENV)
                ? "env:" + API_SECRET_ENV
                : env.isSet(LEGACY_API_SECRET_ENV) ? "env:" + LEGACY_API_SECRET_ENV : "unset";
        boolean keyPresent = configured();
        boolean baseFromEnv = env.isSet(BASE_URL_ENV);
        boolean allowEnv = env.isSet(ALLOW_LOCAL_ARTIFACT_URLS_ENV);
        boolean dnsEnv = env.isSet(RESOLVE_ARTIFACT_DNS_ENV);
        allowLocalArtifactUrls();
        Boolean explicitDns = explicitResolveDns();
        String effective = Boolean.toString(resolveArtifactDns());
        String dnsDetail =
                explicitDns == null ? "auto; effective resolve_dns=" + effective : "effective resolve_dns=" + effective;
        return new ProviderConfigSummary(
                name(),
                keyPresent,
                List.of(
                        new ConfigFieldSummary(
                                API_SECRET_ENV,
                                keyPresent,
                                keySource,
                                true,
                                true,
                                keyPresent,
                                keyPresent ? "" : "missing",
                                List.of(LEGACY_API_SECRET_ENV)),
                        new ConfigFieldSummary(
                                BASE_URL_ENV,
                                baseFromEnv,
                                baseFromEnv ? "env:" + BASE_URL_ENV : "default",
                                false,
                                false,
                                true,
                                "",
                                List.of()),
                        new ConfigFieldSummary(
                                ALLOW_LOCAL_ARTIFACT_URLS_ENV,
                                allowEnv || directAllowLocal != null,
                                source(allowEnv, ALLOW_LOCAL_ARTIFACT_URLS_ENV, directAllowLocal != null, "unset"),
                                false,
                                false,
                                true,
                                "",
                                List.of()),
                        new ConfigFieldSummary(
                                RESOLVE_ARTIFACT_DNS_ENV,
                                dnsEnv || directResolveDns != null,
                                source(dnsEnv, RESOLVE_ARTIFACT_DNS_ENV, directResolveDns != null, "default"),
                                false,
                                false,
                                true,
                                dnsDetail,
                                List.of())));
    }

    private static String source(boolean fromEnv, String variable, boolean direct, String fallback) {
        if (fromEnv) {
            return "env:" + variable;
        }
        return direct ? "direct" : fallback;
    }

    // ------------------------------------------------------------------------------------------
    // Health

    /**
     * {@code GET /v1/organization} with the health policy: healthy when the answer names the
     * organization ({@code name}, else {@code id}, which become the details); otherwise unhealthy
     * with the error text. Without a secret: unhealthy, {@code missing RUNWAYML_API_SECRET}, no
     * request.
     *
     * <p>The live API answers with {@code tier}/{@code creditBalance}/{@code usage} and no id or
     * name, so this check (kept from the reference) reports unhealthy against it.
     */
    @Override
    public ProviderHealth health() {
        long started = clock.nanoTime();
        if (!configured()) {
            return health(started, false, "missing " + API_SECRET_ENV);
        }
        boolean healthy;
        String details;
        try {
            JsonObject payload =
                    apiClient().requestJson(HttpCall.get("healthcheck", ORGANIZATION_PATH), requestPolicy.health());
            details = RunwayPayloads.organizationDetails(payload, name());
            healthy = true;
        } catch (ProviderException e) {
            healthy = false;
            details = e.getMessage();
        }
        return health(started, healthy, details);
    }

    private ProviderHealth health(long started, boolean healthy, String details) {
        double elapsedMs = Math.max(0L, clock.nanoTime() - started) / 1e6;
        return new ProviderHealth(name(), healthy, Math.max(0.1, elapsedMs), details);
    }

    // ------------------------------------------------------------------------------------------
    // Generate and transfer

    /**
     * Image-to-video (text-to-video without {@code options.image}). Before any request: prompt and
     * duration are validated, {@code options.video} is refused, the secret must be set, a local
     * prompt image is read and the ratio ({@code options.ratio}, default {@code 1280:720}) parsed.
     * Then the task is created, polled and its first output downloaded. The clip has the ratio's
     * resolution, {@code options.fps} (default 24) and the sent duration (clamped to [2, 10]).
     *
     * <p>When the polling policy has {@code max_elapsed_seconds}, it bounds the whole polling loop
     * (every poll and the waits between them): the loop stops with a {@code budget_exceeded}
     * event and {@link ProviderBudgetExceededException} once another wait would overrun it.
     *
     * @throws WorldForgeException for a blank prompt or a non-positive duration
     * @throws ProviderBudgetExceededException when an operation budget runs out
     * @throws ProviderException with the reference's messages for everything else (failed task,
     *     missing outputs, expired artifact, empty artifact, refused artifact host, …)
     */
    @Override
    public VideoClip generate(String prompt, double durationSeconds, @Nullable GenerationOptions options) {
        if (prompt == null || prompt.isBlank()) {
            throw new WorldForgeException("generate() prompt must be a non-empty string.");
        }
        if (!Double.isFinite(durationSeconds)) {
            throw new WorldForgeException("generate() duration_seconds must be a finite number.");
        }
        if (durationSeconds <= 0.0) {
            throw new WorldForgeException("generate() duration_seconds must be greater than 0.");
        }
        String cleanPrompt = PyStrings.strip(prompt);
        if (options != null && options.video().filter(v -> !v.isEmpty()).isPresent()) {
            throw new ProviderException(
                    "Runway image_to_video does not accept `options.video`; use transfer() for video inputs.");
        }
        requireCredentials();
        RunwayPayloads.Generation request =
                RunwayPayloads.generation(cleanPrompt, durationSeconds, options, DEFAULT_MODEL);
        Task task = submit(IMAGE_TO_VIDEO_PATH, "generation request", request.body());
        JsonObject metadata = JsonObject.builder()
                .put("provider", JsonString.of(name()))
                .put("prompt", JsonString.of(cleanPrompt))
                .put("task_id", JsonString.of(task.id()))
                .put("artifact_url", JsonString.of(task.artifactUrl()))
                .put("content_type", JsonString.of("video/mp4"))
                .put("model", JsonString.of(request.model()))
                .put("mode", JsonString.of(request.mode()))
                .build();
        return new VideoClip(
                List.of(task.bytes()), request.fps(), request.width(), request.height(), request.duration(), metadata);
    }

    /**
     * Video-to-video: sends the clip (or {@code options.video}) with the prompt (a default when
     * blank), the model (default {@code gen4_aleph}) and reference images; width, height and fps
     * are not sent but describe the returned clip, whose duration is the input clip's.
     *
     * @throws WorldForgeException for a missing clip, non-positive size or fps
     * @throws ProviderException as {@link #generate}, with {@code transfer request} as the
     *     creation operation
     */
    @Override
    public VideoClip transfer(
            VideoClip clip, int width, int height, double fps, String prompt, @Nullable GenerationOptions options) {
        if (clip == null) {
            throw new WorldForgeException("transfer() clip must be a VideoClip.");
        }
        if (width <= 0) {
            throw new WorldForgeException("transfer() width must be an integer greater than 0.");
        }
        if (height <= 0) {
            throw new WorldForgeException("transfer() height must be an integer greater than 0.");
        }
        if (!Double.isFinite(fps) || fps <= 0) {
            throw new WorldForgeException("transfer() fps must be greater than 0.");
        }
        String cleanPrompt = prompt == null ? "" : PyStrings.strip(prompt);
        requireCredentials();
        RunwayPayloads.Transfer request = RunwayPayloads.transfer(clip, cleanPrompt, options);
        Task task = submit(VIDEO_TO_VIDEO_PATH, "transfer request", request.body());
        JsonObject metadata = JsonObject.builder()
                .put("provider", JsonString.of(name()))
                .put("prompt", JsonString.of(cleanPrompt))
                .put("task_id", JsonString.of(task.id()))
                .put("artifact_url", JsonString.of(task.artifactUrl()))
                .put("content_type", JsonString.of("video/mp4"))
                .put("model", JsonString.of(request.model()))
                .put("mode", JsonString.of("video_to_video"))
                .put("reference_count", JsonInt.of(request.referenceCount()))
                .build();
        return new VideoClip(List.of(task.bytes()), fps, width, height, clip.durationSeconds(), metadata);
    }

    private void requireCredentials() {
        if (!configured()) {
            throw new ProviderException("Provider '" + name() + "' is unavailable: missing " + API_SECRET_ENV + ".");
        }
    }

    /** A completed task: its id, downloaded bytes and sanitised artifact URL. */
    private record Task(String id, byte[] bytes, String artifactUrl) {}

    private Task submit(String path, String operation, JsonObject body) {
        ProviderHttpClient client = apiClient();
        JsonObject created = client.requestJson(HttpCall.postJson(operation, path, body), requestPolicy.request());
        String taskId = RunwayPayloads.taskId(created, name(), operation);
        RunwayPayloads.TaskStatus status = poll(client, taskId);
        String outputUrl = status.outputs().get(0);
        byte[] bytes = download(outputUrl);
        return new Task(taskId, bytes, RunwayPayloads.artifactUrlSummary(outputUrl));
    }

    private RunwayPayloads.TaskStatus poll(ProviderHttpClient client, String taskId) {
        RequestOperationPolicy policy = requestPolicy.polling();
        HttpCall call = HttpCall.get("task poll", TASKS_PATH + encodePathSegment(taskId));
        Double budget = policy.maxElapsedSeconds();
        long started = clock.nanoTime();
        for (int poll = 1; poll <= maxPolls; poll++) {
            RequestOperationPolicy attemptPolicy = policy;
            if (budget != null) {
                double remaining = budget - secondsSince(started);
                if (remaining <= 0.0) {
                    throw pollBudgetExceeded(client, call, policy, budget, started, poll);
                }
                // Each poll's attempts may not outlast what is left of the loop's budget.
                attemptPolicy = new RequestOperationPolicy(
                        Math.min(policy.timeoutSeconds(), Math.max(remaining, 0.001)), policy.retry(), budget);
            }
            JsonObject payload = client.requestJson(call, attemptPolicy);
            RunwayPayloads.TaskStatus task = RunwayPayloads.taskStatus(payload, name(), taskId);
            if (task.status().equals("SUCCEEDED")) {
                if (task.outputs().isEmpty()) {
                    throw new ProviderException(
                            "Provider '" + name() + "' task " + taskId + " completed without outputs.");
                }
                return task;
            }
            if (task.status().equals("FAILED") || task.status().equals("CANCELLED")) {
                throw new ProviderException("Provider '" + name() + "' task " + taskId + " failed with status "
                        + task.status() + ": " + task.message());
            }
            if (poll == maxPolls) {
                // No point waiting after the last poll.
                break;
            }
            if (budget != null && secondsSince(started) + pollIntervalSeconds > budget) {
                throw pollBudgetExceeded(client, call, policy, budget, started, poll);
            }
            if (pollIntervalSeconds > 0.0) {
                try {
                    sleeper.sleep(pollIntervalSeconds);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ProviderException("Provider '" + name() + "' task poll failed: interrupted", e);
                }
            }
        }
        throw new ProviderException("Provider '" + name() + "' task did not complete before timeout.");
    }

    private ProviderBudgetExceededException pollBudgetExceeded(
            ProviderHttpClient client,
            HttpCall call,
            RequestOperationPolicy policy,
            double budget,
            long started,
            int poll) {
        double elapsed = secondsSince(started);
        String message = "Provider '" + name() + "' " + call.operation() + " exceeded budget "
                + PyFormat.fixed(budget, 3) + "s after " + PyFormat.fixed(elapsed, 3) + "s.";
        client.emitEvent(ProviderEvent.builder(name(), call.operation(), "budget_exceeded")
                .attempt(1)
                .maxAttempts(policy.retry().maxAttempts())
                .method(call.method())
                .target(call.url())
                .durationMs(elapsed * 1000.0)
                .message(message)
                .metadata(JsonObject.builder()
                        .put("max_elapsed_seconds", JsonFloat.of(budget))
                        .put("polls", JsonInt.of(poll))
                        .put("max_polls", JsonInt.of(maxPolls))
                        .build())
                .build());
        return new ProviderBudgetExceededException(message);
    }

    private byte[] download(String outputUrl) {
        String url = guard.validateRemoteUrl(
                outputUrl, name(), "artifact URL", allowLocalArtifactUrls(), resolveArtifactDns());
        ProviderHttpClient client = ProviderHttpClient.builder(name())
                .transport(transport)
                .sleeper(sleeper)
                .clock(clock)
                .eventHandler(this::emitEvent)
                .build();
        byte[] data;
        try {
            data = client.requestBytes(
                    HttpCall.get("artifact download", url), requestPolicy.download(), ARTIFACT_TYPES, maxArtifactBytes);
        } catch (ProviderBudgetExceededException e) {
            throw e;
        } catch (ProviderException e) {
            String message = e.getMessage();
            if (message != null && (message.contains("status 403") || message.contains("status 404"))) {
                throw new ProviderException(
                        "Provider '" + name() + "' artifact URL is expired or unavailable: " + message, e);
            }
            throw e;
        }
        if (data.length == 0) {
            throw new ProviderException("Provider '" + name() + "' artifact download returned no bytes.");
        }
        return data;
    }

    private ProviderHttpClient apiClient() {
        String key = apiKey();
        if (key == null) {
            throw new ProviderException("Provider '" + name() + "' is unavailable: missing " + API_SECRET_ENV + ".");
        }
        return ProviderHttpClient.builder(name())
                .transport(transport)
                .sleeper(sleeper)
                .clock(clock)
                .eventHandler(this::emitEvent)
                .baseUrl(baseUrl())
                .defaultHeader("Authorization", "Bearer " + key)
                .defaultHeader("Content-Type", "application/json")
                .defaultHeader("X-Runway-Version", API_VERSION)
                .build();
    }

    private void emitEvent(ProviderEvent event) {
        emit(event);
    }

    private double secondsSince(long started) {
        return Math.max(0L, clock.nanoTime() - started) / 1e9;
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters (task ids are opaque). */
    static String encodePathSegment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /**
     * Builder for {@link RunwayProvider}. Not thread-safe.
     */
    public static final class Builder {
        private String name = NAME;
        private Environment environment = Environment.empty();
        private @Nullable String baseUrl;
        private ProviderRequestPolicy requestPolicy = ProviderRequestPolicy.remoteDefaults(DEFAULT_TIMEOUT_SECONDS);
        private double pollIntervalSeconds = DEFAULT_POLL_INTERVAL_SECONDS;
        private int maxPolls = DEFAULT_MAX_POLLS;
        private long maxArtifactBytes = DEFAULT_MAX_ARTIFACT_BYTES;
        private @Nullable Boolean allowLocalArtifactUrls;
        private @Nullable Boolean resolveArtifactDns;
        private @Nullable ProviderEventHandler eventHandler;
        private @Nullable HttpTransport transport;
        private HostResolver hostResolver = HostResolver.system();
        private Sleeper sleeper = Sleeper.system();
        private MonotonicClock clock = MonotonicClock.system();

        private Builder() {}

        /** Provider name (default {@code runway}). */
        public Builder name(String value) {
            if (value == null || value.isBlank()) {
                throw new WorldForgeException("Provider name must be a non-empty string.");
            }
            name = value;
            return this;
        }

        /** Where the {@code RUNWAYML_*} variables are read. */
        public Builder environment(Environment value) {
            environment = Objects.requireNonNull(value);
            return this;
        }

        /** A base URL that wins over {@code RUNWAYML_BASE_URL} ({@code null} or empty: use the variable). */
        public Builder baseUrl(@Nullable String value) {
            baseUrl = value;
            return this;
        }

        /** Request timeout for {@link ProviderRequestPolicy#remoteDefaults(double)} (default 120 s). */
        public Builder timeoutSeconds(double value) {
            requestPolicy = ProviderRequestPolicy.remoteDefaults(value);
            return this;
        }

        /** An explicit request policy (replaces the timeout-derived defaults). */
        public Builder requestPolicy(ProviderRequestPolicy value) {
            requestPolicy = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Seconds between polls of a pending task (default 6; 0 polls without waiting).
         *
         * @throws WorldForgeException when not finite
         * @throws ProviderException {@code Runway poll_interval_seconds must be non-negative.}
         */
        public Builder pollIntervalSeconds(double value) {
            Checks.finite(value, "Runway poll_interval_seconds");
            if (value < 0.0) {
                throw new ProviderException("Runway poll_interval_seconds must be non-negative.");
            }
            pollIntervalSeconds = value;
            return this;
        }

        /**
         * Polls before giving up (default 60).
         *
         * @throws WorldForgeException {@code Runway max_polls must be an integer greater than 0.}
         */
        public Builder maxPolls(int value) {
            maxPolls = (int) Checks.positiveInt(value, "Runway max_polls");
            return this;
        }

        /**
         * Artifact size cap in bytes (default 1 GiB).
         *
         * @throws WorldForgeException {@code Runway max_artifact_bytes must be an integer greater
         *     than 0.}
         */
        public Builder maxArtifactBytes(long value) {
            maxArtifactBytes = Checks.positiveInt(value, "Runway max_artifact_bytes");
            return this;
        }

        /**
         * Allow loopback/private artifact hosts (trusted local servers only); wins over {@code
         * RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS}; {@code null} reads the variable.
         */
        public Builder allowLocalArtifactUrls(@Nullable Boolean value) {
            allowLocalArtifactUrls = value;
            return this;
        }

        /**
         * Resolve artifact hosts and check every address; wins over {@code
         * RUNWAYML_RESOLVE_ARTIFACT_DNS}; {@code null} reads the variable, else auto.
         */
        public Builder resolveArtifactDns(@Nullable Boolean value) {
            resolveArtifactDns = value;
            return this;
        }

        /** Event handler. */
        public Builder eventHandler(@Nullable ProviderEventHandler value) {
            eventHandler = value;
            return this;
        }

        /**
         * HTTP transport for API calls and downloads (default: a {@link JdkHttpTransport} owned by
         * the provider). Any other transport turns automatic artifact DNS checks off.
         */
        public Builder transport(HttpTransport value) {
            transport = Objects.requireNonNull(value);
            return this;
        }

        /** Resolver for artifact host checks (default {@link HostResolver#system()}). */
        public Builder hostResolver(HostResolver value) {
            hostResolver = Objects.requireNonNull(value);
            return this;
        }

        /** Sleeper for retry backoff and poll intervals (tests). */
        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value);
            return this;
        }

        /** Monotonic clock (tests). */
        public Builder clock(MonotonicClock value) {
            clock = Objects.requireNonNull(value);
            return this;
        }

        /** Builds the provider. */
        public RunwayProvider build() {
            return new RunwayProvider(this);
        }
    }
}
