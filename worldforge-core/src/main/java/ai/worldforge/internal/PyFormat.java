package ai.worldforge.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Python-compatible number formatting ({@code f"{x:.2f}"} rounds the exact binary value half-even). */
public final class PyFormat {
    private PyFormat() {}

    /** Python {@code format(value, f".{digits}f")} for finite values. */
    public static String fixed(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "nan" : (value > 0 ? "inf" : "-inf");
        }
        String text =
                new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = Double.doubleToRawLongBits(value) < 0;
        if (negative && !text.startsWith("-")) {
            // Python keeps the sign of negative values that round to zero (and of -0.0).
            text = "-" + text;
        }
        return text;
    }
}
