package ai.worldforge;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.Ids;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.internal.StorageIds;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.HistoryEntry;
import ai.worldforge.model.PredictionPayload;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.SceneObjectPatch;
import ai.worldforge.model.WorldRecord;
import ai.worldforge.model.WorldState;
import ai.worldforge.plan.Plan;
import ai.worldforge.plan.PlanExecution;
import ai.worldforge.plan.PlanRequest;
import ai.worldforge.plan.WorldPlanner;
import ai.worldforge.provider.Capability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * A world: scene objects, a step counter, metadata and a history of snapshots, bound to a provider
 * through a {@link WorldForge}. Every change records a history entry with the snapshot after the
 * change; changes are transactional (a failed change leaves the world untouched).
 *
 * <p>Thread-safety: methods are synchronised, so a world may be shared, but a long prediction holds
 * the world's lock for its duration. Snapshots ({@link #state()}, {@link #history()}) are immutable.
 */
public final class World {
    private final WorldForge forge;
    private final @Nullable Integer maxHistory;
    private WorldState state;
    private final ArrayList<HistoryEntry> history;
    /**
     * The store version this world was loaded or last saved at ({@code null}: never stored under
     * its current id), so that a save can refuse to replace someone else's newer edit.
     */
    private @Nullable String storedVersion;

    private World(WorldForge forge, WorldState state, List<HistoryEntry> history, @Nullable Integer maxHistory) {
        this.forge = forge;
        this.state = state;
        this.history = new ArrayList<>(history);
        this.maxHistory = maxHistory;
    }

    /** A new builder for a world bound to {@code forge}. */
    public static Builder builder(WorldForge forge, String name) {
        return new Builder(forge, name);
    }

    /** Restores a persisted world; an empty history becomes one {@code world restored} entry. */
    static World restore(WorldForge forge, WorldRecord record) {
        List<HistoryEntry> history = record.history();
        if (history.isEmpty()) {
            history = List.of(HistoryEntry.of(record.state().step(), record.state(), "world restored", null));
        }
        return new World(forge, record.state(), history, null);
    }

    /** World id. */
    public synchronized String id() {
        return state.id();
    }

    /** Name. */
    public synchronized String name() {
        return state.name();
    }

    /** Provider the world predicts with by default. */
    public synchronized String provider() {
        return state.provider();
    }

    /** Description. */
    public synchronized String description() {
        return state.description();
    }

    /**
     * Replaces the description of the current state. Like assigning the reference's attribute, this
     * records no history entry.
     *
     * @throws WorldForgeException when {@code description} is {@code null}
     */
    public synchronized void setDescription(String description) {
        if (description == null) {
            throw new WorldForgeException("World description must be a string.");
        }
        state = WorldState.of(
                state.id(),
                state.name(),
                state.provider(),
                description,
                state.step(),
                new LinkedHashMap<>(state.objects()),
                state.metadata());
    }

    /** Step counter. */
    public synchronized long step() {
        return state.step();
    }

    /** Metadata. */
    public synchronized JsonObject metadata() {
        return state.metadata();
    }

    /** The forge this world belongs to. */
    public WorldForge forge() {
        return forge;
    }

    /** The maximum history length, when bounded. */
    public Optional<Integer> maxHistory() {
        return Optional.ofNullable(maxHistory);
    }

    /** The current snapshot (without history). */
    public synchronized WorldState state() {
        return state;
    }

    /** Snapshot plus history: what gets persisted. */
    public synchronized WorldRecord record() {
        return new WorldRecord(state, history);
    }

    /** The reference's {@code to_dict()}. */
    public JsonObject toJson() {
        return record().toJson();
    }

    /** Scene objects in scene order. */
    public synchronized List<SceneObject> objects() {
        return List.copyOf(state.objects().values());
    }

    /** Scene objects keyed by id, in scene order. */
    public synchronized Map<String, SceneObject> sceneObjects() {
        return state.objects();
    }

    /** Object names in scene order. */
    public synchronized List<String> listObjects() {
        List<String> names = new ArrayList<>();
        state.objects().values().forEach(o -> names.add(o.name()));
        return names;
    }

    /** Number of objects. */
    public synchronized int objectCount() {
        return state.objects().size();
    }

    /** The object with {@code objectId}, when present. */
    public synchronized Optional<SceneObject> getObjectById(String objectId) {
        return Optional.ofNullable(state.objects().get(objectId));
    }

    /** History, oldest first. */
    public synchronized List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    /** Number of history entries. */
    public synchronized int historyLength() {
        return history.size();
    }

