package ai.worldforge.provider.cosmospolicy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A validated {@code POST /act} request body built from the caller's policy {@code info}. All
 * input checks happen here, before any request, and fail with {@link WorldForgeException} (the
 * reference's messages). Immutable and thread-safe.
 *
 * @param payload the JSON body: the observation fields, the stripped {@code task_description},
 *     the options, the optional {@code return_all_query_results} and the resolved {@code
 *     action_horizon}
 * @param taskDescription the stripped task description
 * @param requestedActionHorizon the resolved requested horizon, or {@code null}
 */
public record CosmosPolicyRequest(
        JsonObject payload,
        String taskDescription,
        @Nullable Integer requestedActionHorizon) {

    /** The observation fields the ALOHA server requires. */
    public static final List<String> OBSERVATION_FIELDS =
            List.of("primary_image", "left_wrist_image", "right_wrist_image", "proprio");

    /** Validates presence. */
    public CosmosPolicyRequest {
        Objects.requireNonNull(payload);
        Objects.requireNonNull(taskDescription);
    }

    /** The requested horizon, when one was given. */
    public Optional<Integer> actionHorizon() {
        return Optional.ofNullable(requestedActionHorizon);
    }

    /**
     * Builds the {@code /act} body from {@code info}.
     *
     * <ol>
     *   <li>{@code info} holds finite numbers only;
     *   <li>{@code observation} is a non-empty object with the four ALOHA fields;
     *   <li>{@code task_description} comes from {@code info} when the key exists, else from the
     *       observation, and is a non-blank string (sent stripped);
     *   <li>{@code embodiment_tag}, when present, is a non-blank string;
     *   <li>{@code options}, when present, is an object merged over the observation; a key
     *       already in the body with a different value (other than {@code action_horizon}) fails;
     *   <li>{@code return_all_query_results} from {@code info} (must be a boolean) or {@code
     *       defaultReturnAll};
     *   <li>{@code action_horizon} from {@code info}, else options, else observation, each a
     *       positive integer (booleans rejected) and mutually consistent.
     * </ol>
     *
     * @param info the caller's policy info
     * @param defaultReturnAll the provider's {@code return_all_query_results} default, or {@code null}
     */
    public static CosmosPolicyRequest fromInfo(JsonObject info, @Nullable Boolean defaultReturnAll) {
        Checks.jsonObject(info, "Cosmos-Policy policy info");
        JsonObject observation = observation(info);
        String taskDescription = taskDescription(info, observation);
        validateEmbodimentTag(info);
        JsonObject options = options(info);
        JsonObject.Builder payload = observation.toBuilder();
        payload.put("task_description", JsonString.of(taskDescription));
        if (options != null) {
            for (Map.Entry<String, JsonValue> option : options.members().entrySet()) {
                JsonValue existing = payload.get(option.getKey());
                if (existing != null
                        && !option.getKey().equals("action_horizon")
                        && !pythonEquals(existing, option.getValue())) {
                    throw new WorldForgeException(
                            "Cosmos-Policy option '" + option.getKey() + "' conflicts with the observation payload.");
                }
                payload.put(option.getKey(), option.getValue());
            }
        }
        if (info.has("return_all_query_results")) {
            if (!(info.get("return_all_query_results") instanceof JsonBool returnAll)) {
                throw new WorldForgeException("Cosmos-Policy return_all_query_results must be a boolean.");
            }
            payload.put("return_all_query_results", returnAll);
        } else if (defaultReturnAll != null) {
            payload.put("return_all_query_results", JsonBool.of(defaultReturnAll));
        }
        Integer horizon = actionHorizon(info, observation, options, payload);
        if (horizon != null) {
            payload.put("action_horizon", JsonInt.of(horizon));
        }
        return new CosmosPolicyRequest(payload.build(), taskDescription, horizon);
    }

    private static JsonObject observation(JsonObject info) {
        if (!(info.get("observation") instanceof JsonObject observation) || observation.isEmpty()) {
            throw new WorldForgeException("Cosmos-Policy policy info.observation must be a non-empty JSON object.");
        }
        for (String field : OBSERVATION_FIELDS) {
            if (!observation.has(field)) {
                throw new WorldForgeException("Cosmos-Policy ALOHA observation must include '" + field + "'.");
            }
        }
        return observation;
    }

    private static String taskDescription(JsonObject info, JsonObject observation) {
        JsonValue value =
                info.has("task_description") ? info.get("task_description") : observation.get("task_description");
        if (!(value instanceof JsonString text) || PyStrings.strip(text.value()).isEmpty()) {
            throw new WorldForgeException("Cosmos-Policy policy info must include a non-empty task_description.");
        }
        return PyStrings.strip(text.value());
    }

    private static void validateEmbodimentTag(JsonObject info) {
        JsonValue tag = info.get("embodiment_tag");
        if (tag == null || tag instanceof JsonNull) {
            return;
        }
        if (!(tag instanceof JsonString text) || PyStrings.strip(text.value()).isEmpty()) {
            throw new WorldForgeException("Cosmos-Policy policy info.embodiment_tag must be a non-empty string.");
        }
    }

    private static @Nullable JsonObject options(JsonObject info) {
        JsonValue options = info.get("options");
        if (options == null || options instanceof JsonNull) {
            return null;
        }
        if (!(options instanceof JsonObject object)) {
            throw new WorldForgeException("Cosmos-Policy policy info.options must be a JSON object.");
        }
        return object.isEmpty() ? null : object;
    }

    private static @Nullable Integer actionHorizon(
            JsonObject info, JsonObject observation, @Nullable JsonObject options, JsonObject.Builder payload) {
        String payloadSource = options != null && options.has("action_horizon")
                ? "options.action_horizon"
                : "observation.action_horizon";
        Integer horizon = null;
        JsonValue payloadHorizon = payload.get("action_horizon");
        if (info.has("action_horizon")) {
            horizon = requireHorizon(info.get("action_horizon"), "info.action_horizon");
            if (payloadHorizon != null && requireHorizon(payloadHorizon, payloadSource) != horizon.intValue()) {
                throw new WorldForgeException(
                        "Cosmos-Policy option 'action_horizon' conflicts with info.action_horizon.");
            }
        } else if (payloadHorizon != null) {
            horizon = requireHorizon(payloadHorizon, payloadSource);
        }
        if (observation.has("action_horizon") && options != null && options.has("action_horizon")) {
            int fromObservation = requireHorizon(observation.get("action_horizon"), "observation.action_horizon");
            int fromOptions = requireHorizon(options.get("action_horizon"), "options.action_horizon");
            if (fromObservation != fromOptions) {
                throw new WorldForgeException(
                        "Cosmos-Policy option 'action_horizon' conflicts with the observation payload.");
            }
        }
        return horizon;
    }

    private static int requireHorizon(@Nullable JsonValue value, String source) {
        if (value instanceof JsonInt number
                && number.value().signum() > 0
                && number.fitsLong()
                && number.longValue() <= Integer.MAX_VALUE) {
            return (int) number.longValue();
        }
        throw new WorldForgeException("Cosmos-Policy " + source + " must be an integer greater than 0.");
    }

    /**
     * Python {@code ==} on decoded JSON: numbers compare by value across int/float/bool ({@code 1
     * == 1.0 == True}), containers element-wise, objects regardless of key order.
     */
    static boolean pythonEquals(JsonValue left, JsonValue right) {
        BigDecimal a = numeric(left);
        BigDecimal b = numeric(right);
        if (a != null || b != null) {
            if (left instanceof JsonFloat f && Double.isNaN(f.value())) {
                return false;
            }
            if (right instanceof JsonFloat f && Double.isNaN(f.value())) {
                return false;
            }
            if (a == null || b == null) {
                return infinity(left) != 0 && infinity(left) == infinity(right);
            }
            return a.compareTo(b) == 0;
        }
        if (left instanceof JsonArray la && right instanceof JsonArray ra) {
            if (la.size() != ra.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!pythonEquals(la.get(i), ra.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof JsonObject lo && right instanceof JsonObject ro) {
            if (!lo.keys().equals(ro.keys())) {
                return false;
            }
            for (String key : lo.keys()) {
                if (!pythonEquals(Objects.requireNonNull(lo.get(key)), Objects.requireNonNull(ro.get(key)))) {
                    return false;
                }
            }
            return true;
        }
        return left.equals(right);
    }

    private static int infinity(JsonValue value) {
        if (value instanceof JsonFloat f && Double.isInfinite(f.value())) {
            return f.value() > 0 ? 1 : -1;
        }
        return 0;
    }

    private static @Nullable BigDecimal numeric(JsonValue value) {
        if (value instanceof JsonInt i) {
            return new BigDecimal(i.value());
        }
        if (value instanceof JsonBool b) {
            return b.value() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof JsonFloat f && Double.isFinite(f.value())) {
            return new BigDecimal(f.value());
        }
        return null;
    }
}
