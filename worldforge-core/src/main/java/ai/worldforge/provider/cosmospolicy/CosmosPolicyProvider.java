package ai.worldforge.provider.cosmospolicy;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.event.Redaction;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCatalog;
import ai.worldforge.provider.ProviderConfigSummary;
import ai.worldforge.provider.ProviderHealth;
import ai.worldforge.provider.ProviderProfile;
import ai.worldforge.provider.policy.ActionTranslator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code cosmos-policy} provider: sends an ALOHA observation to a Cosmos-Policy {@code /act}
 * server and turns the returned action chunks into WorldForge actions through a host {@link
 * ActionTranslator}. It advertises {@code policy} only when a
 * translator is supplied; without one it is still {@linkplain #configured() configured} by a base
 * URL but {@link #selectActions} fails before any request.
 *
 * <p>The network is reached through two injected seams, so this class holds no HTTP code: an
 * {@link ActClient} that performs the {@code POST /act} exchange and a {@link BaseUrlGuard} that
 * applies the destination (SSRF) checks, including the allow-list and local-network opt-in of
 * {@link CosmosPolicyConfig}. Thread-safe when the seams and the translator are.
 */
public final class CosmosPolicyProvider extends BaseProvider {

    /**
     * Performs {@code POST <base_url>/act}: validates the base URL again (including DNS) before
     * every request, sends {@code payload} as JSON with {@link CosmosPolicyConfig#headers()},
     * applies the request policy (operation {@code policy}, accepted content type {@code
     * application/json}), emits the HTTP layer's {@code policy} retry/success/failure events to
     * {@code events}, and returns the decoded JSON body. Failures are {@link ProviderException}s
     * with the HTTP layer's messages ({@code returned unsupported content type}, {@code returned
     * invalid JSON}, {@code returned a non-object JSON payload} are turned into {@link
     * WorldStateException}s by the provider).
     */
    @FunctionalInterface
    public interface ActClient {
        /** Sends {@code payload} and returns the decoded response body. */
        JsonValue postAct(CosmosPolicyConfig config, JsonObject payload, ProviderEventHandler events);
    }

    /**
     * The destination guard for the base URL ({@code validate_remote_base_url} with {@code
     * COSMOS_POLICY_BASE_URL}, the allow-list and {@code allow_local_base_url}); throws {@link
     * ProviderException} with the guard's message when the URL is rejected.
     */
    @FunctionalInterface
    public interface BaseUrlGuard {
        /** Validates {@code baseUrl} under {@code config}'s switches. */
        void validate(String baseUrl, CosmosPolicyConfig config);
    }

    private static final List<String> MALFORMED_RESPONSE_MARKERS =
            List.of("returned invalid JSON", "returned a non-object JSON payload", "returned unsupported content type");

    private final CosmosPolicyConfig config;
    private final @Nullable ActionTranslator translator;
    private final ActClient client;
    private final BaseUrlGuard guard;

    /**
     * Creates the provider.
     *
     * @param baseProfile the profile to specialise, which also gives the provider name (normally
     *     the catalog's {@code cosmos-policy} profile)
     * @param config resolved configuration
     * @param translator the host action translator, or {@code null} (then {@code policy} is not
     *     advertised)
     * @param client the {@code /act} exchange
     * @param guard the base URL destination guard
     * @param environment where configuration variables are read (for the summary's sources)
     * @param eventHandler receives provider events, or {@code null}
     */
    public CosmosPolicyProvider(
            ProviderProfile baseProfile,
            CosmosPolicyConfig config,
            @Nullable ActionTranslator translator,
            ActClient client,
            BaseUrlGuard guard,
            Environment environment,
            @Nullable ProviderEventHandler eventHandler) {
        super(config.profile(baseProfile, translator != null), environment, eventHandler);
        this.config = config;
        this.translator = translator;
        this.client = Objects.requireNonNull(client, "client");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * The catalog's {@code cosmos-policy} provider configured from {@code environment}.
     *
     * @throws ai.worldforge.error.WorldForgeException when a configured value is invalid
     */
    public static CosmosPolicyProvider fromEnvironment(
            Environment environment,
            @Nullable ActionTranslator translator,
            ActClient client,
            BaseUrlGuard guard,
            @Nullable ProviderEventHandler eventHandler) {
        ProviderProfile base = ProviderCatalog.find(CosmosPolicyConfig.PROVIDER_NAME)
                .orElseThrow()
                .profile();
        return new CosmosPolicyProvider(
                base,
                CosmosPolicyConfig.fromEnvironment(environment),
                translator,
                client,
                guard,
                environment,
                eventHandler);
    }

    /** The resolved configuration. */
    public CosmosPolicyConfig config() {
        return config;
    }

    /** Whether a translator was supplied (and so {@code policy} is advertised). */
    public boolean hasActionTranslator() {
        return translator != null;
    }

    /** Configured when a base URL is set, with or without a translator. */
    @Override
    public boolean configured() {
        return config.configured();
    }

    /** The value-free configuration summary (eight fields). */
    public ProviderConfigSummary configSummary() {
        return config.configSummary(name(), environment());
    }

    /**
     * No network call (the upstream server has no non-mutating health endpoint): unconfigured →
     * {@code missing COSMOS_POLICY_BASE_URL}; a base URL the guard rejects → unhealthy with the
     * guard's message; else healthy.
     */
    @Override
    public ProviderHealth health() {
        long started = System.nanoTime();
        Optional<String> missing = config.missingConfiguration();
        if (missing.isPresent()) {
            return new ProviderHealth(name(), false, elapsedMs(started), missing.get());
        }
        try {
            guard.validate(Objects.requireNonNull(config.baseUrl()), config);
        } catch (ProviderException e) {
            return new ProviderHealth(name(), false, elapsedMs(started), String.valueOf(e.getMessage()));
        }
        return new ProviderHealth(name(), true, elapsedMs(started), CosmosPolicyConfig.HEALTHY_DETAILS);
    }

    /**
     * Validates {@code info} and builds the request ({@link ai.worldforge.error.WorldForgeException}
     * before anything is sent), requires the translator, then posts to {@code /act}, parses the
     * response ({@link WorldStateException} on a malformed reply) and translates. A provider or
     * state failure after validation also emits a boundary {@code failure} event; any other
     * exception becomes {@code Cosmos-Policy action selection failed: <redacted text>}.
     */
    @Override
    public ActionPolicyResult selectActions(JsonObject info) {
        long started = System.nanoTime();
        CosmosPolicyRequest request = CosmosPolicyRequest.fromInfo(info, config.returnAllQueryResults());
        ActionTranslator required = CosmosPolicyActions.requireTranslator(translator);
        try {
            JsonValue body = send(request.payload());
            CosmosPolicyResponse parsed = CosmosPolicyResponse.parse(body, name(), config.expectedActionDim());
            return CosmosPolicyActions.result(name(), config, request, parsed, required, info);
        } catch (ProviderException | WorldStateException e) {
            emitBoundaryFailure(started, String.valueOf(e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            ProviderException error = new ProviderException(
                    "Cosmos-Policy action selection failed: " + Redaction.redactText(String.valueOf(e.getMessage())),
                    e);
            emitBoundaryFailure(started, String.valueOf(error.getMessage()));
            throw error;
        }
    }

    private JsonValue send(JsonObject payload) {
        String baseUrl = config.baseUrl();
        if (baseUrl == null) {
            throw new ProviderException(
                    "Provider '" + name() + "' is unavailable: missing " + CosmosPolicyConfig.BASE_URL_ENV_VAR + ".");
        }
        guard.validate(baseUrl, config);
        try {
            return client.postAct(config, payload, this::emit);
        } catch (ProviderException e) {
            String message = String.valueOf(e.getMessage());
            if (MALFORMED_RESPONSE_MARKERS.stream().anyMatch(message::contains)) {
                throw new WorldStateException(message, e);
            }
            throw e;
        }
    }

    private void emitBoundaryFailure(long startedNanos, String message) {
        if (!hasEventHandler()) {
            return;
        }
        emit(ProviderEvent.builder(name(), "policy", "failure")
                .attempt(1)
                .maxAttempts(1)
                .method("POST")
                .target(CosmosPolicyConfig.ACT_PATH)
                .durationMs(elapsedMs(startedNanos))
                .message(message)
                .metadata(JsonObject.of("stage", JsonString.of("worldforge-boundary")))
                .build());
    }

    private static double elapsedMs(long startedNanos) {
        return Math.max(0.1, (System.nanoTime() - startedNanos) / 1_000_000.0);
    }
}
