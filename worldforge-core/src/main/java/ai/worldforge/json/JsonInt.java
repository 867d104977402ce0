package ai.worldforge.json;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A JSON integer of any size (Python ints are unbounded). Immutable and thread-safe.
 *
 * @param value the integer
 */
public record JsonInt(BigInteger value) implements JsonValue {
    private static final JsonInt[] SMALL = new JsonInt[257];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new JsonInt(BigInteger.valueOf(i - 128L));
        }
    }

    /** Creates a JSON integer. */
    public JsonInt {
        Objects.requireNonNull(value, "value");
    }

    /** A JSON integer for {@code value}; small values are shared. */
    public static JsonInt of(long value) {
        if (value >= -128 && value <= 128) {
            return SMALL[(int) value + 128];
        }
        return new JsonInt(BigInteger.valueOf(value));
    }

    /** Whether the value fits in a {@code long}. */
    public boolean fitsLong() {
        return value.bitLength() < 64;
    }

    /** The value as a {@code long}; throws {@link ArithmeticException} when it does not fit. */
    public long longValue() {
        return value.longValueExact();
    }

    /** The value as a double (may lose precision for very large integers). */
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public String typeName() {
        return "int";
    }
}
