package ai.worldforge.json;

import ai.worldforge.error.WorldForgeException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.jspecify.annotations.Nullable;

/**
 * Text that is not JSON. The message is Python's {@code json.JSONDecodeError} text, a short
 * detail with its position, e.g. {@code Expecting value: line 1 column 2 (char 1)}. Text parsed
 * from a {@code String} or byte array gets exactly Python's message and position; a stream gets
 * the same wording where the parser's complaint maps onto it, with the parser's position.
 */
public final class JsonSyntaxException extends WorldForgeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public JsonSyntaxException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Re-reads {@code text} the way CPython 3.11's {@code json.loads} does (its C scanner) and
     * returns the error it would raise, or {@code null} if it would accept the text. Iterative, so
     * absurdly deep nesting cannot overflow the stack.
     */
    static @Nullable JsonSyntaxException diagnose(String text, @Nullable Throwable cause) {
        Scanner scanner = new Scanner(text);
        String message = scanner.run();
        return message == null ? null : new JsonSyntaxException(message, cause);
    }

    /**
     * Python's {@code JSONDecodeError} text: {@code msg: line L column C (char P)}, positions
     * counted in code points as Python does; {@code pos} is a UTF-16 index into {@code text}.
     */
    static String format(String message, String text, int pos) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int end = Math.min(pos, text.length());
        int column = text.codePointCount(lineStart, end) + 1 + (pos - end);
        int chars = text.codePointCount(0, end) + (pos - end);
        return message + ": line " + line + " column " + column + " (char " + chars + ")";
    }

    /** Jackson's complaint in Python's words where one fits, at Jackson's position. */
    static JsonSyntaxException fromJackson(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return new JsonSyntaxException(at(describe(message == null ? "" : message), e.getLocation()), e);
    }

    private static String describe(String jackson) {
        String first = jackson.lines().findFirst().orElse("Invalid JSON");
        if (first.contains("start field name") || first.startsWith("Unexpected end-of-input in field name")) {
            return "Expecting property name enclosed in double quotes";
        } else if (first.contains("expecting a colon")) {
            return "Expecting ':' delimiter";
        } else if (first.contains("expecting comma") || first.contains("expected close marker")) {
            return "Expecting ',' delimiter";
        } else if (first.contains("Illegal unquoted character")) {
            return "Invalid control character at";
        } else if (first.contains("Unrecognized character escape")) {
            return "Invalid \\escape";
        } else if (first.contains("hex-digit for character escape")) {
            return "Invalid \\uXXXX escape";
        } else if (first.contains("closing quote") || first.contains("in VALUE_STRING")) {
            return "Unterminated string starting at";
        } else if (first.contains("no open") || first.contains("root-level")) {
            return "Extra data";
        } else if (first.contains("expected a valid value")
                || first.contains("expected a value")
                || first.contains("Unrecognized token")
                || first.contains("to follow minus sign")
                || first.startsWith("Unexpected end-of-input")) {
            return "Expecting value";
        }
        int detail = first.indexOf(" (start marker at ");
        return detail < 0 ? first : first.substring(0, detail);
    }

    /** {@code message: line L column C (char N)} at a parser position (byte offsets for bytes). */
    static String at(String message, @Nullable JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return message;
        }
        long offset = location.getCharOffset() >= 0 ? location.getCharOffset() : location.getByteOffset();
        return message + ": line " + location.getLineNr() + " column " + Math.max(1, location.getColumnNr()) + " (char "
                + Math.max(0, offset) + ")";
    }

    /** A port of the error paths of CPython's {@code _json.c} scanner and {@code json.decoder}. */
    private static final class Scanner {
        private final String s;
        private final int n;
        /** Open containers, innermost last: {@code '{'} or {@code '['}. */
        private final StringBuilder stack = new StringBuilder();
        /** The message of the last failed {@link #string(int)}. */
        private @Nullable String lastError;

        Scanner(String s) {
            this.s = s;
            this.n = s.length();
        }

        private String error(String message, int pos) {
            return format(message, s, pos);
        }

        private int skipWhitespace(int i) {
            while (i < n) {
                char c = s.charAt(i);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    break;
                }
                i++;
            }
            return i;
        }

        private boolean startsWith(int i, String word) {
            return s.startsWith(word, i) && i + word.length() <= n;
        }

        @Nullable
        String run() {
            int i = skipWhitespace(0);
            boolean expectKey = false;
            while (true) {
                // i is where a value (or, with expectKey, a member name) must start.
                if (expectKey) {
                    if (i >= n || s.charAt(i) != '"') {
                        return error("Expecting property name enclosed in double quotes", i);
                    }
                    int end = string(i + 1);
                    if (end < 0) {
                        return lastError;
                    }
                    i = skipWhitespace(end);
                    if (i >= n || s.charAt(i) != ':') {
                        return error("Expecting ':' delimiter", i);
                    }
                    i = skipWhitespace(i + 1);
                    expectKey = false;
                    continue;
                }
                if (i >= n) {
                    return error("Expecting value", i);
                }
                char c = s.charAt(i);
                int end;
                if (c == '"') {
                    end = string(i + 1);
                    if (end < 0) {
                        return lastError;
                    }
                } else if (c == '{' || c == '[') {
                    int j = skipWhitespace(i + 1);
                    char close = c == '{' ? '}' : ']';
                    if (j < n && s.charAt(j) == close) {
                        end = j + 1;
                    } else {
                        stack.append(c);
                        i = j;
                        expectKey = c == '{';
                        continue;
                    }
                } else if (c == 'n' && startsWith(i, "null")) {
                    end = i + 4;
                } else if (c == 't' && startsWith(i, "true")) {
                    end = i + 4;
                } else if (c == 'f' && startsWith(i, "false")) {
                    end = i + 5;
                } else if (c == 'N' && startsWith(i, "NaN")) {
                    end = i + 3;
                } else if (c == 'I' && startsWith(i, "Infinity")) {
                    end = i + 8;
                } else if (c == '-' && startsWith(i, "-Infinity")) {
                    end = i + 9;
                } else {
                    end = number(i);
                    if (end < 0) {
                        return error("Expecting value", i);
                    }
                }
                // After a complete value: close containers, or expect a comma.
                i = end;
                while (true) {
                    if (stack.length() == 0) {
                        i = skipWhitespace(i);
                        return i == n ? null : error("Extra data", i);
                    }
                    char open = stack.charAt(stack.length() - 1);
                    i = skipWhitespace(i);
                    if (i < n && s.charAt(i) == (open == '{' ? '}' : ']')) {
                        stack.setLength(stack.length() - 1);
                        i++;
                        continue;
                    }
                    if (i >= n || s.charAt(i) != ',') {
                        return error("Expecting ',' delimiter", i);
                    }
                    i = skipWhitespace(i + 1);
                    expectKey = open == '{';
                    break;
                }
            }
        }

        /** Scans a string body from {@code i} (after the quote); the index after it, or -1. */
        private int string(int i) {
            int begin = i - 1;
            while (true) {
                int next = i;
                char c = 0;
                while (next < n) {
                    c = s.charAt(next);
                    if (c == '"' || c == '\\') {
                        break;
                    }
                    if (c <= 0x1f) {
                        lastError = error("Invalid control character at", next);
                        return -1;
                    }
                    next++;
                }
                if (next >= n) {
                    lastError = error("Unterminated string starting at", begin);
                    return -1;
                }
                if (c == '"') {
                    return next + 1;
                }
                next++;
                if (next == n) {
                    lastError = error("Unterminated string starting at", begin);
                    return -1;
                }
                c = s.charAt(next);
                if (c != 'u') {
                    if ("\"\\/bfnrt".indexOf(c) < 0) {
                        lastError = error("Invalid \\escape", next - 1);
                        return -1;
                    }
                    i = next + 1;
                    continue;
                }
                next++;
                int end = next + 4;
                if (end >= n || !hex(next, end)) {
                    lastError = error("Invalid \\uXXXX escape", next - 1);
                    return -1;
                }
                int unit = Integer.parseInt(s, next, end, 16);
                i = end;
                if (unit >= 0xd800
                        && unit <= 0xdbff
                        && end + 6 < n
                        && s.charAt(end) == '\\'
                        && s.charAt(end + 1) == 'u') {
                    if (!hex(end + 2, end + 6)) {
                        lastError = error("Invalid \\uXXXX escape", end + 1);
                        return -1;
                    }
                    int low = Integer.parseInt(s, end + 2, end + 6, 16);
                    if (low >= 0xdc00 && low <= 0xdfff) {
                        i = end + 6;
                    }
                }
            }
        }

        private boolean hex(int from, int to) {
            for (int k = from; k < to; k++) {
                if (Character.digit(s.charAt(k), 16) < 0 || s.charAt(k) > 'f') {
                    return false;
                }
            }
            return true;
        }

        /** Python's number pattern from {@code i}; the index after it, or -1 when there is none. */
        private int number(int i) {
            int last = n - 1;
            if (s.charAt(i) == '-') {
                i++;
                if (i > last) {
                    return -1;
                }
            }
            char c = s.charAt(i);
            if (c >= '1' && c <= '9') {
                i++;
                while (i <= last && isDigit(s.charAt(i))) {
                    i++;
                }
            } else if (c == '0') {
                i++;
            } else {
                return -1;
            }
            if (i < last && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
                i += 2;
                while (i <= last && isDigit(s.charAt(i))) {
                    i++;
                }
            }
            if (i < last && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                int start = i;
                i++;
                if (i < last && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                    i++;
                }
                while (i <= last && isDigit(s.charAt(i))) {
                    i++;
                }
                if (!isDigit(s.charAt(i - 1))) {
                    i = start;
                }
            }
            return i;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
