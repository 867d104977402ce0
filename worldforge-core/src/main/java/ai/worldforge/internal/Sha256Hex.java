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

    /** The hex digest of {@code text} encoded as UTF-8. */
    public static String ofUtf8(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256:<hex>} of {@code data}. */
    public static String prefixed(byte[] data) {
        return "sha256:" + of(data);
    }
}
