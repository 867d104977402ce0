package ai.worldforge.event;

/**
 * One pass over a text recording what the redaction rules could match, so that rules whose
 * trigger is absent are skipped (redaction runs on every provider event, and most texts hold
 * nothing to redact). Conservative: a rule whose feature is absent cannot match.
 */
final class TextFeatures {
    static final int SECRET_WORD = SecretKeys.SECRET_WORD;
    static final int BEARER_WORD = SecretKeys.BEARER_WORD;
    static final int SHORT_WORD = SecretKeys.SHORT_WORD;
    /** {@code =}. */
    static final int EQUALS = 8;
    /** {@code :}. */
    static final int COLON = 16;
    /** {@code ://}. */
    static final int SCHEME_SEPARATOR = 32;
    /** {@code //}. */
    static final int DOUBLE_SLASH = 64;
    /** {@code @}. */
    static final int AT = 128;
    /** A possible token-shape prefix ({@code AKIA}, {@code ghp_}, {@code eyJ}, {@code -----BEGIN}, …). */
    static final int SHAPE = 256;
    /** {@code -u} or {@code -U} (curl's user option, also the start of {@code --user}). */
    static final int DASH_U = 512;

    /** Any word that can make a key for the {@code =} rule. */
    static final int ASSIGNMENT_KEYS = SECRET_WORD | SHORT_WORD;
    /** Any word that can make a key for the {@code :} rule. */
    static final int COLON_KEYS = SECRET_WORD | BEARER_WORD | SHORT_WORD;

    private static final int ALL_WORDS = SECRET_WORD | BEARER_WORD | SHORT_WORD;

    private TextFeatures() {}

    /** Per ASCII character: which checks it can start (0 for most characters). */
    private static final byte[] CLASS = new byte[128];

    private static final byte PUNCTUATION = 1;
    private static final byte SHAPE_START = 2;
    private static final byte WORD_START = 4;

    static {
        for (char c : "=:/@-".toCharArray()) {
            CLASS[c] |= PUNCTUATION;
        }
        for (char c : "Agsrxe".toCharArray()) {
            CLASS[c] |= SHAPE_START;
        }
        for (char c : "abcjkpst".toCharArray()) {
            CLASS[c] |= WORD_START;
            CLASS[Character.toUpperCase(c)] |= WORD_START;
        }
    }

    /** The features of {@code text}. */
    static int scan(String text) {
        int features = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // Python's case folding maps a few non-ASCII letters onto keyword letters.
                if ((features & ALL_WORDS) != ALL_WORDS && SecretKeys.fold(c) != 0) {
                    features |= SecretKeys.keywordBitsAt(text, i);
                }
                continue;
            }
            int kind = CLASS[c];
            if (kind == 0) {
                continue;
            }
            if ((kind & PUNCTUATION) != 0) {
                features |= punctuation(text, i, c);
            }
            if ((kind & SHAPE_START) != 0 && isShapePrefix(text, i, c)) {
                features |= SHAPE;
            }
            if ((kind & WORD_START) != 0 && (features & ALL_WORDS) != ALL_WORDS) {
                features |= SecretKeys.keywordBitsAt(text, i);
            }
        }
        return features;
    }

    /** Whether {@code text} has a {@link #SHAPE} prefix other than a PEM header (cheaper than {@link #scan}). */
    static boolean mayHoldVendorToken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 && (CLASS[c] & SHAPE_START) != 0 && isShapePrefix(text, i, c)) {
                return true;
            }
        }
        return false;
    }

    private static int punctuation(String text, int i, char c) {
        int n = text.length();
        return switch (c) {
            case '=' -> EQUALS;
            case ':' -> text.startsWith("//", i + 1) ? COLON | SCHEME_SEPARATOR : COLON;
            case '/' -> i + 1 < n && text.charAt(i + 1) == '/' ? DOUBLE_SLASH : 0;
            case '@' -> AT;
            case '-' -> {
                if (i + 1 < n && (text.charAt(i + 1) == 'u' || text.charAt(i + 1) == 'U')) {
                    yield DASH_U;
                }
                yield text.startsWith("----BEGIN ", i + 1) ? SHAPE : 0;
            }
            default -> 0;
        };
    }

    /** A prefix of a {@link TokenShapes} vendor token at {@code i} ({@code c} is its first char). */
    private static boolean isShapePrefix(String text, int i, char c) {
        int n = text.length();
        if (i + 3 >= n) {
            return false;
        }
        char c1 = text.charAt(i + 1);
        char c2 = text.charAt(i + 2);
        char c3 = text.charAt(i + 3);
        return switch (c) {
            // AKIA, ASIA, AROA, …: four capitals ending in A; Google's AIza.
            case 'A' -> (c3 == 'A' && isUpper(c1) && isUpper(c2)) || (c1 == 'I' && c2 == 'z' && c3 == 'a');
            // ghp_, gho_, …, github_pat_.
            case 'g' -> (c1 == 'h' && c3 == '_') || (c1 == 'i' && c2 == 't' && c3 == 'h');
            // sk_live_, rk_test_, sk-….
            case 's', 'r' -> c1 == 'k' && (c2 == '_' || c2 == '-');
            // xoxb-, xoxp-, ….
            case 'x' -> c1 == 'o' && c2 == 'x' && c3 != ' ';
            // JWT header {"…
            case 'e' -> c1 == 'y' && c2 == 'J';
            default -> false;
        };
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
