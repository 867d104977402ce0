package ai.worldforge.provider.policy;

import ai.worldforge.error.ProviderException;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a host action translator expects at the policy boundary: the embodiment its raw actions
 * must be tagged with and, optionally, their shape ({@code [..., action_horizon, action_dim]}).
 * It proves raw policy output belongs to the expected robot before it is turned into WorldForge
 * actions; it says nothing about executing them. Immutable and thread-safe.
 *
 * @param embodimentTag the expected embodiment (stripped, non-blank)
 * @param actionDim expected size of the last raw dimension, or {@code null}
 * @param actionHorizon expected size of the second-to-last raw dimension (and the number of
 *     WorldForge actions per candidate), or {@code null}
 * @param metadata JSON metadata reported in {@link #summary}
 */
public record EmbodimentTranslatorContract(
        String embodimentTag,
        @Nullable Integer actionDim,
        @Nullable Integer actionHorizon,
        JsonObject metadata) {

    /** Validates with the reference's {@link ProviderException} messages. */
    public EmbodimentTranslatorContract {
        if (embodimentTag == null || PyStrings.strip(embodimentTag).isEmpty()) {
            throw new ProviderException("embodiment_tag must be a non-empty string.");
        }
        embodimentTag = PyStrings.strip(embodimentTag);
        if (actionDim != null && actionDim <= 0) {
            throw new ProviderException("action_dim must be an integer greater than 0.");
        }
        if (actionHorizon != null && actionHorizon <= 0) {
            throw new ProviderException("action_horizon must be an integer greater than 0.");
        }
        metadata = PolicyJson.jsonObject(metadata, "translator metadata");
    }

    /** A contract checking only the embodiment tag. */
    public static EmbodimentTranslatorContract of(String embodimentTag) {
        return new EmbodimentTranslatorContract(embodimentTag, null, null, JsonObject.EMPTY);
    }

    /** The expected action dimension, when set. */
    public Optional<Integer> expectedActionDim() {
        return Optional.ofNullable(actionDim);
    }

    /**
     * Validates the embodiment tag ({@code info.embodiment_tag}, else {@code
     * provider_info.embodiment_tag}; absent passes) and the raw action shape; returns the shape.
     * Raw actions must be nested numeric arrays (finite, rectangular, no empty dimension).
     */
    public List<Integer> validateRawActions(JsonValue rawActions, JsonObject info, JsonObject providerInfo) {
        return validateRawActions(rawActions, info, providerInfo, "raw policy actions");
    }

    /** {@link #validateRawActions(JsonValue, JsonObject, JsonObject)} naming the input {@code name}. */
    public List<Integer> validateRawActions(
            JsonValue rawActions, JsonObject info, JsonObject providerInfo, String name) {
        validateEmbodimentTag(info, providerInfo);
        List<Integer> shape = nestedShape(rawActions, name);
        if (actionDim != null) {
            String actual = shape.isEmpty() ? "scalar" : String.valueOf(shape.get(shape.size() - 1));
            if (!actual.equals(String.valueOf(actionDim))) {
                throw new ProviderException(
                        "Embodiment translator expected action_dim=" + actionDim + ", got " + actual + ".");
            }
        }
        if (actionHorizon != null) {
            String actual = shape.size() >= 2 ? String.valueOf(shape.get(shape.size() - 2)) : "scalar";
            if (!actual.equals(String.valueOf(actionHorizon))) {
                throw new ProviderException(
                        "Embodiment translator expected action_horizon=" + actionHorizon + ", got " + actual + ".");
            }
        }
        return shape;
    }

    private void validateEmbodimentTag(JsonObject info, JsonObject providerInfo) {
        JsonValue raw = info.get("embodiment_tag");
        if (raw == null || !JsonReads.truthy(raw)) {
            raw = providerInfo.get("embodiment_tag");
        }
        if (raw == null || raw instanceof JsonNull) {
            return;
        }
        String tag = PyStrings.strip(JsonReads.toStr(raw));
        if (!tag.equals(embodimentTag)) {
            throw new ProviderException(
                    "Embodiment translator for '" + embodimentTag + "' cannot translate actions tagged '" + tag + "'.");
        }
    }

    private static List<Integer> nestedShape(JsonValue value, String name) {
        if (value instanceof JsonArray array) {
            if (array.isEmpty()) {
                throw new ProviderException(name + " must not contain empty action dimensions.");
            }
            List<Integer> first = null;
            for (JsonValue child : array) {
                List<Integer> shape = nestedShape(child, name);
                if (first == null) {
                    first = shape;
                } else if (!first.equals(shape)) {
                    throw new ProviderException(name + " must be rectangular.");
                }
            }
            List<Integer> out = new ArrayList<>();
            out.add(array.size());
            out.addAll(first);
            return out;
        }
        if (value instanceof JsonInt) {
            return List.of();
        }
        if (value instanceof JsonFloat f) {
            if (!f.isFinite()) {
                throw new ProviderException(name + " must contain only finite action values.");
            }
            return List.of();
        }
        throw new ProviderException(name + " must contain only numeric action values.");
    }

    /**
     * Checks every candidate has exactly {@link #actionHorizon()} actions, when set ({@code
     * Embodiment translator candidate {i} returned {n} WorldForge action(s), expected {h}.}).
     */
    public void validateCandidates(List<List<Action>> candidates) {
        if (actionHorizon == null) {
            return;
        }
        for (int index = 0; index < candidates.size(); index++) {
            int size = candidates.get(index).size();
            if (size != actionHorizon) {
                throw new ProviderException("Embodiment translator candidate " + index + " returned " + size
                        + " WorldForge action(s), expected " + actionHorizon + ".");
            }
        }
    }

    /**
     * {@code {embodiment_tag, action_dim, action_horizon, raw_action_shape, metadata}}; the shape
     * is {@code null} when none was validated yet.
     */
    public JsonObject summary(@Nullable List<Integer> rawShape) {
        List<JsonValue> shape = new ArrayList<>();
        if (rawShape != null) {
            rawShape.forEach(d -> shape.add(JsonInt.of(d)));
        }
        return JsonObject.builder()
                .put("embodiment_tag", JsonString.of(embodimentTag))
                .put("action_dim", actionDim == null ? JsonNull.INSTANCE : JsonInt.of(actionDim))
                .put("action_horizon", actionHorizon == null ? JsonNull.INSTANCE : JsonInt.of(actionHorizon))
                .put("raw_action_shape", rawShape == null ? JsonNull.INSTANCE : JsonArray.copyOf(shape))
                .put("metadata", metadata)
                .build();
    }
}
