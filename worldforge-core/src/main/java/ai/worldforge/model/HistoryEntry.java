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
    /** The action's canonical JSON text, or the {@link Action} whose (cached) JSON it is. */
    private final @Nullable Object action;

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
        this.action = actionJson;
    }

    /** Trusted constructor for entries whose action JSON WorldForge just wrote itself. */
    static HistoryEntry trusted(long step, WorldState state, String summary, @Nullable String actionJson) {
        return new HistoryEntry(step, state, summary, actionJson, true);
    }

    /**
     * Trusted constructor keeping the action itself: its canonical JSON is only written when the
     * entry is read or persisted, so hot loops that never look at history (benchmarks, planning
     * rollouts) do not pay for serialising every action.
     */
    private HistoryEntry(long step, WorldState state, String summary, @Nullable Object action, boolean trusted) {
        this.step = step;
        this.state = state;
        this.summary = summary;
        this.action = action;
    }

    /** An entry recording {@code action}. */
    public static HistoryEntry of(long step, WorldState state, String summary, @Nullable Action action) {
        String summaryText = Checks.nonBlank(summary, "HistoryEntry summary must be a non-empty string.");
        Checks.nonNegativeInt(step, "HistoryEntry step");
        return new HistoryEntry(step, state, summaryText, action, true);
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
        return Optional.ofNullable(actionJsonText());
    }

    private @Nullable String actionJsonText() {
        return action instanceof Action a ? a.toCanonicalJson() : (String) action;
    }

    /** The decoded action, when there was one. */
    public Optional<Action> action() {
        if (action instanceof Action a) {
            return Optional.of(a);
        }
        return action == null ? Optional.empty() : Optional.of(Action.fromJson((String) action));
    }

    /** {@code {step, state, summary, action_json}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("step", JsonInt.of(step))
                .put("state", state.toJson())
                .put("summary", JsonString.of(summary))
                .put("action_json", action == null ? JsonNull.INSTANCE : JsonString.of(actionJsonText()))
                .build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HistoryEntry e
                && step == e.step
                && summary.equals(e.summary)
                && Objects.equals(actionJsonText(), e.actionJsonText())
                && state.equals(e.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(step, summary, actionJsonText(), state);
    }

    @Override
    public String toString() {
        return "HistoryEntry[step=" + step + ", summary=" + summary + "]";
    }
}
