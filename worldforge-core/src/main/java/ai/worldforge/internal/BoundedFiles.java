package ai.worldforge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads files that users point at (imports, budgets, inputs, manifests, profiles) with a size
 * limit, so that a huge file or a device that never ends ({@code /dev/zero}) fails with a clear
 * error instead of exhausting memory. Failures are {@link IOException}s whose {@link
 * ErrorText#reason} reads well: {@link LimitedInputStream.LimitExceeded} past the limit, {@link
 * NotUtf8} for text that is not UTF-8. Stateless and thread-safe.
 */
public final class BoundedFiles {
    /**
     * The limit for JSON and TOML documents users hand to commands (inputs, budgets, profiles,
     * manifests, policy observations): 64 MiB.
     */
    public static final long DEFAULT_DOCUMENT_BYTES = 64L * 1024 * 1024;

    /** The limit for reports read back and media files (input clips, local assets): 256 MiB. */
    public static final long LARGE_FILE_BYTES = 256L * 1024 * 1024;

    private BoundedFiles() {}

    /** The file's bytes, at most {@code limit} of them. */
    public static byte[] readBytes(Path path, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            if (Files.isRegularFile(path)) {
                long size = Files.size(path);
                if (size > limit) {
                    throw new LimitedInputStream.LimitExceeded(limit);
                }
            }
            return new LimitedInputStream(in, limit).readAllBytes();
        }
    }

    /** The file as strict UTF-8 text (a byte-order mark is kept), at most {@code limit} bytes. */
    public static String readUtf8(Path path, long limit) throws IOException {
        return decodeUtf8(readBytes(path, limit));
    }

    /** Strict UTF-8 decoding of {@code bytes}; {@link NotUtf8} names the first bad byte's offset. */
    public static String decodeUtf8(byte[] bytes) throws NotUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new NotUtf8(in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new NotUtf8(in.position());
        }
        return out.flip().toString();
    }

    /**
     * Bytes that are not UTF-8 text; a {@link java.nio.charset.CharacterCodingException}, so code
     * that handles the JDK's decoding failures handles it too.
     */
    public static final class NotUtf8 extends java.nio.charset.CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final long offset;

        NotUtf8(long offset) {
            this.offset = offset;
        }

        @Override
        public String getMessage() {
            return "the file is not UTF-8 text (invalid byte at offset " + offset + ")";
        }

        /** Offset of the first byte that is not part of a UTF-8 sequence. */
        public long offset() {
            return offset;
        }
    }
}
