package ai.worldforge;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.Json;
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
import ai.worldforge.model.WorldState;
import ai.worldforge.model.WorldStateCodec;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.CatalogEntry;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCatalog;
import ai.worldforge.provider.ProviderHealth;
import ai.worldforge.provider.ProviderInfo;
import ai.worldforge.provider.ProviderLifecycleStatus;
import ai.worldforge.provider.ProviderProfile;
import ai.worldforge.store.LocalJsonWorldStore;
import ai.worldforge.store.WorldStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: a registry of providers, the catalog of known providers, diagnostics, world
 * persistence and capability calls that fail closed on anything a provider does not advertise.
 *
 * <p>Build one with {@link #builder()}; {@link #create()} gives the defaults (worlds under {@code
 * .worldforge/worlds}, no environment variables, only {@code mock} registered). Thread-safe.
 */
public final class WorldForge {
    private final WorldStore store;
    private final @Nullable Path stateDir;
    private final Environment environment;
    private final @Nullable ProviderEventHandler eventHandler;
    private final Map<String, BaseProvider> providers = new LinkedHashMap<>();
    private final Map<String, BaseProvider> known = new LinkedHashMap<>();

    private WorldForge(Builder builder) {
        this.environment = builder.environment;
        this.eventHandler = builder.eventHandler;
        if (builder.store != null) {
            this.store = builder.store;
            this.stateDir = null;
        } else {
            Path dir = builder.stateDir == null ? Path.of(".worldforge", "worlds") : builder.stateDir;
            LocalJsonWorldStore local = new LocalJsonWorldStore(dir);
            this.store = local;
            this.stateDir = local.directory();
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

    // ---------------------------------------------------------------- registration and lookup

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

    /** Registered provider names, sorted. */
    public synchronized List<String> providers() {
        return List.copyOf(new TreeSet<>(providers.keySet()));
    }

    /** The registered provider named {@code name}, when present. */
    public synchronized Optional<BaseProvider> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    private synchronized BaseProvider requireRegistered(String name) {
        BaseProvider provider = providers.get(name);
        if (provider == null) {
            throw new ProviderException("Provider '" + name + "' is not registered.");
        }
        return provider;
    }

    private static String requireName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw new WorldForgeException("Provider name must be a non-empty string.");
        }
        return name.strip();
    }

    /** Info of a registered provider. */
    public ProviderInfo providerInfo(String name) {
        return ProviderInfo.of(requireRegistered(requireName(name)).profile());
    }

    /** Profile of a registered provider, or of a catalog provider when unregistered. */
    public synchronized ProviderProfile providerProfile(String name) {
        String clean = requireName(name);
        BaseProvider provider = providers.getOrDefault(clean, known.get(clean));
        if (provider == null) {
            throw new ProviderException("Provider '" + clean + "' is unknown.");
        }
        return provider.profile();
    }

    /**
     * Health of a registered provider, or of a known catalog provider that is not registered
     * (which reports what it is missing, e.g. {@code missing COSMOS_BASE_URL}).
     *
     * @throws ProviderException {@code Provider '{name}' is unknown.}
     */
    public synchronized ProviderHealth providerHealth(String name) {
        String clean = requireName(name);
        BaseProvider provider = providers.getOrDefault(clean, known.get(clean));
        if (provider == null) {
            throw new ProviderException("Provider '" + clean + "' is unknown.");
        }
        return provider.health();
    }

    /** Health of every registered provider (optionally only those advertising {@code capability}). */
    public List<ProviderHealth> providerHealths(@Nullable String capability) {
        List<ProviderHealth> out = new ArrayList<>();
        for (String name : providers()) {
            BaseProvider provider = requireRegistered(name);
            if (capability == null || provider.capabilities().supports(capability)) {
                out.add(provider.health());
            }
        }
        return out;
    }

