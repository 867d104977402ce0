package ai.worldforge.event;

import static ai.worldforge.event.Redaction.REDACTED;

import ai.worldforge.internal.PyStrings;
import org.jspecify.annotations.Nullable;

/**
 * {@link Redaction#redactText}: the rules in order, each skipped when the {@linkplain
 * TextFeatures pre-scan} shows it cannot match.
 *
 * <ol>
 *   <li>PEM private key blocks ({@link TokenShapes#redactPrivateKeys}), first because later
 *       rules would cut them into pieces;
 *   <li>URLs of any scheme, then scheme-relative URLs with credentials ({@link TargetSanitizer});
 *   <li>{@code Bearer <token>} ({@link #redactBearer});
 *   <li>{@code key=value} and {@code key: value} ({@link AssignmentRules});
 *   <li>{@code curl -u user:pw}, then vendor token shapes ({@link TokenShapes}).
 * </ol>
 *
 * Steps 2–4 are the reference's four rules, widened; on text where the reference's rules already
 * found every secret the output is the reference's.
 */
final class TextRedactor {
    private TextRedactor() {}

    static String redact(String text) {
        return text.isEmpty() ? text : redact(text, TextFeatures.scan(text));
    }

    /** {@link #redact(String)} given {@code features = TextFeatures.scan(text)}. */
    static String redact(String text, int features) {
        String out = text;
        if ((features & TextFeatures.SHAPE) != 0) {
            out = TokenShapes.redactPrivateKeys(out);
        }
        if ((features & TextFeatures.SCHEME_SEPARATOR) != 0) {
            out = TargetSanitizer.redactUrls(out);
        }
        if ((features & (TextFeatures.DOUBLE_SLASH | TextFeatures.AT))
                == (TextFeatures.DOUBLE_SLASH | TextFeatures.AT)) {
            out = TargetSanitizer.redactSchemeRelativeUrls(out);
        }
        if (out != text) {
            // Removing a query or a key block can join what was apart; look again.
            features = TextFeatures.scan(out);
        }
        if ((features & TextFeatures.BEARER_WORD) != 0) {
            out = redactBearer(out);
        }
        if ((features & TextFeatures.EQUALS) != 0 && (features & TextFeatures.ASSIGNMENT_KEYS) != 0) {
            out = AssignmentRules.redactEquals(out, false);
        }
        if ((features & TextFeatures.COLON) != 0 && (features & TextFeatures.COLON_KEYS) != 0) {
            out = AssignmentRules.redactColons(out);
        }
        if ((features & TextFeatures.DASH_U) != 0) {
            out = TokenShapes.redactCurlUser(out);
        }
        if ((features & TextFeatures.SHAPE) != 0) {
            out = TokenShapes.redactVendorTokens(out);
        }
        return out;
    }

    /**
     * The reference's {@code \bBearer\s+[A-Za-z0-9._~+/=-]+} (case-insensitive) → {@code Bearer
     * [redacted]}, widened: the token runs to the next whitespace, quote, backslash or one of
     * <code>, ; &amp; &lt; &gt; ( ) [ ] { &#125;</code> (so {@code abc%2Fx} or {@code a:b} go
     * whole), and a quoted token without whitespace ({@code Bearer "x"}) becomes {@code Bearer
     * "[redacted]"}.
     */
    static String redactBearer(String text) {
        int n = text.length();
        StringBuilder out = null;
        int last = 0;
        int i = 0;
        while (i + 6 < n) {
            if ((text.charAt(i) | 0x20) != 'b'
                    || !SecretKeys.matchesAt(text, i, "bearer")
                    || !SecretKeys.isBoundary(text, i)) {
                i++;
                continue;
            }
            int token = i + 6;
            while (token < n && PyStrings.isSpace(text.charAt(token))) {
                token++;
            }
            if (token == i + 6 || token >= n) {
                i++;
                continue;
            }
            char quote = text.charAt(token);
            int end;
            if (quote == '"' || quote == '\'') {
                end = quotedTokenEnd(text, token);
            } else {
                end = token;
                while (end < n && isBearerTokenChar(text.charAt(end))) {
                    end++;
                }
            }
            if (end == token) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n + 16);
            }
            out.append(text, last, i).append("Bearer ");
            if (quote == '"' || quote == '\'') {
                out.append(quote).append(REDACTED).append(quote);
            } else {
                out.append(REDACTED);
            }
            last = end;
            i = end;
        }
        return finish(text, out, last);
    }

    /** The end (after the closing quote) of a quoted token without whitespace, or {@code open}. */
    private static int quotedTokenEnd(String text, int open) {
        char quote = text.charAt(open);
        int i = open + 1;
        while (i < text.length() && text.charAt(i) != quote && !PyStrings.isSpace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == quote && i > open + 1 ? i + 1 : open;
    }

    private static boolean isBearerTokenChar(char c) {
        return switch (c) {
            case '"', '\'', '\\', ',', ';', '&', '<', '>', '(', ')', '[', ']', '{', '}' -> false;
            default -> !PyStrings.isSpace(c);
        };
    }

    /** {@code text} itself when nothing was replaced, else the replaced prefix plus the rest. */
    static String finish(String text, @Nullable StringBuilder out, int last) {
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }
}
