package ai.worldforge.event;

/**
 * Which names denote secrets, and the character classes the text rules share.
 *
 * <p>Two kinds of secret names:
 *
 * <ul>
 *   <li>the reference's keywords, found anywhere in a name, case-insensitively: {@code api_key}
 *       ({@code apikey}, {@code api-key}), {@code authorization}, {@code credential}, {@code
 *       password}, {@code secret}, {@code signature}, {@code signed_url} ({@code signedurl},
 *       {@code signed-url}), {@code token}, and {@code bearer} (keys and the {@code :} rule only);
 *   <li>short secret words that would match far too much as substrings ({@code pass} in {@code
 *       compass}, {@code key} in {@code monkey}, {@code pin} in {@code mapping}), so they count only
 *       as the <em>last word</em> of a name: {@code passwd}, {@code pwd}, {@code pass}, {@code
 *       passphrase}, {@code passkey}, {@code auth}, {@code authkey}, {@code key}, {@code
 *       accesskey}, {@code privatekey}, {@code session}, {@code sessionid}, {@code sessionkey},
 *       {@code jsessionid}, {@code phpsessid}, {@code cookie}, {@code cookies}, {@code jwt}, {@code
 *       sig}, {@code pin}. Words are split at {@code _ - .}, spaces and other punctuation, at
 *       camelCase humps ({@code dbPass}, {@code APIKey}) and between letters and digits; a last
 *       word {@code id}, {@code code}, {@code value}, {@code hash}, {@code header} or {@code data}
 *       defers to the word before it ({@code session_id}, {@code pin_code}). So {@code db_pass},
 *       {@code private_key}, {@code X-Session}, {@code Set-Cookie} and {@code userPin} are secret
 *       names, while {@code pass_rate}, {@code pin_memory}, {@code truncated_keys} and {@code
 *       author} are not.
 * </ul>
 *
 * <p>Case-insensitive matching folds like Python's {@code re.IGNORECASE} on {@code str}: {@code ı
 * İ} match {@code i}, {@code ſ} matches {@code s} and the Kelvin sign matches {@code k}.
 */
final class SecretKeys {
    /** A reference keyword other than {@code bearer}. */
    static final int SECRET_WORD = 1;
    /** The reference keyword {@code bearer}. */
    static final int BEARER_WORD = 2;
    /** A short secret word (a candidate last word). */
    static final int SHORT_WORD = 4;

    private static final String[] SHORT_WORDS = {
        "passwd",
        "pwd",
        "pass",
        "passphrase",
        "passkey",
        "auth",
        "authkey",
        "key",
        "accesskey",
        "privatekey",
        "session",
        "sessionid",
        "sessionkey",
        "jsessionid",
        "phpsessid",
        "cookie",
        "cookies",
        "jwt",
        "sig",
        "pin"
    };

    private static final String[] COOKIE_WORDS = {"cookie", "cookies"};

    /** Last words that describe a value's form rather than what it is. */
    private static final String[] FORM_WORDS = {"id", "code", "value", "hash", "header", "data"};

    /**
     * For each folded first letter, the set of second letters ({@code 1L << (c - 'a')}) that
     * start a keyword or short word: most positions of a text fail this test, so {@link
     * #keywordBitsAt} rarely reaches the word comparisons.
     */
    private static final int[] SECOND_LETTERS = new int[128];

    static {
        String[] words = {
            "authorization",
            "api",
            "auth",
            "accesskey",
            "bearer",
            "credential",
            "cookie",
            "jwt",
            "jsessionid",
            "key",
            "password",
            "pass",
            "pwd",
            "pin",
            "phpsessid",
            "privatekey",
            "secret",
            "signature",
            "signed",
            "session",
            "sig",
            "token"
        };
        for (String word : words) {
            SECOND_LETTERS[word.charAt(0)] |= 1 << (word.charAt(1) - 'a');
        }
    }

    private SecretKeys() {}

    /** Whether {@code key} names a secret (either kind, {@code bearer} included). */
    static boolean isSecretKey(String key) {
        int bits = 0;
        for (int i = 0; i < key.length() && (bits & (SECRET_WORD | BEARER_WORD)) == 0; i++) {
            bits |= keywordBitsAt(key, i);
        }
        return isSecretKey(key, bits);
    }

    /** {@link #isSecretKey(String)} given the keyword bits found anywhere in {@code key}. */
    static boolean isSecretKey(String key, int bits) {
        if ((bits & (SECRET_WORD | BEARER_WORD)) != 0) {
            return true;
        }
        return (bits & SHORT_WORD) != 0 && lastWordIsSecret(key, 0, key.length());
    }

