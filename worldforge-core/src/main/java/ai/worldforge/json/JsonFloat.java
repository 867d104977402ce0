package ai.worldforge.json;

/**
 * A JSON floating-point number. Non-finite values can be held (a parsed {@code NaN} token must
 * reach validation to be rejected with a field-specific message) but are never written.
 * Immutable and thread-safe.
 *
 * @param value the number
 */
public record JsonFloat(double value) implements JsonValue {
    private static final JsonFloat ZERO = new JsonFloat(0.0);
    private static final JsonFloat ONE = new JsonFloat(1.0);

    /** A JSON float for {@code value}; common values are shared. */
    public static JsonFloat of(double value) {
        if (value == 0.0 && Double.doubleToRawLongBits(value) == 0L) {
            return ZERO;
        }
        if (value == 1.0) {
            return ONE;
        }
        return new JsonFloat(value);
    }

    /** Whether the value is neither NaN nor infinite. */
    public boolean isFinite() {
        return Double.isFinite(value);
    }

    @Override
    public String typeName() {
        return "float";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonFloat f && Double.doubleToLongBits(f.value) == Double.doubleToLongBits(value);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }
}
