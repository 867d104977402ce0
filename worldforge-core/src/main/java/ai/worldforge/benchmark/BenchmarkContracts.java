package ai.worldforge.benchmark;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Benchmark constants shared by inputs, harness, reports and budgets (the reference's {@code
 * benchmark_contracts}), and the JSON validators their parsers use.
 */
public final class BenchmarkContracts {
    /** The operations a benchmark can drive, in the reference's order ({@code plan} is excluded). */
    public static final List<String> OPERATIONS =
            List.of("predict", "reason", "generate", "transfer", "embed", "score", "policy");

    /** What a benchmark report does and does not claim. */
    public static final String CLAIM_BOUNDARY = "Benchmark reports measure adapter-path latency, retries,"
            + " throughput, and errors for the selected provider inputs. They do not measure physical fidelity,"
            + " media quality, safety, or production load capacity.";

    /** What a benchmark report's metrics mean. */
    public static final String METRIC_SEMANTICS = "Latency metrics are process-local wall-clock timings for"
            + " successful samples; retry counts come from emitted ProviderEvent records; throughput is computed"
            + " from successful samples over elapsed time.";

    private BenchmarkContracts() {}

    static String knownOperations() {
        return String.join(", ", OPERATIONS);
    }

    /** Python {@code value.strip()} non-blank text, else {@code name must be a non-empty string.}. */
    static String requiredText(@Nullable JsonValue value, String name) {
        if (!(value instanceof JsonString s)) {
            throw new WorldForgeException(name + " must be a non-empty string.");
        }
        return requiredText(s.value(), name);
    }

    static String requiredText(@Nullable String value, String name) {
        String stripped = value == null ? "" : PyStrings.strip(value);
        if (stripped.isEmpty()) {
            throw new WorldForgeException(name + " must be a non-empty string.");
        }
        return stripped;
    }

    /** Absent or blank-rejecting text: {@code name must be a non-empty string when provided.}. */
    static Optional<String> optionalText(@Nullable JsonValue value, String name) {
        if (value == null || value instanceof ai.worldforge.json.JsonNull) {
            return Optional.empty();
        }
        String stripped = value instanceof JsonString s ? PyStrings.strip(s.value()) : "";
        if (stripped.isEmpty()) {
            throw new WorldForgeException(name + " must be a non-empty string when provided.");
        }
        return Optional.of(stripped);
    }

    /** A JSON integer (booleans rejected) that fits a long; else {@code message}. */
    static long integer(@Nullable JsonValue value, String message) {
        if (!(value instanceof JsonInt i) || !i.fitsLong()) {
            throw new WorldForgeException(message);
        }
        return i.longValue();
    }

    static int positiveInt(@Nullable JsonValue value, String name) {
        String message = name + " must be an integer greater than 0.";
        long number = integer(value, message);
        if (number <= 0 || number > Integer.MAX_VALUE) {
            throw new WorldForgeException(message);
        }
        return (int) number;
    }

    static long nonNegativeInt(@Nullable JsonValue value, String name) {
        String message = name + " must be an integer greater than or equal to 0.";
        long number = integer(value, message);
        if (number < 0) {
            throw new WorldForgeException(message);
        }
        return number;
    }

    /** The reference's {@code require_finite_number}: ints and floats (not booleans), finite. */
    static double finiteNumber(@Nullable JsonValue value, String name) {
        double number;
        if (value instanceof JsonInt i) {
            number = i.doubleValue();
        } else if (value instanceof JsonFloat f) {
            number = f.value();
        } else {
            throw new WorldForgeException(name + " must be a finite number.");
        }
        if (!Double.isFinite(number)) {
            throw new WorldForgeException(name + " must be a finite number.");
        }
        return number;
    }

    static double positiveNumber(@Nullable JsonValue value, String name) {
        return positiveNumber(finiteNumber(value, name), name);
    }

    static double positiveNumber(double number, String name) {
        if (!Double.isFinite(number)) {
            throw new WorldForgeException(name + " must be a finite number.");
        }
        if (number <= 0.0) {
            throw new WorldForgeException(name + " must be greater than 0.");
        }
        return number;
    }

    static double nonNegativeNumber(double number, String name) {
        if (!Double.isFinite(number)) {
            throw new WorldForgeException(name + " must be a finite number.");
        }
        if (number < 0.0) {
            throw new WorldForgeException(name + " must be greater than or equal to 0.");
        }
        return number;
    }

    /** A non-empty JSON object that the canonical writer accepts (finite numbers only). */
    static JsonObject requiredJsonObject(@Nullable JsonValue value, String name) {
        if (!(value instanceof JsonObject object) || object.isEmpty()) {
            throw new WorldForgeException(name + " must be a non-empty JSON object.");
        }
        object.toCanonicalJson();
        return object;
    }

    /** Rejects keys outside {@code allowed}: {@code {name} contains unknown key(s): …. Allowed keys: ….}. */
    static void rejectUnknownKeys(JsonObject payload, Set<String> allowed, String name) {
        TreeSet<String> unknown = new TreeSet<>(payload.keys());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new WorldForgeException(name + " contains unknown key(s): " + String.join(", ", unknown)
                    + ". Allowed keys: " + String.join(", ", new TreeSet<>(allowed)) + ".");
        }
    }

    /** The reference's {@code _format_optional_number}: ints via {@code str}, floats {@code %.4f}. */
    static String formatNumber(Optional<Number> value) {
        return value.map(BenchmarkContracts::formatNumber).orElse("");
    }

    static String formatNumber(Number value) {
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        return PyFormat.fixed(value.doubleValue(), 4);
    }

    /** {@code Long} as a JSON int, anything else as a JSON float. */
    static JsonValue numberJson(Number value) {
        if (value instanceof Long || value instanceof Integer) {
            return JsonInt.of(value.longValue());
        }
        return JsonFloat.of(value.doubleValue());
    }

    /**
     * Python {@code csv} minimal quoting with {@code \r\n} rows: a field is quoted when it holds a
     * comma, a quote, {@code \r} or {@code \n}; quotes are doubled.
     */
    static String csvRow(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = fields.get(i);
            if (field.indexOf(',') >= 0
                    || field.indexOf('"') >= 0
                    || field.indexOf('\r') >= 0
                    || field.indexOf('\n') >= 0) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
        return out.append("\r\n").toString();
    }

    /** Python {@code str.strip()} of the joined rows, as the reference's CSV writers do. */
    static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        rows.forEach(row -> out.append(csvRow(row)));
        return PyStrings.strip(out.toString());
    }
}
