package ai.worldforge.provider.policy;

import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ActionTranslator} that enforces an {@link EmbodimentTranslatorContract} around a host
 * translation: the raw actions are checked before translation and the translated candidates
 * after it. Thread-safe; {@link #lastRawShape()} reports the most recent successful call.
 */
public final class EmbodimentActionTranslator implements ActionTranslator {
    private final EmbodimentTranslatorContract contract;
    private final ActionTranslator translate;
    private volatile @Nullable List<Integer> lastRawShape;

    /** Wraps {@code translate} with {@code contract}. */
    public EmbodimentActionTranslator(EmbodimentTranslatorContract contract, ActionTranslator translate) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.translate = Objects.requireNonNull(translate, "translate");
    }

    /** The contract. */
    public EmbodimentTranslatorContract contract() {
        return contract;
    }

    /** The raw shape validated by the last successful translation. */
    public Optional<List<Integer>> lastRawShape() {
        return Optional.ofNullable(lastRawShape);
    }

    /**
     * Validates the raw actions, translates, normalises the result into candidates (label {@code
     * <tag> embodiment}) and checks each has the contract's horizon.
     */
    @Override
    public List<List<Action>> translate(JsonValue rawActions, JsonObject info, JsonObject providerInfo)
            throws Exception {
        List<Integer> shape = contract.validateRawActions(rawActions, info, providerInfo);
        Object translated = translate.translate(rawActions, info, providerInfo);
        List<List<Action>> candidates =
                PolicyCandidates.normalize(translated, contract.embodimentTag() + " embodiment");
        contract.validateCandidates(candidates);
        lastRawShape = shape;
        return candidates;
    }

    /** {@link EmbodimentTranslatorContract#summary} with the last validated raw shape. */
    public JsonObject contractSummary() {
        return contract.summary(lastRawShape);
    }
}
