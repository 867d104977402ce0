package ai.worldforge.json;

/** A JSON boolean. Use {@link #TRUE} and {@link #FALSE}. Immutable and thread-safe. */
public enum JsonBool implements JsonValue {
    /** {@code true}. */
    TRUE,
    /** {@code false}. */
    FALSE;

    /** The constant for {@code value}. */
    public static JsonBool of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** The Java value. */
    public boolean value() {
        return this == TRUE;
    }

    @Override
    public String typeName() {
        return "bool";
    }
}
