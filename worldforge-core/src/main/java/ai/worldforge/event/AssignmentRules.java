package ai.worldforge.event;

import static ai.worldforge.event.Redaction.REDACTED;

import ai.worldforge.internal.PyStrings;

/**
 * The {@code key=value} and {@code key: value} rules (the reference's rules 3 and 4), widened:
 *
 * <ul>
 *   <li>keys are {@linkplain SecretKeys secret names} of either kind;
 *   <li>{@code key = value} may have blanks (spaces, tabs) around {@code =} (not {@code ==});
 *   <li>a value that is an HTTP authentication scheme ({@code Basic}, {@code Token}, {@code
 *       Digest}, …) takes the credentials after it along, up to the end of the line's token or
 *       auth-parameter list ({@code Authorization: Basic dXNlcjpwdw==} → {@code Authorization:
 *       [redacted] [redacted]}, the shape the reference gives {@code Bearer});
 *   <li>an unquoted {@code Cookie:} or {@code Set-Cookie:} value runs to the end of the line
 *       (every pair in a cookie header may be a session).
 * </ul>
 *
 * Both rules are single left-to-right passes over runs of key characters; every run is examined
 * once, so the cost is linear in the text.
 */
final class AssignmentRules {
    /** Authentication schemes (IANA registry plus common vendor schemes), lower-case. */
    private static final String[] AUTH_SCHEMES = {
        "basic",
        "bearer",
        "digest",
        "token",
        "negotiate",
        "ntlm",
        "kerberos",
        "oauth",
        "hoba",
        "mutual",
        "scram-sha-1",
        "scram-sha-256",
        "vapid",
        "dpop",
        "gnap",
        "privatetoken",
        "concealed",
        "aws4-hmac-sha256",
        "aws",
        "hawk",
        "mac",
        "apikey",
        "api-key",
        "key",
        "jwt",
        "ssws",
        "splunk",
        "googlelogin",
        "signature"
    };

    private AssignmentRules() {}

