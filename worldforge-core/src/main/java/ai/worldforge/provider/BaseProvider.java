package ai.worldforge.provider;

import ai.worldforge.error.ProviderException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.model.EmbeddingResult;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.PredictionPayload;
import ai.worldforge.model.ReasoningResult;
import ai.worldforge.model.VideoClip;
import ai.worldforge.model.WorldState;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Base class of full providers (adapters that may offer several capabilities). Subclasses
 * override the capability methods they advertise; every other capability method throws {@link
 * ProviderException} {@code Provider '{name}' does not implement {method}().} before doing
 * anything, so a provider fails closed on what it does not advertise.
 *
 * <p>Configuration is read from the injected {@link Environment}. Subclasses must be
 * thread-safe: the facade may call them from several threads (for example {@code compare}).
 */
public abstract class BaseProvider {
    private final ProviderProfile profile;
    private final Environment environment;
    private volatile @Nullable ProviderEventHandler eventHandler;

    /**
     * Creates a provider.
     *
     * @param profile the provider's profile (name, capabilities, required variables, …)
     * @param environment where configuration variables are read
     * @param eventHandler receives provider events, or {@code null} (a forge fills it in on
     *     registration)
     */
    protected BaseProvider(
            ProviderProfile profile, Environment environment, @Nullable ProviderEventHandler eventHandler) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.eventHandler = eventHandler;
    }

    /** Provider name. */
    public final String name() {
        return profile.name();
    }

    /** Advertised capabilities. */
    public final ProviderCapabilities capabilities() {
        return profile.capabilities();
    }

    /** Static profile. */
    public ProviderProfile profile() {
        return profile;
    }

    /** Short description. */
    public ProviderInfo info() {
        return ProviderInfo.of(profile());
    }

    /** The environment this provider reads configuration from. */
    protected final Environment environment() {
        return environment;
    }

    /** The event handler, when set. */
    public final Optional<ProviderEventHandler> eventHandler() {
        return Optional.ofNullable(eventHandler);
    }

    /** Replaces the event handler. */
    public final void setEventHandler(@Nullable ProviderEventHandler handler) {
        this.eventHandler = handler;
    }

    /** Sends {@code event} to the handler, when one is set. */
    protected final void emit(ProviderEvent event) {
        ProviderEventHandler handler = eventHandler;
        if (handler != null) {
            handler.handle(event);
        }
    }

    /** Whether an event handler is set (so callers can skip building events). */
    protected final boolean hasEventHandler() {
        return eventHandler != null;
    }

    /**
     * Whether required configuration is present: the credential variable when the profile names
     * one, else every required variable; providers without requirements are always configured.
     */
    public boolean configured() {
        Optional<String> credential = profile.credentialEnvVar();
        if (credential.isPresent()) {
            return environment.isSet(credential.get());
        }
        for (String variable : profile.requiredEnvVars()) {
            if (!environment.isSet(variable)) {
                return false;
            }
        }
        return true;
    }

    /** Text describing missing configuration, e.g. {@code missing COSMOS_BASE_URL}. */
    protected String missingConfiguration() {
        return "missing " + String.join(", ", profile.requiredEnvVars());
    }

    /** Health: healthy when configured; details {@code configured} or what is missing. */
    public ProviderHealth health() {
        boolean configured = configured();
        return new ProviderHealth(name(), configured, 0.0, configured ? "configured" : missingConfiguration());
    }

    /** Default preflight: {@code skipped} when unconfigured, else {@code no-op}. */
    public ProviderLifecycleResult preflight() {
        return defaultHook("preflight");
    }

    /** Default warm-up: same shape as preflight. */
    public ProviderLifecycleResult warmup() {
        return defaultHook("warmup");
    }

    /** Default teardown: {@code no-op}. */
    public ProviderLifecycleResult teardown() {
        return new ProviderLifecycleResult(
                name(), "teardown", "no-op", true, 0.0, "no provider teardown hook declared", "", JsonObject.EMPTY);
    }

    private ProviderLifecycleResult defaultHook(String hook) {
        if (!configured()) {
            String reason = missingConfiguration();
            return new ProviderLifecycleResult(
                    name(), hook, "skipped", false, 0.0, reason, reason, JsonObject.of("configured", JsonBool.FALSE));
        }
        return new ProviderLifecycleResult(
                name(),
                hook,
                "no-op",
                true,
                0.0,
                "no provider " + hook + " hook declared",
                "",
                JsonObject.of("configured", JsonBool.TRUE));
    }

    /**
     * Runs preflight, then warm-up when requested and preflight is ready, then teardown when
     * requested. A hook that throws is reported as {@code failed} ({@code teardown-failed}).
     */
    public ProviderLifecycleStatus lifecycleStatus(boolean runWarmup, boolean runTeardown) {
        ProviderLifecycleResult preflight = guarded("preflight", this::preflight);
        ProviderLifecycleResult warmup = runWarmup && preflight.ready() ? guarded("warmup", this::warmup) : null;
        ProviderLifecycleResult teardown = runTeardown ? guarded("teardown", this::teardown) : null;
        return ProviderLifecycleStatus.aggregate(name(), preflight, warmup, teardown);
    }

    private ProviderLifecycleResult guarded(String hook, java.util.function.Supplier<ProviderLifecycleResult> body) {
        try {
            ProviderLifecycleResult result = body.get();
            if (result == null
                    || !result.hook().equals(hook)
                    || !result.provider().equals(name())) {
                throw new ProviderException("hook returned a result for another hook or provider");
            }
            return result;
        } catch (RuntimeException e) {
            String status = hook.equals("teardown") ? "teardown-failed" : "failed";
            return new ProviderLifecycleResult(
                    name(), hook, status, false, 0.0, hook + " hook failed: " + e.getMessage(), "", JsonObject.EMPTY);
        }
    }

    private ProviderException unsupported(String method) {
        return new ProviderException("Provider '" + name() + "' does not implement " + method + "().");
    }

    /** Predicts the state after {@code action} applied for {@code steps} steps. */
    public PredictionPayload predict(WorldState state, Action action, int steps) {
        throw unsupported("predict");
    }

    /** Generates a clip from {@code prompt}. */
    public VideoClip generate(String prompt, double durationSeconds, @Nullable GenerationOptions options) {
        throw unsupported("generate");
    }

    /** Transfers (restyles) {@code clip}. */
    public VideoClip transfer(
            VideoClip clip, int width, int height, double fps, String prompt, @Nullable GenerationOptions options) {
        throw unsupported("transfer");
    }

    /** Answers {@code query}, optionally about a world snapshot. */
    public ReasoningResult reason(String query, @Nullable WorldState state) {
        throw unsupported("reason");
    }

    /** Embeds {@code text}. */
    public EmbeddingResult embed(String text) {
        throw unsupported("embed");
    }

    /** Scores candidate action plans. */
    public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
        throw unsupported("score_actions");
    }

    /** Selects actions from observations. */
    public ActionPolicyResult selectActions(JsonObject info) {
        throw unsupported("select_actions");
    }
}
