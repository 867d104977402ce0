package ai.worldforge.cli;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Number options read the way the reference's {@code type=float} and {@code type=int} read them,
 * so scripts written for it keep working: surrounding whitespace, {@code +} signs and {@code _}
 * digit separators are accepted, {@code nan}/{@code inf}/{@code infinity} in any case are floats
 * (later rejected with the model's "must be a finite number" message), and Java-only spellings
 * such as {@code 1d}, {@code 0x10} or {@code 1.5f} are rejected.
 */
final class PythonNumbers {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern SEPARATED_DIGITS = Pattern.compile("(?<=\\d)_(?=\\d)");

    private PythonNumbers() {}

    /** Python's {@code float(text)}. */
    static double parseFloat(String text) {
        String clean = clean(text);
        String lower = clean.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!DECIMAL.matcher(clean).matches()) {
            throw new TypeConversionException("invalid float value: '" + text + "'");
        }
        return Double.parseDouble(clean);
    }

    /** Python's {@code int(text)}, limited to {@code long}. */
    static long parseLong(String text) {
        String clean = clean(text);
        if (!INTEGER.matcher(clean).matches()) {
            throw new TypeConversionException("invalid int value: '" + text + "'");
        }
        BigInteger value = new BigInteger(clean);
        if (value.bitLength() > 63) {
            throw new TypeConversionException("int value out of range: '" + text + "'");
        }
        return value.longValue();
    }

    /** {@link #parseLong} limited to {@code int}. */
    static int parseInt(String text) {
        long value = parseLong(text);
        if (value != (int) value) {
            throw new TypeConversionException("int value out of range: '" + text + "'");
        }
        return (int) value;
    }

    private static String clean(String text) {
        return SEPARATED_DIGITS.matcher(text.strip()).replaceAll("");
    }

    /** Registers the converters on {@code commandLine} and its subcommands. */
    static void register(CommandLine commandLine) {
        commandLine.registerConverter(double.class, new FloatConverter());
        commandLine.registerConverter(Double.class, new FloatConverter());
        commandLine.registerConverter(int.class, new IntConverter());
        commandLine.registerConverter(Integer.class, new IntConverter());
        commandLine.registerConverter(long.class, new LongConverter());
        commandLine.registerConverter(Long.class, new LongConverter());
    }

    // Named converter classes rather than method references, so the start-up archive can hold them.

    /** {@link #parseFloat} as a picocli converter. */
    static final class FloatConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return parseFloat(value);
        }
    }

    /** {@link #parseInt} as a picocli converter. */
    static final class IntConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return parseInt(value);
        }
    }

    /** {@link #parseLong} as a picocli converter. */
    static final class LongConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return parseLong(value);
        }
    }
}
