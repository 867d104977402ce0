package ai.worldforge.json;

/**
 * An immutable JSON value. The hierarchy is closed: objects keep insertion order (Python dict
 * semantics), integers and floats are distinct (a JSON {@code 1} stays {@code 1}, never {@code
 * 1.0}), and floats may hold NaN or infinities only so that validation can reject them with a
 * field-specific message; the canonical writer refuses them.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonInt, JsonFloat, JsonBool, JsonNull {

    /** The Python type name of this value, used in validation messages ({@code dict}, {@code str}, …). */
    String typeName();

    /** Canonical compact JSON text of this value (see {@link Json#write(JsonValue)}). */
    default String toCanonicalJson() {
        return Json.write(this);
    }
}
