package ai.worldforge.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** POSIX shell word splitting and quoting with Python {@code shlex}'s rules. */
final class Shlex {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_@%+=:,./-]");

    private Shlex() {}

    /** Python {@code shlex.quote}. */
    static String quote(String value) {
        if (value.isEmpty()) {
            return "''";
        }
        if (!UNSAFE.matcher(value).find()) {
            return value;
        }
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    /** Python {@code shlex.join}. */
    static String join(List<String> tokens) {
        List<String> quoted = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            quoted.add(quote(token));
        }
        return String.join(" ", quoted);
    }

    /** Python {@code shlex.split} (POSIX, no comments); empty when the quoting is unbalanced. */
    static Optional<List<String>> split(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean inToken = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (inToken) {
                    tokens.add(token.toString());
                    token.setLength(0);
                    inToken = false;
                }
                i++;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    return Optional.empty();
                }
                token.append(text.charAt(i + 1));
                inToken = true;
                i += 2;
            } else if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                if (close < 0) {
                    return Optional.empty();
                }
                token.append(text, i + 1, close);
                inToken = true;
                i = close + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char q = text.charAt(i);
                    if (q == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (q == '\\') {
                        if (i + 1 >= n) {
                            return Optional.empty();
                        }
                        char next = text.charAt(i + 1);
                        if (next != '"' && next != '\\') {
                            token.append('\\');
                        }
                        token.append(next);
                        i += 2;
                    } else {
                        token.append(q);
                        i++;
                    }
                }
                if (!closed) {
                    return Optional.empty();
                }
                inToken = true;
            } else {
                token.append(c);
                inToken = true;
                i++;
            }
        }
        if (inToken) {
            tokens.add(token.toString());
        }
        return Optional.of(tokens);
    }
}
