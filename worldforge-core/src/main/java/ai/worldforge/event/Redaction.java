package ai.worldforge.event;

import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The reference's redaction rules for anything that leaves the process: URLs lose credentials,
 * query strings and fragments; bearer tokens, {@code key=value} and {@code key: value} secrets
 * become {@code [redacted]}; values under secret-named keys are replaced. Stateless and
 * thread-safe; returns the same instance when nothing changes.
 */
public final class Redaction {
    /** The replacement text. */
    public static final String REDACTED = "[redacted]";

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
    private static final int CI = FLAGS | Pattern.CASE_INSENSITIVE;
    private static final String SECRET =
            "api[_-]?key|authorization|credential|password|secret|signature|signed[_-]?url|token";
    private static final String SECRET_WITH_BEARER =
            "api[_-]?key|authorization|bearer|credential|password|secret|signature|signed[_-]?url|token";
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>]+", FLAGS);
    private static final Pattern BEARER = Pattern.compile("\\bBearer\\s+[A-Za-z0-9._~+/=-]+", CI);
    private static final Pattern KEY_EQUALS =
            Pattern.compile("\\b([A-Za-z0-9_-]*(?:" + SECRET + ")[A-Za-z0-9_-]*)=([^&\\s,;]+)", CI);
    private static final Pattern KEY_COLON = Pattern.compile(
            "([\"']?)([A-Za-z0-9_-]*(?:" + SECRET_WITH_BEARER
                    + ")[A-Za-z0-9_-]*)\\1\\s*:\\s*(\"[^\"]*\"|'[^']*'|[^,\\s;}]+)",
            CI);
    private static final Pattern SECRET_KEY = Pattern.compile(SECRET_WITH_BEARER, CI);
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
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

    private Redaction() {}

    /** Whether a metadata key names a secret (its value is replaced wholesale). */
    public static boolean isSecretKey(String key) {
        return SECRET_KEY.matcher(key).find();
    }

    /** Applies the four text rules in order. */
    public static String redactText(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String lowered = text.toLowerCase(Locale.ROOT);
        String out = text;
        if (lowered.contains("http")) {
            out = replaceUrls(out);
        }
        boolean maybeSecret = text.indexOf('=') >= 0 || text.indexOf(':') >= 0;
        if (lowered.contains("bearer") || !isAscii(text)) {
            out = BEARER.matcher(out).replaceAll("Bearer " + Matcher.quoteReplacement(REDACTED));
        }
        if (maybeSecret) {
            out = KEY_EQUALS.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "=" + REDACTED));
            out = KEY_COLON.matcher(out).replaceAll(m -> {
                String quote = m.group(1);
                String value = m.group(3);
                String valueQuote = value.startsWith("\"") ? "\"" : value.startsWith("'") ? "'" : "";
                return Matcher.quoteReplacement(quote + m.group(2) + quote + ": " + valueQuote + REDACTED + valueQuote);
            });
        }
        return out.equals(text) ? text : out;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String replaceUrls(String text) {
        Matcher matcher = URL.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, matcher.start());
            String sanitized = sanitizeTarget(matcher.group());
            out.append(sanitized == null ? "" : sanitized);
            last = matcher.end();
        } while (matcher.find());
        out.append(text, last, text.length());
        return out.toString();
    }

    /**
     * Removes credentials, query and fragment from a URL-like target (Python {@code urlsplit}
     * semantics); plain targets are returned unchanged and blank ones become {@code null}.
     */
    public static @Nullable String sanitizeTarget(@Nullable String target) {
        if (target == null || target.isBlank()) {
            return null;
        }
        String url = target;
        int start = 0;
        while (start < url.length() && url.charAt(start) <= ' ') {
            start++;
        }
        url = url.substring(start).replace("\t", "").replace("\r", "").replace("\n", "");
        String scheme = "";
        int colon = url.indexOf(':');
        if (colon > 0 && SCHEME.matcher(url.substring(0, colon)).matches()) {
            scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
            url = url.substring(colon + 1);
        }
        String netloc = "";
        if (url.startsWith("//")) {
            int end = url.length();
            for (char c : new char[] {'/', '?', '#'}) {
                int at = url.indexOf(c, 2);
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            netloc = url.substring(2, end);
            url = url.substring(end);
            if (netloc.contains("[") != netloc.contains("]")) {
                return cutQuery(target);
            }
        }
        String fragment = "";
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash + 1);
            url = url.substring(0, hash);
        }
        String query = "";
        int question = url.indexOf('?');
        if (question >= 0) {
            query = url.substring(question + 1);
            url = url.substring(0, question);
        }
        boolean urlLike = !scheme.isEmpty()
                || !netloc.isEmpty()
                || !query.isEmpty()
                || !fragment.isEmpty()
                || hash >= 0
                || question >= 0;
        if (!urlLike) {
            return target;
        }
        int at = netloc.lastIndexOf('@');
        if (at >= 0) {
            netloc = netloc.substring(at + 1);
        }
        String path = url;
        if (!netloc.isEmpty() || (!scheme.isEmpty() && USES_NETLOC.contains(scheme) && !path.startsWith("//"))) {
            if (!path.isEmpty() && !path.startsWith("/")) {
                path = "/" + path;
            }
            path = "//" + netloc + path;
        }
        String rejoined = scheme.isEmpty() ? path : scheme + ":" + path;
        return rejoined.isEmpty() ? REDACTED : rejoined;
    }

    private static String cutQuery(String target) {
        String out = target;
        int question = out.indexOf('?');
        if (question >= 0) {
            out = out.substring(0, question);
        }
        int hash = out.indexOf('#');
        if (hash >= 0) {
            out = out.substring(0, hash);
        }
        return out.isEmpty() ? REDACTED : out;
    }

    /** Redacts secret-named keys and secret text anywhere in a JSON value. */
    public static JsonValue redactValue(JsonValue value) {
        if (value instanceof JsonString s) {
            String redacted = redactText(s.value());
            return redacted == s.value() ? s : JsonString.of(redacted);
        }
        if (value instanceof JsonObject object) {
            if (object.isEmpty()) {
                return object;
            }
            JsonObject.Builder out = null;
            for (Map.Entry<String, JsonValue> entry : object.members().entrySet()) {
                JsonValue original = entry.getValue();
                JsonValue replaced = isSecretKey(entry.getKey()) ? JsonString.of(REDACTED) : redactValue(original);
                if (replaced != original && !replaced.equals(original) && out == null) {
                    out = object.toBuilder();
                }
                if (out != null) {
                    out.put(entry.getKey(), replaced);
                }
            }
            return out == null ? object : out.build();
        }
        if (value instanceof JsonArray array) {
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
        return value;
    }
}
