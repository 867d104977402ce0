package ai.worldforge.provider.mock;

import ai.worldforge.error.ProviderException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.internal.DeterministicFloats;
import ai.worldforge.internal.Ids;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.BBox;
import ai.worldforge.model.EmbeddingResult;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.Position;
import ai.worldforge.model.PredictionPayload;
import ai.worldforge.model.ReasoningResult;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.VideoClip;
import ai.worldforge.model.WorldState;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCapabilities;
import ai.worldforge.provider.ProviderProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The deterministic local provider: {@code predict}, {@code generate}, {@code reason}, {@code
 * embed} and {@code transfer} with the reference's exact formulas, so examples, tests and
 * contract checks give the same answers everywhere. Thread-safe and stateless apart from the
 * event handler. {@code generate} stops with a {@link ProviderException} when its thread is
 * interrupted.
 */
public final class MockProvider extends BaseProvider {
    /** The catalog name. */
    public static final String NAME = "mock";

    /** How many frames {@code generate} builds between checks of the interrupt flag. */
    private static final int INTERRUPT_CHECK_FRAMES = 4096;

    /** Creates the provider named {@code mock} without an event handler. */
    public MockProvider() {
        this(NAME, null);
    }

    /** Creates the provider with the given name and event handler. */
    public MockProvider(String name, @Nullable ProviderEventHandler eventHandler) {
        super(profileFor(name), Environment.empty(), eventHandler);
    }

    /** The mock's profile under {@code name}. */
    public static ProviderProfile profileFor(String name) {
        return ProviderProfile.builder(name)
                .capabilities(ProviderCapabilities.of(
                        Capability.PREDICT,
                        Capability.GENERATE,
                        Capability.REASON,
                        Capability.EMBED,
                        Capability.TRANSFER))
                .local(true)
                .deterministic(true)
                .implementationStatus("stable")
                .description("Deterministic local provider for examples, tests, and contract checks.")
                .supportedModalities(List.of("world_state", "text", "video"))
                .artifactTypes(List.of("prediction", "video", "reasoning", "embedding", "transfer"))
                .notes(List.of("Reference implementation for adapter contract tests."))
                .supportedModels(List.of("mock-deterministic-v1"))
                .defaultModel("mock-deterministic-v1")
                .build();
    }

    @Override
    public PredictionPayload predict(WorldState state, Action action, int steps) {
        long started = System.nanoTime();
        LinkedHashMap<String, SceneObject> objects = new LinkedHashMap<>(state.objects());
        JsonObject actionJson = action.toJson();
        JsonObject.Builder metadata = state.metadata().toBuilder();
        switch (action.kind()) {
            case "move_to" -> moveObject(objects, action, actionJson);
            case "spawn_object" -> spawnObject(objects, action);
            case "noop" -> metadata.put("noop", JsonBool.TRUE);
            default -> {
                // Other kinds change nothing but the step and metadata, as in the reference.
            }
        }
        int effectiveSteps = Math.max(1, steps);
        metadata.put("provider", JsonString.of(name()));
        metadata.put("last_action", actionJson);
        WorldState next = WorldState.of(
                state.id(),
                state.name(),
                state.provider(),
                state.description(),
                state.step() + effectiveSteps,
                objects,
                metadata.build());
        int count = objects.size();
        double physics = clamp(0.72 + 0.03 * count, 0.6, 0.99);
        double confidence = clamp(physics - 0.02, 0.65, 0.99);
        List<byte[]> frames = new ArrayList<>(effectiveSteps);
        for (int i = 0; i < effectiveSteps; i++) {
            frames.add((name() + ":frame:" + i).getBytes(StandardCharsets.UTF_8));
        }
        JsonObject payloadMetadata = JsonObject.builder()
                .put("provider", JsonString.of(name()))
                .put("steps", JsonInt.of(steps))
                .put("frame_count", JsonInt.of(effectiveSteps))
                .put("mode", JsonString.of("deterministic-mock"))
                .build();
        double latency = elapsedMs(started);
        emitSuccess(
                "predict",
                latency,
                JsonObject.of("steps", JsonInt.of(steps), "frame_count", JsonInt.of(effectiveSteps)));
        return new PredictionPayload(next, confidence, physics, frames, payloadMetadata, latency);
    }

    private void moveObject(Map<String, SceneObject> objects, Action action, JsonObject actionJson) {
        if (objects.isEmpty()) {
            return;
        }
        JsonObject parameters = action.parameters();
        JsonValue requested = parameters.get("object_id");
        SceneObject target;
        if (requested != null && !(requested instanceof ai.worldforge.json.JsonNull)) {
            String objectId = JsonReads.toStr(requested);
            target = objects.get(objectId);
            if (target == null) {
                throw new ProviderException("Object '" + objectId + "' is not present in the world state.");
            }
        } else {
            target = objects.values().iterator().next();
        }
        JsonValue destination = parameters.get("target");
        if (destination == null) {
            throw new ProviderException("Provider '" + name() + "' cannot apply move_to without a 'target' object.");
        }
        Position position = Position.fromJson(destination);
        JsonObject objectMetadata = target.metadata().toBuilder()
                .put("last_action", actionJson)
                .put("moved_by_provider", JsonString.of(name()))
                .build();
        objects.put(target.id(), target.withPosition(position).withMetadata(objectMetadata));
    }

