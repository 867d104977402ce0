package ai.worldforge.internal;

/**
 * Python's notion of whitespace and {@code str.strip()}, which several reference messages and
 * validations depend on (Java's {@code String.strip()} uses a different whitespace set). Not API.
 */
public final class PyStrings {
    private PyStrings() {}

    /** Whether {@code c} is whitespace for Python's {@code str.isspace()} (and {@code re}'s {@code \s}). */
    public static boolean isSpace(char c) {
        if (c <= 0x20) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85
                || c == 0xA0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000;
    }

    /** Python's {@code str.strip()}: {@code text} itself when there is nothing to strip. */
    public static String strip(String text) {
        int begin = 0;
        int end = text.length();
        while (begin < end && isSpace(text.charAt(begin))) {
            begin++;
        }
        while (end > begin && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return begin == 0 && end == text.length() ? text : text.substring(begin, end);
    }
}
