package ai.worldforge.capability;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
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
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCapabilities;
import ai.worldforge.provider.ProviderHealth;
import ai.worldforge.provider.ProviderInfo;
import ai.worldforge.provider.ProviderLifecycleResult;
import ai.worldforge.provider.ProviderLifecycleStatus;
import ai.worldforge.provider.ProviderProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The wrapper a forge puts around every capability implementation: it times each call, emits one
 * {@code success} or {@code failure} {@link ProviderEvent} per call (when a handler is set), wraps
 * unexpected exceptions in {@link ProviderException}, rejects results of the wrong type, and
 * synthesises the provider surfaces (profile, info, configured, health, lifecycle) from the
 * implementation's {@link ProviderProfileSpec}. Configuration is read from the injected {@link
 * Environment}.
 *
 * <p>Immutable; thread-safe when the wrapped implementation and the event handler are.
 */
public final class ObservableCapability {
    private final CapabilityKind kind;
    private final NamedCapability impl;
    private final String name;
    private final Environment environment;
    private final @Nullable ProviderEventHandler eventHandler;

    private ObservableCapability(
            CapabilityKind kind,
            NamedCapability impl,
            String name,
            Environment environment,
            @Nullable ProviderEventHandler eventHandler) {
        this.kind = kind;
        this.impl = impl;
        this.name = name;
        this.environment = environment;
        this.eventHandler = eventHandler;
    }