    private static void spawnObject(Map<String, SceneObject> objects, Action action) {
        JsonObject parameters = action.parameters();
        JsonValue nameValue = parameters.get("name");
        String objectName = nameValue == null ? "object" : JsonReads.toStr(nameValue);
        Position position = parameters.has("position")
                ? Position.fromJson(parameters.get("position"))
                : new Position(0.0, 0.5, 0.0);
        BBox bbox = parameters.has("bbox") ? BBox.fromJson(parameters.get("bbox")) : BBox.around(position, 0.05);
        SceneObject spawned = SceneObject.of(Ids.generate("obj"), objectName, position, bbox);
        objects.put(spawned.id(), spawned);
    }

    @Override
    public VideoClip generate(String prompt, double durationSeconds, @Nullable GenerationOptions options) {
        long started = System.nanoTime();
        int frameCount = (int) Math.max(1, Math.rint(durationSeconds * 8));
        List<byte[]> frames = framesFor(prompt, frameCount);
        JsonObject metadata = JsonObject.builder()
                .put("provider", JsonString.of(name()))
                .put("prompt", JsonString.of(prompt))
                .put("mode", JsonString.of("deterministic-mock-generate"))
                .put("options", options == null ? JsonObject.EMPTY : options.toJson())
                .put("content_type", JsonString.of("application/octet-stream"))
                .build();
        VideoClip clip = new VideoClip(frames, 8.0, 640, 360, durationSeconds, metadata);
        emitSuccess(
                "generate",
                elapsedMs(started),
                JsonObject.of(
                        "duration_seconds", JsonFloat.of(durationSeconds), "frame_count", JsonInt.of(frameCount)));
        return clip;
    }

    @Override
    public VideoClip transfer(
            VideoClip clip, int width, int height, double fps, String prompt, @Nullable GenerationOptions options) {
        long started = System.nanoTime();
        JsonObject metadata = clip.metadata().toBuilder()
                .put("provider", JsonString.of(name()))
                .put("transfer", JsonBool.TRUE)
                .put("prompt", JsonString.of(prompt))
                .put(
                        "reference_count",
                        JsonInt.of(
                                options == null ? 0 : options.referenceImages().size()))
                .put("options", options == null ? JsonObject.EMPTY : options.toJson())
                .build();
        VideoClip result = new VideoClip(clip.frames(), fps, width, height, clip.durationSeconds(), metadata);
        emitSuccess(
                "transfer",
                elapsedMs(started),
                JsonObject.builder()
                        .put("frame_count", JsonInt.of(result.frameCount()))
                        .put("width", JsonInt.of(width))
                        .put("height", JsonInt.of(height))
                        .build());
        return result;
    }

    @Override
    public ReasoningResult reason(String query, @Nullable WorldState state) {
        long started = System.nanoTime();
        List<String> ids =
                state == null ? List.of() : List.copyOf(state.objects().keySet());
        String evidence = "Observed object ids: " + (ids.isEmpty() ? "none" : String.join(", ", ids));
        ReasoningResult result = new ReasoningResult(
                name(), ids.size() + " object(s) tracked. Query: " + query, 0.81, List.of(evidence));
        emitSuccess("reason", elapsedMs(started), JsonObject.of("object_count", JsonInt.of(ids.size())));
        return result;
    }

    @Override
    public EmbeddingResult embed(String text) {
        long started = System.nanoTime();
        double[] values = DeterministicFloats.of(name() + ":" + text, 32);
        List<Double> vector = new ArrayList<>(values.length);
        for (double value : values) {
            vector.add(value);
        }
        EmbeddingResult result = new EmbeddingResult(name(), "mock-embedding-v1", vector);
        emitSuccess("embed", elapsedMs(started), JsonObject.of("dimensions", JsonInt.of(values.length)));
        return result;
    }

    /**
     * The frames of a clip. A long duration asks for millions of them, so the loop checks its
     * thread's interrupt flag (and leaves it set): a host that gave up on the call, e.g. at a
     * request deadline, gets its worker back instead of waiting for the last frame.
     *
     * @throws ProviderException when the thread is interrupted
     */
    private List<byte[]> framesFor(String prompt, int count) {
        List<byte[]> frames = new ArrayList<>(Math.min(count, INTERRUPT_CHECK_FRAMES));
        for (int i = 0; i < count; i++) {
            if (i % INTERRUPT_CHECK_FRAMES == 0 && Thread.currentThread().isInterrupted()) {
                throw new ProviderException("Provider '" + name() + "' generate() was interrupted.");
            }
            frames.add((prompt + ":frame:" + i).getBytes(StandardCharsets.UTF_8));
        }
        return frames;
    }

    private void emitSuccess(String operation, double durationMs, JsonObject metadata) {
        if (hasEventHandler()) {
            emit(ProviderEvent.of(name(), operation, "success", durationMs, metadata));
        }
    }

    private static double elapsedMs(long startedNanos) {
        return Math.max(0.1, (System.nanoTime() - startedNanos) / 1_000_000.0);
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
