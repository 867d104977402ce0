package ai.worldforge.json;

import ai.worldforge.error.WorldForgeException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Streams canonical JSON — Python's {@code json.dumps(sort_keys=True, separators=(",", ":"),
 * ensure_ascii=True, allow_nan=False)} — to an {@link OutputStream} through its own 64 KiB buffer.
 * Serialisers of large typed objects write keys in sorted order themselves and may reuse cached
 * bytes for repeated subtrees through {@link #writeRaw(byte[])}.
 *
 * <p>Strings are escaped like Python's {@code ensure_ascii}: {@code "} and {@code \} get a
 * backslash, {@code \n \r \t \b \f} their short escapes, and every other UTF-16 code unit below
 * 0x20 or from 0x7f up becomes {@code \}{@code uXXXX} in lowercase hex (so supplementary characters
 * become surrogate pairs and lone surrogates survive); {@code /} is not escaped. Floats use Python's
 * {@code repr}; a NaN or infinity is refused with a {@link WorldForgeException}.
 *
 * <p>A failure of the underlying stream while the buffer is drained surfaces as an {@link
 * UncheckedIOException}; {@link #flush()} reports it as an {@link IOException}. Not thread-safe;
 * use one writer per output.
 */
public final class CanonicalJsonWriter {
    static final String NON_FINITE = "Payload must be JSON serializable and contain only finite numbers.";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
    /** Longest output of one UTF-16 code unit ({@code \}{@code u00e9}). */
    private static final int MAX_ESCAPE = 6;
    /** Bound on the per-writer float text cache. */
    private static final int DOUBLE_CACHE_LIMIT = 1 << 16;

    /** Destination, or {@code null} when the writer grows its buffer in memory. */
    private final @Nullable OutputStream out;

    private byte[] buffer;
    private int position;
    private final Map<Long, byte[]> doubles = new HashMap<>();

    /** A writer over {@code out}; call {@link #flush()} when done. */
    public CanonicalJsonWriter(OutputStream out) {
        this.out = out;
        this.buffer = new byte[1 << 16];
    }

    private CanonicalJsonWriter(int initialCapacity) {
        this.out = null;
        this.buffer = new byte[initialCapacity];
    }

    /** Runs {@code body} against an in-memory writer and returns the bytes written. */
    public static byte[] toBytes(Consumer<CanonicalJsonWriter> body) {
        CanonicalJsonWriter writer = new CanonicalJsonWriter(256);
        body.accept(writer);
        return writer.toByteArray();
    }

    /** In-memory writer used by {@link Json}. */
    static CanonicalJsonWriter inMemory() {
        return new CanonicalJsonWriter(256);
    }

    /** The bytes of an in-memory writer. */
    byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    /** The text of an in-memory writer. */
    String toAsciiString() {
        return new String(buffer, 0, position, StandardCharsets.ISO_8859_1);
    }

    /** Makes room for {@code room} more bytes (draining or growing the buffer). */
    private void ensure(int room) {
        if (room > buffer.length - position) {
            makeRoom(room);
        }
    }

    private void makeRoom(int room) {
        if (out == null) {
            long needed = (long) position + room;
            if (needed > Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("Canonical JSON output exceeds 2 GiB.");
            }
            int capacity = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, 2L * buffer.length));
            buffer = Arrays.copyOf(buffer, capacity);
        } else {
            drain();
        }
    }

    private void drain() {
        OutputStream target = out;
        if (target == null || position == 0) {
            return;
        }
        try {
            target.write(buffer, 0, position);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position = 0;
    }

    /** Writes buffered bytes to the stream and flushes it (a no-op for in-memory writers). */
    public void flush() throws IOException {
        OutputStream target = out;
        if (target == null) {
            return;
        }
        target.write(buffer, 0, position);
        position = 0;
        target.flush();
    }

    /** Writes bytes verbatim (they must already be canonical JSON). */
    public void writeRaw(byte[] bytes) {
        int length = bytes.length;
        if (length > buffer.length - position) {
            OutputStream target = out;
            if (target != null && length > buffer.length / 2) {
                drain();
                try {
                    target.write(bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return;
            }
            makeRoom(length);
        }
        System.arraycopy(bytes, 0, buffer, position, length);
        position += length;
    }

    /** Writes one byte verbatim (ASCII punctuation such as {@code '{'}). */
    public void writeRaw(byte b) {
        if (position == buffer.length) {
            makeRoom(1);
        }
        buffer[position++] = b;
    }

    /** Writes one ASCII punctuation character. */
    public void writeAscii(char c) {
        if (position == buffer.length) {
            makeRoom(1);
        }
        buffer[position++] = (byte) c;
    }

    /** Writes a quoted, escaped string. */
    public void writeString(String s) {
        int length = s.length();
        writeAscii('"');
        int i = 0;
        while (i < length) {
            int free = buffer.length - position;
            if (free < MAX_ESCAPE) {
                makeRoom(Math.min(length - i, 1 << 12) * MAX_ESCAPE);
                free = buffer.length - position;
            }
            // Every code unit written in this chunk fits, even if all of them need escapes.
            int end = Math.min(length, i + free / MAX_ESCAPE);
            byte[] b = buffer;
            int p = position;
            for (; i < end; i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                    b[p++] = (byte) c;
                } else {
                    p = escape(b, p, c);
                }
            }
            position = p;
        }
        writeAscii('"');
    }

    private static int escape(byte[] b, int p, char c) {
        b[p++] = '\\';
        switch (c) {
            case '"' -> b[p++] = '"';
            case '\\' -> b[p++] = '\\';
            case '\n' -> b[p++] = 'n';
            case '\r' -> b[p++] = 'r';
            case '\t' -> b[p++] = 't';
            case '\b' -> b[p++] = 'b';
            case '\f' -> b[p++] = 'f';
            default -> {
                b[p++] = 'u';
                b[p++] = HEX[(c >> 12) & 0xF];
                b[p++] = HEX[(c >> 8) & 0xF];
                b[p++] = HEX[(c >> 4) & 0xF];
                b[p++] = HEX[c & 0xF];
            }
        }
        return p;
    }

    /** Writes {@code "key":}. */
    public void writeKey(String key) {
        writeString(key);
        writeAscii(':');
    }

    /** Writes a float in Python {@code repr} form; non-finite values are refused. */
    public void writeDouble(double d) {
        if (!Double.isFinite(d)) {
            throw new WorldForgeException(NON_FINITE);
        }
        long bits = Double.doubleToRawLongBits(d);
        byte[] text = doubles.get(bits);
        if (text == null) {
            text = PythonFloats.repr(d).getBytes(StandardCharsets.US_ASCII);
            if (doubles.size() < DOUBLE_CACHE_LIMIT) {
                doubles.put(bits, text);
            }
        }
        writeRaw(text);
    }

    /** Writes an integer in decimal. */
    public void writeLong(long v) {
        if (v == Long.MIN_VALUE) {
            writeRaw(LONG_MIN);
            return;
        }
        ensure(20);
        byte[] b = buffer;
        if (v < 0) {
            b[position++] = '-';
            v = -v;
        }
        if (v < 10) {
            b[position++] = (byte) ('0' + v);
            return;
        }
        int digits = 1;
        for (long t = v / 10; t > 0; t /= 10) {
            digits++;
        }
        int p = position + digits;
        position = p;
        while (v > 0) {
            b[--p] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
    }

    /** Writes any JSON value canonically (keys sorted, compact). */
    public void writeValue(JsonValue value) {
        if (value instanceof JsonString s) {
            writeString(s.value());
        } else if (value instanceof JsonFloat f) {
            writeDouble(f.value());
        } else if (value instanceof JsonInt i) {
            if (i.fitsLong()) {
                writeLong(i.longValue());
            } else {
                writeRaw(i.value().toString().getBytes(StandardCharsets.US_ASCII));
            }
        } else if (value instanceof JsonObject o) {
            writeAscii('{');
            String[] keys = sortedKeys(o, true);
            for (int k = 0; k < keys.length; k++) {
                if (k > 0) {
                    writeAscii(',');
                }
                writeKey(keys[k]);
                writeValue(member(o, keys[k]));
            }
            writeAscii('}');
        } else if (value instanceof JsonArray a) {
            writeAscii('[');
            int size = a.size();
            for (int k = 0; k < size; k++) {
                if (k > 0) {
                    writeAscii(',');
                }
                writeValue(a.get(k));
            }
            writeAscii(']');
        } else if (value instanceof JsonBool b) {
            writeRaw(b.value() ? TRUE : FALSE);
        } else {
            writeRaw(NULL);
        }
    }

    /**
     * Writes {@code value} like Python's {@code json.dumps(value, sort_keys=True)} with the default
     * separators: {@code ", "} between items and {@code ": "} after keys, on one line. The reference
     * digests preset files over this text, so it must match byte for byte.
     */
    void writeSpaced(JsonValue value) {
        if (value instanceof JsonObject o) {
            writeAscii('{');
            String[] keys = sortedKeys(o, true);
            for (int k = 0; k < keys.length; k++) {
                if (k > 0) {
                    writeAscii(',');
                    writeAscii(' ');
                }
                writeString(keys[k]);
                writeAscii(':');
                writeAscii(' ');
                writeSpaced(member(o, keys[k]));
            }
            writeAscii('}');
        } else if (value instanceof JsonArray a) {
            writeAscii('[');
            for (int k = 0; k < a.size(); k++) {
                if (k > 0) {
                    writeAscii(',');
                    writeAscii(' ');
                }
                writeSpaced(a.get(k));
            }
            writeAscii(']');
        } else {
            writeValue(value);
        }
    }

    /**
     * Writes {@code value} like Python's {@code json.dumps(value, indent=2, sort_keys=sortKeys)}:
     * members on their own lines indented by two spaces per level, {@code ": "} after keys,
     * {@code {}} and {@code []} for empty containers.
     */
    void writePretty(JsonValue value, int depth, boolean sortKeys) {
        if (value instanceof JsonObject o && !o.isEmpty()) {
            String[] keys = sortedKeys(o, sortKeys);
            writeAscii('{');
            for (int k = 0; k < keys.length; k++) {
                if (k > 0) {
                    writeAscii(',');
                }
                newline(depth + 1);
                writeString(keys[k]);
                writeAscii(':');
                writeAscii(' ');
                writePretty(member(o, keys[k]), depth + 1, sortKeys);
            }
            newline(depth);
            writeAscii('}');
        } else if (value instanceof JsonArray a && !a.isEmpty()) {
            writeAscii('[');
            for (int k = 0; k < a.size(); k++) {
                if (k > 0) {
                    writeAscii(',');
                }
                newline(depth + 1);
                writePretty(a.get(k), depth + 1, sortKeys);
            }
            newline(depth);
            writeAscii(']');
        } else {
            writeValue(value);
        }
    }

    private void newline(int depth) {
        int room = 1 + 2 * depth;
        ensure(room);
        buffer[position] = '\n';
        Arrays.fill(buffer, position + 1, position + room, (byte) ' ');
        position += room;
    }

    private static String[] sortedKeys(JsonObject o, boolean sort) {
        String[] keys = o.keys().toArray(new String[0]);
        if (sort) {
            Arrays.sort(keys);
        }
        return keys;
    }

    private static JsonValue member(JsonObject o, String key) {
        JsonValue value = o.get(key);
        if (value == null) {
            throw new IllegalStateException("JsonObject lost member " + key);
        }
        return value;
    }
}
