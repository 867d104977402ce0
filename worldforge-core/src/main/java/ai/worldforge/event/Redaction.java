package ai.worldforge.event;

import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reference's redaction rules for anything that leaves the process (provider events, health
 * and lifecycle details, error messages).
 *
 * <ul>
 *   <li>{@link #sanitizeTarget} drops URL credentials, query strings and fragments, splitting like
 *       CPython 3.13's {@code urllib.parse.urlsplit};
 *   <li>{@link #redactText} applies four text rules in order: URLs are sanitised, {@code Bearer x}
 *       tokens, {@code key=value} and {@code key: value} secrets become {@code [redacted]};
 *   <li>{@link #redactValue} replaces every value under a secret-named key and redacts strings
 *       anywhere in a JSON tree.
 * </ul>
 *
 * <p>Matching follows Python's {@code re} on {@code str}: {@code \s} is Python's Unicode
 * whitespace, {@code \b} uses Python's Unicode word characters (letters, numbers and {@code _})
 * and case-insensitive matching folds {@code ı İ ſ K} (Kelvin sign) like Python does.
 *
 * <p>The reference's regular expressions are implemented as equivalent hand-written scanners
 * (this runs on every provider event): one pre-scan finds which rules could match and skips the
 * others, and every method returns its argument itself when nothing changes.
 *
 * <p>Stateless and thread-safe. Arguments must not be null unless marked {@code @Nullable}.
 */
public final class Redaction {
    /** The replacement text. */
    public static final String REDACTED = "[redacted]";

    private static final JsonString REDACTED_JSON = new JsonString(REDACTED);

    /** CPython 3.13 {@code urllib.parse.uses_netloc}. */
    private static final Set<String> USES_NETLOC = Set.of(
            "",
            "ftp",
            "http",
            "gopher",
            "nntp",
            "telnet",
            "imap",
            "wais",
            "file",
            "mms",
            "https",
            "shttp",
            "snews",
            "prospero",
            "rtsp",
            "rtsps",
            "rtspu",
            "rsync",
            "svn",
            "svn+ssh",
            "sftp",
            "nfs",
            "git",
            "git+ssh",
            "ws",
            "wss",
            "itms-services");

    // Features found by scan().
    private static final int HTTP = 1;
    private static final int BEARER_WORD = 2;
    private static final int SECRET_WORD = 4;
    private static final int EQUALS = 8;
    private static final int COLON_CHAR = 16;

    private Redaction() {}

    // ------------------------------------------------------------------------------------------
    // Keys

    /**
     * Whether a mapping key names a secret: it contains, case-insensitively, {@code api_key}
     * ({@code apikey}, {@code api-key}), {@code authorization}, {@code bearer}, {@code credential},
     * {@code password}, {@code secret}, {@code signature}, {@code signed_url} ({@code signedurl},
     * {@code signed-url}) or {@code token}.
     */
    public static boolean isSecretKey(String key) {
        return (scan(key) & (SECRET_WORD | BEARER_WORD)) != 0;
    }

    // ------------------------------------------------------------------------------------------
    // Text

    /**
     * Applies the four text rules in order: URLs are sanitised ({@link #sanitizeTarget});
     * {@code Bearer x} → {@code Bearer [redacted]}; {@code <secret-key>=x} → {@code
     * <secret-key>=[redacted]}; {@code <secret-key>: x} (optionally quoted) → {@code <secret-key>:
     * [redacted]} keeping the value's quotes. Returns {@code text} itself when nothing matched.
     */
    public static String redactText(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int features = scan(text);
        String out = text;
        if ((features & HTTP) != 0) {
            out = replaceUrls(out);
        }
        if ((features & BEARER_WORD) != 0) {
            out = replaceBearer(out);
        }
        if ((features & (EQUALS | SECRET_WORD)) == (EQUALS | SECRET_WORD)) {
            out = replaceAssignments(out);
        }
        if ((features & COLON_CHAR) != 0 && (features & (SECRET_WORD | BEARER_WORD)) != 0) {
            out = replaceColonAssignments(out);
        }
        return out;
    }

    /**
     * One pass over {@code text} recording what the rules could match. Conservative: a rule whose
     * feature is absent cannot match (steps 1–3 only remove text or add {@code [redacted]}, so
     * they never create a keyword, an {@code =} or a {@code :}).
     */
    private static int scan(String text) {
        int features = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '=' -> features |= EQUALS;
                case ':' -> features |= COLON_CHAR;
                case 'h' -> {
                    if (text.startsWith("ttp", i + 1)) {
                        features |= HTTP;
                    }
                }
                default -> {}
            }
            if ((features & (SECRET_WORD | BEARER_WORD)) != (SECRET_WORD | BEARER_WORD)) {
                features |= keywordAt(text, i, fold(c));
            }
        }
        return features;
    }

    /**
     * The ASCII lower-case letter {@code c} matches under Python's (and Java's {@code
     * UNICODE_CASE}) case-insensitive matching, or {@code c} itself for other ASCII characters,
     * or 0 for characters that can match no ASCII letter.
     */
    private static char fold(char c) {
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

    private static int keywordAt(String text, int i, char first) {
        return switch (first) {
            case 'a' ->
                matchesAt(text, i, "authorization") || optionalSeparator(text, i, "api", "key") ? SECRET_WORD : 0;
            case 'b' -> matchesAt(text, i, "bearer") ? BEARER_WORD : 0;
            case 'c' -> matchesAt(text, i, "credential") ? SECRET_WORD : 0;
            case 'p' -> matchesAt(text, i, "password") ? SECRET_WORD : 0;
            case 's' ->
                matchesAt(text, i, "secret")
                                || matchesAt(text, i, "signature")
                                || optionalSeparator(text, i, "signed", "url")
                        ? SECRET_WORD
                        : 0;
            case 't' -> matchesAt(text, i, "token") ? SECRET_WORD : 0;
            default -> 0;
        };
    }

    /** Whether {@code word} (lower-case ASCII) matches case-insensitively at {@code i}. */
    private static boolean matchesAt(String text, int i, String word) {
        int n = word.length();
        if (i + n > text.length()) {
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

    private static String replaceUrls(String text) {
        int n = text.length();
        StringBuilder out = null;
        int last = 0;
        int i = text.indexOf("http");
        while (i >= 0) {
            int j = i + 4;
            if (j < n && text.charAt(j) == 's') {
                j++;
            }
            int end = j + 3;
            if (text.startsWith("://", j)) {
                while (end < n && !isUrlStop(text.charAt(end))) {
                    end++;
                }
            }
            if (end == j + 3) {
                i = text.indexOf("http", i + 1);
                continue;
            }
            String url = text.substring(i, end);
            String sanitized = sanitizeTarget(url);
            String replacement = sanitized == null ? REDACTED : sanitized;
            if (!replacement.equals(url)) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, last, i).append(replacement);
                last = end;
            }
            i = text.indexOf("http", end);
        }
        return finish(text, out, last);
    }

    /** Ends a URL in text: Python whitespace, quotes, {@code <} and {@code >}. */
    private static boolean isUrlStop(char c) {
        return c == '"' || c == '\'' || c == '<' || c == '>' || PyStrings.isSpace(c);
    }

    /** Step 2: {@code \bBearer\s+[A-Za-z0-9._~+/=-]+} (case-insensitive). */
    private static String replaceBearer(String text) {
        int n = text.length();
        StringBuilder out = null;
        int last = 0;
        int i = 0;
        while (i + 6 < n) {
            if ((text.charAt(i) | 0x20) != 'b' || !matchesAt(text, i, "bearer") || !isBoundary(text, i)) {
                i++;
                continue;
            }
            int token = i + 6;
            while (token < n && PyStrings.isSpace(text.charAt(token))) {
                token++;
            }
            int end = token;
            while (end < n && isBearerTokenChar(text.charAt(end))) {
                end++;
            }
            if (token == i + 6 || end == token) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n + 16);
            }
            out.append(text, last, i).append("Bearer ").append(REDACTED);
            last = end;
            i = end;
        }
        return finish(text, out, last);
    }

    /**
     * Step 3: {@code \b(KEY)=([^&\s,;]+)} where KEY is a run of {@code [A-Za-z0-9_-]}
     * containing a secret word (case-insensitive), replaced by {@code KEY=[redacted]}. The key of a match always ends
     * where its run of key characters ends, so each run is examined once.
     */
    private static String replaceAssignments(String text) {
        int n = text.length();
        StringBuilder out = null;
        int last = 0;
        int i = 0;
        while (i < n) {
            if (!isKeyChar(text.charAt(i))) {
                i++;
                continue;
            }
            int runStart = i;
            int runEnd = runEnd(text, runStart);
            i = runEnd;
            if (runEnd + 1 >= n || text.charAt(runEnd) != '=') {
                continue;
            }
            int valueEnd = runEnd + 1;
            while (valueEnd < n && isAssignmentValueChar(text.charAt(valueEnd))) {
                valueEnd++;
            }
            if (valueEnd == runEnd + 1) {
                continue;
            }
            int lastWord = lastKeyword(text, runStart, runEnd, SECRET_WORD);
            int start = -1;
            for (int p = runStart; p <= lastWord && start < 0; p++) {
                if (isBoundary(text, p)) {
                    start = p;
                }
            }
            if (start < 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n + 16);
            }
            out.append(text, last, runEnd + 1).append(REDACTED);
            last = valueEnd;
            i = valueEnd;
        }
        return finish(text, out, last);
    }

    /**
     * Step 4: <code>(["']?)(KEY)\1\s*:\s*("[^"]*"|'[^']*'|[^,\s;&#125;]+)</code> where KEY is a
     * run of {@code [A-Za-z0-9_-]} containing a secret word or {@code bearer} (case-insensitive),
     * replaced by {@code <q><key><q>: <vq>[redacted]<vq>} ({@code vq} being the value's quote).
     */
    private static String replaceColonAssignments(String text) {
        int n = text.length();
        StringBuilder out = null;
        int last = 0;
        int i = 0;
        while (i < n) {
            if (!isKeyChar(text.charAt(i))) {
                i++;
                continue;
            }
            int runStart = i;
            int runEnd = runEnd(text, runStart);
            i = runEnd;
            char quote = runStart - 1 >= last ? text.charAt(runStart - 1) : 0;
            int valueStart = -1;
            int matchStart = runStart;
            if ((quote == '"' || quote == '\'') && runEnd < n && text.charAt(runEnd) == quote) {
                valueStart = afterColon(text, runEnd + 1);
                matchStart = runStart - 1;
            }
            int valueEnd = valueStart < 0 ? -1 : valueEnd(text, valueStart);
            if (valueEnd < 0) {
                quote = 0;
                matchStart = runStart;
                valueStart = afterColon(text, runEnd);
                valueEnd = valueStart < 0 ? -1 : valueEnd(text, valueStart);
            }
            if (valueEnd < 0 || lastKeyword(text, runStart, runEnd, SECRET_WORD | BEARER_WORD) < 0) {
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
            out.append(text, runStart, runEnd);
            if (quote != 0) {
                out.append(quote);
            }
            out.append(": ");
            if (first == '"' || first == '\'') {
                out.append(first).append(REDACTED).append(first);
            } else {
                out.append(REDACTED);
            }
            last = valueEnd;
            i = valueEnd;
        }
        return finish(text, out, last);
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
    private static int valueEnd(String text, int start) {
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

    private static int runEnd(String text, int start) {
        int end = start;
        while (end < text.length() && isKeyChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** The last start of a keyword of {@code kinds} inside the key run [start, end), or -1. */
    private static int lastKeyword(String text, int start, int end, int kinds) {
        for (int p = end - 1; p >= start; p--) {
            if ((keywordAt(text, p, fold(text.charAt(p))) & kinds) != 0) {
                return p;
            }
        }
        return -1;
    }

    /** {@code [A-Za-z0-9_-]} under case-insensitive matching. */
    private static boolean isKeyChar(char c) {
        char f = fold(c);
        return (f >= 'a' && f <= 'z') || (f >= '0' && f <= '9') || f == '_' || f == '-';
    }

    /** {@code [A-Za-z0-9._~+/=-]} under case-insensitive matching. */
    private static boolean isBearerTokenChar(char c) {
        char f = fold(c);
        return (f >= 'a' && f <= 'z')
                || (f >= '0' && f <= '9')
                || f == '.'
                || f == '_'
                || f == '~'
                || f == '+'
                || f == '/'
                || f == '='
                || f == '-';
    }

    /** {@code [^&\s,;]}. */
    private static boolean isAssignmentValueChar(char c) {
        return c != '&' && c != ',' && c != ';' && !PyStrings.isSpace(c);
    }

    private static String finish(String text, @Nullable StringBuilder out, int last) {
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }

    /** Python's {@code \b} at {@code index}: exactly one side is a word character. */
    private static boolean isBoundary(String text, int index) {
        boolean before = index > 0 && isWordChar(text.codePointBefore(index));
        boolean after = index < text.length() && isWordChar(text.codePointAt(index));
        return before != after;
    }

    /** Python's {@code str} word character: {@code isalnum()} (letters and numbers) or {@code _}. */
    private static boolean isWordChar(int cp) {
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

    // ------------------------------------------------------------------------------------------
    // Targets

    /**
     * A target safe for logs and metrics. {@code null} or blank → {@code null}. The target is
     * stripped (Python {@code str.strip()}) and split like {@code urlsplit}; when it has a scheme,
     * a netloc, a non-empty query or a non-empty fragment, the userinfo (netloc up to its last
     * {@code @}), query and fragment are dropped and the rest is rejoined like {@code urlunsplit}
     * (an empty result becomes {@code [redacted]}); otherwise the stripped target is returned. A
     * target {@code urlsplit} rejects (such as {@code http://[::1}) is cut at its first {@code ?}
     * and then its first {@code #}.
     */
    public static @Nullable String sanitizeTarget(@Nullable String target) {
        if (target == null) {
            return null;
        }
        String stripped = pyStrip(target);
        if (stripped.isEmpty()) {
            return null;
        }
        if (isPlainPath(stripped)) {
            return stripped;
        }
        SplitUrl parts = urlsplit(stripped);
        if (parts == null) {
            String cut = cutAt(cutAt(stripped, '?'), '#');
            return cut.isEmpty() ? REDACTED : cut;
        }
        if (parts.scheme.isEmpty() && parts.netloc.isEmpty() && parts.query.isEmpty() && parts.fragment.isEmpty()) {
            return stripped;
        }
        String netloc = parts.netloc.substring(parts.netloc.lastIndexOf('@') + 1);
        String rejoined = urlunsplit(parts.scheme, netloc, parts.path);
        if (rejoined.isEmpty()) {
            return REDACTED;
        }
        return rejoined.equals(stripped) ? stripped : rejoined;
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

    private static String cutAt(String text, char c) {
        int index = text.indexOf(c);
        return index < 0 ? text : text.substring(0, index);
    }

    private record SplitUrl(String scheme, String netloc, String path, String query, String fragment) {}

    /** CPython 3.13 {@code urlsplit(url)}; {@code null} where it raises {@code ValueError}. */
    private static @Nullable SplitUrl urlsplit(String target) {
        int begin = 0;
        while (begin < target.length() && target.charAt(begin) <= ' ') {
            begin++;
        }
        String url = target.substring(begin);
        if (url.indexOf('\t') >= 0 || url.indexOf('\r') >= 0 || url.indexOf('\n') >= 0) {
            url = url.replace("\t", "").replace("\r", "").replace("\n", "");
        }
        String scheme = "";
        String netloc = "";
        String query = "";
        String fragment = "";
        int colon = url.indexOf(':');
        if (colon > 0 && isSchemeStart(url.charAt(0)) && isScheme(url, colon)) {
            scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
            url = url.substring(colon + 1);
        }
        if (url.startsWith("//")) {
            int delim = url.length();
            for (char c : new char[] {'/', '?', '#'}) {
                int at = url.indexOf(c, 2);
                if (at >= 0 && at < delim) {
                    delim = at;
                }
            }
            netloc = url.substring(2, delim);
            url = url.substring(delim);
            boolean open = netloc.indexOf('[') >= 0;
            boolean close = netloc.indexOf(']') >= 0;
            if (open != close) {
                return null;
            }
            if (open && !isValidBracketedNetloc(netloc)) {
                return null;
            }
        }
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash + 1);
            url = url.substring(0, hash);
        }
        int question = url.indexOf('?');
        if (question >= 0) {
            query = url.substring(question + 1);
            url = url.substring(0, question);
        }
        if (!isValidNetlocNormalization(netloc)) {
            return null;
        }
        return new SplitUrl(scheme, netloc, url, query, fragment);
    }

    private static boolean isSchemeStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isScheme(String url, int end) {
        for (int i = 0; i < end; i++) {
            char c = url.charAt(i);
            boolean ok = isSchemeStart(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code _check_bracketed_netloc}. */
    private static boolean isValidBracketedNetloc(String netloc) {
        String hostAndPort = netloc.substring(netloc.lastIndexOf('@') + 1);
        int open = hostAndPort.indexOf('[');
        String hostname;
        if (open >= 0) {
            if (open > 0) {
                return false;
            }
            String bracketed = hostAndPort.substring(open + 1);
            int close = bracketed.indexOf(']');
            hostname = close < 0 ? bracketed : bracketed.substring(0, close);
            String port = close < 0 ? "" : bracketed.substring(close + 1);
            if (!port.isEmpty() && !port.startsWith(":")) {
                return false;
            }
        } else {
            hostname = cutAt(hostAndPort, ':');
        }
        if (hostname.startsWith("v")) {
            return isIpvFuture(hostname);
        }
        // ip_address() accepts IPv4 too, but an IPv4 address in brackets is rejected.
        return isIpv6(hostname);
    }

    /** Python's {@code re.match(r"\Av[a-fA-F0-9]+\..+\Z", hostname)}. */
    private static boolean isIpvFuture(String hostname) {
        int i = 1;
        while (i < hostname.length() && hostname.charAt(i) < 0x80 && Character.digit(hostname.charAt(i), 16) >= 0) {
            i++;
        }
        if (i == 1 || i >= hostname.length() - 1 || hostname.charAt(i) != '.') {
            return false;
        }
        return hostname.indexOf('\n', i + 1) < 0;
    }

    /** Python {@code ipaddress.IPv6Address(text)} succeeds. */
    private static boolean isIpv6(String text) {
        String address = text;
        int percent = address.indexOf('%');
        if (percent >= 0) {
            String scope = address.substring(percent + 1);
            if (scope.isEmpty() || scope.indexOf('%') >= 0) {
                return false;
            }
            address = address.substring(0, percent);
        }
        if (address.isEmpty() || address.indexOf('/') >= 0) {
            return false;
        }
        List<String> parts = new ArrayList<>(List.of(address.split(":", -1)));
        if (parts.size() < 3) {
            return false;
        }
        if (parts.get(parts.size() - 1).indexOf('.') >= 0) {
            if (!isIpv4(parts.remove(parts.size() - 1))) {
                return false;
            }
            parts.add("0");
            parts.add("0");
        }
        if (parts.size() > 9) {
            return false;
        }
        int skipIndex = -1;
        for (int i = 1; i < parts.size() - 1; i++) {
            if (parts.get(i).isEmpty()) {
                if (skipIndex >= 0) {
                    return false;
                }
                skipIndex = i;
            }
        }
        int partsHi;
        int partsLo;
        if (skipIndex >= 0) {
            partsHi = skipIndex;
            partsLo = parts.size() - skipIndex - 1;
            if (parts.get(0).isEmpty() && --partsHi != 0) {
                return false;
            }
            if (parts.get(parts.size() - 1).isEmpty() && --partsLo != 0) {
                return false;
            }
            if (8 - (partsHi + partsLo) < 1) {
                return false;
            }
        } else {
            if (parts.size() != 8 || parts.get(0).isEmpty() || parts.get(7).isEmpty()) {
                return false;
            }
            partsHi = parts.size();
            partsLo = 0;
        }
        for (int i = 0; i < partsHi; i++) {
            if (!isHextet(parts.get(i))) {
                return false;
            }
        }
        for (int i = parts.size() - partsLo; i < parts.size(); i++) {
            if (!isHextet(parts.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHextet(String part) {
        if (part.isEmpty() || part.length() > 4) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            if (Character.digit(part.charAt(i), 16) < 0 || part.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Python {@code ipaddress.IPv4Address(text)} succeeds. */
    private static boolean isIpv4(String text) {
        if (text.isEmpty() || text.indexOf('/') >= 0) {
            return false;
        }
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3) {
                return false;
            }
            for (int i = 0; i < octet.length(); i++) {
                if (octet.charAt(i) < '0' || octet.charAt(i) > '9') {
                    return false;
                }
            }
            if (octet.length() > 1 && octet.charAt(0) == '0') {
                return false;
            }
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** {@code _checknetloc}: NFKC normalisation must not introduce URL delimiters. */
    private static boolean isValidNetlocNormalization(String netloc) {
        boolean ascii = true;
        for (int i = 0; i < netloc.length() && ascii; i++) {
            ascii = netloc.charAt(i) < 0x80;
        }
        if (ascii) {
            return true;
        }
        String n = netloc.replace("@", "").replace(":", "").replace("#", "").replace("?", "");
        String normalized = Normalizer.normalize(n, Normalizer.Form.NFKC);
        if (n.equals(normalized)) {
            return true;
        }
        for (char c : new char[] {'/', '?', '#', '@', ':'}) {
            if (normalized.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** CPython 3.13 {@code urlunsplit((scheme, netloc, path, "", ""))}. */
    private static String urlunsplit(String scheme, String netloc, String path) {
        String url = path;
        if (!netloc.isEmpty()) {
            if (!url.isEmpty() && url.charAt(0) != '/') {
                url = "/" + url;
            }
            url = "//" + netloc + url;
        } else if (url.startsWith("//")) {
            url = "//" + url;
        } else if (!scheme.isEmpty() && USES_NETLOC.contains(scheme) && (url.isEmpty() || url.charAt(0) == '/')) {
            url = "//" + url;
        }
        return scheme.isEmpty() ? url : scheme + ":" + url;
    }

    // ------------------------------------------------------------------------------------------
    // Values

    /**
     * Redacts a JSON tree: a member whose key {@linkplain #isSecretKey names a secret} becomes
     * {@code "[redacted]"} whatever its type; strings are {@linkplain #redactText text-redacted};
     * objects and arrays recurse; other values are kept. Returns {@code value} itself when nothing
     * changes.
     */
    public static JsonValue redactValue(JsonValue value) {
        if (value instanceof JsonString s) {
            String redacted = redactText(s.value());
            return redacted == s.value() ? s : JsonString.of(redacted);
        }
        if (value instanceof JsonObject object) {
            return redactObject(object);
        }
        if (value instanceof JsonArray array) {
            return redactArray(array);
        }
        return value;
    }

    private static JsonObject redactObject(JsonObject object) {
        if (object.isEmpty()) {
            return object;
        }
        JsonObject.Builder out = null;
        for (Map.Entry<String, JsonValue> entry : object.members().entrySet()) {
            JsonValue original = entry.getValue();
            JsonValue replaced;
            if (isSecretKey(entry.getKey())) {
                replaced = REDACTED_JSON.equals(original) ? original : REDACTED_JSON;
            } else {
                replaced = redactValue(original);
            }
            if (replaced != original && out == null) {
                out = object.toBuilder();
            }
            if (out != null) {
                out.put(entry.getKey(), replaced);
            }
        }
        return out == null ? object : out.build();
    }

    private static JsonArray redactArray(JsonArray array) {
        List<JsonValue> items = null;
        for (int i = 0; i < array.size(); i++) {
            JsonValue original = array.get(i);
            JsonValue replaced = redactValue(original);
            if (replaced != original && items == null) {
                items = new ArrayList<>(array.items().subList(0, i));
            }
            if (items != null) {
                items.add(replaced);
            }
        }
        return items == null ? array : JsonArray.copyOf(items);
    }

    // ------------------------------------------------------------------------------------------
    // Python str helpers

    /** Python's {@code str.strip()}; returns {@code text} itself when nothing is stripped. */
    static String pyStrip(String text) {
        return PyStrings.strip(text);
    }
}
