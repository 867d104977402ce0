package ai.worldforge;

import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.WorldState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One provider's prediction for an action: scores, frames, metadata, latency and the resulting
 * world snapshot. Immutable and thread-safe.
 *
 * @param provider provider that predicted
 * @param confidence probability in [0, 1]
 * @param physicsScore probability in [0, 1]
 * @param frames rendered frames (copied)
 * @param worldState the world snapshot after the prediction
 * @param metadata provider metadata
 * @param latencyMs non-negative latency
 */
public record Prediction(
        String provider,
        double confidence,
        double physicsScore,
        List<byte[]> frames,
        WorldState worldState,
        JsonObject metadata,
        double latencyMs) {
    /** Validates every field. */
    public Prediction {
        provider = Checks.nonBlank(provider, "Prediction provider must be a non-empty string.");
        Checks.probability(confidence, "Prediction confidence");
        Checks.probability(physicsScore, "Prediction physics_score");
        List<byte[]> copies = new ArrayList<>(frames.size());
        for (byte[] frame : frames) {
            copies.add(Objects.requireNonNull(frame, "Prediction frames must be a list of bytes.")
                    .clone());
        }
        frames = List.copyOf(copies);
        Objects.requireNonNull(worldState, "worldState");
        Checks.jsonObject(metadata, "Prediction metadata");
        Checks.nonNegative(latencyMs, "Prediction latency_ms");
    }

    /** Copies of the frames. */
    @Override
    public List<byte[]> frames() {
        List<byte[]> out = new ArrayList<>(frames.size());
        frames.forEach(f -> out.add(f.clone()));
        return out;
    }

    /** A detached world at the predicted state, bound to {@code forge} (history: {@code world restored}). */
    public World outputWorld(WorldForge forge) {
        return World.restore(forge, new ai.worldforge.model.WorldRecord(worldState, List.of()));
    }

    /** {@code {provider, physics_score, confidence, latency_ms, metadata}} as used by comparisons. */
    public JsonObject summaryJson() {
        return JsonObject.builder()
                .put("provider", JsonString.of(provider))
                .put("physics_score", JsonFloat.of(physicsScore))
                .put("confidence", JsonFloat.of(confidence))
                .put("latency_ms", JsonFloat.of(latencyMs))
                .put("metadata", metadata)
                .build();
    }
}
