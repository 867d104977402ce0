package ai.worldforge.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Canonical JSON text (compact, sorted keys, ASCII escapes, Python float text) and a parser with
 * Python's tolerance ({@code NaN}/{@code Infinity} tokens are read so validation can reject them
 * by name; duplicate keys keep the last value at the first position). Stateless and thread-safe.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(512 * 1024 * 1024)
                    .maxNestingDepth(10_000)
                    .maxNumberLength(10_000)
                    .build())
            .build();

    private Json() {}

    /** Canonical compact text. Non-finite floats throw {@link ai.worldforge.error.WorldForgeException}. */
    public static String write(JsonValue value) {
        return new String(writeBytes(value), StandardCharsets.US_ASCII);
    }

    /** Canonical compact text as ASCII bytes. */
    public static byte[] writeBytes(JsonValue value) {
        return CanonicalJsonWriter.toBytes(w -> w.writeValue(value));
    }

    /** Streams canonical compact text to {@code out}. */
    public static void write(JsonValue value, java.io.OutputStream out) throws IOException {
        CanonicalJsonWriter writer = new CanonicalJsonWriter(out);
        writer.writeValue(value);
        writer.flush();
    }

    /** Python {@code json.dumps(value, indent=2, sort_keys=True)}: ASCII, {@code ": "} after keys. */
    public static String writePretty(JsonValue value) {
        return writePretty(value, true);
    }

    /**
     * Python {@code json.dumps(value, indent=2, sort_keys=sortKeys)}; without sorting, objects keep
     * insertion order (the CLI's default JSON output).
     */
    public static String writePretty(JsonValue value, boolean sortKeys) {
        StringBuilder out = new StringBuilder();
        pretty(value, 0, sortKeys, out);
        return out.toString();
    }

    private static void pretty(JsonValue value, int depth, boolean sortKeys, StringBuilder out) {
        if (value instanceof JsonObject o && !o.isEmpty()) {
            String[] keys = o.keys().toArray(new String[0]);
            if (sortKeys) {
                Arrays.sort(keys);
            }
            out.append('{');
            for (int k = 0; k < keys.length; k++) {
                out.append(k == 0 ? "\n" : ",\n");
                indent(depth + 1, out);
                out.append(write(JsonString.of(keys[k]))).append(": ");
                pretty(o.get(keys[k]), depth + 1, sortKeys, out);
            }
            out.append('\n');
            indent(depth, out);
            out.append('}');
        } else if (value instanceof JsonArray a && !a.isEmpty()) {
            out.append('[');
            for (int k = 0; k < a.size(); k++) {
                out.append(k == 0 ? "\n" : ",\n");
                indent(depth + 1, out);
                pretty(a.get(k), depth + 1, sortKeys, out);
            }
            out.append('\n');
            indent(depth, out);
            out.append(']');
        } else {
            out.append(write(value));
        }
    }

    private static void indent(int depth, StringBuilder out) {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    /** Python {@code repr(float)} text of a finite double. */
    public static String formatDouble(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : (value > 0 ? "Infinity" : "-Infinity");
        }
        return PythonFloats.repr(value);
    }

    /** Parses JSON text. */
    public static JsonValue parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return read(parser, null);
        } catch (IOException e) {
            throw syntax(e);
        }
    }

    /** Parses UTF-8 JSON bytes. */
    public static JsonValue parse(byte[] utf8) {
        try (JsonParser parser = FACTORY.createParser(utf8)) {
            return read(parser, null);
        } catch (IOException e) {
            throw syntax(e);
        }
    }

    /** Parses a UTF-8 JSON stream. */
    public static JsonValue parse(InputStream in) throws IOException {
        return parse(in, false);
    }

    /**
     * Parses a UTF-8 JSON stream; with {@code deduplicate}, equal strings, numbers and subtrees are
     * shared, which keeps files with many repeated snapshots small in memory.
     */
    public static JsonValue parse(InputStream in, boolean deduplicate) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            return read(parser, deduplicate ? new HashMap<>() : null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw syntax(e);
        }
    }

    private static JsonSyntaxException syntax(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException processing) {
            String message = processing.getOriginalMessage();
            String first = message == null
                    ? "Invalid JSON"
                    : message.lines().findFirst().orElse(message);
            JsonLocation location = processing.getLocation();
            if (location != null && location.getLineNr() > 0) {
                first = first + ": line " + location.getLineNr() + " column " + location.getColumnNr() + " (char "
                        + Math.max(0, location.getCharOffset()) + ")";
            }
            return new JsonSyntaxException(first, e);
        }
        throw new UncheckedIOException(e);
    }

    private static JsonValue read(JsonParser parser, @Nullable Map<JsonValue, JsonValue> pool) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new JsonSyntaxException("Expecting value: line 1 column 1 (char 0)", null);
        }
        JsonValue value = readValue(parser, token, pool);
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            JsonLocation at = parser.currentTokenLocation();
            throw new JsonSyntaxException(
                    "Extra data: line " + at.getLineNr() + " column " + at.getColumnNr() + " (char "
                            + Math.max(0, at.getCharOffset()) + ")",
                    null);
        }
        return value;
    }

    private static JsonValue readValue(JsonParser parser, JsonToken token, @Nullable Map<JsonValue, JsonValue> pool)
            throws IOException {
        JsonValue value;
        switch (token) {
            case START_OBJECT -> {
                LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    if (pool != null) {
                        key = ((JsonString) intern(JsonString.of(key), pool)).value();
                    }
                    members.put(key, readValue(parser, parser.nextToken(), pool));
                }
                if (next != JsonToken.END_OBJECT) {
                    throw new JsonSyntaxException("Expecting property name enclosed in double quotes", null);
                }
                value = JsonObject.adopt(members);
            }
            case START_ARRAY -> {
                List<JsonValue> items = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (next == null) {
                        throw new JsonSyntaxException("Unterminated array", null);
                    }
                    items.add(readValue(parser, next, pool));
                }
                value = items.isEmpty() ? JsonArray.EMPTY : new JsonArray(items);
            }
            case VALUE_STRING -> value = JsonString.of(parser.getText());
            case VALUE_NUMBER_INT ->
                value = parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? new JsonInt(parser.getBigIntegerValue())
                        : JsonInt.of(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> value = JsonFloat.of(parser.getDoubleValue());
            case VALUE_TRUE -> value = JsonBool.TRUE;
            case VALUE_FALSE -> value = JsonBool.FALSE;
            case VALUE_NULL -> value = JsonNull.INSTANCE;
            default -> throw new JsonSyntaxException("Expecting value, found " + token, null);
        }
        return pool == null ? value : intern(value, pool);
    }

    private static JsonValue intern(JsonValue value, Map<JsonValue, JsonValue> pool) {
        if (value instanceof JsonBool || value instanceof JsonNull) {
            return value;
        }
        JsonValue existing = pool.putIfAbsent(value, value);
        return existing == null ? value : existing;
    }
}
