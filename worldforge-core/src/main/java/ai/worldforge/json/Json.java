package ai.worldforge.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The canonical JSON codec. Writing produces Python's {@code json.dumps(value, sort_keys=True,
 * separators=(",", ":"), allow_nan=False)} byte for byte (see {@link CanonicalJsonWriter});
 * parsing accepts what Python's {@code json.loads} accepts: {@code NaN}, {@code Infinity} and
 * {@code -Infinity} become non-finite {@link JsonFloat}s so validation can reject them by name,
 * integers of any size stay {@link JsonInt}s, and a duplicate key keeps its first position with
 * the last value. Syntax errors are {@link JsonSyntaxException}s with Python's messages. Stateless
 * and thread-safe.
 */
public final class Json {
    /**
     * How deep objects and arrays may nest, in values and in documents: Jackson's default and
     * about what CPython's recursive {@code json} module reads. Parsing a deeper document and
     * building a deeper value both throw {@link JsonDepthException}, so every recursive walk over
     * a value stays within a small, bounded stack.
     */
    public static final int MAX_DEPTH = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(512 * 1024 * 1024)
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(10_000)
                    .build())
            .build();

    private Json() {}

    /**
     * Canonical compact text: sorted keys, no whitespace, ASCII escapes, Python float text.
     *
     * @throws ai.worldforge.error.WorldForgeException if the value holds a NaN or an infinity
     */
    public static String write(JsonValue value) {
        CanonicalJsonWriter writer = CanonicalJsonWriter.inMemory();
        writer.writeValue(value);
        return writer.toAsciiString();
    }

    /** Canonical compact text as ASCII bytes (see {@link #write(JsonValue)}). */
    public static byte[] writeBytes(JsonValue value) {
        CanonicalJsonWriter writer = CanonicalJsonWriter.inMemory();
        writer.writeValue(value);
        return writer.toByteArray();
    }

    /** Streams canonical compact text to {@code out}, which is flushed but not closed. */
    public static void write(JsonValue value, OutputStream out) throws IOException {
        CanonicalJsonWriter writer = new CanonicalJsonWriter(out);
        try {
            writer.writeValue(value);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    /**
     * Python {@code json.dumps(value, indent=2, sort_keys=True)}: ASCII escapes, {@code ": "}
     * after keys, {@code ","} at line ends, no trailing newline. Non-finite floats are refused.
     */
    public static String writePretty(JsonValue value) {
        return writePretty(value, true);
    }

    /**
     * Python {@code json.dumps(value, indent=2, sort_keys=sortKeys)}; without sorting, objects keep
     * insertion order (the CLI's default JSON output).
     */
    public static String writePretty(JsonValue value, boolean sortKeys) {
        CanonicalJsonWriter writer = CanonicalJsonWriter.inMemory();
        writer.writePretty(value, 0, sortKeys);
        return writer.toAsciiString();
    }

    /**
     * Python {@code json.dumps(value, sort_keys=True)} with its default separators ({@code ", "}
     * and {@code ": "}), ASCII escapes and no newline. Non-finite floats are refused.
     */
    public static String writeSpacedSorted(JsonValue value) {
        CanonicalJsonWriter writer = CanonicalJsonWriter.inMemory();
        writer.writeSpaced(value);
        return writer.toAsciiString();
    }

    /**
     * Python {@code repr(float)}: the shortest digits that read back as {@code value}, positional
     * for decimal exponents -4 to 15 ({@code 0.0001}, {@code 1e+16}, {@code 1e-05}). Non-finite
     * values give {@code NaN}, {@code Infinity} or {@code -Infinity} (JSON's tokens).
     */
    public static String formatDouble(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : (value > 0 ? "Infinity" : "-Infinity");
        }
        return PythonFloats.repr(value);
    }

    /** Parses JSON text (Python's {@code json.loads} of a {@code str}). */
    public static JsonValue parse(String text) {
        if (text.startsWith("\ufeff")) {
            throw new JsonSyntaxException(
                    JsonSyntaxException.format("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0), null);
        }
        try {
            return read(FACTORY.createParser(text), false);
        } catch (JsonSyntaxException | JsonProcessingException e) {
            JsonSyntaxException python = JsonSyntaxException.diagnose(text, e);
            if (python != null) {
                throw python;
            }
            // Python accepts it: Jackson refuses escaped lone surrogates in member names (read
            // them as raw code units instead), or a size limit was hit (the retry fails again).
            try {
                return read(FACTORY.createParser(new SurrogateEscapes(new StringReader(text))), false);
            } catch (JsonProcessingException again) {
                throw JsonSyntaxException.fromJackson(again);
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses UTF-8 JSON bytes (Python's {@code json.loads} of {@code bytes}: a leading byte-order
     * mark is skipped).
     */
    public static JsonValue parse(byte[] utf8) {
        try {
            return read(FACTORY.createParser(utf8), false);
        } catch (JsonSyntaxException | JsonProcessingException e) {
            // Re-read as text for Python's exact message (or the cases Jackson refuses).
            int bom =
                    utf8.length >= 3 && (utf8[0] & 0xFF) == 0xEF && (utf8[1] & 0xFF) == 0xBB && (utf8[2] & 0xFF) == 0xBF
                            ? 3
                            : 0;
            String text;
            try {
                text = strictUtf8()
                        .decode(ByteBuffer.wrap(utf8, bom, utf8.length - bom))
                        .toString();
            } catch (CharacterCodingException notUtf8) {
                throw e instanceof JsonProcessingException jackson
                        ? JsonSyntaxException.fromJackson(jackson)
                        : (JsonSyntaxException) e;
            }
            return parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a UTF-8 JSON stream; {@code in} is not closed. */
    public static JsonValue parse(InputStream in) throws IOException {
        return parse(in, false);
    }

    /**
     * Parses a UTF-8 JSON stream; {@code in} is not closed. With {@code deduplicate}, the tree is
     * hash-consed while it is built: equal strings and numbers, and objects and arrays with the
     * same members in the same order, become one shared instance. A world file holding a thousand
     * history snapshots of mostly identical scene objects then costs little more memory than one
     * snapshot. The result equals the plain parse. Malformed UTF-8 is reported as an {@link
     * IOException} ({@link java.nio.charset.MalformedInputException}).
     */
    public static JsonValue parse(InputStream in, boolean deduplicate) throws IOException {
        try {
            return read(
                    FACTORY.createParser(new SurrogateEscapes(new InputStreamReader(in, strictUtf8()))), deduplicate);
        } catch (JsonProcessingException e) {
            throw JsonSyntaxException.fromJackson(e);
        }
    }

    private static JsonValue read(JsonParser parser, boolean deduplicate) throws IOException {
        try (parser) {
            return new TreeReader(parser, deduplicate).read();
        } catch (StreamConstraintsException e) {
            // Too deep is valid JSON that no walk should have to follow: its own error, whichever
            // of the parse paths below sees it first.
            String message = e.getOriginalMessage();
            if (message != null && message.contains("nesting depth")) {
                throw new JsonDepthException();
            }
            throw e;
        }
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Replaces each {@code \}{@code uXXXX} escape of a surrogate with the raw code unit. Jackson
     * refuses an escaped unpaired surrogate in a member name, where Python (and the canonical
     * writer) allow it; raw code units pass through. Outside strings a backslash is an error
     * either way, and an escaped backslash is copied with the character it escapes.
     */
    private static final class SurrogateEscapes extends java.io.Reader {
        private final java.io.Reader in;
        private final char[] data = new char[16 * 1024];
        private int pos;
        private int limit;
        private boolean eof;
        /** Characters still to copy as they are: what follows a backslash (and a {@code \\u}'s digits). */
        private int literal;

        SurrogateEscapes(java.io.Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int out = 0;
            while (out < length) {
                if (limit - pos < 6 && !eof) {
                    System.arraycopy(data, pos, data, 0, limit - pos);
                    limit -= pos;
                    pos = 0;
                    int n = in.read(data, limit, data.length - limit);
                    eof = n < 0;
                    limit += Math.max(n, 0);
                    continue;
                }
                if (pos == limit) {
                    break;
                }
                if (literal > 0) {
                    literal--;
                    buffer[offset + out++] = data[pos++];
                    continue;
                }
                // A run without backslashes, keeping five characters of look-ahead for an escape.
                int end = Math.min(eof ? limit : limit - 5, pos + length - out);
                int start = pos;
                while (pos < end && data[pos] != '\\') {
                    pos++;
                }
                System.arraycopy(data, start, buffer, offset + out, pos - start);
                out += pos - start;
                if (pos < end) {
                    int unit = surrogateEscape();
                    if (unit >= 0) {
                        buffer[offset + out++] = (char) unit;
                        pos += 6;
                    } else {
                        buffer[offset + out++] = '\\';
                        pos++;
                        literal = pos < limit && data[pos] == 'u' ? 5 : 1;
                    }
                }
            }
            return out == 0 ? -1 : out;
        }

        /** The code unit of a {@code \}{@code uD800}–{@code \}{@code uDFFF} escape at {@code pos}, or -1. */
        private int surrogateEscape() {
            if (pos + 6 > limit || data[pos + 1] != 'u') {
                return -1;
            }
            int unit = 0;
            for (int i = pos + 2; i < pos + 6; i++) {
                int digit = data[i] < 128 ? Character.digit(data[i], 16) : -1;
                if (digit < 0) {
                    return -1;
                }
                unit = unit << 4 | digit;
            }
            return unit >= 0xD800 && unit <= 0xDFFF ? unit : -1;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * One parse without recursion: values of open containers wait on an explicit stack. With
     * hash-consing, leaves are looked up by their token text (no string or number is built for a
     * repeat) and containers by their members' identities, which are already canonical.
     */
    private static final class TreeReader {
        private static final byte STRING = 1;
        private static final byte INTEGER = 2;
        private static final byte FLOAT = 3;

        private final JsonParser parser;
        private final boolean dedupe;

        /** Values of open containers, with their keys for objects. */
        private JsonValue[] values = new JsonValue[64];

        private String[] keys = new String[64];
        private int size;
        /** Per open container: where its values start, and the parent's pending key. */
        private int[] bases = new int[16];

        private String[] savedKeys = new String[16];
        private int depth;

        // Leaf pool: open addressing keyed by (kind, token text).
        private int[] leafHashes = new int[0];
        private byte[] leafKinds = new byte[0];
        private @Nullable String[] leafTexts = new String[0];
        private JsonValue[] leafValues = new JsonValue[0];
        private int leafCount;
        // Container pool: open addressing keyed by members' identities.
        private int[] nodeHashes = new int[0];
        private @Nullable JsonValue[] nodes = new JsonValue[0];
        private int nodeCount;
        /** Numbers spelled differently but equal ({@code 1.0}, {@code 1.00}) share one instance. */
        private final Map<JsonValue, JsonValue> numbers = new HashMap<>();

        TreeReader(JsonParser parser, boolean dedupe) {
            this.parser = parser;
            this.dedupe = dedupe;
            if (dedupe) {
                leafHashes = new int[1024];
                leafKinds = new byte[1024];
                leafTexts = new String[1024];
                leafValues = new JsonValue[1024];
                nodeHashes = new int[1024];
                nodes = new JsonValue[1024];
            }
        }

        JsonValue read() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new JsonSyntaxException(
                        JsonSyntaxException.at("Expecting value", parser.currentLocation()), null);
            }
            while (true) {
                JsonValue value;
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        open();
                        token = next();
                        continue;
                    }
                    case FIELD_NAME -> {
                        reserve();
                        keys[size] = parser.currentName();
                        token = next();
                        continue;
                    }
                    case END_OBJECT -> value = closeObject();
                    case END_ARRAY -> value = closeArray();
                    case VALUE_STRING -> value = dedupe ? leaf(STRING) : JsonString.of(parser.getText());
                    case VALUE_NUMBER_INT -> value = dedupe ? leaf(INTEGER) : integer();
                    case VALUE_NUMBER_FLOAT -> value = dedupe ? leaf(FLOAT) : floating();
                    case VALUE_TRUE -> value = JsonBool.TRUE;
                    case VALUE_FALSE -> value = JsonBool.FALSE;
                    case VALUE_NULL -> value = JsonNull.INSTANCE;
                    default ->
                        throw new JsonSyntaxException(
                                JsonSyntaxException.at("Expecting value", parser.currentTokenLocation()), null);
                }
                if (depth == 0) {
                    expectEnd();
                    return value;
                }
                reserve();
                values[size++] = value;
                token = next();
            }
        }

        private JsonToken next() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new JsonSyntaxException(
                        JsonSyntaxException.at("Expecting value", parser.currentLocation()), null);
            }
            return token;
        }

        private void expectEnd() throws IOException {
            JsonToken trailing;
            try {
                trailing = parser.nextToken();
            } catch (JsonProcessingException e) {
                throw new JsonSyntaxException(JsonSyntaxException.at("Extra data", e.getLocation()), e);
            }
            if (trailing != null) {
                throw new JsonSyntaxException(
                        JsonSyntaxException.at("Extra data", parser.currentTokenLocation()), null);
            }
        }

        private void reserve() {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                keys = Arrays.copyOf(keys, size * 2);
            }
        }

        private void open() {
            if (depth == bases.length) {
                bases = Arrays.copyOf(bases, depth * 2);
                savedKeys = Arrays.copyOf(savedKeys, depth * 2);
            }
            reserve();
            bases[depth] = size;
            savedKeys[depth] = keys[size];
            depth++;
        }

        /** Pops the innermost container and restores its parent's pending key. */
        private int close() {
            int base = bases[--depth];
            keys[base] = savedKeys[depth];
            savedKeys[depth] = null;
            return base;
        }

        private JsonValue closeObject() {
            int base = bases[depth - 1];
            int n = size - base;
            JsonValue result;
            if (n == 0) {
                result = JsonObject.EMPTY;
            } else if (!dedupe) {
                result = JsonObject.adopt(members(base, n));
            } else {
                result = internObject(base, n);
            }
            Arrays.fill(values, base, size, null);
            size = close();
            return result;
        }

        private JsonValue closeArray() {
            int base = bases[depth - 1];
            int n = size - base;
            JsonValue result;
            if (n == 0) {
                result = JsonArray.EMPTY;
            } else if (!dedupe) {
                result = JsonArray.of(Arrays.copyOfRange(values, base, size));
            } else {
                result = internArray(base, n);
            }
            Arrays.fill(values, base, size, null);
            size = close();
            return result;
        }

        private LinkedHashMap<String, JsonValue> members(int base, int n) {
            LinkedHashMap<String, JsonValue> map = new LinkedHashMap<>((int) (n / 0.75f) + 1);
            for (int i = base; i < base + n; i++) {
                map.put(keys[i], values[i]);
            }
            return map;
        }

        private JsonValue internObject(int base, int n) {
            LinkedHashMap<String, JsonValue> built = null;
            if (hasDuplicateKeys(base, n)) {
                built = members(base, n);
                int i = base;
                for (Map.Entry<String, JsonValue> e : built.entrySet()) {
                    keys[i] = e.getKey();
                    values[i++] = e.getValue();
                }
                Arrays.fill(values, i, base + n, null);
                size = i;
                n = i - base;
            }
            int h = 0x6f626a;
            for (int i = base; i < base + n; i++) {
                h = 31 * (31 * h + keys[i].hashCode()) + System.identityHashCode(values[i]);
            }
            h = spread(h);
            int mask = nodes.length - 1;
            int slot = h & mask;
            JsonValue candidate;
            while ((candidate = nodes[slot]) != null) {
                if (nodeHashes[slot] == h && candidate instanceof JsonObject o && sameMembers(o, base, n)) {
                    return o;
                }
                slot = (slot + 1) & mask;
            }
            JsonObject created = JsonObject.adopt(built != null ? built : members(base, n));
            addNode(slot, h, created);
            return created;
        }

        private boolean hasDuplicateKeys(int base, int n) {
            if (n > 12) {
                return members(base, n).size() != n;
            }
            for (int i = base + 1; i < base + n; i++) {
                for (int j = base; j < i; j++) {
                    if (keys[i].equals(keys[j])) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean sameMembers(JsonObject o, int base, int n) {
            if (o.size() != n) {
                return false;
            }
            int i = base;
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                if (e.getValue() != values[i] || !e.getKey().equals(keys[i])) {
                    return false;
                }
                i++;
            }
            return true;
        }

        private JsonValue internArray(int base, int n) {
            int h = 0x617272;
            for (int i = base; i < base + n; i++) {
                h = 31 * h + System.identityHashCode(values[i]);
            }
            h = spread(h);
            int mask = nodes.length - 1;
            int slot = h & mask;
            JsonValue candidate;
            while ((candidate = nodes[slot]) != null) {
                if (nodeHashes[slot] == h && candidate instanceof JsonArray a && sameItems(a, base, n)) {
                    return a;
                }
                slot = (slot + 1) & mask;
            }
            JsonArray created = JsonArray.of(Arrays.copyOfRange(values, base, base + n));
            addNode(slot, h, created);
            return created;
        }

        private boolean sameItems(JsonArray a, int base, int n) {
            if (a.size() != n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (a.get(i) != values[base + i]) {
                    return false;
                }
            }
            return true;
        }

        private void addNode(int slot, int hash, JsonValue node) {
            nodes[slot] = node;
            nodeHashes[slot] = hash;
            if (++nodeCount * 2 > nodes.length) {
                @Nullable JsonValue[] old = nodes;
                int[] oldHashes = nodeHashes;
                nodes = new JsonValue[old.length * 2];
                nodeHashes = new int[old.length * 2];
                int mask = nodes.length - 1;
                for (int i = 0; i < old.length; i++) {
                    if (old[i] != null) {
                        int s = oldHashes[i] & mask;
                        while (nodes[s] != null) {
                            s = (s + 1) & mask;
                        }
                        nodes[s] = old[i];
                        nodeHashes[s] = oldHashes[i];
                    }
                }
            }
        }

        /** The shared instance for the current string or number token, keyed by its text. */
        private JsonValue leaf(byte kind) throws IOException {
            char[] chars = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            int length = parser.getTextLength();
            int h = kind;
            for (int i = offset; i < offset + length; i++) {
                h = 31 * h + chars[i];
            }
            h = spread(h);
            int mask = leafTexts.length - 1;
            int slot = h & mask;
            String text;
            while ((text = leafTexts[slot]) != null) {
                if (leafHashes[slot] == h && leafKinds[slot] == kind && sameText(text, chars, offset, length)) {
                    return leafValues[slot];
                }
                slot = (slot + 1) & mask;
            }
            text = new String(chars, offset, length);
            JsonValue value;
            if (kind == STRING) {
                value = JsonString.of(text);
            } else {
                value = kind == INTEGER ? integer() : floating();
                JsonValue shared = numbers.putIfAbsent(value, value);
                value = shared != null ? shared : value;
            }
            leafTexts[slot] = text;
            leafHashes[slot] = h;
            leafKinds[slot] = kind;
            leafValues[slot] = value;
            if (++leafCount * 2 > leafTexts.length) {
                growLeaves();
            }
            return value;
        }

        private static boolean sameText(String text, char[] chars, int offset, int length) {
            if (text.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (text.charAt(i) != chars[offset + i]) {
                    return false;
                }
            }
            return true;
        }

        private void growLeaves() {
            @Nullable String[] oldTexts = leafTexts;
            int[] oldHashes = leafHashes;
            byte[] oldKinds = leafKinds;
            JsonValue[] oldValues = leafValues;
            int capacity = oldTexts.length * 2;
            leafTexts = new String[capacity];
            leafHashes = new int[capacity];
            leafKinds = new byte[capacity];
            leafValues = new JsonValue[capacity];
            int mask = capacity - 1;
            for (int i = 0; i < oldTexts.length; i++) {
                if (oldTexts[i] != null) {
                    int s = oldHashes[i] & mask;
                    while (leafTexts[s] != null) {
                        s = (s + 1) & mask;
                    }
                    leafTexts[s] = oldTexts[i];
                    leafHashes[s] = oldHashes[i];
                    leafKinds[s] = oldKinds[i];
                    leafValues[s] = oldValues[i];
                }
            }
        }

        private static int spread(int h) {
            h *= 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        private JsonValue integer() throws IOException {
            return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? new JsonInt(parser.getBigIntegerValue())
                    : JsonInt.of(parser.getLongValue());
        }

        /** A float; Jackson's extra non-finite spellings ({@code +Infinity}, {@code -INF}) are refused. */
        private JsonValue floating() throws IOException {
            double value = parser.getDoubleValue();
            if (!Double.isFinite(value)) {
                String text = parser.getText();
                boolean overflow = !text.isEmpty()
                        && (Character.isDigit(text.charAt(0))
                                || text.length() > 1 && text.charAt(0) == '-' && Character.isDigit(text.charAt(1)));
                if (!overflow && !text.equals("NaN") && !text.equals("Infinity") && !text.equals("-Infinity")) {
                    throw new JsonSyntaxException(
                            JsonSyntaxException.at("Expecting value", parser.currentTokenLocation()), null);
                }
            }
            return JsonFloat.of(value);
        }
    }
}
