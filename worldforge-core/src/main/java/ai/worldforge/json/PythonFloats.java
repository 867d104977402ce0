package ai.worldforge.json;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.math.BigDecimal;

/**
 * Python {@code repr(float)}: the shortest digit string that round-trips, laid out positionally
 * when the decimal exponent is in [-4, 16) and as {@code d.ddde±XX} otherwise.
 */
final class PythonFloats {
    private PythonFloats() {}

    static String repr(double value) {
        if (value == 0.0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0";
        }
        boolean negative = value < 0;
        double magnitude = Math.abs(value);
        // Schubfach gives the shortest decimal in Java's layout, e.g. "1.0E-5" or "123.45".
        String java = DoubleToDecimal.toString(magnitude);
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String intPart = dot < 0 ? mantissa : mantissa.substring(0, dot);
        String fracPart = dot < 0 ? "" : mantissa.substring(dot + 1);
        StringBuilder digits = new StringBuilder(intPart).append(fracPart);
        // decpt: value = 0.d1d2… × 10^decpt
        int decpt = intPart.length() + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
            decpt--;
        }
        digits.delete(0, lead);
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits.setLength(end);
        String d = digits.toString();
        if (d.length() == 2) {
            // Java may pick a closer 2-digit decimal where a 1-digit one also round-trips;
            // Python always takes the shortest.
            String shorter = shorterOneDigit(magnitude, d, decpt);
            if (shorter != null) {
                d = shorter.substring(0, 1);
                decpt = decpt + (shorter.length() - 1);
            }
        }
        return (negative ? "-" : "") + layout(d, decpt);
    }

    /** A one-digit decimal (returned as digit, or "10" on carry) that round-trips, or null. */
    private static String shorterOneDigit(double magnitude, String twoDigits, int decpt) {
        int first = twoDigits.charAt(0) - '0';
        int power = decpt - 1;
        if (power >= -22
                && power <= 22
                && !roundTrips(first, power, magnitude)
                && !roundTrips(first + 1, power, magnitude)) {
            // Neither neighbour reads back as the value: the common case, decided without BigDecimal.
            return null;
        }
        String best = null;
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal bestDistance = null;
        for (int candidate : new int[] {first, first + 1}) {
            if (candidate == 0) {
                continue;
            }
            // candidate × 10^(decpt-1)
            BigDecimal decimal = BigDecimal.valueOf(candidate).scaleByPowerOfTen(decpt - 1);
            if (decimal.doubleValue() != magnitude) {
                continue;
            }
            BigDecimal distance = decimal.subtract(exact).abs();
            if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
                bestDistance = distance;
                best = Integer.toString(candidate);
            }
        }
        return best;
    }

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    /**
     * Whether {@code digit × 10^power} (|power| ≤ 22) reads back as {@code magnitude}. Both factors
     * are exact doubles, so one IEEE multiplication or division is correctly rounded: it is the
     * double the decimal parses to.
     */
    private static boolean roundTrips(int digit, int power, double magnitude) {
        if (digit == 0) {
            return false;
        }
        double parsed = power >= 0 ? digit * POWERS_OF_TEN[power] : digit / POWERS_OF_TEN[-power];
        return parsed == magnitude;
    }

    private static String layout(String digits, int decpt) {
        int n = digits.length();
        if (decpt > -4 && decpt <= 16) {
            StringBuilder out = new StringBuilder(n + 20);
            if (decpt <= 0) {
                out.append("0.");
                for (int i = decpt; i < 0; i++) {
                    out.append('0');
                }
                out.append(digits);
            } else if (decpt >= n) {
                out.append(digits);
                for (int i = n; i < decpt; i++) {
                    out.append('0');
                }
                out.append(".0");
            } else {
                out.append(digits, 0, decpt).append('.').append(digits, decpt, n);
            }
            return out.toString();
        }
        int exponent = decpt - 1;
        StringBuilder out = new StringBuilder(n + 8);
        out.append(digits.charAt(0));
        if (n > 1) {
            out.append('.').append(digits, 1, n);
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        out.append(abs);
        return out.toString();
    }
}
