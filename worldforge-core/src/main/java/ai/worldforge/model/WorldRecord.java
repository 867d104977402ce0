package ai.worldforge.model;

import java.util.List;
import java.util.Objects;

/**
 * A world's complete persisted form: the current snapshot plus its history, oldest first.
 * Immutable and thread-safe.
 *
 * @param state the current snapshot
 * @param history history entries (copied; may be empty only in transit, a restored world always
 *     has at least one)
 */
public record WorldRecord(WorldState state, List<HistoryEntry> history) {
    /** Validates presence and copies the history. */
    public WorldRecord {
        Objects.requireNonNull(state, "state");
        history = List.copyOf(history);
    }

    /** The reference's {@code World.to_dict()}: the snapshot plus {@code history}. */
    public ai.worldforge.json.JsonObject toJson() {
        return WorldStateCodec.toJson(this);
    }
}
