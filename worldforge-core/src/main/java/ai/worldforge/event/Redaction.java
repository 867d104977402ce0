package ai.worldforge.event;

import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The redaction rules for anything that leaves the process (provider events, health and
 * lifecycle details, error messages, traces): the reference's rules, widened where they let
 * secrets through (docs/observability.md lists every rule; docs/differences.md the changes).
 *
 * <ul>
 *   <li>{@link #sanitizeTarget} drops URL credentials, query strings and fragments, splitting like
 *       CPython 3.13's {@code urllib.parse.urlsplit}, and redacts secret path parameters ({@code
 *       ;token=…}) and token shapes left in the path;
 *   <li>{@link #redactText} sanitises URLs of any scheme, replaces {@code Bearer} tokens, the
 *       values of secret-named {@code key=value} and {@code key: value} assignments (with the
 *       credentials after an authentication scheme, whole cookie headers), {@code curl -u
 *       user:pw}, PEM private keys and well-known token formats (AWS, GitHub, Stripe, OpenAI,
 *       Slack, Google, JWT) with {@code [redacted]};
 *   <li>{@link #redactValue} replaces every value under a secret-named key and text-redacts
 *       strings and member names anywhere in a JSON tree.
 * </ul>
 *
 * <p>Matching follows Python's {@code re} on {@code str} where the reference's rules apply:
 * {@code \s} is Python's Unicode whitespace, {@code \b} uses Python's Unicode word characters
 * (letters, numbers and {@code _}) and case-insensitive matching folds {@code ı İ ſ K} (Kelvin
 * sign) like Python does.
 *
 * <p>This runs on every provider event: one pre-scan ({@link TextFeatures}) finds which rules
 * could match and skips the others, every rule is a linear scan (hostile input cannot make it
 * backtrack), and every method returns its argument itself when nothing changes.
 *
 * <p>Stateless and thread-safe. Arguments must not be null unless marked {@code @Nullable}.
 */
public final class Redaction {
    /** The replacement text. */
    public static final String REDACTED = "[redacted]";

    private Redaction() {}

    /**
     * Whether a mapping key names a secret: it contains, case-insensitively, {@code api_key}
     * ({@code apikey}, {@code api-key}), {@code authorization}, {@code bearer}, {@code credential},
     * {@code password}, {@code secret}, {@code signature}, {@code signed_url} ({@code signedurl},
     * {@code signed-url}) or {@code token}; or its last word is {@code passwd}, {@code pwd}, {@code
     * pass}, {@code auth}, {@code key}, {@code session}, {@code cookie}, {@code jwt}, {@code sig},
     * {@code pin} or a compound of them such as {@code privatekey} ({@code db_pass}, {@code
     * privateKey}, {@code access-key}, {@code X-Session-Id}, {@code Set-Cookie}); see {@link
     * SecretKeys} for the word splitting.
     */
    public static boolean isSecretKey(String key) {
        return SecretKeys.isSecretKey(key);
    }

    /**
     * Redacts secrets in free text (see the class documentation); returns {@code text} itself
     * when nothing matched.
     */
    public static String redactText(String text) {
        return TextRedactor.redact(text);
    }

    /**
     * A target safe for logs and metrics. {@code null} or blank → {@code null}. The target is
     * stripped (Python {@code str.strip()}) and split like {@code urlsplit}; when it has a scheme,
     * a netloc, a non-empty query or a non-empty fragment, the userinfo (netloc up to its last
     * {@code @}), query and fragment are dropped and the rest is rejoined like {@code urlunsplit}
     * (an empty result becomes {@code [redacted]}); otherwise the stripped target is kept. A
     * target {@code urlsplit} rejects (such as {@code http://[::1}) is cut at its first {@code ?}
     * and then its first {@code #}. Finally secret-named path parameters ({@code
     * /v1;token=abc} → {@code /v1;token=[redacted]}) and token shapes in the path become {@code
     * [redacted]}.
     */
    public static @Nullable String sanitizeTarget(@Nullable String target) {
        return TargetSanitizer.sanitize(target);
    }

    /**
     * Redacts a JSON tree: a member whose key {@linkplain #isSecretKey names a secret} becomes
     * {@code "[redacted]"} whatever its type; strings and member names are {@linkplain
     * #redactText text-redacted}; objects and arrays recurse; other values are kept. Returns
     * {@code value} itself when nothing changes.
     */
    public static JsonValue redactValue(JsonValue value) {
        return ValueRedactor.redact(value);
    }

    /** Python's {@code str.strip()}; returns {@code text} itself when nothing is stripped. */
    static String pyStrip(String text) {
        return PyStrings.strip(text);
    }
}
