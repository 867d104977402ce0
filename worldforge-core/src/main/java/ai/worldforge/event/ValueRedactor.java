package ai.worldforge.event;

import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link Redaction#redactValue}: JSON trees, returning the input itself when nothing changes.
 * Member names are text-redacted too (the reference keeps them, but a name can hold a token or a
 * URL with credentials); when two redacted names coincide, the later member wins.
 */
final class ValueRedactor {
    private static final JsonString REDACTED_JSON = new JsonString(Redaction.REDACTED);

    private ValueRedactor() {}

    static JsonValue redact(JsonValue value) {
        if (value instanceof JsonString s) {
            String redacted = TextRedactor.redact(s.value());
            return redacted == s.value() ? s : JsonString.of(redacted);
        }
        if (value instanceof JsonObject object) {
            return redactObject(object);
        }
        if (value instanceof JsonArray array) {
            return redactArray(array);
        }
        return value;
    }

    private static JsonObject redactObject(JsonObject object) {
        if (object.isEmpty()) {
            return object;
        }
        // Built only once something changes; members before the first change are copied then.
        JsonObject.Builder out = null;
        int index = 0;
        for (Map.Entry<String, JsonValue> entry : object.members().entrySet()) {
            String key = entry.getKey();
            JsonValue original = entry.getValue();
            // One scan of the name serves both questions: is it a secret name, and does it hold one.
            int features = key.isEmpty() ? 0 : TextFeatures.scan(key);
            JsonValue replaced;
            if (SecretKeys.isSecretKey(key, features)) {
                replaced = REDACTED_JSON.equals(original) ? original : REDACTED_JSON;
            } else {
                replaced = redact(original);
            }
            String redactedKey = features == 0 ? key : TextRedactor.redact(key, features);
            if ((replaced != original || redactedKey != key) && out == null) {
                out = JsonObject.builder(object.size());
                int copied = 0;
                for (Map.Entry<String, JsonValue> earlier : object.members().entrySet()) {
                    if (copied++ == index) {
                        break;
                    }
                    out.put(earlier.getKey(), earlier.getValue());
                }
            }
            if (out != null) {
                out.put(redactedKey, replaced);
            }
            index++;
        }
        return out == null ? object : out.build();
    }

    private static JsonArray redactArray(JsonArray array) {
        List<JsonValue> items = null;
        for (int i = 0; i < array.size(); i++) {
            JsonValue original = array.get(i);
            JsonValue replaced = redact(original);
            if (replaced != original && items == null) {
                items = new ArrayList<>(array.items().subList(0, i));
            }
            if (items != null) {
                items.add(replaced);
            }
        }
        return items == null ? array : JsonArray.copyOf(items);
    }
}
