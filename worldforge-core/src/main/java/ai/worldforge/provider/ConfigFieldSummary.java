package ai.worldforge.provider;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Value-free status of one provider configuration variable: whether it is set and where it came
 * from, never its value. Safe for logs, issue attachments and CLI output. Immutable and
 * thread-safe.
 *
 * @param name the canonical variable name
 * @param present whether a value is in effect
 * @param source {@code env:<VARIABLE>} (the variable, possibly an alias, that supplied it),
 *     {@code direct}, {@code default} or {@code unset}
 * @param required whether the provider needs it to be configured
 * @param secret whether the value is a credential (its value is never reported anyway)
 * @param valid {@code !required || present}
 * @param detail extra explanation; {@code missing} when required and absent, else often empty
 * @param aliases legacy variable names accepted instead of {@code name}
 */
public record ConfigFieldSummary(
        String name,
        boolean present,
        String source,
        boolean required,
        boolean secret,
        boolean valid,
        String detail,
        List<String> aliases) {
    /** Validates names and copies the aliases, with the reference's messages. */
    public ConfigFieldSummary {
        if (name == null || name.isBlank()) {
            throw new WorldForgeException("ConfigFieldSummary name must be a non-empty string.");
        }
        if (source == null || source.isBlank()) {
            throw new WorldForgeException("ConfigFieldSummary source must be a non-empty string.");
        }
        if (detail == null) {
            throw new WorldForgeException("ConfigFieldSummary detail must be a string.");
        }
        for (String alias : aliases) {
            if (alias == null || alias.isBlank()) {
                throw new WorldForgeException("ConfigFieldSummary aliases must be non-empty strings.");
            }
        }
        aliases = List.copyOf(aliases);
    }

    /** {@code {name, present, source, required, secret, valid, detail, aliases}} in that order. */
    public JsonObject toJson() {
        List<JsonValue> aliasValues = new ArrayList<>();
        aliases.forEach(alias -> aliasValues.add(JsonString.of(alias)));
        return JsonObject.builder()
                .put("name", JsonString.of(name))
                .put("present", JsonBool.of(present))
                .put("source", JsonString.of(source))
                .put("required", JsonBool.of(required))
                .put("secret", JsonBool.of(secret))
                .put("valid", JsonBool.of(valid))
                .put("detail", JsonString.of(detail))
                .put("aliases", JsonArray.copyOf(aliasValues))
                .build();
    }
}