    /**
     * Adds {@code object} at the current step and records {@code added object {id}}.
     *
     * @throws WorldForgeException when an object with the same id exists
     */
    public synchronized SceneObject addObject(SceneObject object) {
        Objects.requireNonNull(object, "object");
        if (state.objects().containsKey(object.id())) {
            throw new WorldForgeException(
                    "Object id '" + object.id() + "' is already present in world '" + state.id() + "'.");
        }
        LinkedHashMap<String, SceneObject> objects = new LinkedHashMap<>(state.objects());
        objects.put(object.id(), object);
        Action action = new Action("add_object", JsonObject.of("object", object.toJson()));
        commit(withObjects(objects), "added object " + object.id(), action);
        return object;
    }

    /**
     * Applies {@code patch} to the object {@code objectId} (moving its box with its position) and
     * records {@code updated object {id}}; an empty patch changes and records nothing.
     */
    public synchronized SceneObject updateObject(String objectId, SceneObjectPatch patch) {
        if (patch == null) {
            throw new WorldForgeException("update_object_patch() patch must be a SceneObjectPatch.");
        }
        SceneObject current = state.objects().get(objectId);
        if (current == null) {
            throw new WorldForgeException("Object '" + objectId + "' is not present in world '" + state.id() + "'.");
        }
        if (patch.isEmpty()) {
            return current;
        }
        SceneObject updated = current.apply(patch);
        LinkedHashMap<String, SceneObject> objects = new LinkedHashMap<>(state.objects());
        objects.put(objectId, updated);
        JsonObject.Builder changes = JsonObject.builder();
        patch.name().ifPresent(n -> changes.put("name", JsonString.of(n)));
        patch.position().ifPresent(p -> changes.put("position", p.toJson()));
        patch.graspable().ifPresent(g -> changes.put("is_graspable", ai.worldforge.json.JsonBool.of(g)));
        Action action = new Action(
                "update_object",
                JsonObject.builder()
                        .put("object_id", JsonString.of(objectId))
                        .put("changes", changes.build())
                        .put("before", current.toJson())
                        .put("after", updated.toJson())
                        .build());
        commit(withObjects(objects), "updated object " + objectId, action);
        return updated;
    }

    /** Removes the object {@code objectId} and records {@code removed object {id}}; empty when unknown. */
    public synchronized Optional<SceneObject> removeObject(String objectId) {
        SceneObject current = state.objects().get(objectId);
        if (current == null) {
            return Optional.empty();
        }
        LinkedHashMap<String, SceneObject> objects = new LinkedHashMap<>(state.objects());
        objects.remove(objectId);
        Action action = new Action(
                "remove_object", JsonObject.of("object_id", JsonString.of(objectId), "object", current.toJson()));
        commit(withObjects(objects), "removed object " + objectId, action);
        return Optional.of(current);
    }

    /** The current state with other objects and {@code metadata.name} set to the world name. */
    private WorldState withObjects(LinkedHashMap<String, SceneObject> objects) {
        return WorldState.of(
                state.id(),
                state.name(),
                state.provider(),
                state.description(),
                state.step(),
                objects,
                metadataWithName(state.metadata(), state.name()));
    }

    private static JsonObject metadataWithName(JsonObject metadata, String name) {
        if (metadata.get("name") instanceof JsonString s && s.value().equals(name)) {
            return metadata;
        }
        return metadata.with("name", JsonString.of(name));
    }

    /** Records the entry first, then swaps the state: nothing changes if building the entry fails. */
    private void commit(WorldState next, String summary, @Nullable Action action) {
        HistoryEntry entry = HistoryEntry.of(next.step(), next, summary, action);
        state = next;
        history.add(entry);
        trimHistory();
    }

    private void trimHistory() {
        if (maxHistory != null && history.size() > maxHistory) {
            history.subList(0, history.size() - maxHistory).clear();
        }
    }

    /**
     * A new world at history entry {@code index}, whose history is entries {@code 0..index}.
     *
     * @throws WorldForgeException {@code History index {i} is out of range for world '{id}'.}
     */
    public synchronized World historyState(int index) {
        checkHistoryIndex(index);
        World earlier = new World(forge, history.get(index).state(), history.subList(0, index + 1), maxHistory);
        earlier.storedVersion = storedVersion; // saving it rewinds the stored world this one was loaded from
        return earlier;
    }

    /** Rewinds this world to history entry {@code index}, truncating later entries. */
    public synchronized void restoreHistory(int index) {
        checkHistoryIndex(index);
        state = history.get(index).state();
        history.subList(index + 1, history.size()).clear();
    }

    private void checkHistoryIndex(int index) {
        if (index < 0 || index >= history.size()) {
            throw new WorldForgeException(
                    "History index " + index + " is out of range for world '" + state.id() + "'.");
        }
    }

    /** Replaces the whole history with one entry (used by prompt seeding, import and fork). */
    synchronized void resetHistory(String summary) {
        history.clear();
        history.add(HistoryEntry.of(state.step(), state, summary, null));
    }

