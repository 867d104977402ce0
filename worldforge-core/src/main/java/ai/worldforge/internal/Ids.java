package ai.worldforge.internal;

import java.util.UUID;

/**
 * Random identifiers in the reference's format: {@code prefix + "_" + 12 lowercase hex digits}
 * taken from a random UUID4 ({@code world_6927e00d8bb7}, {@code obj_…}).
 */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {}

    /** A fresh identifier with the given prefix. */
    public static String generate(String prefix) {
        UUID uuid = UUID.randomUUID();
        long bits = uuid.getMostSignificantBits();
        char[] out = new char[prefix.length() + 13];
        prefix.getChars(0, prefix.length(), out, 0);
        out[prefix.length()] = '_';
        // The first 12 hex digits of the UUID's canonical text are the top 48 bits.
        for (int i = 0; i < 12; i++) {
            out[prefix.length() + 1 + i] = HEX[(int) (bits >>> (60 - 4 * i)) & 0xF];
        }
        return new String(out);
    }
}
