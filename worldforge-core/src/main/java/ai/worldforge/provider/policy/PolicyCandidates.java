package ai.worldforge.provider.policy;

import ai.worldforge.error.ProviderException;
import ai.worldforge.model.Action;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Normalisation of an {@link ActionTranslator}'s result into candidate action plans. */
public final class PolicyCandidates {
    private PolicyCandidates() {}

    /**
     * Normalises a translator result: a non-empty list of {@link Action}s is one candidate; a
     * non-empty list of non-empty action lists is one candidate per item. Anything else throws
     * {@link ProviderException} with the reference's messages, labelled by {@code providerLabel}
     * ({@code GR00T}, {@code LeRobot}, {@code Cosmos-Policy}, {@code <tag> embodiment}).
     *
     * @return unmodifiable candidate plans, each non-empty
     */
    public static List<List<Action>> normalize(@Nullable Object value, String providerLabel) {
        if (!(value instanceof List<?> items) || items.isEmpty()) {
            throw new ProviderException(providerLabel + " action translator must return a non-empty action sequence.");
        }
        boolean allActions = true;
        for (Object item : items) {
            allActions &= item instanceof Action;
        }
        if (allActions) {
            List<Action> plan = new ArrayList<>(items.size());
            items.forEach(item -> plan.add((Action) item));
            return List.of(List.copyOf(plan));
        }
        List<List<Action>> candidates = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            if (!(items.get(index) instanceof List<?> candidate) || candidate.isEmpty()) {
                throw new ProviderException(providerLabel + " action translator candidate " + index
                        + " must be a non-empty action sequence.");
            }
            List<Action> plan = new ArrayList<>(candidate.size());
            for (Object action : candidate) {
                if (!(action instanceof Action typed)) {
                    throw new ProviderException(providerLabel + " action translator candidate " + index
                            + " must contain only Action instances.");
                }
                plan.add(typed);
            }
            candidates.add(List.copyOf(plan));
        }
        return List.copyOf(candidates);
    }
}