    /**
     * Wraps {@code impl} as a capability of {@code kind}.
     *
     * @param kind the registry the implementation serves
     * @param impl the implementation; must implement {@code kind}'s interface and have a non-blank
     *     name
     * @param environment where the spec's required variables are read
     * @param eventHandler receives call events, or {@code null} for none
     * @throws WorldForgeException {@code Capability impl '{Type}' is missing required method '{m}'
     *     for kind '{k}'.} or {@code Capability impl '{Type}' must declare a non-empty 'name'
     *     attribute.}
     */
    public static ObservableCapability wrap(
            CapabilityKind kind,
            NamedCapability impl,
            Environment environment,
            @Nullable ProviderEventHandler eventHandler) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(impl, "impl");
        Objects.requireNonNull(environment, "environment");
        if (!kind.isImplementedBy(impl)) {
            throw new WorldForgeException("Capability impl '" + typeName(impl) + "' is missing required method '"
                    + kind.methodName() + "' for kind '" + kind.fieldName() + "'.");
        }
        return new ObservableCapability(kind, impl, requireImplName(impl), environment, eventHandler);
    }

    /**
     * {@link #wrap(CapabilityKind, NamedCapability, Environment, ProviderEventHandler)} with the
     * kind given by its registry name.
     *
     * @throws WorldForgeException {@code Unknown capability kind '{k}'. Known kinds: cost, embedder,
     *     generator, planner, policy, predictor, reasoner, transferer.}
     */
    public static ObservableCapability wrap(
            String kind, NamedCapability impl, Environment environment, @Nullable ProviderEventHandler eventHandler) {
        return wrap(CapabilityKind.fromName(kind), impl, environment, eventHandler);
    }

    /**
     * The implementation's name, checked to be non-blank.
     *
     * @throws WorldForgeException {@code Capability impl '{Type}' must declare a non-empty 'name'
     *     attribute.}
     */
    public static String requireImplName(NamedCapability impl) {
        String value = impl.name();
        if (value == null || value.isBlank()) {
            throw new WorldForgeException(
                    "Capability impl '" + typeName(impl) + "' must declare a non-empty 'name' attribute.");
        }
        return value;
    }

    /**
     * The simple class name of {@code value} as messages show it (the binary name for anonymous
     * classes, {@code null} for null), standing in for the reference's {@code type(x).__name__}.
     */
    public static String typeName(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        String simple = value.getClass().getSimpleName();
        return simple.isEmpty() ? value.getClass().getName() : simple;
    }

    /** The implementation's name (read once, when wrapped). */
    public String name() {
        return name;
    }

    /** The registry this wrapper serves. */
    public CapabilityKind kind() {
        return kind;
    }

    /** The wrapped implementation. */
    public NamedCapability impl() {
        return impl;
    }

    /** The event handler, when set. */
    public Optional<ProviderEventHandler> eventHandler() {
        return Optional.ofNullable(eventHandler);
    }

    private ProviderProfileSpec spec() {
        ProviderProfileSpec spec = impl.profileSpec();
        return spec == null ? ProviderProfileSpec.DEFAULTS : spec;
    }

    // ---------------------------------------------------------------- provider surfaces

    /** The spec's required environment variables. */
    public List<String> requiredEnvVars() {
        return spec().requiredEnvVars();
    }

    private List<String> missingEnvVars() {
        List<String> missing = new ArrayList<>();
        for (String variable : requiredEnvVars()) {
            if (!environment.isSet(variable)) {
                missing.add(variable);
            }
        }
        return missing;
    }

    /** Whether every required variable is set (always true without requirements). */
    public boolean configured() {
        return missingEnvVars().isEmpty();
    }

    /** Healthy when configured; details {@code configured} or {@code missing A, B}. */
    public ProviderHealth health() {
        long started = System.nanoTime();
        List<String> missing = missingEnvVars();
        boolean healthy = missing.isEmpty();
        String details = healthy ? "configured" : "missing " + String.join(", ", missing);
        return new ProviderHealth(name, healthy, elapsedMs(started), details);
    }

    /**
     * The profile: only this kind's capability; descriptive fields from the spec; the first
     * required variable as credential variable; credentials required per {@link
     * ProviderProfileSpec#credentialsRequired()}; the implementation's request policy.
     */
    public ProviderProfile profile() {
        ProviderProfileSpec spec = spec();
        List<String> envVars = spec.requiredEnvVars();
        return ProviderProfile.builder(name)
                .capabilities(ProviderCapabilities.of(kind.capability()))
                .local(spec.isLocal())
                .description(spec.description())
                .packageName(spec.packageName())
                .implementationStatus(spec.implementationStatus())
                .deterministic(spec.deterministic())
                .requiresCredentials(spec.credentialsRequired())
                .credentialEnvVar(envVars.isEmpty() ? null : envVars.get(0))
                .requiredEnvVars(envVars)
                .supportedModalities(spec.supportedModalities())
                .artifactTypes(spec.artifactTypes())
                .notes(spec.notes())
                .defaultModel(spec.defaultModel())
                .supportedModels(spec.supportedModels())
                .requestPolicy(impl.requestPolicy().orElse(null))
                .build();
    }

    /** The info part of {@link #profile()}. */
    public ProviderInfo info() {
        return ProviderInfo.of(profile());
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * The implementation's preflight hook result, else the default ({@code skipped} with {@code
     * missing …} when unconfigured, else {@code no-op}). Never throws: a hook that throws or
     * returns a result for another provider or hook is reported as {@code failed}.
     */
    public ProviderLifecycleResult preflight() {
        return runHook("preflight", impl::preflightHook);
    }

    /** Like {@link #preflight()} for the warm-up hook. */
    public ProviderLifecycleResult warmup() {
        return runHook("warmup", impl::warmupHook);
    }

    /**
     * The implementation's teardown hook result ({@code failed} is reported as {@code
     * teardown-failed}), else {@code no-op}.
     */
    public ProviderLifecycleResult teardown() {
        return runHook("teardown", impl::teardownHook);
    }

    /**
     * Runs preflight, then warm-up when requested and preflight is ready, then teardown when
     * requested, and aggregates them.
     */
    public ProviderLifecycleStatus lifecycleStatus(boolean runWarmup, boolean runTeardown) {
        ProviderLifecycleResult preflight = preflight();
        ProviderLifecycleResult warmup = runWarmup && preflight.ready() ? warmup() : null;
        ProviderLifecycleResult teardown = runTeardown ? teardown() : null;
        return ProviderLifecycleStatus.aggregate(name, preflight, warmup, teardown);
    }

    private ProviderLifecycleResult runHook(String hook, Supplier<Optional<ProviderLifecycleResult>> body) {
        Optional<ProviderLifecycleResult> declared;
        try {
            declared = body.get();
        } catch (RuntimeException e) {
            return hookFailure(hook, hook + " hook failed: " + describe(e), "", JsonObject.EMPTY);
        }
        if (declared == null) {
            return hookFailure(
                    hook, hook + " hook returned null; expected ProviderLifecycleResult.", "", JsonObject.EMPTY);
        }
        if (declared.isEmpty()) {
            return defaultHook(hook);
        }
        ProviderLifecycleResult result = declared.get();
        if (!result.provider().equals(name) || !result.hook().equals(hook)) {
            return hookFailure(
                    hook,
                    hook + " hook returned result for provider '" + result.provider() + "' and hook '" + result.hook()
                            + "'.",
                    "",
                    JsonObject.EMPTY);
        }
        if (hook.equals("teardown") && result.status().equals("failed")) {
            return hookFailure(hook, result.details(), result.skipReason(), result.evidence());
        }
        return result;
    }

    private ProviderLifecycleResult hookFailure(String hook, String details, String skipReason, JsonObject evidence) {
        String status = hook.equals("teardown") ? "teardown-failed" : "failed";
        return new ProviderLifecycleResult(name, hook, status, false, 0.0, details, skipReason, evidence);
    }

    private ProviderLifecycleResult defaultHook(String hook) {
        if (hook.equals("teardown")) {
            return new ProviderLifecycleResult(
                    name, hook, "no-op", true, 0.0, "no provider teardown hook declared", "", JsonObject.EMPTY);
        }
        long started = System.nanoTime();
        List<String> missing = missingEnvVars();
        if (!missing.isEmpty()) {
            String reason = "missing " + String.join(", ", missing);
            return new ProviderLifecycleResult(
                    name,
                    hook,
                    "skipped",
                    false,
                    elapsedMs(started),
                    reason,
                    reason,
                    JsonObject.of("configured", JsonBool.FALSE));
        }
        // As in the reference, only the preflight default carries {configured: true} evidence.
        JsonObject evidence = hook.equals("preflight") ? JsonObject.of("configured", JsonBool.TRUE) : JsonObject.EMPTY;
        return new ProviderLifecycleResult(
                name, hook, "no-op", true, elapsedMs(started), "no provider " + hook + " hook declared", "", evidence);
    }

    // ---------------------------------------------------------------- calls

    /**
     * Scores candidates ({@link CapabilityKind#COST} wrappers only).
     *
     * @throws ProviderException when the implementation fails, returns nothing, or this wrapper is
     *     of another kind
     */
    public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
        return invoke(
                CapabilityKind.COST, ActionScoreResult.class, () -> ((Cost) impl).scoreActions(info, actionCandidates));
    }

    /** Selects actions ({@link CapabilityKind#POLICY} wrappers only). */
    public ActionPolicyResult selectActions(JsonObject info) {
        return invoke(CapabilityKind.POLICY, ActionPolicyResult.class, () -> ((Policy) impl).selectActions(info));
    }

    /** Generates a clip ({@link CapabilityKind#GENERATOR} wrappers only). */
    public VideoClip generate(String prompt, double durationSeconds, @Nullable GenerationOptions options) {
        return invoke(
                CapabilityKind.GENERATOR,
                VideoClip.class,
                () -> ((Generator) impl).generate(prompt, durationSeconds, options));
    }

    /** Predicts a state ({@link CapabilityKind#PREDICTOR} wrappers only). */
    public PredictionPayload predict(WorldState state, Action action, int steps) {
        return invoke(
                CapabilityKind.PREDICTOR,
                PredictionPayload.class,
                () -> ((Predictor) impl).predict(state, action, steps));
    }

    /** Answers a query ({@link CapabilityKind#REASONER} wrappers only). */
    public ReasoningResult reason(String query, @Nullable WorldState state) {
        return invoke(CapabilityKind.REASONER, ReasoningResult.class, () -> ((Reasoner) impl).reason(query, state));
    }

    /** Embeds text ({@link CapabilityKind#EMBEDDER} wrappers only). */
    public EmbeddingResult embed(String text) {
        return invoke(CapabilityKind.EMBEDDER, EmbeddingResult.class, () -> ((Embedder) impl).embed(text));
    }

    /** Transfers a clip ({@link CapabilityKind#TRANSFERER} wrappers only). */
    public VideoClip transfer(
            VideoClip clip, int width, int height, double fps, String prompt, @Nullable GenerationOptions options) {
        return invoke(
                CapabilityKind.TRANSFERER,
                VideoClip.class,
                () -> ((Transferer) impl).transfer(clip, width, height, fps, prompt, options));
    }

    /** Plans ({@link CapabilityKind#PLANNER} wrappers only). */
    public ActionPolicyResult plan(JsonObject info) {
        return invoke(CapabilityKind.PLANNER, ActionPolicyResult.class, () -> ((Planner) impl).plan(info));
    }

    /**
     * Calls the implementation: a {@link ProviderException} is reported and rethrown; any other
     * exception becomes {@code Provider '{name}' {op} failed: {message}} (chained); a result of the
     * wrong type (or none) becomes {@code Provider '{name}' {op} returned {Type}; expected
     * {Expected}.}. Each outcome emits exactly one event.
     */
    private <R> R invoke(CapabilityKind expected, Class<R> type, Supplier<@Nullable Object> body) {
        if (kind != expected) {
            // Fail closed before running anything, like BaseProvider's stubs.
            throw new ProviderException("Provider '" + name + "' does not implement " + expected.methodName() + "().");
        }
        long started = System.nanoTime();
        Object result;
        try {
            result = body.get();
        } catch (ProviderException e) {
            emit("failure", started, messageOf(e));
            throw e;
        } catch (Exception e) {
            ProviderException wrapped =
                    new ProviderException("Provider '" + name + "' " + kind.operation() + " failed: " + describe(e), e);
            emit("failure", started, wrapped.getMessage());
            throw wrapped;
        }
        if (!kind.resultType().isInstance(result)) {
            ProviderException wrong = new ProviderException("Provider '" + name + "' " + kind.operation() + " returned "
                    + typeName(result) + "; expected " + kind.resultTypeName() + ".");
            emit("failure", started, wrong.getMessage());
            throw wrong;
        }
        emit("success", started, "");
        return type.cast(result);
    }

    private void emit(String phase, long startedNanos, String message) {
        ProviderEventHandler handler = eventHandler;
        if (handler == null) {
            return;
        }
        handler.handle(ProviderEvent.builder(name, kind.operation(), phase)
                .durationMs(elapsedMs(startedNanos))
                .message(message)
                .build());
    }

    private static double elapsedMs(long startedNanos) {
        return Math.max(0.1, (System.nanoTime() - startedNanos) / 1_000_000.0);
    }

    private static String messageOf(Throwable e) {
        String message = e.getMessage();
        return message == null ? "" : message;
    }

    /** The exception's message, or its type name when it has none (Python would print ""). */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? typeName(e) : message;
    }

    @Override
    public String toString() {
        return "ObservableCapability[" + kind.fieldName() + ":" + name + "]";
    }
}
