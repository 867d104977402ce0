package ai.worldforge.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random identifiers in the reference's format: {@code prefix + "_" + 12 lowercase hex digits}
 * of randomness, like the first digits of the reference's UUID4 ({@code world_6927e00d8bb7},
 * {@code obj_…}). Identifiers name worlds and objects, they are not secrets: a per-thread
 * generator avoids the lock and system calls of {@code SecureRandom} on hot paths that create many
 * objects (benchmarks seed a fresh world per sample).
 */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {}

    /** A fresh identifier with the given prefix. */
    public static String generate(String prefix) {
        long bits = ThreadLocalRandom.current().nextLong();
        char[] out = new char[prefix.length() + 13];
        prefix.getChars(0, prefix.length(), out, 0);
        out[prefix.length()] = '_';
        // 12 hex digits: the top 48 bits.
        for (int i = 0; i < 12; i++) {
            out[prefix.length() + 1 + i] = HEX[(int) (bits >>> (60 - 4 * i)) & 0xF];
        }
        return new String(out);
    }
}
