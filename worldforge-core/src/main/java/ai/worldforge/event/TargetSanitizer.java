package ai.worldforge.event;

import static ai.worldforge.event.Redaction.REDACTED;

import ai.worldforge.internal.PyStrings;
import org.jspecify.annotations.Nullable;

/**
 * Targets and URLs: the reference's target sanitiser (userinfo, query and fragment dropped,
 * splitting like CPython's {@code urlsplit}), widened to secrets left in the path (path
 * parameters such as {@code ;token=abc} and vendor token shapes), and the text rule that
 * sanitises every URL found in text, whatever its scheme and case ({@code ftp://}, {@code
 * postgres://}, {@code mongodb+srv://}, {@code HTTPS://}) and scheme-relative URLs with
 * credentials ({@code //user:pw@host}).
 */
final class TargetSanitizer {
    private TargetSanitizer() {}

    /** {@link Redaction#sanitizeTarget}. */
    static @Nullable String sanitize(@Nullable String target) {
        if (target == null) {
            return null;
        }
        String stripped = PyStrings.strip(target);
        if (stripped.isEmpty()) {
            return null;
        }
        return redactPath(referenceSanitize(stripped));
    }

    /** The reference's rule on a stripped, non-empty target. */
    private static String referenceSanitize(String stripped) {
        if (isPlainPath(stripped)) {
            return stripped;
        }
        PythonUrlSplit.SplitUrl parts = PythonUrlSplit.urlsplit(stripped);
        if (parts == null) {
            String cut = PythonUrlSplit.cutAt(PythonUrlSplit.cutAt(stripped, '?'), '#');
            return cut.isEmpty() ? REDACTED : cut;
        }
        if (parts.scheme().isEmpty()
                && parts.netloc().isEmpty()
                && parts.query().isEmpty()
                && parts.fragment().isEmpty()) {
            return stripped;
        }
        String netloc = parts.netloc().substring(parts.netloc().lastIndexOf('@') + 1);
        String rejoined = PythonUrlSplit.urlunsplit(parts.scheme(), netloc, parts.path());
        if (rejoined.isEmpty()) {
            return REDACTED;
        }
        return rejoined.equals(stripped) ? stripped : rejoined;
    }

    /** Secrets the reference keeps in a sanitised target: path parameters and token shapes. */
    private static String redactPath(String target) {
        // Sanitised targets have lost their query, so '=' is rare: most take only the shape check.
        String out = target;
        if (target.indexOf('=') >= 0 && (TextFeatures.scan(target) & TextFeatures.ASSIGNMENT_KEYS) != 0) {
            out = AssignmentRules.redactEquals(out, true);
        }
        if (TextFeatures.mayHoldVendorToken(out)) {
            out = TokenShapes.redactVendorTokens(out);
        }
        return out;
    }

    /** No scheme, netloc, query or fragment is possible: the common "already a path" case. */
    private static boolean isPlainPath(String target) {
        if (target.charAt(0) <= ' ' || target.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            switch (target.charAt(i)) {
                case ':', '?', '#', '\t', '\r', '\n' -> {
                    return false;
                }
                default -> {}
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------
    // URLs in text

    /**
     * Rule 1, widened: every {@code scheme://…} run up to whitespace, a quote, {@code <} or
     * {@code >} is replaced by its sanitised target. The scheme is {@code [A-Za-z][A-Za-z0-9+.-]*}
     * in any case; where it ends in lower-case {@code http} or {@code https}, the URL starts
     * there, as in the reference's {@code https?://} ({@code xhttps://h/p?q} → {@code
     * xhttps://h/p}).
     */
    static String redactUrls(String text) {
        int n = text.length();
        StringBuilder out = null;
        int last = 0;
        int separator = text.indexOf("://");
        while (separator >= 0) {
            int start = schemeStart(text, separator, last);
            int end = separator + 3;
            while (end < n && !isUrlStop(text.charAt(end))) {
                end++;
            }
            if (start < 0 || end == separator + 3) {
                separator = text.indexOf("://", separator + 1);
                continue;
            }
            String url = text.substring(start, end);
            String sanitized = sanitize(url);
            String replacement = sanitized == null ? REDACTED : sanitized;
            if (!replacement.equals(url)) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, last, start).append(replacement);
                last = end;
            }
            separator = text.indexOf("://", end);
        }
        return TextRedactor.finish(text, out, last);
    }

    /** Where the scheme before {@code ://} at {@code separator} starts, or -1 for none. */
    private static int schemeStart(String text, int separator, int floor) {
        if (separator >= 5 && text.startsWith("https", separator - 5) && separator - 5 >= floor) {
            return separator - 5;
        }
        if (separator >= 4 && text.startsWith("http", separator - 4) && separator - 4 >= floor) {
            return separator - 4;
        }
        int p = separator;
        while (p > floor && isSchemeChar(text.charAt(p - 1))) {
            p--;
        }
        while (p < separator && !isAsciiLetter(text.charAt(p))) {
            p++;
        }
        return p < separator ? p : -1;
    }

    /**
     * Scheme-relative URLs with credentials ({@code //user:pw@host/p?q}) at the start of a token
     * (the text start, whitespace, a quote, {@code ( [ < = ,}) → their sanitised target ({@code
     * //host/p}). Without an {@code @} in the authority, {@code //} is left alone: it is as often
     * a comment or a path.
     */
    static String redactSchemeRelativeUrls(String text) {
        int n = text.length();
        StringBuilder out = null;
        int last = 0;
        int slashes = text.indexOf("//");
        while (slashes >= 0) {
            int end = slashes + 2;
            boolean tokenStart = slashes == 0 || isTokenOpener(text.charAt(slashes - 1));
            int at = -1;
            while (end < n && !isUrlStop(text.charAt(end))) {
                char c = text.charAt(end);
                if (c == '/' || c == '?' || c == '#') {
                    break;
                }
                if (c == '@') {
                    at = end;
                }
                end++;
            }
            if (!tokenStart || at < 0) {
                slashes = text.indexOf("//", slashes + 2);
                continue;
            }
            while (end < n && !isUrlStop(text.charAt(end))) {
                end++;
            }
            String url = text.substring(slashes, end);
            String sanitized = sanitize(url);
            String replacement = sanitized == null ? REDACTED : sanitized;
            if (!replacement.equals(url)) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, last, slashes).append(replacement);
                last = end;
            }
            slashes = text.indexOf("//", end);
        }
        return TextRedactor.finish(text, out, last);
    }

    private static boolean isTokenOpener(char c) {
        return c == '"'
                || c == '\''
                || c == '('
                || c == '['
                || c == '<'
                || c == '='
                || c == ','
                || PyStrings.isSpace(c);
    }

    /** Ends a URL in text: Python whitespace, quotes, {@code <} and {@code >}. */
    private static boolean isUrlStop(char c) {
        return c == '"' || c == '\'' || c == '<' || c == '>' || PyStrings.isSpace(c);
    }

    private static boolean isSchemeChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
