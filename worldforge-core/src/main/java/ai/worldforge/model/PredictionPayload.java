package ai.worldforge.model;

import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a predictor returns: the next world state, confidence and physics-plausibility scores,
 * optional rendered frames, metadata and latency. Immutable and thread-safe.
 *
 * @param state the predicted world snapshot
 * @param confidence probability in [0, 1]
 * @param physicsScore probability in [0, 1]
 * @param frames rendered frames (copied)
 * @param metadata JSON metadata
 * @param latencyMs non-negative latency in milliseconds
 */
public record PredictionPayload(
        WorldState state,
        double confidence,
        double physicsScore,
        List<byte[]> frames,
        JsonObject metadata,
        double latencyMs) {
    /** Validates every field. */
    public PredictionPayload {
        Objects.requireNonNull(state, "state");
        Checks.probability(confidence, "PredictionPayload confidence");
        Checks.probability(physicsScore, "PredictionPayload physics_score");
        List<byte[]> copies = new ArrayList<>(frames.size());
        for (byte[] frame : frames) {
            if (frame == null) {
                throw new ai.worldforge.error.WorldForgeException("PredictionPayload frames must be a list of bytes.");
            }
            copies.add(frame.clone());
        }
        frames = List.copyOf(copies);
        Checks.jsonObject(metadata, "PredictionPayload metadata");
        Checks.nonNegative(latencyMs, "PredictionPayload latency_ms");
    }

    /** Copies of the frames. */
    @Override
    public List<byte[]> frames() {
        List<byte[]> out = new ArrayList<>(frames.size());
        frames.forEach(f -> out.add(f.clone()));
        return out;
    }
}
