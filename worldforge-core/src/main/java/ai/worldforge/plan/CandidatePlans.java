package ai.worldforge.plan;

import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * A validated, immutable list of candidate action plans that remembers its score payload ({@code
 * [[action dict, …], …]}) once built. Returned by every {@link ActionCandidates} helper, so a host
 * that scores the same candidate set repeatedly (a control loop re-planning from new observations)
 * serialises the actions once; to every caller it is just a {@code List<List<Action>>}.
 *
 * <p>Thread-safe: the payload is computed from immutable data, so a racing second computation
 * yields an equal value and either may be kept.
 */
final class CandidatePlans extends AbstractList<List<Action>> implements RandomAccess {
    private final List<List<Action>> plans;
    private volatile @Nullable JsonArray payload;

    /** Wraps {@code plans}, which must be immutable, validated and non-empty, with immutable elements. */
    CandidatePlans(List<List<Action>> plans) {
        this.plans = plans;
    }

    @Override
    public List<Action> get(int index) {
        return plans.get(index);
    }

    @Override
    public int size() {
        return plans.size();
    }

    /** {@code [[action.toJson(), …], …]}, built on first use. */
    JsonArray payload() {
        JsonArray cached = payload;
        if (cached == null) {
            cached = build(plans);
            payload = cached;
        }
        return cached;
    }

    /** Builds the payload with one array copy per level (no intermediate lists). */
    private static JsonArray build(List<List<Action>> plans) {
        JsonValue[] outer = new JsonValue[plans.size()];
        for (int i = 0; i < outer.length; i++) {
            List<Action> plan = plans.get(i);
            JsonValue[] inner = new JsonValue[plan.size()];
            for (int j = 0; j < inner.length; j++) {
                inner[j] = plan.get(j).toJson();
            }
            outer[i] = JsonArray.of(inner);
        }
        return JsonArray.of(outer);
    }
}
