package ai.worldforge.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The reference's {@code deterministic_floats(seed, size)}: SHA-256 of the seed, then SHA-256 of
 * {@code digest ‖ counter} (4-byte big-endian) per block, each block yielding eight values {@code
 * (u32 % 10000) / 10000.0}.
 */
public final class DeterministicFloats {
    private DeterministicFloats() {}

    /** {@code size} values in [0, 1) derived from {@code seed}. */
    public static double[] of(String seed, int size) {
        MessageDigest sha = sha256();
        byte[] digest = sha.digest(seed.getBytes(StandardCharsets.UTF_8));
        double[] out = new double[size];
        int produced = 0;
        for (int counter = 0; produced < size; counter++) {
            sha.reset();
            sha.update(digest);
            sha.update(
                    new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter
                    });
            byte[] block = sha.digest();
            for (int i = 0; i < 8 && produced < size; i++) {
                long chunk = ((block[4 * i] & 0xFFL) << 24)
                        | ((block[4 * i + 1] & 0xFFL) << 16)
                        | ((block[4 * i + 2] & 0xFFL) << 8)
                        | (block[4 * i + 3] & 0xFFL);
                out[produced++] = (chunk % 10000) / 10000.0;
            }
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
