package ai.worldforge.comparison;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Python conversions the comparison applies to persisted, loosely typed payloads. */
final class PyValues {
    private PyValues() {}

    /** {@code dict(value) if isinstance(value, dict) else {}}. */
    static JsonObject object(@Nullable JsonValue value) {
        return value instanceof JsonObject o ? o : JsonObject.EMPTY;
    }

    /** The items of a list, else nothing. */
    static List<JsonValue> list(@Nullable JsonValue value) {
        return value instanceof JsonArray a ? a.items() : List.of();
    }

    /** The object items of a list. */
    static List<JsonObject> objects(@Nullable JsonValue value) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue item : list(value)) {
            if (item instanceof JsonObject o) {
                out.add(o);
            }
        }
        return out;
    }

    static JsonValue orNull(@Nullable JsonValue value) {
        return value == null ? JsonNull.INSTANCE : value;
    }

    /** Stripped non-blank text, or null. */
    static @Nullable String optionalText(@Nullable JsonValue value) {
        if (!(value instanceof JsonString s)) {
            return null;
        }
        String stripped = PyStrings.strip(s.value());
        return stripped.isEmpty() ? null : stripped;
    }

    /** {@code sha256:}-prefixed digest text, or null. */
    static @Nullable String normalizedDigest(@Nullable JsonValue value) {
        String text = optionalText(value);
        if (text == null) {
            return null;
        }
        return text.startsWith("sha256:") ? text : "sha256:" + text;
    }

    /** Python {@code float(value)}, or null when it is None or not convertible. */
    static @Nullable Double optionalFloat(@Nullable JsonValue value) {
        if (value == null || value instanceof JsonNull) {
            return null;
        }
        if (value instanceof JsonFloat f) {
            return f.value();
        }
        if (value instanceof JsonInt i) {
            return i.doubleValue();
        }
        if (value instanceof JsonBool b) {
            return b.value() ? 1.0 : 0.0;
        }
        if (value instanceof JsonString s) {
            try {
                return JsonReads.toDouble(s, "value");
            } catch (WorldForgeException notNumeric) {
                return null;
            }
        }
        return null;
    }

    /** Python {@code int(value or 0)}. */
    static long toInt(@Nullable JsonValue value) {
        if (!JsonReads.truthy(value)) {
            return 0;
        }
        if (value instanceof JsonInt i) {
            return i.value().longValue();
        }
        if (value instanceof JsonFloat f) {
            if (!Double.isFinite(f.value())) {
                throw new WorldForgeException("cannot convert float " + Json.formatDouble(f.value()) + " to integer");
            }
            return new BigDecimal(f.value()).longValue();
        }
        if (value instanceof JsonBool b) {
            return b.value() ? 1 : 0;
        }
        if (value instanceof JsonString s) {
            try {
                return Long.parseLong(PyStrings.strip(s.value()).replace("_", ""));
            } catch (NumberFormatException e) {
                throw new WorldForgeException("invalid literal for int() with base 10: " + repr(value), e);
            }
        }
        throw new WorldForgeException("int() argument must be a string, a bytes-like object or a real number, not '"
                + value.typeName() + "'");
    }

    /** The values of a {@code _strings} scan: a string, the items of a list or the keys of a dict. */
    static List<String> strings(@Nullable JsonValue values) {
        List<JsonValue> raw = new ArrayList<>();
        if (values instanceof JsonString) {
            raw.add(values);
        } else if (values instanceof JsonArray a) {
            raw.addAll(a.items());
        } else if (values instanceof JsonObject o) {
            o.keys().forEach(k -> raw.add(JsonString.of(k)));
        }
        return strings(raw);
    }

    /** Stripped, non-blank, de-duplicated strings of {@code values}, in order. */
    static List<String> strings(List<? extends @Nullable JsonValue> values) {
        List<String> out = new ArrayList<>();
        for (JsonValue value : values) {
            if (value instanceof JsonString s) {
                String stripped = PyStrings.strip(s.value());
                if (!stripped.isEmpty() && !out.contains(stripped)) {
                    out.add(stripped);
                }
            }
        }
        return out;
    }

    /** Sorted union of string lists. */
    static List<String> sortedUnion(List<List<String>> lists) {
        TreeSet<String> union = new TreeSet<>();
        for (List<String> values : lists) {
            for (String value : values) {
                if (!value.isEmpty()) {
                    union.add(value);
                }
            }
        }
        return new ArrayList<>(union);
    }

    static JsonArray jsonStrings(List<String> values) {
        return JsonArray.copyOf(
                values.stream().map(v -> (JsonValue) JsonString.of(v)).toList());
    }

    static List<String> javaStrings(@Nullable JsonValue value) {
        List<String> out = new ArrayList<>();
        for (JsonValue item : list(value)) {
            out.add(str(item));
        }
        return out;
    }

    /** Python {@code str(value)}. */
    static String str(@Nullable JsonValue value) {
        if (value == null || value instanceof JsonNull) {
            return "None";
        }
        if (value instanceof JsonArray || value instanceof JsonObject) {
            return repr(value);
        }
        return JsonReads.toStr(value);
    }

    /** Python {@code repr(value)} of a JSON-decoded value. */
    static String repr(JsonValue value) {
        if (value instanceof JsonString s) {
            return reprString(s.value());
        }
        if (value instanceof JsonArray a) {
            List<String> parts = new ArrayList<>();
            for (JsonValue item : a) {
                parts.add(repr(item));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        if (value instanceof JsonObject o) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonValue> entry : o.members().entrySet()) {
                parts.add(reprString(entry.getKey()) + ": " + repr(entry.getValue()));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        return str(value);
    }

    private static String reprString(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(quote).toString();
    }

    /** Python truthiness. */
    static boolean truthy(@Nullable JsonValue value) {
        return JsonReads.truthy(value);
    }
}
