package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a world's history: the step it was recorded at, the snapshot after the change, a
 * summary and the canonical JSON of the action that caused it (absent for lifecycle entries such
 * as {@code world initialized}). Immutable and thread-safe.
 */
public final class HistoryEntry {
    private final long step;
    private final WorldState state;
    private final String summary;
    private final @Nullable String actionJson;

    /**
     * Creates an entry.
     *
     * @param step non-negative step
     * @param state snapshot after the change
     * @param summary non-blank summary (stripped)
     * @param actionJson canonical JSON of an {@link Action}, or {@code null}
     */
    public HistoryEntry(long step, WorldState state, String summary, @Nullable String actionJson) {
        Checks.nonNegativeInt(step, "HistoryEntry step");
        this.state = Objects.requireNonNull(state, "state");
        this.summary = Checks.nonBlank(summary, "HistoryEntry summary must be a non-empty string.");
        if (actionJson != null) {
            if (actionJson.isBlank()) {
                throw new WorldForgeException("HistoryEntry action_json must be valid JSON.");
            }
            try {
                Action.fromJson(actionJson);
            } catch (WorldForgeException e) {
                throw new WorldForgeException("HistoryEntry action_json must be valid JSON.", e);
            }
        }
        this.step = step;
        this.actionJson = actionJson;
    }

    /** Trusted constructor for entries whose action JSON WorldForge just wrote itself. */
    static HistoryEntry trusted(long step, WorldState state, String summary, @Nullable String actionJson) {
        return new HistoryEntry(step, state, summary, actionJson, true);
    }

    private HistoryEntry(long step, WorldState state, String summary, @Nullable String actionJson, boolean trusted) {
        this.step = step;
        this.state = state;
        this.summary = summary;
        this.actionJson = actionJson;
    }

    /** An entry recording {@code action}. */
    public static HistoryEntry of(long step, WorldState state, String summary, @Nullable Action action) {
        String summaryText = Checks.nonBlank(summary, "HistoryEntry summary must be a non-empty string.");
        Checks.nonNegativeInt(step, "HistoryEntry step");
        return trusted(step, state, summaryText, action == null ? null : action.toCanonicalJson());
    }

    /** Step at which the entry was recorded. */
    public long step() {
        return step;
    }

    /** Snapshot after the change. */
    public WorldState state() {
        return state;
    }

    /** Summary such as {@code added object cube-1}. */
    public String summary() {
        return summary;
    }

    /** Canonical JSON of the action, when there was one. */
    public Optional<String> actionJson() {
        return Optional.ofNullable(actionJson);
    }

    /** The decoded action, when there was one. */
    public Optional<Action> action() {
        return actionJson == null ? Optional.empty() : Optional.of(Action.fromJson(actionJson));
    }

    /** {@code {step, state, summary, action_json}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("step", JsonInt.of(step))
                .put("state", state.toJson())
                .put("summary", JsonString.of(summary))
                .put("action_json", actionJson == null ? JsonNull.INSTANCE : JsonString.of(actionJson))
                .build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HistoryEntry e
                && step == e.step
                && summary.equals(e.summary)
                && Objects.equals(actionJson, e.actionJson)
                && state.equals(e.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(step, summary, actionJson, state);
    }

    @Override
    public String toString() {
        return "HistoryEntry[step=" + step + ", summary=" + summary + "]";
    }
}
