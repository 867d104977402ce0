package ai.worldforge.provider.cosmospolicy;

import ai.worldforge.error.ProviderException;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.provider.policy.ActionTranslator;
import ai.worldforge.provider.policy.PolicyCandidates;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a parsed {@code /act} response into an {@link ActionPolicyResult} through the host's
 * {@link ActionTranslator}: translation, candidate-count checks, candidate selection and result
 * metadata. Together with {@link CosmosPolicyRequest#fromInfo} and {@link
 * CosmosPolicyResponse#parse} this is the whole provider except the HTTP call:
 *
 * <pre>{@code
 * CosmosPolicyRequest request = CosmosPolicyRequest.fromInfo(info, config.returnAllQueryResults());
 * CosmosPolicyActions.requireTranslator(translator);
 * JsonValue body = http.postJson(CosmosPolicyConfig.ACT_PATH, request.payload()); // HTTP layer
 * CosmosPolicyResponse parsed = CosmosPolicyResponse.parse(body, name, config.expectedActionDim());
 * return CosmosPolicyActions.result(name, config, request, parsed, translator, info);
 * }</pre>
 */
public final class CosmosPolicyActions {
    /** The message when no translator was supplied (thrown before any request). */
    public static final String TRANSLATOR_REQUIRED_MESSAGE = "Cosmos-Policy actions are embodiment-specific; provide"
            + " action_translator to map raw policy actions into WorldForge Action objects.";

    /** The message when the translator throws; its own text is hidden as it may carry secrets. */
    public static final String TRANSLATION_FAILED_MESSAGE = "Cosmos-Policy action translation failed.";

    /** Metadata {@code runtime} value. */
    public static final String RUNTIME = "cosmos-policy-server";

    private CosmosPolicyActions() {}

    /** Throws {@link ProviderException} {@link #TRANSLATOR_REQUIRED_MESSAGE} when {@code translator} is null. */
    public static ActionTranslator requireTranslator(@Nullable ActionTranslator translator) {
        if (translator == null) {
            throw new ProviderException(TRANSLATOR_REQUIRED_MESSAGE);
        }
        return translator;
    }

    /**
     * Calls the translator with {@link CosmosPolicyResponse#rawActions()}, {@code info} and the
     * response's {@code provider_info}, and normalises its result (label {@code Cosmos-Policy}).
     * Any exception from the translator becomes {@link #TRANSLATION_FAILED_MESSAGE} (cause kept).
     */
    public static List<List<Action>> translate(
            ActionTranslator translator, CosmosPolicyResponse response, JsonObject info) {
        Object translated;
        try {
            translated = translator.translate(response.rawActions(), info, response.providerInfo());
        } catch (Exception e) {
            throw new ProviderException(TRANSLATION_FAILED_MESSAGE, e);
        }
        return PolicyCandidates.normalize(translated, "Cosmos-Policy");
    }

    /**
     * Builds the result: the translated candidates must number one per {@code all_actions} entry
     * (or exactly one without it); the selected candidate is the one whose raw matrix matches
     * {@code actions}; {@code action_horizon} is the selected plan's length (the requested horizon
     * goes to metadata); the embodiment tag is {@code info.embodiment_tag} (stripped) or the
     * configured one.
     */
    public static ActionPolicyResult result(
            String providerName,
            CosmosPolicyConfig config,
            CosmosPolicyRequest request,
            CosmosPolicyResponse response,
            ActionTranslator translator,
            JsonObject info) {
        List<List<Action>> candidates = translate(translator, response, info);
        int rawCount = response.allActions().size();
        if (rawCount > 0 && candidates.size() != rawCount) {
            throw new ProviderException("Cosmos-Policy action translator returned " + candidates.size()
                    + " candidate(s) for " + rawCount + " raw candidate(s).");
        }
        if (rawCount == 0 && candidates.size() != 1) {
            throw new ProviderException("Cosmos-Policy action translator must return exactly 1 candidate when the"
                    + " response omits 'all_actions'.");
        }
        int selected = response.selectedIndex();
        if (selected >= candidates.size()) {
            throw new ProviderException("Cosmos-Policy selected candidate index " + selected
                    + " is outside the translated candidate count " + candidates.size() + ".");
        }
        List<Action> actions = candidates.get(selected);
        JsonObject metadata = JsonObject.builder()
                .put("runtime", RUNTIME)
                .put("server_path", CosmosPolicyConfig.ACT_PATH)
                .put("model", text(config.model()))
                .put("task_description", request.taskDescription())
                .put("expected_action_dim", integer(config.expectedActionDim()))
                .put("selected_candidate_index", JsonInt.of(selected))
                .put("candidate_count", JsonInt.of(candidates.size()))
                .put("requested_action_horizon", integer(request.requestedActionHorizon()))
                .put("provider_info", response.providerInfo())
                .put("raw_action_summary", response.rawActionSummary())
                .build();
        return new ActionPolicyResult(
                providerName,
                actions,
                response.rawActions(),
                actions.size(),
                embodimentTag(info, config),
                metadata,
                candidates);
    }

    private static @Nullable String embodimentTag(JsonObject info, CosmosPolicyConfig config) {
        JsonValue tag = info.get("embodiment_tag");
        if (tag instanceof JsonString text) {
            return PyStrings.strip(text.value());
        }
        String configured = config.embodimentTag();
        return configured == null || configured.isEmpty() ? null : configured;
    }

    private static JsonValue text(@Nullable String value) {
        return value == null ? JsonNull.INSTANCE : JsonString.of(value);
    }

    private static JsonValue integer(@Nullable Integer value) {
        return value == null ? JsonNull.INSTANCE : JsonInt.of(value);
    }
}