    /** Renames the world and sets {@code metadata.name} (used by import and fork). */
    synchronized void rename(String newName) {
        String clean = Checks.nonBlank(newName, "World name must not be empty.");
        state = state.withIdentity(state.id(), clean, state.metadata().with("name", JsonString.of(clean)));
    }

    /** Gives the world a fresh {@code world_} id (used by import and fork). */
    synchronized void assignFreshId() {
        state = state.withIdentity(Ids.generate("world"), state.name(), state.metadata());
        storedVersion = null;
    }

    /** The store version this world was loaded or last saved at, if any. */
    synchronized @Nullable String storedVersion() {
        return storedVersion;
    }

    /** Records the store version of this world's current id (after a load or save). */
    synchronized void storedVersion(@Nullable String version) {
        storedVersion = version;
    }

    /** {@link #predict(Action, int, String)} with one step on the world's provider. */
    public Prediction predict(Action action) {
        return predict(action, 1, null);
    }

    /**
     * Predicts {@code action} for {@code steps} steps with {@code provider} (default: the world's
     * provider), applies the returned state (history kept), binds the world to that provider and
     * records {@code predicted via {provider}}.
     */
    public synchronized Prediction predict(Action action, int steps, @Nullable String provider) {
        WorldForge.checkSteps(steps);
        if (action == null) {
            throw new WorldForgeException("predict() action must be an Action.");
        }
        String providerName = provider == null ? state.provider() : provider;
        PredictionPayload payload = forge.predict(state, action, steps, providerName);
        WorldState output = payload.state();
        WorldState next = WorldState.of(
                output.id(),
                output.name(),
                providerName,
                output.description(),
                output.step(),
                output.objects(),
                metadataWithName(output.metadata(), output.name()));
        HistoryEntry entry = HistoryEntry.of(next.step(), next, "predicted via " + providerName, action);
        Prediction prediction = new Prediction(
                providerName,
                payload.confidence(),
                payload.physicsScore(),
                payload.frames(),
                next,
                payload.metadata(),
                payload.latencyMs());
        state = next;
        history.add(entry);
        trimHistory();
        return prediction;
    }

