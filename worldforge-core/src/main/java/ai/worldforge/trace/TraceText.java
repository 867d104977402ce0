package ai.worldforge.trace;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.Redaction;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The reference's trace text rules ({@code workflow_trace.py}): sanitising, required text, ids and
 * metadata. Python {@code str} semantics: stripping and {@code \s} use Python's Unicode
 * whitespace. Stateless.
 */
final class TraceText {
    /** The reference's {@code _SECRET_LIKE_PATTERN}. */
    static final Pattern SECRET_LIKE = Pattern.compile(
            "api[_-]?key|authorization|bearer|secret|signature|signed|token|x-amz",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.:-]+");

    /** The alternatives of {@code (?:/Users|/private|/var/folders|/tmp|~)/}, in regex order. */
    private static final List<String> HOST_LOCAL_PREFIXES =
            List.of("/Users/", "/private/", "/var/folders/", "/tmp/", "~/");

    static final String HOST_LOCAL_PATH = "<host-local-path>";

    private TraceText() {}

    /**
     * {@code _safe_error_summary}: redact secrets, replace host-local paths, strip (no stripping
     * before redaction, like the reference).
     */
    static String sanitize(String value) {
        return pyStrip(replaceHostLocalPaths(Redaction.redactText(value)));
    }

    /** {@code _require_trace_text}: non-blank, then stripped and sanitised, still non-empty. */
    static String require(@Nullable String value, String name) {
        if (value == null || pyStrip(value).isEmpty()) {
            throw new WorldForgeException(name + " must be a non-empty string.");
        }
        String sanitized = sanitize(pyStrip(value));
        if (sanitized.isEmpty()) {
            throw new WorldForgeException(name + " must not be empty after sanitization.");
        }
        return sanitized;
    }

    /** {@code _require_trace_id}: trace text made only of id characters and not secret-like. */
    static String requireId(@Nullable String value, String name) {
        String text = require(value, name);
        if (SECRET_LIKE.matcher(text).find() || !SAFE_ID.matcher(text).matches()) {
            throw new WorldForgeException(
                    name + " must use only letters, numbers, '.', '_', ':', or '-' and no secret-like text.");
        }
        return text;
    }

    /**
     * {@code re.sub(r"(?:/Users|/private|/var/folders|/tmp|~)/[^\s,;:)'\"]+", "<host-local-path>",
     * text)} as a scanner (leftmost match, first matching alternative, greedy tail).
     */
    static String replaceHostLocalPaths(String text) {
        if (text.indexOf('/') < 0) {
            return text;
        }
        StringBuilder out = null;
        int last = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end = -1;
            char c = text.charAt(i);
            if (c == '/' || c == '~') {
                for (String prefix : HOST_LOCAL_PREFIXES) {
                    if (text.startsWith(prefix, i)) {
                        int j = i + prefix.length();
                        while (j < n && isPathChar(text.charAt(j))) {
                            j++;
                        }
                        if (j > i + prefix.length()) {
                            end = j;
                            break;
                        }
                    }
                }
            }
            if (end < 0) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(text, last, i).append(HOST_LOCAL_PATH);
            last = end;
            i = end;
        }
        return out == null ? text : out.append(text, last, n).toString();
    }

    private static boolean isPathChar(char c) {
        return !PyStrings.isSpace(c) && c != ',' && c != ';' && c != ':' && c != ')' && c != '\'' && c != '"';
    }

    /**
     * {@code _sanitize_trace_metadata}: strings sanitised anywhere in the tree; a secret-like key
     * at any depth is refused.
     */
    static JsonValue sanitizeMetadata(JsonValue value) {
        if (value instanceof JsonString s) {
            return JsonString.of(sanitize(s.value()));
        }
        if (value instanceof JsonArray array) {
            List<JsonValue> items = new ArrayList<>(array.size());
            for (JsonValue item : array) {
                items.add(sanitizeMetadata(item));
            }
            return JsonArray.copyOf(items);
        }
        if (value instanceof JsonObject object) {
            JsonObject.Builder out = JsonObject.builder(object.size());
            for (Map.Entry<String, JsonValue> entry : object.members().entrySet()) {
                if (SECRET_LIKE.matcher(entry.getKey()).find()) {
                    throw new WorldForgeException("WorkflowTrace metadata keys must not be secret-like.");
                }
                out.put(entry.getKey(), sanitizeMetadata(entry.getValue()));
            }
            return out.build();
        }
        return value;
    }

    /** Python's {@code str.strip()}; returns {@code text} itself when nothing is stripped. */
    static String pyStrip(String text) {
        return PyStrings.strip(text);
    }
}
