package ai.worldforge.provider.policy;

import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import java.util.List;

/**
 * Host-supplied translation of raw policy output into WorldForge actions. Policy providers return
 * embodiment-specific action tensors (for example 14-D bimanual ALOHA rows); only the host knows
 * how they map onto its robot, so providers such as {@code cosmos-policy} advertise the {@code
 * policy} capability only when a translator is supplied.
 *
 * <p>The result is either one candidate plan (a non-empty {@code List<Action>}) or several (a
 * non-empty {@code List<List<Action>>}, one per raw candidate); {@link
 * PolicyCandidates#normalize(Object, String)} checks it. A thrown exception is reported by the
 * provider without its text, since translator messages may carry host details.
 * Implementations must be thread-safe when the provider is shared.
 */
@FunctionalInterface
public interface ActionTranslator {
    /**
     * Translates raw actions.
     *
     * @param rawActions the provider's validated raw output (for {@code cosmos-policy}: {@code
     *     {"actions": rows[, "all_actions": matrices]}})
     * @param info the caller's policy info
     * @param providerInfo provider-side context (value predictions, summaries, …)
     * @return one plan ({@code List<Action>}) or several ({@code List<List<Action>>})
     * @throws Exception when the raw actions cannot be translated
     */
    List<?> translate(JsonValue rawActions, JsonObject info, JsonObject providerInfo) throws Exception;
}
