package ai.worldforge.json;

import ai.worldforge.error.WorldForgeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams canonical JSON — Python's {@code json.dumps(sort_keys=True, separators=(",", ":"),
 * ensure_ascii=True, allow_nan=False)} — to an {@link OutputStream} through its own buffer.
 * Serialisers of large typed objects write keys in sorted order themselves and reuse cached bytes
 * for repeated subtrees. Not thread-safe; one writer per output.
 */
public final class CanonicalJsonWriter {
    static final String NON_FINITE = "Payload must be JSON serializable and contain only finite numbers.";
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private final Map<Long, byte[]> doubles = new HashMap<>();

    /** A writer over {@code out}; call {@link #flush()} when done. */
    public CanonicalJsonWriter(OutputStream out) {
        this.out = out;
    }

    /** Runs {@code body} against an in-memory writer and returns the bytes written. */
    public static byte[] toBytes(Consumer<CanonicalJsonWriter> body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        CanonicalJsonWriter writer = new CanonicalJsonWriter(bytes);
        body.accept(writer);
        writer.flushUnchecked();
        return bytes.toByteArray();
    }

    private void ensure(int room) {
        if (position + room > buffer.length) {
            drain();
        }
    }

    private void drain() {
        try {
            out.write(buffer, 0, position);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position = 0;
    }

    /** Writes buffered bytes to the stream and flushes it. */
    public void flush() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
        out.flush();
    }

    private void flushUnchecked() {
        try {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes bytes verbatim (they must already be canonical JSON). */
    public void writeRaw(byte[] bytes) {
        if (bytes.length > buffer.length / 2) {
            drain();
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    /** Writes one ASCII punctuation character. */
    public void writeAscii(char c) {
        ensure(1);
        buffer[position++] = (byte) c;
    }

    /** Writes a quoted, escaped string. */
    public void writeString(String s) {
        int length = s.length();
        ensure(length + 2);
        buffer[position++] = '"';
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                if (position >= buffer.length - 8) {
                    drain();
                }
                buffer[position++] = (byte) c;
            } else {
                ensure(8);
                escape(c);
            }
        }
        ensure(1);
        buffer[position++] = '"';
    }

    private void escape(char c) {
        byte[] b = buffer;
        b[position++] = '\\';
        switch (c) {
            case '"' -> b[position++] = '"';
            case '\\' -> b[position++] = '\\';
            case '\n' -> b[position++] = 'n';
            case '\r' -> b[position++] = 'r';
            case '\t' -> b[position++] = 't';
            case '\b' -> b[position++] = 'b';
            case '\f' -> b[position++] = 'f';
            default -> {
                b[position++] = 'u';
                b[position++] = HEX[(c >> 12) & 0xF];
                b[position++] = HEX[(c >> 8) & 0xF];
                b[position++] = HEX[(c >> 4) & 0xF];
                b[position++] = HEX[c & 0xF];
            }
        }
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
            text = PythonFloats.repr(d).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (doubles.size() < 1 << 16) {
                doubles.put(bits, text);
            }
        }
        writeRaw(text);
    }

    /** Writes an integer. */
    public void writeLong(long v) {
        if (v >= 0 && v < 10) {
            writeAscii((char) ('0' + v));
            return;
        }
        writeRaw(Long.toString(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Writes any JSON value canonically (keys sorted). */
    public void writeValue(JsonValue value) {
        if (value instanceof JsonString s) {
            writeString(s.value());
        } else if (value instanceof JsonFloat f) {
            writeDouble(f.value());
        } else if (value instanceof JsonInt i) {
            if (i.fitsLong()) {
                writeLong(i.longValue());
            } else {
                writeRaw(i.value().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        } else if (value instanceof JsonObject o) {
            writeAscii('{');
            String[] keys = o.keys().toArray(new String[0]);
            Arrays.sort(keys);
            for (int k = 0; k < keys.length; k++) {
                if (k > 0) {
                    writeAscii(',');
                }
                writeKey(keys[k]);
                writeValue(o.get(keys[k]));
            }
            writeAscii('}');
        } else if (value instanceof JsonArray a) {
            writeAscii('[');
            for (int k = 0; k < a.size(); k++) {
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
}
