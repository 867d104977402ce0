package ai.worldforge.server;

import ai.worldforge.event.Redaction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Chooses each request's id: the client's {@code X-Request-Id} when it is safe to echo, else a
 * generated one. The id is echoed in the response header and body and logged with every provider
 * event of the request, so an id the secret redactor would change (e.g. {@code token=…}) is
 * replaced as a whole rather than echoed or logged. Thread-safe when the generator is.
 */
final class RequestIds {
    /** Longest client id echoed. */
    static final int MAX_LENGTH = 200;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<String> generator;

    RequestIds(Supplier<String> generator) {
        this.generator = generator;
    }

    /**
     * {@code given} when it is 1–200 printable ASCII characters that the redactor leaves as they
     * are, else a fresh id.
     */
    String choose(@Nullable String given) {
        if (given != null && !given.isEmpty() && given.length() <= MAX_LENGTH && printable(given)) {
            if (Redaction.redactText(given).equals(given)) {
                return given;
            }
        }
        return generator.get();
    }

    /** A fresh id. */
    String generate() {
        return generator.get();
    }

    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** 32 lowercase hex digits of a random (version 4) UUID, like Python's {@code uuid4().hex}. */
    static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        byte[] out = new byte[32];
        for (int i = 0; i < 16; i++) {
            out[15 - i] = HEX[(int) (high >>> (4 * i)) & 0xF];
            out[31 - i] = HEX[(int) (low >>> (4 * i)) & 0xF];
        }
        return new String(out, StandardCharsets.US_ASCII);
    }
}
