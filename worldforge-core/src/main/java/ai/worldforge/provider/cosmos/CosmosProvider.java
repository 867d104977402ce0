package ai.worldforge.provider.cosmos;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
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
import ai.worldforge.provider.http.HttpAssets;
import ai.worldforge.provider.http.HttpCall;
import ai.worldforge.provider.http.HttpTransport;
import ai.worldforge.provider.http.LazyJdkHttpTransport;
import ai.worldforge.provider.http.MonotonicClock;
import ai.worldforge.provider.http.ProviderHttpClient;
import ai.worldforge.provider.http.Sleeper;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * NVIDIA Cosmos NIM media generation ({@code generate} only), like the reference's {@code
 * CosmosProvider}: {@code POST /v1/infer} with the prompt, seed and video parameters, inline
 * base64 MP4 in the response; {@code GET /v1/health/ready} as the cheap health check.
 *
 * <p>Configuration: {@code COSMOS_BASE_URL} (required; a base URL passed to the builder wins) and
 * {@code NVIDIA_API_KEY} (optional bearer token, read from the environment on every request).
 * The base URL is not destination-guarded: it is operator configuration, as in the reference.
 *
 * <p>Requests follow {@link ProviderRequestPolicy#remoteDefaults(double)} with a 300-second
 * request timeout unless another policy is given: the generation {@code POST} is sent once, the
 * health check retries. Events: {@code healthcheck} and {@code generation request} (see {@link
 * ProviderHttpClient}). Thread-safe.
 */
public final class CosmosProvider extends BaseProvider {
    /** The catalog name. */
    public static final String NAME = "cosmos";
    /** The base URL variable. */
    public static final String BASE_URL_ENV = "COSMOS_BASE_URL";
    /** The optional bearer-token variable. */
    public static final String API_KEY_ENV = "NVIDIA_API_KEY";
    /** The default model, reported in clip metadata (the model is not sent upstream). */
    public static final String DEFAULT_MODEL = "Cosmos-Predict1-7B-Text2World";
    /** The default request timeout in seconds. */
    public static final double DEFAULT_TIMEOUT_SECONDS = 300.0;

    static final String HEALTH_PATH = "/v1/health/ready";
    static final String INFER_PATH = "/v1/infer";
    private static final List<String> JSON_TYPES = List.of();

    private final @Nullable String directBaseUrl;
    private final ProviderRequestPolicy requestPolicy;
    private final HttpTransport transport;
    private final Sleeper sleeper;
    private final MonotonicClock clock;

    private CosmosProvider(Builder b) {
        super(profileFor(b.name, b.requestPolicy), b.environment, b.eventHandler);
        this.directBaseUrl = b.baseUrl;
        this.requestPolicy = b.requestPolicy;
        // Every forge builds the catalog providers: the default client starts on first use.
        this.transport = b.transport != null ? b.transport : new LazyJdkHttpTransport();
        this.sleeper = b.sleeper;
        this.clock = b.clock;
    }

    /** The provider as the catalog registers it: configured from {@code environment}. */
    public CosmosProvider(Environment environment, @Nullable ProviderEventHandler eventHandler) {
        this(builder().environment(environment).eventHandler(eventHandler));
    }

    /** A builder; defaults: name {@code cosmos}, no variables, 300-second remote defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The profile of a Cosmos provider named {@code name} with {@code policy}. */
    public static ProviderProfile profileFor(String name, ProviderRequestPolicy policy) {
        return ProviderProfile.builder(name)
                .capabilities(ProviderCapabilities.of(Capability.GENERATE))
                .local(false)
                .description("NVIDIA Cosmos NIM adapter for text/image/video-to-world generation.")
                .packageName("worldforge")
                .implementationStatus("beta")
                .deterministic(false)
                .requiresCredentials(false)
                .credentialEnvVar(BASE_URL_ENV)
                .requiredEnvVars(List.of(BASE_URL_ENV))
                .supportedModalities(List.of("text", "image", "video"))
                .artifactTypes(List.of("video"))
                .notes(List.of(
                        "Targets the documented Cosmos NIM `/v1/infer` API.",
                        "Requires a reachable Cosmos deployment via `COSMOS_BASE_URL`.",
                        "If `NVIDIA_API_KEY` is set, it is sent as a bearer token."))
                .supportedModels(List.of(DEFAULT_MODEL, "Cosmos-Predict1-7B-Video2World"))
                .defaultModel(DEFAULT_MODEL)
                .requestPolicy(policy)
                .build();
    }

    /** The request policy in effect. */
    public ProviderRequestPolicy requestPolicy() {
        return requestPolicy;
    }

    /** The base URL in effect (builder value, else {@code COSMOS_BASE_URL}), when any. */
    public Optional<String> baseUrl() {
        if (directBaseUrl != null && !directBaseUrl.isEmpty()) {
            return Optional.of(directBaseUrl);
        }
        return Optional.ofNullable(environment().value(BASE_URL_ENV));
    }

    @Override
    public boolean configured() {
        return baseUrl().isPresent();
    }

    @Override
    protected String missingConfiguration() {
        return "missing " + BASE_URL_ENV;
    }

    /**
     * The value-free configuration summary: {@code COSMOS_BASE_URL} (required; source {@code
     * env:COSMOS_BASE_URL}, {@code direct} or {@code unset}) and {@code NVIDIA_API_KEY} (secret,
     * optional; {@code env:NVIDIA_API_KEY} or {@code unset}).
     */
    public ProviderConfigSummary configSummary() {
        boolean envBase = environment().isSet(BASE_URL_ENV);
        boolean present = baseUrl().isPresent();
        String baseSource = envBase ? "env:" + BASE_URL_ENV : (directBaseUrl != null ? "direct" : "unset");
        boolean keySet = environment().isSet(API_KEY_ENV);
        return new ProviderConfigSummary(
                name(),
                configured(),
                List.of(
                        new ConfigFieldSummary(
                                BASE_URL_ENV,
                                present,
                                baseSource,
                                true,
                                false,
                                present,
                                present ? "" : "missing",
                                List.of()),
                        new ConfigFieldSummary(
                                API_KEY_ENV,
                                keySet,
                                keySet ? "env:" + API_KEY_ENV : "unset",
                                false,
                                true,
                                true,
                                "",
                                List.of())));
    }

    /**
     * {@code GET /v1/health/ready} with the health policy: healthy when the response's {@code
     * status} is {@code ready} (any case); details are the status or the error text; without a
     * base URL, unhealthy with {@code missing COSMOS_BASE_URL} and no request.
     */
    @Override
    public ProviderHealth health() {
        long started = clock.nanoTime();
        Optional<String> base = baseUrl();
        if (base.isEmpty()) {
            return health(started, false, "missing " + BASE_URL_ENV);
        }
        boolean healthy;
        String details;
        try {
            JsonObject payload = client(base.get())
                    .requestJson(HttpCall.get("healthcheck", HEALTH_PATH), requestPolicy.health(), JSON_TYPES);
            JsonValue status = payload.get("status");
            if (!(status instanceof JsonString s) || s.value().isBlank()) {
                throw new ProviderException(
                        "Provider '" + name() + "' healthcheck response field 'status' must be a non-empty string.");
            }
            details = ai.worldforge.internal.PyStrings.strip(s.value());
            healthy = details.toLowerCase(Locale.ROOT).equals("ready");
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

    /**
     * Generates a clip. Validation happens before any request (prompt, duration, size multiple of
     * 8, local assets read), then one {@code POST /v1/infer}; the response must carry a non-empty
     * strict-base64 {@code b64_video}.
     *
     * @throws WorldForgeException for a blank prompt or non-positive duration
     * @throws ProviderException with the reference's messages for everything else
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
        String cleanPrompt = ai.worldforge.internal.PyStrings.strip(prompt);
        Optional<String> base = baseUrl();
        if (base.isEmpty()) {
            throw new ProviderException("Provider '" + name() + "' is unavailable: missing " + BASE_URL_ENV + ".");
        }
        HttpAssets.OutputSize size = HttpAssets.parseSize(options, 1280, 720);
        if (size.width() % 8 != 0 || size.height() % 8 != 0) {
            throw new ProviderException("Cosmos output size must use width and height that are multiples of 8.");
        }
        double fps =
                options != null && options.fps().isPresent() ? options.fps().get() : 24.0;
        if (fps <= 0.0) {
            throw new ProviderException("Cosmos fps must be greater than 0.");
        }
        JsonObject body = CosmosPayloads.generationBody(cleanPrompt, durationSeconds, options, size, fps);
        JsonObject payload = client(base.get())
                .requestJson(
                        HttpCall.postJson("generation request", INFER_PATH, body), requestPolicy.request(), JSON_TYPES);
        CosmosPayloads.Generation response = CosmosPayloads.parseGeneration(payload, name());
        byte[] video = response.decodeVideo(name());
        JsonObject metadata = JsonObject.builder()
                .put("provider", JsonString.of(name()))
                .put("prompt", JsonString.of(cleanPrompt))
                .put("mode", JsonString.of(CosmosPayloads.mode(options)))
                .put("seed", response.seed() == null ? JsonNull.INSTANCE : response.seed())
                .put(
                        "upsampled_prompt",
                        response.upsampledPrompt() == null
                                ? JsonNull.INSTANCE
                                : JsonString.of(response.upsampledPrompt()))
                .put("content_type", JsonString.of("video/mp4"))
                .put(
                        "model",
                        JsonString.of(
                                options != null
                                                && options.model()
                                                        .filter(m -> !m.isEmpty())
                                                        .isPresent()
                                        ? options.model().get()
                                        : DEFAULT_MODEL))
                .put("base_url", JsonString.of(base.get()))
                .build();
        return new VideoClip(List.of(video), fps, size.width(), size.height(), durationSeconds, metadata);
    }

    private ProviderHttpClient client(String baseUrl) {
        ProviderHttpClient.Builder builder = ProviderHttpClient.builder(name())
                .transport(transport)
                .sleeper(sleeper)
                .clock(clock)
                .eventHandler(this::emitEvent)
                .baseUrl(baseUrl)
                .defaultHeader("Accept", "application/json")
                .defaultHeader("Content-Type", "application/json");
        String apiKey = environment().value(API_KEY_ENV);
        if (apiKey != null) {
            builder.defaultHeader("Authorization", "Bearer " + apiKey);
        }
        return builder.build();
    }

    private void emitEvent(ai.worldforge.event.ProviderEvent event) {
        emit(event);
    }

    /**
     * Builder for {@link CosmosProvider}. Not thread-safe.
     */
    public static final class Builder {
        private String name = NAME;
        private Environment environment = Environment.empty();
        private @Nullable String baseUrl;
        private ProviderRequestPolicy requestPolicy = ProviderRequestPolicy.remoteDefaults(DEFAULT_TIMEOUT_SECONDS);
        private @Nullable ProviderEventHandler eventHandler;
        private @Nullable HttpTransport transport;
        private Sleeper sleeper = Sleeper.system();
        private MonotonicClock clock = MonotonicClock.system();

        private Builder() {}

        /** Provider name (default {@code cosmos}). */
        public Builder name(String value) {
            if (value == null || value.isBlank()) {
                throw new WorldForgeException("Provider name must be a non-empty string.");
            }
            name = value;
            return this;
        }

        /** Where {@code COSMOS_BASE_URL} and {@code NVIDIA_API_KEY} are read. */
        public Builder environment(Environment value) {
            environment = Objects.requireNonNull(value);
            return this;
        }

        /** A base URL that wins over {@code COSMOS_BASE_URL} ({@code null} or empty: use the variable). */
        public Builder baseUrl(@Nullable String value) {
            baseUrl = value;
            return this;
        }

        /** Request timeout for {@link ProviderRequestPolicy#remoteDefaults(double)} (default 300 s). */
        public Builder timeoutSeconds(double value) {
            requestPolicy = ProviderRequestPolicy.remoteDefaults(value);
            return this;
        }

        /** An explicit request policy (replaces the timeout-derived defaults). */
        public Builder requestPolicy(ProviderRequestPolicy value) {
            requestPolicy = Objects.requireNonNull(value);
            return this;
        }

        /** Event handler. */
        public Builder eventHandler(@Nullable ProviderEventHandler value) {
            eventHandler = value;
            return this;
        }

        /** HTTP transport (default: a {@link ai.worldforge.provider.http.JdkHttpTransport} owned by the provider, created on first use). */
        public Builder transport(HttpTransport value) {
            transport = Objects.requireNonNull(value);
            return this;
        }

        /** Retry sleeper (tests). */
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
        public CosmosProvider build() {
            return new CosmosProvider(this);
        }
    }
}