    /**
     * Predicts {@code action} with every provider on its own copy of the current snapshot (up to
     * eight at once); the world and its history are not changed and results keep input order.
     */
    public Comparison compare(Action action, List<String> providers, int steps) {
        if (providers.isEmpty()) {
            throw new WorldForgeException("compare() requires at least one provider.");
        }
        WorldForge.checkSteps(steps);
        if (action == null) {
            throw new WorldForgeException("predict() action must be an Action.");
        }
        WorldState snapshot = state();
        if (providers.size() == 1) {
            return new Comparison(List.of(predictDetached(snapshot, action, steps, providers.get(0))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, providers.size()), runnable -> {
            Thread thread = new Thread(runnable, "worldforge-compare");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Prediction>> futures = new ArrayList<>();
            for (String provider : providers) {
                futures.add(pool.submit(() -> predictDetached(snapshot, action, steps, provider)));
            }
            List<Prediction> results = new ArrayList<>();
            for (Future<Prediction> future : futures) {
                results.add(await(future));
            }
            return new Comparison(results);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@link #compare(Action, List, int)} with one step. */
    public Comparison compare(Action action, List<String> providers) {
        return compare(action, providers, 1);
    }

    private Prediction predictDetached(WorldState snapshot, Action action, int steps, String provider) {
        PredictionPayload payload = forge.predict(snapshot, action, steps, provider);
        return new Prediction(
                provider,
                payload.confidence(),
                payload.physicsScore(),
                payload.frames(),
                payload.state(),
                payload.metadata(),
                payload.latencyMs());
    }

    private static Prediction await(Future<Prediction> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorldForgeException("compare() was interrupted.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new WorldForgeException("compare() failed: " + cause, cause);
        }
    }

    /**
     * Plans {@code request} against the current snapshot; the world is not changed. See {@link
     * WorldPlanner} for the four modes (predict, score, policy, policy+score).
     *
     * @throws WorldForgeException for invalid requests and goals, providers without the needed
     *     capability and provider results that do not fit the candidates
     * @throws ProviderException when a provider is unknown or fails
     */
    public Plan plan(PlanRequest request) {
        Objects.requireNonNull(request, "request");
        // Plan from a snapshot without holding the lock: providers may be slow, and planning
        // never writes to the world.
        return WorldPlanner.plan(forge, state(), request);
    }

    /** {@link #plan(PlanRequest)} for a free-text goal with every default (predict mode). */
    public Plan plan(String goal) {
        return plan(PlanRequest.of(goal));
    }

    /**
     * {@link #executePlan(Plan, String)} with the provider from {@code metadata.execution_provider}
     * when set, else the plan's provider.
     */
    public PlanExecution executePlan(Plan plan) {
        return executePlan(plan, null);
    }

    /**
     * Executes {@code plan} on a copy of this world (history included): each action is predicted
     * for one step with the execution provider. This world is not changed.
     *
     * @param provider the execution provider; when {@code null}, {@code
     *     metadata.execution_provider} if set (and truthy), else the plan's provider
     * @throws WorldForgeException {@code Provider '{p}' cannot execute plans because it does not
     *     support predict(). Pass an execution provider that supports predict().}
     */
    public PlanExecution executePlan(Plan plan, @Nullable String provider) {
        Objects.requireNonNull(plan, "plan");
        String selected = provider;
        if (selected == null) {
            JsonValue fromMetadata = plan.metadata().get("execution_provider");
            selected = JsonReads.truthy(fromMetadata)
                    ? JsonReads.toStr(Objects.requireNonNull(fromMetadata))
                    : plan.provider();
        }
        if (!supportsPredict(selected)) {
            throw new WorldForgeException("Provider '" + selected + "' cannot execute plans because it does not"
                    + " support predict(). Pass an execution provider that supports predict().");
        }
        World executed = restore(forge, record());
        // The executed copy descends from the stored version this world was at, so saving it is an
        // update of that version (and conflicts like one).
        executed.storedVersion(storedVersion());
        for (Action action : plan.actions()) {
            executed.predict(action, 1, selected);
        }
        return new PlanExecution(executed, plan.actions());
    }

    /** Registered providers by their merged capabilities, others by catalog profile (as the reference). */
    private boolean supportsPredict(String provider) {
        if (forge.providers().contains(provider)) {
            return forge.providerSupports(provider, Capability.PREDICT);
        }
        return forge.providerProfile(provider).capabilities().supports(Capability.PREDICT);
    }

    /**
     * Runs the built-in evaluation suite {@code suite} ({@code generation}, {@code physics},
     * {@code planning}, {@code reasoning} or {@code transfer}) against this world's provider; each
     * scenario works on a copy, so this world does not change.
     *
     * @throws WorldForgeException for an unknown suite, or when the provider lacks a capability the
     *     suite requires
     */
    public ai.worldforge.evaluation.EvaluationReport evaluate(String suite) {
        return ai.worldforge.evaluation.EvaluationSuite.fromBuiltin(suite).runReport(provider(), this, forge);
    }

    /** Persists this world through the forge's store and returns its id. */
    public String save() {
        return forge.saveWorld(this);
    }

    @Override
    public synchronized String toString() {
        return "World[id=" + state.id() + ", name=" + state.name() + ", step=" + state.step() + ", objects="
                + state.objects().size() + "]";
    }

    /** Builder for a new world; not thread-safe. */
    public static final class Builder {
        private final WorldForge forge;
        private final String name;
        private String provider = "mock";
        private String description = "";
        private @Nullable String worldId;
        private JsonObject metadata = JsonObject.EMPTY;
        private @Nullable Integer maxHistory;

        private Builder(WorldForge forge, String name) {
            this.forge = Objects.requireNonNull(forge, "forge");
            this.name = name;
        }

        /** Default provider (must be non-blank; {@code mock} by default). */
        public Builder provider(String value) {
            provider = value;
            return this;
        }

        /** Description. */
        public Builder description(String value) {
            description = Objects.requireNonNull(value);
            return this;
        }

        /** A file-safe id instead of a fresh {@code world_…} id. */
        public Builder worldId(String value) {
            worldId = value;
            return this;
        }

        /** Initial metadata; {@code name} is added when absent. */
        public Builder metadata(JsonObject value) {
            metadata = Objects.requireNonNull(value);
            return this;
        }

        /** Keep at most {@code value} history entries (oldest dropped first). */
        public Builder maxHistory(int value) {
            maxHistory = (int) Checks.positiveInt(value, "max_history");
            return this;
        }

        /** Builds the world with one {@code world initialized} entry. */
        public World build() {
            String id = worldId == null ? Ids.generate("world") : StorageIds.require(worldId, "world_id");
            String cleanName = Checks.nonBlank(name, "World name must not be empty.");
            String cleanProvider = Checks.nonBlank(provider, "World provider must be a non-empty string.");
            JsonObject meta = Checks.jsonObject(metadata, "World metadata");
            if (!meta.has("name")) {
                meta = meta.with("name", JsonString.of(cleanName));
            }
            WorldState state = WorldState.of(id, cleanName, cleanProvider, description, 0, Map.of(), meta);
            World world = new World(forge, state, List.of(), maxHistory);
            world.resetHistory("world initialized");
            return world;
        }
    }
}
