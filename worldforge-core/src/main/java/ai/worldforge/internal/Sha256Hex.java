package ai.worldforge.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lowercase hex SHA-256 digests of raw bytes, as Python's {@code hashlib.sha256(b).hexdigest()}. */
public final class Sha256Hex {
    private Sha256Hex() {}

    /** The 64-character lowercase hex digest of {@code data}. */
    public static String of(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** The hex digest of a file's bytes, streamed (the file is never held in memory). */
    public static String ofFile(java.nio.file.Path path) throws java.io.IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(path)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** The hex digest of {@code text} encoded as UTF-8. */
    public static String ofUtf8(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256:<hex>} of {@code data}. */
    public static String prefixed(byte[] data) {
        return "sha256:" + of(data);
    }
}
