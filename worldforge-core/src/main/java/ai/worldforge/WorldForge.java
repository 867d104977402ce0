package ai.worldforge;

import ai.worldforge.capability.CapabilityKind;
import ai.worldforge.capability.Cost;
import ai.worldforge.capability.Embedder;
import ai.worldforge.capability.Generator;
import ai.worldforge.capability.NamedCapability;
import ai.worldforge.capability.ObservableCapability;
import ai.worldforge.capability.Planner;
import ai.worldforge.capability.Policy;
import ai.worldforge.capability.Predictor;
import ai.worldforge.capability.Reasoner;
import ai.worldforge.capability.RunnableModel;
import ai.worldforge.capability.Transferer;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldConflictException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonDepthException;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.model.BBox;
import ai.worldforge.model.EmbeddingResult;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.Position;
import ai.worldforge.model.PredictionPayload;
import ai.worldforge.model.ReasoningResult;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.VideoClip;
import ai.worldforge.model.WorldRecord;
import ai.worldforge.model.WorldState;
import ai.worldforge.model.WorldStateCodec;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.CatalogEntry;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCapabilities;
import ai.worldforge.provider.ProviderCatalog;
import ai.worldforge.provider.ProviderFactories;
import ai.worldforge.provider.ProviderFactory;
import ai.worldforge.provider.ProviderHealth;
import ai.worldforge.provider.ProviderInfo;
import ai.worldforge.provider.ProviderLifecycleResult;
import ai.worldforge.provider.ProviderLifecycleStatus;
import ai.worldforge.provider.ProviderProfile;
import ai.worldforge.provider.ProviderRequestPolicy;
import ai.worldforge.store.ExpectedVersion;
import ai.worldforge.store.LocalJsonWorldStore;
import ai.worldforge.store.SaveMode;
import ai.worldforge.store.StoredWorld;
import ai.worldforge.store.WorldStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: a registry of providers, the catalog of known providers, diagnostics, world
 * persistence and capability calls that fail closed on anything a provider does not advertise.
 *
 * <p>Two kinds of registrations share one name space. Full providers ({@link BaseProvider}
 * subclasses, {@link #registerProvider}) advertise several capabilities; capability
 * implementations ({@link Cost}, {@link Policy}, {@link Generator}, … registered with {@link
 * #register(Object)} or {@code registerCost}, {@code registerPolicy}, …) serve exactly one each and
 * live in one registry per capability, wrapped in an {@link ObservableCapability}. Introspection
 * ({@link #providers()}, {@link #providerProfile}, {@link #providerHealth}, {@link #doctor}) merges
 * everything registered under a name; capability calls look in the capability's registry first,
 * then at the full provider.
 *
 * <p>Build one with {@link #builder()}; {@link #create()} gives the defaults (worlds under {@code
 * .worldforge/worlds}, no environment variables, only {@code mock} registered, external {@link
 * ProviderFactory} discovery on). Thread-safe.
 */
public final class WorldForge {
    /**
     * The most steps one prediction may ask for. Providers return a frame per step (the mock
     * does), so an unbounded count is a request for unbounded memory; a hundred thousand steps is
     * far beyond any rollout a world model serves.
     */
    public static final int MAX_PREDICT_STEPS = 100_000;

    /** The longest clip one {@code generate} call may ask for, in seconds (a day: 691,200 mock frames). */
    public static final double MAX_GENERATION_SECONDS = 86_400.0;

    private final WorldStore store;
    private final @Nullable Path stateDir;
    private final Environment environment;
    private final @Nullable ProviderEventHandler eventHandler;
    private final Map<String, BaseProvider> providers = new LinkedHashMap<>();
    private final Map<String, BaseProvider> known = new LinkedHashMap<>();
    /** One registry per capability, in field order; each keyed by implementation name. */
    private final Map<CapabilityKind, Map<String, ObservableCapability>> registries =
            new EnumMap<>(CapabilityKind.class);

    private final List<String> discovered = new ArrayList<>();

    private WorldForge(Builder builder) {
        this.environment = builder.environment;
        this.eventHandler = builder.eventHandler;
        // External providers first: a broken plugin fails the build before anything is created.
        List<BaseProvider> external = discoverExternal(builder);
        if (builder.store != null) {
            this.store = builder.store;
            this.stateDir = builder.store instanceof LocalJsonWorldStore local ? local.directory() : null;
        } else {
            Path dir = builder.stateDir == null ? Path.of(".worldforge", "worlds") : builder.stateDir;
            LocalJsonWorldStore local = new LocalJsonWorldStore(dir);
            this.store = local;
            this.stateDir = local.directory();
        }
        for (CapabilityKind kind : CapabilityKind.values()) {
            registries.put(kind, new LinkedHashMap<>());
        }
        for (CatalogEntry entry : ProviderCatalog.entries()) {
            BaseProvider provider = entry.create(environment, eventHandler);
            known.put(entry.name(), provider);
            boolean register = entry.alwaysRegister()
                    || (builder.autoRegisterRemote && entry.adapterAvailable() && entry.configured(environment));
            if (register) {
                providers.put(entry.name(), provider);
            }
        }
        external.forEach(this::registerProvider);
    }

    /**
     * Discovers external factories and creates the providers to register: as in the reference,
     * only when auto-registration is on and they are configured (unconfigured ones stay invisible).
     */
    private List<BaseProvider> discoverExternal(Builder builder) {
        boolean discover = builder.discoverProviders != null
                ? builder.discoverProviders
                : ProviderFactories.enabledByDefault(environment);
        List<BaseProvider> out = new ArrayList<>();
        if (!discover) {
            return out;
        }
        ClassLoader loader = builder.classLoader != null ? builder.classLoader : defaultClassLoader();
        for (ProviderFactory factory : ProviderFactories.discover(loader)) {
            discovered.add(factory.name());
            if (builder.autoRegisterRemote && factory.configured(environment)) {
                BaseProvider provider = ProviderFactories.create(factory, environment, eventHandler);
                if (provider.configured()) {
                    out.add(provider);
                }
            }
        }
        return out;
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : WorldForge.class.getClassLoader();
    }

    /** A forge with default settings. */
    public static WorldForge create() {
        return builder().build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The world store. */
    public WorldStore store() {
        return store;
    }

    /** The local state directory, when the forge uses the local JSON store. */
    public Optional<Path> stateDir() {
        return Optional.ofNullable(stateDir);
    }

    /** The environment providers read configuration from. */
    public Environment environment() {
        return environment;
    }

    /** The forge-wide event handler, when set. */
    public Optional<ProviderEventHandler> eventHandler() {
        return Optional.ofNullable(eventHandler);
    }

    /**
     * Names of the external {@link ProviderFactory} implementations discovered when the forge was
     * built, in discovery order (registered or not; see {@link #providers()} for what registered).
     */
    public List<String> discoveredProviders() {
        return List.copyOf(discovered);
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers {@code provider} under its name, replacing any provider of that name (as the
     * reference does). A provider without an event handler inherits the forge's.
     */
    public synchronized void registerProvider(BaseProvider provider) {
        Objects.requireNonNull(provider, "provider");
        if (provider.eventHandler().isEmpty() && eventHandler != null) {
            provider.setEventHandler(eventHandler);
        }
        providers.put(provider.name(), provider);
    }

    /**
     * Registers anything registrable: a {@link BaseProvider} (as {@link #registerProvider}), a
     * {@link RunnableModel} (every present slot), or a capability implementation in the registry of
     * <em>every</em> capability interface it implements. Nothing is registered unless everything
     * is valid.
     *
     * @throws WorldForgeException {@code {Type} does not satisfy any capability protocol. Expected
     *     one of: cost, embedder, generator, planner, policy, predictor, reasoner, transferer.};
     *     {@code RunnableModel '{name}' does not contain any capability impls.}; or a name error of
     *     {@link #registerCost}
     */
    public void register(Object impl) {
        Objects.requireNonNull(impl, "impl");
        if (impl instanceof BaseProvider provider) {
            registerProvider(provider);
            return;
        }
        Map<CapabilityKind, NamedCapability> slots = new EnumMap<>(CapabilityKind.class);
        if (impl instanceof RunnableModel model) {
            slots.putAll(model.capabilityFields());
            if (slots.isEmpty()) {
                throw new WorldForgeException(
                        "RunnableModel '" + model.name() + "' does not contain any capability impls.");
            }
        } else {
            for (CapabilityKind kind : CapabilityKind.values()) {
                if (kind.isImplementedBy(impl)) {
                    slots.put(kind, (NamedCapability) impl);
                }
            }
            if (slots.isEmpty()) {
                throw new WorldForgeException(ObservableCapability.typeName(impl)
                        + " does not satisfy any capability protocol. Expected one of: "
                        + String.join(", ", CapabilityKind.KNOWN_NAMES) + ".");
            }
        }
        registerCapabilities(slots);
    }

    /**
     * Registers a {@link Cost} implementation in the {@code cost} registry.
     *
     * @throws WorldForgeException {@code Capability impl '{Type}' must declare a non-empty 'name'
     *     attribute.} or {@code Capability 'cost' already has a registered implementation named
     *     '{name}'. Names must be unique within a capability registry.} (the same name in another
     *     registry, or equal to a full provider's name, is allowed)
     */
    public void registerCost(Cost impl) {
        registerCapabilities(Map.of(CapabilityKind.COST, impl));
    }

    /** Registers a {@link Policy} implementation; checks as {@link #registerCost}. */
    public void registerPolicy(Policy impl) {
        registerCapabilities(Map.of(CapabilityKind.POLICY, impl));
    }

    /** Registers a {@link Generator} implementation; checks as {@link #registerCost}. */
    public void registerGenerator(Generator impl) {
        registerCapabilities(Map.of(CapabilityKind.GENERATOR, impl));
    }

    /** Registers a {@link Predictor} implementation; checks as {@link #registerCost}. */
    public void registerPredictor(Predictor impl) {
        registerCapabilities(Map.of(CapabilityKind.PREDICTOR, impl));
    }

    /** Registers a {@link Reasoner} implementation; checks as {@link #registerCost}. */
    public void registerReasoner(Reasoner impl) {
        registerCapabilities(Map.of(CapabilityKind.REASONER, impl));
    }

    /** Registers an {@link Embedder} implementation; checks as {@link #registerCost}. */
    public void registerEmbedder(Embedder impl) {
        registerCapabilities(Map.of(CapabilityKind.EMBEDDER, impl));
    }

    /** Registers a {@link Transferer} implementation; checks as {@link #registerCost}. */
    public void registerTransferer(Transferer impl) {
        registerCapabilities(Map.of(CapabilityKind.TRANSFERER, impl));
    }

    /** Registers a (reserved) {@link Planner} implementation; checks as {@link #registerCost}. */
    public void registerPlanner(Planner impl) {
        registerCapabilities(Map.of(CapabilityKind.PLANNER, impl));
    }

    /** Validates every slot first, then registers them all, so a failure changes nothing. */
    private synchronized void registerCapabilities(Map<CapabilityKind, NamedCapability> slots) {
        Map<CapabilityKind, ObservableCapability> wrapped = new EnumMap<>(CapabilityKind.class);
        for (CapabilityKind kind : CapabilityKind.values()) {
            NamedCapability impl = slots.get(kind);
            if (impl == null) {
                continue;
            }
            String name = ObservableCapability.requireImplName(impl);
            if (registries.get(kind).containsKey(name)) {
                throw new WorldForgeException("Capability '" + kind.fieldName()
                        + "' already has a registered implementation named '" + name
                        + "'. Names must be unique within a capability registry.");
            }
            wrapped.put(kind, ObservableCapability.wrap(kind, impl, environment, eventHandler));
        }
        wrapped.forEach((kind, wrapper) -> registries.get(kind).put(wrapper.name(), wrapper));
    }

    // ---------------------------------------------------------------- lookup

    /** Registered names (full providers and capability implementations), sorted. */
    public synchronized List<String> providers() {
        return List.copyOf(registeredNames());
    }

    private TreeSet<String> registeredNames() {
        TreeSet<String> names = new TreeSet<>(providers.keySet());
        registries.values().forEach(registry -> names.addAll(registry.keySet()));
        return names;
    }

    private boolean isRegistered(String name) {
        if (providers.containsKey(name)) {
            return true;
        }
        for (Map<String, ObservableCapability> registry : registries.values()) {
            if (registry.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    /** The registered full provider named {@code name}, when present. */
    public synchronized Optional<BaseProvider> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    /** The capability implementation registered as {@code name} in {@code kind}'s registry. */
    public synchronized Optional<ObservableCapability> capabilityImpl(CapabilityKind kind, String name) {
        return Optional.ofNullable(
                registries.get(Objects.requireNonNull(kind, "kind")).get(name));
    }

    private synchronized BaseProvider requireRegistered(String name) {
        BaseProvider provider = providers.get(name);
        if (provider == null) {
            throw new ProviderException("Provider '" + name + "' is not registered.");
        }
        return provider;
    }

    private synchronized void requireRegisteredName(String name) {
        if (!isRegistered(name)) {
            throw new ProviderException("Provider '" + name + "' is not registered.");
        }
    }

    private static String requireName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw new WorldForgeException("Provider name must be a non-empty string.");
        }
        return name.strip();
    }

    /**
     * Everything known under one name: the registered full provider (or, when asked, the catalog's
     * instance) and the capability wrappers in field order.
     */
    private record Sources(String name, @Nullable BaseProvider legacy, List<ObservableCapability> wrappers) {
        boolean isEmpty() {
            return legacy == null && wrappers.isEmpty();
        }
    }

    private synchronized Sources sources(String name, boolean includeKnown) {
        BaseProvider legacy = providers.get(name);
        if (legacy == null && includeKnown) {
            legacy = known.get(name);
        }
        List<ObservableCapability> wrappers = new ArrayList<>();
        for (CapabilityKind kind : CapabilityKind.values()) {
            ObservableCapability wrapper = registries.get(kind).get(name);
            if (wrapper != null) {
                wrappers.add(wrapper);
            }
        }
        return new Sources(name, legacy, List.copyOf(wrappers));
    }

    // ---------------------------------------------------------------- merged introspection

    /**
     * Whether everything registered under {@code name} has its required configuration: the full
     * provider (when registered) and every capability implementation of that name. An unregistered
     * catalog provider answers for itself.
     *
     * @throws WorldForgeException {@code Provider name must be a non-empty string.}
     * @throws ProviderException {@code Provider '{name}' is unknown.}
     */
    public boolean providerConfigured(String name) {
        Sources sources = sources(requireName(name), false);
        if (sources.isEmpty()) {
            sources = sources(sources.name(), true);
            if (sources.legacy() == null) {
                throw new ProviderException("Provider '" + sources.name() + "' is unknown.");
            }
            return sources.legacy().configured();
        }
        if (sources.legacy() != null && !sources.legacy().configured()) {
            return false;
        }
        for (ObservableCapability wrapper : sources.wrappers()) {
            if (!wrapper.configured()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the merged profile of the registered name {@code name} advertises {@code capability}.
     *
     * @throws WorldForgeException {@code Provider name must be a non-empty string.}
     * @throws ProviderException {@code Provider '{name}' is not registered.}
     */
    public boolean providerSupports(String name, Capability capability) {
        Objects.requireNonNull(capability, "capability");
        Sources sources = sources(requireName(name), false);
        if (sources.isEmpty()) {
            throw new ProviderException("Provider '" + sources.name() + "' is not registered.");
        }
        return mergedCapabilities(sources).supports(capability);
    }

    /**
     * Info of a registered name, from its merged profile.
     *
     * @throws ProviderException {@code Provider '{name}' is not registered.}
     */
    public ProviderInfo providerInfo(String name) {
        String clean = requireName(name);
        requireRegisteredName(clean);
        return ProviderInfo.of(providerProfile(clean));
    }

    /**
     * The merged profile of {@code name}: the registered full provider (else the catalog's, so
     * unregistered catalog providers can be inspected) first, then every capability implementation
     * of that name in field order. Capabilities are OR-ed; {@code is_local} and {@code
     * requires_credentials} are any; {@code deterministic} is all; variables, modalities, artifact
     * types, notes and models are concatenated without duplicates; the credential variable is the
     * first set, else the first required variable; request policy and default model are the first
     * set; the description is the first source's, else the {@code "; "}-joined non-empty ones;
     * package and status are the first source's.
     *
     * @throws ProviderException {@code Provider '{name}' is unknown.}
     */
    public ProviderProfile providerProfile(String name) {
        return mergedProfile(sources(requireName(name), true));
    }

    /**
     * The merged health of {@code name} (registered, or a catalog provider): a single source's own
     * health; with several, healthy when all are, latencies summed, details {@code configured} or
     * the {@code "; "}-joined {@code {name}: {details}} of the unhealthy ones.
     *
     * @throws ProviderException {@code Provider '{name}' is unknown.}
     */
    public ProviderHealth providerHealth(String name) {
        return mergedHealth(sources(requireName(name), true));
    }

    /**
     * The merged lifecycle status of {@code name} (registered, or a catalog provider): a single
     * source's own status; with several, the most severe status (teardown-failed &gt; failed &gt;
     * skipped &gt; ready &gt; no-op), details {@code "; "}-joining {@code {provider}: {details}},
     * and evidence {@code {components: [each status]}}.
     *
     * @throws ProviderException {@code Provider '{name}' is unknown.}
     */
    public ProviderLifecycleStatus providerLifecycleStatus(String name, boolean runWarmup, boolean runTeardown) {
        return mergedLifecycle(sources(requireName(name), true), runWarmup, runTeardown);
    }

    /** Health of every registered name (optionally only those advertising {@code capability}). */
    public List<ProviderHealth> providerHealths(@Nullable String capability) {
        List<ProviderHealth> out = new ArrayList<>();
        for (String name : providers()) {
            Sources sources = sources(name, false);
            if (capability == null || mergedCapabilities(sources).supports(capability)) {
                out.add(mergedHealth(sources));
            }
        }
        return out;
    }

    /** Info of every registered name, sorted by name. */
    public List<ProviderInfo> listProviders() {
        List<ProviderInfo> out = new ArrayList<>();
        for (String name : providers()) {
            out.add(ProviderInfo.of(mergedProfile(sources(name, false))));
        }
        return out;
    }

    /** Merged profiles of every registered name, sorted by name. */
    public List<ProviderProfile> listProviderProfiles() {
        List<ProviderProfile> out = new ArrayList<>();
        for (String name : providers()) {
            out.add(mergedProfile(sources(name, false)));
        }
        return out;
    }

    /** Profiles of every catalog provider and every registered full provider, sorted by name. */
    public synchronized List<ProviderProfile> builtinProviderProfiles() {
        TreeMap<String, ProviderProfile> out = new TreeMap<>();
        known.forEach((name, provider) -> out.put(name, provider.profile()));
        providers.forEach((name, provider) -> out.put(name, provider.profile()));
        return List.copyOf(out.values());
    }

    private static ProviderCapabilities mergedCapabilities(Sources sources) {
        Set<Capability> enabled = EnumSet.noneOf(Capability.class);
        if (sources.legacy() != null) {
            enabled.addAll(sources.legacy().profile().capabilities().enabled());
        }
        sources.wrappers().forEach(wrapper -> enabled.add(wrapper.kind().capability()));
        return ProviderCapabilities.of(enabled);
    }

    private static ProviderProfile mergedProfile(Sources sources) {
        List<ProviderProfile> profiles = new ArrayList<>();
        if (sources.legacy() != null) {
            profiles.add(sources.legacy().profile());
        }
        sources.wrappers().forEach(wrapper -> profiles.add(wrapper.profile()));
        if (profiles.isEmpty()) {
            throw new ProviderException("Provider '" + sources.name() + "' is unknown.");
        }
        ProviderProfile primary = profiles.get(0);
        List<String> requiredEnvVars = dedupe(profiles, ProviderProfile::requiredEnvVars);
        String credential = null;
        String defaultModel = null;
        ProviderRequestPolicy requestPolicy = null;
        boolean local = false;
        boolean deterministic = true;
        boolean credentials = false;
        List<String> descriptions = new ArrayList<>();
        for (ProviderProfile profile : profiles) {
            // "First truthy" as in the reference: empty strings do not count as set.
            if (credential == null) {
                credential =
                        profile.credentialEnvVar().filter(v -> !v.isEmpty()).orElse(null);
            }
            if (defaultModel == null) {
                defaultModel = profile.defaultModel().filter(v -> !v.isEmpty()).orElse(null);
            }
            if (requestPolicy == null) {
                requestPolicy = profile.requestPolicy().orElse(null);
            }
            local |= profile.isLocal();
            deterministic &= profile.deterministic();
            credentials |= profile.requiresCredentials();
            if (!profile.description().isEmpty()) {
                descriptions.add(profile.description());
            }
        }
        if (credential == null && !requiredEnvVars.isEmpty()) {
            credential = requiredEnvVars.get(0);
        }
        return ProviderProfile.builder(sources.name())
                .capabilities(mergedCapabilities(sources))
                .local(local)
                .description(primary.description().isEmpty() ? String.join("; ", descriptions) : primary.description())
                .packageName(primary.packageName())
                .implementationStatus(primary.implementationStatus())
                .deterministic(deterministic)
                .requiresCredentials(credentials)
                .credentialEnvVar(credential)
                .requiredEnvVars(requiredEnvVars)
                .supportedModalities(dedupe(profiles, ProviderProfile::supportedModalities))
                .artifactTypes(dedupe(profiles, ProviderProfile::artifactTypes))
                .notes(dedupe(profiles, ProviderProfile::notes))
                .defaultModel(defaultModel)
                .supportedModels(dedupe(profiles, ProviderProfile::supportedModels))
                .requestPolicy(requestPolicy)
                .build();
    }

    /** Non-empty values of every profile's list, first occurrence kept, in order. */
    private static List<String> dedupe(
            List<ProviderProfile> profiles, java.util.function.Function<ProviderProfile, List<String>> field) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (ProviderProfile profile : profiles) {
            for (String value : field.apply(profile)) {
                if (!value.isEmpty()) {
                    out.add(value);
                }
            }
        }
        return List.copyOf(out);
    }

    private static ProviderHealth mergedHealth(Sources sources) {
        List<ProviderHealth> healths = new ArrayList<>();
        if (sources.legacy() != null) {
            healths.add(sources.legacy().health());
        }
        sources.wrappers().forEach(wrapper -> healths.add(wrapper.health()));
        if (healths.isEmpty()) {
            throw new ProviderException("Provider '" + sources.name() + "' is unknown.");
        }
        if (healths.size() == 1) {
            return healths.get(0);
        }
        boolean healthy = true;
        double latency = 0.0;
        List<String> problems = new ArrayList<>();
        for (ProviderHealth health : healths) {
            healthy &= health.healthy();
            latency += health.latencyMs();
            if (!health.healthy()) {
                problems.add(health.name() + ": " + health.details());
            }
        }
        return new ProviderHealth(
                sources.name(), healthy, latency, healthy ? "configured" : String.join("; ", problems));
    }

    private static final List<String> LIFECYCLE_PRECEDENCE = List.of("teardown-failed", "failed", "skipped", "ready");

    private static ProviderLifecycleStatus mergedLifecycle(Sources sources, boolean runWarmup, boolean runTeardown) {
        List<ProviderLifecycleStatus> statuses = new ArrayList<>();
        if (sources.legacy() != null) {
            statuses.add(sources.legacy().lifecycleStatus(runWarmup, runTeardown));
        }
        sources.wrappers().forEach(wrapper -> statuses.add(wrapper.lifecycleStatus(runWarmup, runTeardown)));
        if (statuses.isEmpty()) {
            throw new ProviderException("Provider '" + sources.name() + "' is unknown.");
        }
        if (statuses.size() == 1) {
            return statuses.get(0);
        }
        String status = "no-op";
        for (String candidate : LIFECYCLE_PRECEDENCE) {
            if (statuses.stream().anyMatch(s -> s.status().equals(candidate))) {
                status = candidate;
                break;
            }
        }
        ProviderLifecycleStatus issue = statuses.stream()
                .filter(s -> List.of("teardown-failed", "failed", "skipped").contains(s.status()))
                .findFirst()
                .orElse(null);
        List<String> parts = new ArrayList<>();
        double latency = 0.0;
        List<JsonValue> components = new ArrayList<>();
        for (ProviderLifecycleStatus component : statuses) {
            if (!component.details().isEmpty()) {
                parts.add(component.provider() + ": " + component.details());
            }
            latency += component.preflight().latencyMs();
            components.add(component.toJson());
        }
        String details = parts.isEmpty() ? status : String.join("; ", parts);
        String skipReason = issue != null && issue.status().equals("skipped") ? issue.skipReason() : "";
        JsonObject evidence = JsonObject.of("components", JsonArray.copyOf(components));
        boolean ready = status.equals("no-op") || status.equals("ready");
        ProviderLifecycleResult preflight = new ProviderLifecycleResult(
                sources.name(), "preflight", status, ready, latency, details, skipReason, evidence);
        return new ProviderLifecycleStatus(
                sources.name(),
                status,
                ready,
                preflight,
                null,
                null,
                preflight.details(),
                preflight.skipReason(),
                preflight.evidence());
    }

    /** {@link #doctor(String, boolean)} over every provider. */
    public DoctorReport doctor() {
        return doctor(null, false);
    }

    /**
     * Diagnoses providers: every registered name plus (unless {@code registeredOnly}) every catalog
     * provider, optionally only those whose merged profile advertises {@code capability} (unknown
     * names throw). Each line carries the merged profile, health and preflight lifecycle; each
     * unhealthy name adds an issue ({@code is unavailable: missing or invalid …} when a required
     * variable is missing, else {@code is unhealthy: …}).
     */
    public DoctorReport doctor(@Nullable String capability, boolean registeredOnly) {
        if (capability != null) {
            Capability.fromName(capability);
        }
        TreeSet<String> names;
        Set<String> registered;
        synchronized (this) {
            registered = registeredNames();
            names = new TreeSet<>(registered);
            if (!registeredOnly) {
                names.addAll(known.keySet());
            }
        }
        List<ProviderDoctorStatus> statuses = new ArrayList<>();
        List<String> issues = new ArrayList<>();
        for (String name : names) {
            Sources sources = sources(name, !registeredOnly);
            if (sources.isEmpty()) {
                continue; // unregistered concurrently
            }
            ProviderProfile profile = mergedProfile(sources);
            if (capability != null && !profile.capabilities().supports(capability)) {
                continue;
            }
            ProviderHealth health = mergedHealth(sources);
            ProviderLifecycleStatus lifecycle = mergedLifecycle(sources, false, false);
            statuses.add(new ProviderDoctorStatus(registered.contains(name), profile, health, lifecycle));
            if (!health.healthy()) {
                boolean missing = !profile.requiredEnvVars().isEmpty()
                        && ((sources.legacy() != null && !sources.legacy().configured())
                                || sources.wrappers().stream().anyMatch(w -> !w.configured()));
                if (missing) {
                    issues.add("Provider '" + name + "' is unavailable: missing or invalid "
                            + String.join(", ", profile.requiredEnvVars()) + ".");
                } else {
                    issues.add("Provider '" + name + "' is unhealthy: " + health.details() + ".");
                }
            }
        }
        issues.addAll(store.issues());
        return new DoctorReport(store.location(), listWorlds().size(), statuses, issues);
    }

    // ---------------------------------------------------------------- worlds

    /** A new world on {@code mock}. */
    public World createWorld(String name) {
        return createWorld(name, "mock", "");
    }

    /** A new world on a registered provider. */
    public World createWorld(String name, String provider) {
        return createWorld(name, provider, "");
    }

    /** A new world on a registered provider with a description. */
    public World createWorld(String name, String provider, String description) {
        if (provider == null || provider.isBlank()) {
            throw new WorldForgeException("World provider must be a non-empty string.");
        }
        requireRegisteredName(provider.strip());
        return World.builder(this, name)
                .provider(provider.strip())
                .description(description)
                .build();
    }

    /** A builder for a world bound to this forge (no registration check until it predicts). */
    public World.Builder newWorld(String name) {
        return World.builder(this, name);
    }

    /**
     * A world seeded from a prompt: {@code kitchen} adds a countertop, {@code mug} a graspable mug,
     * otherwise a cube; the description is the prompt and the history {@code world seeded from
     * prompt}.
     */
    public World createWorldFromPrompt(String prompt, String provider, @Nullable String name) {
        String cleanPrompt = Checks.nonBlank(prompt, "Prompt must be a non-empty string.");
        World world = createWorld(name == null ? "prompt-world" : name, provider, cleanPrompt);
        String lowered = cleanPrompt.toLowerCase(java.util.Locale.ROOT);
        boolean seeded = false;
        if (lowered.contains("kitchen")) {
            world.addObject(SceneObject.create(
                    "countertop",
                    new Position(0.0, 0.9, 0.0),
                    new BBox(new Position(-1.0, 0.85, -0.5), new Position(1.0, 0.95, 0.5))));
            seeded = true;
        }
        if (lowered.contains("mug")) {
            world.addObject(SceneObject.create(
                            "mug",
                            new Position(0.0, 0.8, 0.0),
                            new BBox(new Position(-0.05, 0.75, -0.05), new Position(0.05, 0.85, 0.05)))
                    .withGraspable(true));
            seeded = true;
        }
        if (!seeded) {
            Position at = new Position(0.0, 0.5, 0.0);
            world.addObject(SceneObject.create("cube", at, BBox.around(at, 0.05)));
        }
        world.resetHistory("world seeded from prompt");
        return world;
    }

    /** {@link #createWorldFromPrompt(String, String, String)} on {@code mock} named {@code prompt-world}. */
    public World createWorldFromPrompt(String prompt) {
        return createWorldFromPrompt(prompt, "mock", null);
    }

    /**
     * Persists {@code world} and returns its id, refusing to replace another writer's edit: a world
     * loaded from the store saves only over the version it was loaded (or last saved) at, and a
     * world never stored under its id (created, imported, forked) saves only when the id is free.
     *
     * @throws WorldConflictException when the stored world does not match; nothing is written
     * @throws WorldStateException when the world cannot be written
     */
    public String saveWorld(World world) {
        return saveWorld(world, SaveMode.CHECKED);
    }

    /**
     * Persists {@code world} and returns its id; {@link SaveMode#OVERWRITE} replaces whatever is
     * stored under its id.
     *
     * @throws WorldConflictException in {@link SaveMode#CHECKED} mode when the stored world does not
     *     match; nothing is written
     */
    public String saveWorld(World world, SaveMode mode) {
        Objects.requireNonNull(mode, "mode");
        WorldRecord record = world.record();
        String loadedAt = world.storedVersion();
        ExpectedVersion expected = mode == SaveMode.OVERWRITE
                ? ExpectedVersion.any()
                : loadedAt == null ? ExpectedVersion.absent() : ExpectedVersion.of(loadedAt);
        String version = store.write(record, expected);
        world.storedVersion(version);
        return record.state().id();
    }

    /** Loads a stored world (remembering the version it was read at, for {@link #saveWorld(World)}). */
    public World loadWorld(String worldId) {
        StoredWorld stored = store.read(worldId);
        World world = World.restore(this, stored.record());
        world.storedVersion(stored.version());
        return world;
    }

    /**
     * Load-modify-save under the world's write lock: loads {@code worldId}, applies {@code edit},
     * saves the result and returns it. Other writers of the same world (threads, and processes on
     * this host using the local store) wait, so concurrent edits are applied one after another
     * instead of overwriting each other.
     *
     * @throws WorldStateException when the world cannot be loaded or saved, or its lock is held too long
     */
    public World updateWorld(String worldId, Consumer<World> edit) {
        Objects.requireNonNull(edit, "edit");
        return store.withWriteLock(worldId, () -> {
            World world = loadWorld(worldId);
            edit.accept(world);
            saveWorld(world);
            return world;
        });
    }

    /** Deletes a stored world (also when its file is corrupt) and returns the id. */
    public String deleteWorld(String worldId) {
        return store.delete(worldId);
    }

    /** Stored world ids, sorted. */
    public List<String> listWorlds() {
        return store.list();
    }

    /** The canonical export envelope of a stored world. */
    public String exportWorld(String worldId) {
        return store.export(worldId);
    }

    /**
     * Restores a world from an export envelope or a bare world (not saved).
     *
     * @param payload JSON text
     * @param newId give the world a fresh {@code world_…} id
     * @param name rename the world (and {@code metadata.name})
     */
    public World importWorld(String payload, boolean newId, @Nullable String name) {
        JsonValue data;
        try {
            data = Json.parse(payload);
        } catch (JsonSyntaxException e) {
            throw new WorldStateException("Import payload is not valid JSON: " + e.getMessage(), e);
        } catch (JsonDepthException e) {
            throw new WorldStateException("Import payload cannot be read: " + e.getMessage(), e);
        }
        if (!(data instanceof JsonObject object)) {
            throw new WorldStateException("Import payload must decode to a JSON object.");
        }
        JsonValue state = object.has("state") ? object.get("state") : object;
        if (!(state instanceof JsonObject)) {
            throw new WorldStateException("Import payload state must be a JSON object.");
        }
        if (state != object) {
            checkEnvelopeSchemaVersion(object.get("schema_version"));
        }
        World world = World.restore(this, WorldStateCodec.restore(state, "World state"));
        if (newId) {
            world.assignFreshId();
        }
        if (name != null) {
            world.rename(name);
        }
        return world;
    }

    /**
     * The export envelope's {@code schema_version}, when present, must be the integer 1 (the
     * reference ignores it; an envelope from a future format must not be read as this one).
     */
    private static void checkEnvelopeSchemaVersion(@Nullable JsonValue version) {
        if (version == null) {
            return; // hand-written envelopes without a version are read as version 1, like the reference
        }
        if (!(version instanceof JsonInt number) || number.value().signum() <= 0) {
            throw new WorldStateException("Import payload field 'schema_version' must be an integer greater than 0.");
        }
        if (!number.fitsLong() || number.longValue() != WorldState.SCHEMA_VERSION) {
            throw new WorldStateException("Import payload field 'schema_version' must be 1.");
        }
    }

    /** Restores a world from an export envelope or bare world text, keeping id and name. */
    public World importWorld(String payload) {
        return importWorld(payload, false, null);
    }

    /**
     * A new world (fresh id, not saved) from history entry {@code historyIndex} of a stored world,
     * optionally renamed, with one {@code world forked} entry.
     */
    public World forkWorld(String worldId, int historyIndex, @Nullable String name) {
        World world = loadWorld(worldId).historyState(historyIndex);
        if (name != null) {
            world.rename(name);
        }
        world.assignFreshId();
        world.resetHistory("world forked");
        return world;
    }

    // ---------------------------------------------------------------- capability calls

    /** What a capability call resolved to: a registered (or transient) wrapper, or a full provider. */
    private record Target(
            @Nullable ObservableCapability wrapper,
            @Nullable BaseProvider legacy) {}

    /**
     * Resolves a named target: the capability's registry first, then the registered full provider,
     * which must advertise the capability (fail closed before it runs).
     */
    private Target target(@Nullable String provider, CapabilityKind kind, String op) {
        if (provider == null || provider.isBlank()) {
            throw new WorldForgeException(op + "() requires a provider name or " + kind.fieldName() + " target.");
        }
        String name = provider.strip();
        synchronized (this) {
            ObservableCapability wrapper = registries.get(kind).get(name);
            if (wrapper != null) {
                return new Target(wrapper, null);
            }
            BaseProvider legacy = providers.get(name);
            if (legacy == null) {
                if (isRegistered(name)) {
                    // Registered for other capabilities only: the name exists, the capability not.
                    throw new ProviderException(
                            "Provider '" + name + "' does not implement " + kind.methodName() + "().");
                }
                throw new ProviderException("Provider '" + name + "' is not registered.");
            }
            if (!legacy.capabilities().supports(kind.capability())) {
                throw new ProviderException("Provider '" + name + "' does not implement " + kind.methodName() + "().");
            }
            return new Target(null, legacy);
        }
    }

    /** A transient wrapper around an implementation passed directly (not registered). */
    private Target transientTarget(CapabilityKind kind, NamedCapability impl) {
        Objects.requireNonNull(impl, kind.fieldName());
        return new Target(ObservableCapability.wrap(kind, impl, environment, eventHandler), null);
    }

    /** The reference's step check, plus the bound on how many steps (and frames) one call may ask for. */
    static void checkSteps(int steps) {
        if (steps <= 0) {
            throw new WorldForgeException("steps must be an integer greater than 0.");
        }
        if (steps > MAX_PREDICT_STEPS) {
            throw new WorldForgeException("steps must be at most " + MAX_PREDICT_STEPS + ".");
        }
    }

    private static void checkPredict(int steps, @Nullable Action action) {
        checkSteps(steps);
        if (action == null) {
            throw new WorldForgeException("predict() action must be an Action.");
        }
    }

    private static PredictionPayload predict(Target target, WorldState state, Action action, int steps) {
        return target.wrapper() != null
                ? target.wrapper().predict(state, action, steps)
                : Objects.requireNonNull(target.legacy()).predict(state, action, steps);
    }

    /**
     * Predicts the next state of {@code state} with the predictor registered as {@code provider},
     * else the full provider of that name (which must advertise {@code predict}).
     */
    public PredictionPayload predict(WorldState state, Action action, int steps, String provider) {
        checkPredict(steps, action);
        return predict(target(provider, CapabilityKind.PREDICTOR, "predict"), state, action, steps);
    }

    /** Predicts with {@code predictor} directly, through a transient observable wrapper. */
    public PredictionPayload predict(WorldState state, Action action, int steps, Predictor predictor) {
        checkPredict(steps, action);
        return predict(transientTarget(CapabilityKind.PREDICTOR, predictor), state, action, steps);
    }

    private static String checkGenerate(@Nullable String prompt, double durationSeconds) {
        String cleanPrompt = Checks.nonBlank(prompt, "generate() prompt must be a non-empty string.");
        if (!Double.isFinite(durationSeconds) || durationSeconds <= 0) {
            throw new WorldForgeException("generate() duration_seconds must be greater than 0.");
        }
        if (durationSeconds > MAX_GENERATION_SECONDS) {
            throw new WorldForgeException("generate() duration_seconds must be at most 86400.");
        }
        return cleanPrompt;
    }

    private static VideoClip generate(
            Target target, String prompt, double durationSeconds, @Nullable GenerationOptions options) {
        return target.wrapper() != null
                ? target.wrapper().generate(prompt, durationSeconds, options)
                : Objects.requireNonNull(target.legacy()).generate(prompt, durationSeconds, options);
    }

    /**
     * Generates a clip of {@code durationSeconds} from {@code prompt} with the generator registered
     * as {@code provider}, else the full provider of that name.
     */
    public VideoClip generate(
            String prompt, String provider, double durationSeconds, @Nullable GenerationOptions options) {
        String cleanPrompt = checkGenerate(prompt, durationSeconds);
        return generate(target(provider, CapabilityKind.GENERATOR, "generate"), cleanPrompt, durationSeconds, options);
    }

    /** {@link #generate(String, String, double, GenerationOptions)} for one second without options. */
    public VideoClip generate(String prompt, String provider) {
        return generate(prompt, provider, 1.0, null);
    }

    /** Generates with {@code generator} directly, through a transient observable wrapper. */
    public VideoClip generate(
            String prompt, Generator generator, double durationSeconds, @Nullable GenerationOptions options) {
        String cleanPrompt = checkGenerate(prompt, durationSeconds);
        return generate(transientTarget(CapabilityKind.GENERATOR, generator), cleanPrompt, durationSeconds, options);
    }

    /** {@link #generate(String, Generator, double, GenerationOptions)} for one second without options. */
    public VideoClip generate(String prompt, Generator generator) {
        return generate(prompt, generator, 1.0, null);
    }

    private static void checkTransfer(@Nullable VideoClip clip, int width, int height, double fps) {
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
    }

    private static VideoClip transfer(
            Target target,
            VideoClip clip,
            int width,
            int height,
            double fps,
            @Nullable String prompt,
            @Nullable GenerationOptions options) {
        String cleanPrompt = prompt == null ? "" : prompt.strip();
        return target.wrapper() != null
                ? target.wrapper().transfer(clip, width, height, fps, cleanPrompt, options)
                : Objects.requireNonNull(target.legacy()).transfer(clip, width, height, fps, cleanPrompt, options);
    }

    /**
     * Transfers {@code clip} to the requested size, frame rate and prompt with the transferer
     * registered as {@code provider}, else the full provider of that name.
     */
    public VideoClip transfer(
            VideoClip clip,
            String provider,
            int width,
            int height,
            double fps,
            String prompt,
            @Nullable GenerationOptions options) {
        checkTransfer(clip, width, height, fps);
        return transfer(
                target(provider, CapabilityKind.TRANSFERER, "transfer"), clip, width, height, fps, prompt, options);
    }

    /** Transfers with {@code transferer} directly, through a transient observable wrapper. */
    public VideoClip transfer(
            VideoClip clip,
            Transferer transferer,
            int width,
            int height,
            double fps,
            String prompt,
            @Nullable GenerationOptions options) {
        checkTransfer(clip, width, height, fps);
        return transfer(
                transientTarget(CapabilityKind.TRANSFERER, transferer), clip, width, height, fps, prompt, options);
    }

    private static void checkQuery(@Nullable String query) {
        if (query == null || query.isBlank()) {
            throw new WorldForgeException("reason() requires a query.");
        }
    }

    private static ReasoningResult reason(Target target, String query, @Nullable World world) {
        WorldState state = world == null ? null : world.state();
        return target.wrapper() != null
                ? target.wrapper().reason(query, state)
                : Objects.requireNonNull(target.legacy()).reason(query, state);
    }

    /**
     * Answers {@code query}, optionally about {@code world}, with the reasoner registered as {@code
     * provider}, else the full provider of that name.
     */
    public ReasoningResult reason(String provider, String query, @Nullable World world) {
        checkQuery(query);
        return reason(target(provider, CapabilityKind.REASONER, "reason"), query, world);
    }

    /** Answers with {@code reasoner} directly, through a transient observable wrapper. */
    public ReasoningResult reason(Reasoner reasoner, String query, @Nullable World world) {
        checkQuery(query);
        return reason(transientTarget(CapabilityKind.REASONER, reasoner), query, world);
    }

    private static EmbeddingResult embed(Target target, String text) {
        return target.wrapper() != null
                ? target.wrapper().embed(text)
                : Objects.requireNonNull(target.legacy()).embed(text);
    }

    /** Embeds {@code text} with the embedder registered as {@code provider}, else the full provider. */
    public EmbeddingResult embed(String provider, String text) {
        return embed(target(provider, CapabilityKind.EMBEDDER, "embed"), text);
    }

    /** Embeds with {@code embedder} directly, through a transient observable wrapper. */
    public EmbeddingResult embed(Embedder embedder, String text) {
        return embed(transientTarget(CapabilityKind.EMBEDDER, embedder), text);
    }

    private static ActionScoreResult scoreActions(Target target, JsonObject info, JsonValue actionCandidates) {
        return target.wrapper() != null
                ? target.wrapper().scoreActions(info, actionCandidates)
                : Objects.requireNonNull(target.legacy()).scoreActions(info, actionCandidates);
    }

    /**
     * Scores candidate action plans with the cost implementation registered as {@code provider},
     * else the full provider of that name (which must advertise {@code score}).
     */
    public ActionScoreResult scoreActions(String provider, JsonObject info, JsonValue actionCandidates) {
        return scoreActions(target(provider, CapabilityKind.COST, "score_actions"), info, actionCandidates);
    }

    /** Scores with {@code cost} directly, through a transient observable wrapper. */
    public ActionScoreResult scoreActions(Cost cost, JsonObject info, JsonValue actionCandidates) {
        return scoreActions(transientTarget(CapabilityKind.COST, cost), info, actionCandidates);
    }

    private static ActionPolicyResult selectActions(Target target, JsonObject info) {
        return target.wrapper() != null
                ? target.wrapper().selectActions(info)
                : Objects.requireNonNull(target.legacy()).selectActions(info);
    }

    /**
     * Selects actions with the policy registered as {@code provider}, else the full provider of
     * that name (which must advertise {@code policy}).
     */
    public ActionPolicyResult selectActions(String provider, JsonObject info) {
        return selectActions(target(provider, CapabilityKind.POLICY, "select_actions"), info);
    }

    /** Selects actions with {@code policy} directly, through a transient observable wrapper. */
    public ActionPolicyResult selectActions(Policy policy, JsonObject info) {
        return selectActions(transientTarget(CapabilityKind.POLICY, policy), info);
    }

    /** Builder for {@link WorldForge}; not thread-safe. */
    public static final class Builder {
        private @Nullable Path stateDir;
        private @Nullable WorldStore store;
        private boolean autoRegisterRemote = true;
        private @Nullable ProviderEventHandler eventHandler;
        private Environment environment = Environment.empty();
        private @Nullable Boolean discoverProviders;
        private @Nullable ClassLoader classLoader;

        private Builder() {}

        /** Directory of the local JSON store (default {@code .worldforge/worlds}, created now). */
        public Builder stateDir(Path value) {
            stateDir = Objects.requireNonNull(value);
            return this;
        }

        /** A store to use instead of the local JSON store. */
        public Builder store(WorldStore value) {
            store = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Whether configured catalog providers and configured external providers register
         * automatically (default true).
         */
        public Builder autoRegisterRemote(boolean value) {
            autoRegisterRemote = value;
            return this;
        }

        /** Receives every provider event (providers without their own handler inherit it). */
        public Builder eventHandler(@Nullable ProviderEventHandler value) {
            eventHandler = value;
            return this;
        }

        /** Where provider configuration is read (default: no variables; CLIs pass {@link Environment#system()}). */
        public Builder environment(Environment value) {
            environment = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Whether to discover external {@link ProviderFactory} implementations with {@link
         * java.util.ServiceLoader}. Unset (the default), discovery is on unless {@code
         * WORLDFORGE_DISABLE_ENTRY_POINTS} is set in the {@linkplain #environment environment}.
         */
        public Builder discoverProviders(boolean value) {
            discoverProviders = value;
            return this;
        }

        /**
         * The class loader discovery searches (default: the thread's context class loader, else the
         * one that loaded WorldForge).
         */
        public Builder classLoader(ClassLoader value) {
            classLoader = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Builds the forge, creating the state directory.
         *
         * @throws WorldForgeException when provider discovery finds a broken or ambiguous factory
         */
        public WorldForge build() {
            return new WorldForge(this);
        }
    }
}