    /**
     * Rule 3: {@code \b(KEY)=([^&\s,;]+)} → {@code KEY=[redacted]}, and {@code KEY = value} with
     * blanks. In a URL path ({@code inPath}) values also stop at {@code /} and no blanks are
     * allowed, so {@code /v1;token=abc/next} keeps {@code /next}.
     */
    static String redactEquals(String text, boolean inPath) {
        int n = text.length();
        StringBuilder out = null;
        int last = 0;
        int i = 0;
        while (i < n) {
            if (!SecretKeys.isKeyChar(text.charAt(i))) {
                i++;
                continue;
            }
            int runStart = i;
            int runEnd = SecretKeys.keyRunEnd(text, runStart);
            i = runEnd;
            if (runEnd >= n) {
                continue;
            }
            int equals = text.charAt(runEnd) == '=' ? runEnd : -1;
            if (equals < 0 && !inPath) {
                int p = skipBlanks(text, runEnd);
                if (p > runEnd && p < n && text.charAt(p) == '=') {
                    equals = p;
                }
            }
            boolean spaced = equals > runEnd;
            // The key is checked before the value is scanned: scanning the values of keys that are
            // no secret would make "a=a=a=…" quadratic.
            if (equals < 0
                    || (spaced && equals + 1 < n && text.charAt(equals + 1) == '=')
                    || !isAssignedKey(text, runStart, runEnd)) {
                continue;
            }
            int valueStart = equals + 1;
            int valueEnd = equalsValueEnd(text, valueStart, inPath);
            if (valueEnd == valueStart && !inPath) {
                valueStart = skipBlanks(text, valueStart);
                valueEnd = valueStart < n && text.charAt(valueStart) == '=' // "key = =x" is no assignment
                        ? valueStart
                        : equalsValueEnd(text, valueStart, false);
            }
            if (valueEnd == valueStart) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n + 16);
            }
            out.append(text, last, valueStart).append(REDACTED);
            last = inPath ? valueEnd : afterSchemeCredentials(text, valueStart, valueEnd, out);
            i = last;
        }
        return TextRedactor.finish(text, out, last);
    }

    /** A key for rule 3: a reference keyword or a secret last word, after a {@code \b}. */
    private static boolean isAssignedKey(String text, int runStart, int runEnd) {
        int keyword = SecretKeys.lastKeyword(text, runStart, runEnd, SecretKeys.SECRET_WORD);
        if (keyword >= 0 && SecretKeys.firstBoundary(text, runStart, keyword) >= 0) {
            return true;
        }
        int word = SecretKeys.secretLastWordStart(text, runStart, runEnd);
        return word >= 0 && SecretKeys.firstBoundary(text, runStart, word) >= 0;
    }

    private static int equalsValueEnd(String text, int start, boolean inPath) {
        int end = start;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (c == '&' || c == ',' || c == ';' || (inPath && c == '/') || PyStrings.isSpace(c)) {
                break;
            }
            end++;
        }
        return end;
    }

    /**
     * Rule 4: <code>(["']?)(KEY)\1\s*:\s*("[^"]*"|'[^']*'|[^,\s;&#125;]+)</code> where KEY is a
     * run of {@code [A-Za-z0-9_-]} naming a secret (the reference keywords include {@code bearer}
     * here), replaced by {@code <q><key><q>: <vq>[redacted]<vq>} ({@code vq} being the value's
     * quote).
     */
    static String redactColons(String text) {
        int n = text.length();
        StringBuilder out = null;
        int last = 0;
        int i = 0;
        while (i < n) {
            if (!SecretKeys.isKeyChar(text.charAt(i))) {
                i++;
                continue;
            }
            int runStart = i;
            int runEnd = SecretKeys.keyRunEnd(text, runStart);
            i = runEnd;
            boolean quotedKey = runEnd < n && (text.charAt(runEnd) == '"' || text.charAt(runEnd) == '\'');
            if ((afterColon(text, runEnd) < 0 && !(quotedKey && afterColon(text, runEnd + 1) >= 0))
                    || !SecretKeys.namesSecret(
                            text, runStart, runEnd, SecretKeys.SECRET_WORD | SecretKeys.BEARER_WORD)) {
                continue;
            }
            // A quoted key may be a dotted name ("smtp.pass"): its runs before the last belong to it.
            int keyStart = dottedNameStart(text, runStart, last);
            char quote = keyStart - 1 >= last ? text.charAt(keyStart - 1) : 0;
            int valueStart = -1;
            int matchStart = runStart;
            if ((quote == '"' || quote == '\'') && runEnd < n && text.charAt(runEnd) == quote) {
                valueStart = afterColon(text, runEnd + 1);
                matchStart = keyStart - 1;
            }
            int valueEnd = valueStart < 0 ? -1 : colonValueEnd(text, valueStart);
            if (valueEnd < 0) {
                quote = 0;
                matchStart = runStart;
                valueStart = afterColon(text, runEnd);
                valueEnd = valueStart < 0 ? -1 : colonValueEnd(text, valueStart);
            }
            if (valueEnd < 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n + 16);
            }
            char first = text.charAt(valueStart);
            out.append(text, last, matchStart);
            if (quote != 0) {
                out.append(quote);
            }
            out.append(text, quote != 0 ? keyStart : runStart, runEnd);
            if (quote != 0) {
                out.append(quote);
            }
            out.append(": ");
            if (first == '"' || first == '\'') {
                out.append(first).append(REDACTED).append(first);
                last = valueEnd;
            } else if (SecretKeys.lastWordIsCookie(text, runStart, runEnd)) {
                out.append(REDACTED);
                last = Math.max(valueEnd, lineEnd(text, valueStart));
            } else {
                out.append(REDACTED);
                last = afterSchemeCredentials(text, valueStart, valueEnd, out);
            }
            i = last;
        }
        return TextRedactor.finish(text, out, last);
    }

    /** The start of the dotted name ({@code a.b.run}) ending with the run at {@code runStart}, not before {@code floor}. */
    private static int dottedNameStart(String text, int runStart, int floor) {
        int start = runStart;
        while (start - 2 >= floor && text.charAt(start - 1) == '.' && SecretKeys.isKeyChar(text.charAt(start - 2))) {
            start--;
            while (start - 1 >= floor && SecretKeys.isKeyChar(text.charAt(start - 1))) {
                start--;
            }
        }
        return start;
    }

    /**
     * When {@code text[valueStart, valueEnd)} (just replaced) is an authentication scheme followed
     * by blanks and credentials, appends the blanks and {@code [redacted]} for the credentials
     * and returns where they end; otherwise returns {@code valueEnd}.
     */
    private static int afterSchemeCredentials(String text, int valueStart, int valueEnd, StringBuilder out) {
        if (!isAuthScheme(text, valueStart, valueEnd)) {
            return valueEnd;
        }
        int credentialsStart = skipBlanks(text, valueEnd);
        if (credentialsStart == valueEnd) {
            return valueEnd;
        }
        int credentialsEnd = credentialsEnd(text, credentialsStart);
        if (credentialsEnd == credentialsStart) {
            return valueEnd;
        }
        out.append(text, valueEnd, credentialsStart).append(REDACTED);
        return credentialsEnd;
    }

    private static boolean isAuthScheme(String text, int start, int end) {
        int length = end - start;
        for (String scheme : AUTH_SCHEMES) {
            if (scheme.length() == length && SecretKeys.matchesAt(text, start, scheme)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The end of the credentials at {@code start}: a token (quoted, or up to whitespace, {@code
     * ,}, {@code ;} or <code>&#125;</code>; {@code name="quoted value"} inside is one piece), then
     * any {@code , name=value} auth parameters after it (Digest, AWS4-HMAC-SHA256, OAuth).
     */
    private static int credentialsEnd(String text, int start) {
        int end = credentialToken(text, start);
        while (end > start) {
            int comma = skipBlanks(text, end);
            if (comma >= text.length() || text.charAt(comma) != ',') {
                break;
            }
            int name = skipBlanks(text, comma + 1);
            int nameEnd = SecretKeys.keyRunEnd(text, name);
            if (nameEnd == name || nameEnd >= text.length() || text.charAt(nameEnd) != '=') {
                break;
            }
            int next = credentialToken(text, name);
            if (next == name) {
                break;
            }
            end = next;
        }
        return end;
    }

    private static int credentialToken(String text, int start) {
        int n = text.length();
        if (start < n && (text.charAt(start) == '"' || text.charAt(start) == '\'')) {
            int close = closingQuoteOnLine(text, start);
            if (close > 0) {
                return close + 1;
            }
        }
        int end = start;
        while (end < n) {
            char c = text.charAt(end);
            if (c == ',' || c == ';' || c == '}' || PyStrings.isSpace(c)) {
                break;
            }
            if ((c == '"' || c == '\'') && end > start && text.charAt(end - 1) == '=') {
                int close = closingQuoteOnLine(text, end);
                if (close > 0) {
                    end = close + 1;
                    continue;
                }
            }
            end++;
        }
        return end;
    }

    /** The closing quote for the quote at {@code open}, on the same line, or -1. */
    private static int closingQuoteOnLine(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote) {
                return i;
            }
            if (c == '\n' || c == '\r') {
                return -1;
            }
        }
        return -1;
    }

    /** The position after {@code \s*:\s*} at {@code from}, or -1. */
    private static int afterColon(String text, int from) {
        int n = text.length();
        int i = from;
        while (i < n && PyStrings.isSpace(text.charAt(i))) {
            i++;
        }
        if (i >= n || text.charAt(i) != ':') {
            return -1;
        }
        i++;
        while (i < n && PyStrings.isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of {@code "[^"]*"|'[^']*'|[^,\s;}]+} at {@code start}, or -1. */
    private static int colonValueEnd(String text, int start) {
        int n = text.length();
        if (start >= n) {
            return -1;
        }
        char first = text.charAt(start);
        if (first == '"' || first == '\'') {
            int close = text.indexOf(first, start + 1);
            if (close >= 0) {
                return close + 1;
            }
        }
        int end = start;
        while (end < n) {
            char c = text.charAt(end);
            if (c == ',' || c == ';' || c == '}' || PyStrings.isSpace(c)) {
                break;
            }
            end++;
        }
        return end > start ? end : -1;
    }

    /** The first line break at or after {@code from}, or the end. */
    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** {@code from} moved past spaces and tabs. */
    static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