    /** The keyword bits of the word starting at {@code i} (0 for most positions, quickly). */
    static int keywordBitsAt(String text, int i) {
        if (i + 1 >= text.length()) {
            return 0;
        }
        char first = fold(text.charAt(i));
        char second = fold(text.charAt(i + 1));
        if (first == 0 || second < 'a' || second > 'z' || (SECOND_LETTERS[first] & (1 << (second - 'a'))) == 0) {
            return 0;
        }
        return keywordAt(text, i, first);
    }

    /**
     * Whether {@code text[start, end)} names a secret: it holds a reference keyword of {@code
     * kinds} or its last word is a short secret word.
     */
    static boolean namesSecret(String text, int start, int end, int kinds) {
        return lastKeyword(text, start, end, kinds) >= 0 || lastWordIsSecret(text, start, end);
    }

    /**
     * The feature bits of the keyword or short word starting at {@code i}, given {@code first =
     * fold(text.charAt(i))}. Short words are reported wherever they occur (a conservative
     * pre-check; {@link #lastWordIsSecret} decides).
     */
    static int keywordAt(String text, int i, char first) {
        return switch (first) {
            case 'a' -> {
                if (matchesAt(text, i, "authorization") || optionalSeparator(text, i, "api", "key")) {
                    yield SECRET_WORD;
                }
                yield matchesAt(text, i, "auth") || matchesAt(text, i, "accesskey") ? SHORT_WORD : 0;
            }
            case 'b' -> matchesAt(text, i, "bearer") ? BEARER_WORD : 0;
            case 'c' -> {
                if (matchesAt(text, i, "credential")) {
                    yield SECRET_WORD;
                }
                yield matchesAt(text, i, "cookie") ? SHORT_WORD : 0;
            }
            case 'j' -> matchesAt(text, i, "jwt") || matchesAt(text, i, "jsessionid") ? SHORT_WORD : 0;
            case 'k' -> matchesAt(text, i, "key") ? SHORT_WORD : 0;
            case 'p' -> {
                if (matchesAt(text, i, "password")) {
                    yield SECRET_WORD;
                }
                yield matchesAt(text, i, "pass")
                                || matchesAt(text, i, "pwd")
                                || matchesAt(text, i, "pin")
                                || matchesAt(text, i, "phpsessid")
                                || matchesAt(text, i, "privatekey")
                        ? SHORT_WORD
                        : 0;
            }
            case 's' -> {
                if (matchesAt(text, i, "secret")
                        || matchesAt(text, i, "signature")
                        || optionalSeparator(text, i, "signed", "url")) {
                    yield SECRET_WORD;
                }
                yield matchesAt(text, i, "session") || matchesAt(text, i, "sig") ? SHORT_WORD : 0;
            }
            case 't' -> matchesAt(text, i, "token") ? SECRET_WORD : 0;
            default -> 0;
        };
    }

    /** The last start of a reference keyword of {@code kinds} inside [start, end), or -1. */
    static int lastKeyword(String text, int start, int end, int kinds) {
        for (int p = end - 1; p >= start; p--) {
            if ((keywordBitsAt(text, p) & kinds & (SECRET_WORD | BEARER_WORD)) != 0) {
                return p;
            }
        }
        return -1;
    }

    /**
     * The start of the word deciding whether {@code text[start, end)} is a short-word secret name,
     * or -1 when that word is no short secret word.
     */
    static int secretLastWordStart(String text, int start, int end) {
        long word = decidingWord(text, start, end);
        return word >= 0 && isOneOf(text, (int) (word >>> 32), (int) word, SHORT_WORDS) ? (int) (word >>> 32) : -1;
    }

    /** Whether the last word of {@code text[start, end)} is a short secret word. */
    static boolean lastWordIsSecret(String text, int start, int end) {
        return secretLastWordStart(text, start, end) >= 0;
    }

    /** Whether {@code text[start, end)}'s deciding word is {@code cookie} or {@code cookies}. */
    static boolean lastWordIsCookie(String text, int start, int end) {
        long word = decidingWord(text, start, end);
        return word >= 0 && isOneOf(text, (int) (word >>> 32), (int) word, COOKIE_WORDS);
    }

