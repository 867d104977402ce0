package ai.worldforge.event;

import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.Map;

/** Shared helpers of the JSON sinks. */
final class EventPayloads {
    static final JsonString EVENT_TYPE = JsonString.of("provider_event");

    private EventPayloads() {}

    /**
     * Redacts and validates host extra fields once, at sink construction (the reference's
     * {@code _redacted_extra_fields}): secret-named members become {@code "[redacted]"}, strings are
     * text-redacted, and non-finite numbers are rejected with {@code {name}.{key} ...} messages.
     */
    static JsonObject extras(JsonObject extraFields, String name) {
        return Checks.jsonObject(Redaction.redactValue(extraFields), name);
    }

    /**
     * {@code {"event_type": "provider_event", **extras, **event}}: later members win, so event
     * fields override extras.
     */
    static JsonObject.Builder merged(JsonObject extras, ProviderEvent event) {
        JsonObject fields = event.toJson();
        JsonObject.Builder out = JsonObject.builder(1 + extras.size() + fields.size());
        out.put("event_type", EVENT_TYPE);
        for (Map.Entry<String, JsonValue> e : extras.members().entrySet()) {
            out.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, JsonValue> e : fields.members().entrySet()) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