    /** Info of every registered provider, sorted by name. */
    public List<ProviderInfo> listProviders() {
        List<ProviderInfo> out = new ArrayList<>();
        for (String name : providers()) {
            out.add(ProviderInfo.of(requireRegistered(name).profile()));
        }
        return out;
    }

    /** Profiles of every registered provider, sorted by name. */
    public List<ProviderProfile> listProviderProfiles() {
        List<ProviderProfile> out = new ArrayList<>();
        for (String name : providers()) {
            out.add(requireRegistered(name).profile());
        }
        return out;
    }

    /** Profiles of every catalog provider and every registered provider, sorted by name. */
    public synchronized List<ProviderProfile> builtinProviderProfiles() {
        TreeMap<String, ProviderProfile> out = new TreeMap<>();
        known.forEach((name, provider) -> out.put(name, provider.profile()));
        providers.forEach((name, provider) -> out.put(name, provider.profile()));
        return List.copyOf(out.values());
    }

    /** {@link #doctor(String, boolean)} over every provider. */
    public DoctorReport doctor() {
        return doctor(null, false);
    }

    /**
     * Diagnoses providers: registered ones plus (unless {@code registeredOnly}) every catalog
     * provider, optionally only those advertising {@code capability} (unknown names throw).
     */
    public DoctorReport doctor(@Nullable String capability, boolean registeredOnly) {
        if (capability != null) {
            Capability.fromName(capability);
        }
        TreeSet<String> names = new TreeSet<>();
        Map<String, BaseProvider> registered;
        Map<String, BaseProvider> catalog;
        synchronized (this) {
            registered = new LinkedHashMap<>(providers);
            catalog = new LinkedHashMap<>(known);
        }
        names.addAll(registered.keySet());
        if (!registeredOnly) {
            names.addAll(catalog.keySet());
        }
        List<ProviderDoctorStatus> statuses = new ArrayList<>();
        List<String> issues = new ArrayList<>();
        for (String name : names) {
            boolean isRegistered = registered.containsKey(name);
            BaseProvider provider = isRegistered ? registered.get(name) : catalog.get(name);
            ProviderProfile profile = provider.profile();
            if (capability != null && !profile.capabilities().supports(capability)) {
                continue;
            }
            ProviderHealth health = provider.health();
            ProviderLifecycleStatus lifecycle = provider.lifecycleStatus(false, false);
            statuses.add(new ProviderDoctorStatus(isRegistered, profile, health, lifecycle));
            if (!health.healthy()) {
                if (!profile.requiredEnvVars().isEmpty() && !provider.configured()) {
                    issues.add("Provider '" + name + "' is unavailable: missing or invalid "
                            + String.join(", ", profile.requiredEnvVars()) + ".");
                } else {
                    issues.add("Provider '" + name + "' is unhealthy: " + health.details() + ".");
                }
            }
        }
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
        requireRegistered(provider.strip());
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

    /** Persists {@code world} and returns its id. */
    public String saveWorld(World world) {
        return store.save(world.record());
    }

    /** Loads a stored world. */
    public World loadWorld(String worldId) {
        return World.restore(this, store.load(worldId));
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
        }
        if (!(data instanceof JsonObject object)) {
            throw new WorldStateException("Import payload must decode to a JSON object.");
        }
        JsonValue state = object.has("state") ? object.get("state") : object;
        if (!(state instanceof JsonObject)) {
            throw new WorldStateException("Import payload state must be a JSON object.");
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

    private BaseProvider capable(String provider, Capability capability, String method, String op) {
        if (provider == null || provider.isBlank()) {
            throw new WorldForgeException(op + "() requires a provider name or " + targetLabel(op) + " target.");
        }
        BaseProvider target = requireRegistered(provider.strip());
        if (!target.capabilities().supports(capability)) {
            throw new ProviderException("Provider '" + target.name() + "' does not implement " + method + "().");
        }
        return target;
    }

    private static String targetLabel(String op) {
        return switch (op) {
            case "generate" -> "generator";
            case "predict" -> "predictor";
            case "transfer" -> "transferer";
            case "reason" -> "reasoner";
            case "embed" -> "embedder";
            case "score_actions" -> "cost";
            default -> "policy";
        };
    }

    /** Predicts the next state of {@code state} with a registered provider advertising {@code predict}. */
    public PredictionPayload predict(WorldState state, Action action, int steps, String provider) {
        if (steps <= 0) {
            throw new WorldForgeException("steps must be an integer greater than 0.");
        }
        if (action == null) {
            throw new WorldForgeException("predict() action must be an Action.");
        }
        return capable(provider, Capability.PREDICT, "predict", "predict").predict(state, action, steps);
    }

    /** Generates a clip of {@code durationSeconds} from {@code prompt}. */
    public VideoClip generate(
            String prompt, String provider, double durationSeconds, @Nullable GenerationOptions options) {
        String cleanPrompt = Checks.nonBlank(prompt, "generate() prompt must be a non-empty string.");
        if (!Double.isFinite(durationSeconds) || durationSeconds <= 0) {
            throw new WorldForgeException("generate() duration_seconds must be greater than 0.");
        }
        return capable(provider, Capability.GENERATE, "generate", "generate")
                .generate(cleanPrompt, durationSeconds, options);
    }

    /** {@link #generate(String, String, double, GenerationOptions)} for one second without options. */
    public VideoClip generate(String prompt, String provider) {
        return generate(prompt, provider, 1.0, null);
    }

    /** Transfers {@code clip} to the requested size, frame rate and prompt. */
    public VideoClip transfer(
            VideoClip clip,
            String provider,
            int width,
            int height,
            double fps,
            String prompt,
            @Nullable GenerationOptions options) {
        Objects.requireNonNull(clip, "transfer() clip must be a VideoClip.");
        if (width <= 0) {
            throw new WorldForgeException("transfer() width must be an integer greater than 0.");
        }
        if (height <= 0) {
            throw new WorldForgeException("transfer() height must be an integer greater than 0.");
        }
        if (!Double.isFinite(fps) || fps <= 0) {
            throw new WorldForgeException("transfer() fps must be greater than 0.");
        }
        return capable(provider, Capability.TRANSFER, "transfer", "transfer")
                .transfer(clip, width, height, fps, prompt == null ? "" : prompt.strip(), options);
    }

    /** Answers {@code query} with a reasoning provider, optionally about {@code world}. */
    public ReasoningResult reason(String provider, String query, @Nullable World world) {
        if (query == null || query.isBlank()) {
            throw new WorldForgeException("reason() requires a query.");
        }
        return capable(provider, Capability.REASON, "reason", "reason")
                .reason(query, world == null ? null : world.state());
    }

    /** Embeds {@code text}. */
    public EmbeddingResult embed(String provider, String text) {
        return capable(provider, Capability.EMBED, "embed", "embed").embed(text);
    }

    /** Scores candidate action plans with a score provider. */
    public ActionScoreResult scoreActions(String provider, JsonObject info, JsonValue actionCandidates) {
        return capable(provider, Capability.SCORE, "score_actions", "score_actions")
                .scoreActions(info, actionCandidates);
    }

    /** Selects actions with a policy provider. */
    public ActionPolicyResult selectActions(String provider, JsonObject info) {
        return capable(provider, Capability.POLICY, "select_actions", "select_actions")
                .selectActions(info);
    }

    /** Builder for {@link WorldForge}; not thread-safe. */
    public static final class Builder {
        private @Nullable Path stateDir;
        private @Nullable WorldStore store;
        private boolean autoRegisterRemote = true;
        private @Nullable ProviderEventHandler eventHandler;
        private Environment environment = Environment.empty();

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

        /** Whether configured catalog providers register automatically (default true). */
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

        /** Builds the forge, creating the state directory. */
        public WorldForge build() {
            return new WorldForge(this);
        }
    }
}