    /**
     * The word of {@code text[start, end)} that says what it names, as {@code wordStart << 32 |
     * wordEnd}, or -1 when there is no word: the last word, or the one before it when the last is
     * a {@linkplain #FORM_WORDS form word} or a number ({@code session_id}, {@code Set-Cookie2}).
     */
    private static long decidingWord(String text, int start, int end) {
        int wordEnd = trimSeparators(text, start, end);
        if (wordEnd <= start) {
            return -1;
        }
        int wordStart = wordStart(text, start, wordEnd);
        if (isDigit(text.charAt(wordStart)) || isOneOf(text, wordStart, wordEnd, FORM_WORDS)) {
            int previousEnd = trimSeparators(text, start, wordStart);
            if (previousEnd > start) {
                wordEnd = previousEnd;
                wordStart = wordStart(text, start, wordEnd);
            }
        }
        return ((long) wordStart << 32) | wordEnd;
    }

    /** {@code end} moved left past separators (anything but ASCII letters and digits). */
    private static int trimSeparators(String text, int start, int end) {
        int e = end;
        while (e > start && !isAlnum(fold(text.charAt(e - 1)))) {
            e--;
        }
        return e;
    }

    /**
     * The start of the word ending at {@code end} (exclusive; {@code text[end - 1]} is a letter or
     * digit): back over digits, or over lower-case letters and one upper-case letter before them,
     * or over an upper-case run (leaving its last letter to a following lower-case word).
     */
    private static int wordStart(String text, int start, int end) {
        int p = end - 1;
        char last = text.charAt(p);
        if (isDigit(last)) {
            while (p > start && isDigit(text.charAt(p - 1))) {
                p--;
            }
            return p;
        }
        if (isUpper(last)) {
            while (p > start && isUpper(text.charAt(p - 1))) {
                p--;
            }
            return p;
        }
        while (p > start && isLowerLetter(text.charAt(p - 1))) {
            p--;
        }
        if (p > start && isUpper(text.charAt(p - 1))) {
            p--;
        }
        return p;
    }

    private static boolean isOneOf(String text, int start, int end, String[] words) {
        int length = end - start;
        for (String word : words) {
            if (word.length() == length && matchesAt(text, start, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUpper(char c) {
        return (c >= 'A' && c <= 'Z') || c == '\u0130' || c == '\u212A';
    }

    private static boolean isLowerLetter(char c) {
        return (c >= 'a' && c <= 'z') || c == '\u0131' || c == '\u017F';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(char folded) {
        return (folded >= 'a' && folded <= 'z') || (folded >= '0' && folded <= '9');
    }

    // ------------------------------------------------------------------------------------------
    // Characters

    /**
     * The ASCII lower-case letter {@code c} matches under Python's (and Java's {@code
     * UNICODE_CASE}) case-insensitive matching, or {@code c} itself for other ASCII characters,
     * or 0 for characters that can match no ASCII letter.
     */
    static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return switch (c) {
            case '\u0130', '\u0131' -> 'i';
            case '\u017F' -> 's';
            case '\u212A' -> 'k';
            default -> 0;
        };
    }

    /** Whether {@code word} (lower-case ASCII) matches case-insensitively at {@code i}. */
    static boolean matchesAt(String text, int i, String word) {
        int n = word.length();
        if (i < 0 || i + n > text.length()) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (fold(text.charAt(i + k)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** {@code head[_-]?tail} at {@code i}. */
    private static boolean optionalSeparator(String text, int i, String head, String tail) {
        if (!matchesAt(text, i, head)) {
            return false;
        }
        int j = i + head.length();
        if (j < text.length() && (text.charAt(j) == '_' || text.charAt(j) == '-') && matchesAt(text, j + 1, tail)) {
            return true;
        }
        return matchesAt(text, j, tail);
    }

    /** {@code [A-Za-z0-9_-]} under case-insensitive matching: the characters of a key in text. */
    static boolean isKeyChar(char c) {
        char f = fold(c);
        return (f >= 'a' && f <= 'z') || (f >= '0' && f <= '9') || f == '_' || f == '-';
    }

    /** The end of the run of key characters starting at {@code start}. */
    static int keyRunEnd(String text, int start) {
        int end = start;
        while (end < text.length() && isKeyChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Python's {@code \b} at {@code index}: exactly one side is a word character. */
    static boolean isBoundary(String text, int index) {
        boolean before = index > 0 && isWordChar(text.codePointBefore(index));
        boolean after = index < text.length() && isWordChar(text.codePointAt(index));
        return before != after;
    }

    /** The first {@code \b} position in [from, to], or -1. */
    static int firstBoundary(String text, int from, int to) {
        for (int p = from; p <= to; p++) {
            if (isBoundary(text, p)) {
                return p;
            }
        }
        return -1;
    }

    /** Python's {@code str} word character: {@code isalnum()} (letters and numbers) or {@code _}. */
    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
