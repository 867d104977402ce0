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

    /**
     * How many levels of objects and arrays this value nests: 0 for a scalar, 1 for a container
     * of scalars, one more than its deepest child otherwise. Never more than {@link
     * Json#MAX_DEPTH}: containers refuse to be built deeper, so every recursive walk over a value
     * (writers, equality, validation, redaction) stays within a bounded stack.
     */
    default int depth() {
        return 0;
    }

    /** Canonical compact JSON text of this value (see {@link Json#write(JsonValue)}). */
    default String toCanonicalJson() {
        return Json.write(this);
    }
}
