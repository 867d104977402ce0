package ai.worldforge.event;

import static ai.worldforge.event.Redaction.REDACTED;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets recognised by their shape, wherever they appear and whatever names them: PEM private
 * key blocks, well-known vendor token formats and {@code curl -u user:password}.
 *
 * <p>The patterns use possessive quantifiers and no nested repetition, so matching is linear in
 * the text; {@link TextRedactor} runs them only when its pre-scan saw a possible prefix.
 */
final class TokenShapes {
    /**
     * Vendor token formats, each after a non-alphanumeric character (or the start): AWS access key
     * ids ({@code AKIA…}, {@code ASIA…} and the other four-letter id prefixes), GitHub tokens
     * ({@code ghp_ gho_ ghu_ ghs_ ghr_}, {@code github_pat_}), Stripe secret and restricted keys
     * ({@code sk_live_}, {@code rk_test_}, …), OpenAI-style {@code sk-…} keys (also {@code
     * sk-proj-}, {@code sk-ant-}), Slack tokens ({@code xoxb-}, {@code xoxp-}, …), Google API keys
     * ({@code AIza…}) and JWTs ({@code eyJ….….…}). Minimum lengths keep ordinary words out.
     */
    private static final Pattern VENDOR_TOKEN = Pattern.compile("(?<![A-Za-z0-9])(?:"
            + "(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16,}+"
            + "|gh[pousr]_[A-Za-z0-9]{30,}+"
            + "|github_pat_[A-Za-z0-9_]{22,}+"
            + "|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}+"
            + "|sk-[A-Za-z0-9_-]{20,}+"
            + "|xox[abeoprs]-[A-Za-z0-9-]{10,}+"
            + "|AIza[0-9A-Za-z_-]{30,}+"
            + "|eyJ[A-Za-z0-9_-]{4,}+\\.[A-Za-z0-9_-]{4,}+\\.[A-Za-z0-9_-]*+"
            + ")");

    /**
     * {@code curl -u user:password}, {@code --user=…}, {@code --proxy-user …} and {@code -U …}
     * (optionally quoted): a value holding a {@code :} is a password; {@code -u name} alone is not.
     */
    private static final Pattern CURL_USER = Pattern.compile(
            "(?<![^\\s\"'])(--proxy-user|--user|-u|-U)(=|[ \\t]++)?+([\"']?+)([^\\s\"':]*+:[^\\s\"']*+)");

    private static final String PEM_BEGIN = "-----BEGIN ";
    private static final String PEM_END = "-----END ";
    private static final String PEM_DASHES = "-----";
    private static final int PEM_MAX_LABEL = 64;

    private TokenShapes() {}

    /** Vendor tokens → {@code [redacted]}. */
    static String redactVendorTokens(String text) {
        Matcher matcher = VENDOR_TOKEN.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, matcher.start()).append(REDACTED);
            last = matcher.end();
        } while (matcher.find());
        return out.append(text, last, text.length()).toString();
    }

    /** {@code curl -u user:pw} → {@code curl -u [redacted]} (quotes kept). */
    static String redactCurlUser(String text) {
        Matcher matcher = CURL_USER.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, matcher.start(4)).append(REDACTED);
            last = matcher.end(4);
        } while (matcher.find());
        return out.append(text, last, text.length()).toString();
    }

    /**
     * PEM blocks whose label holds {@code PRIVATE KEY} ({@code RSA}, {@code EC}, {@code
     * OPENSSH}, {@code ENCRYPTED}, PGP's {@code PRIVATE KEY BLOCK}) → {@code [redacted]}, from
     * the {@code BEGIN} line through the {@code END} line's closing dashes, or to the end of the
     * text when the block is cut off.
     */
    static String redactPrivateKeys(String text) {
        int begin = text.indexOf(PEM_BEGIN);
        if (begin < 0) {
            return text;
        }
        StringBuilder out = null;
        int last = 0;
        while (begin >= 0) {
            int labelStart = begin + PEM_BEGIN.length();
            int labelEnd = text.indexOf(PEM_DASHES, labelStart);
            if (labelEnd < 0) {
                break;
            }
            if (labelEnd - labelStart > PEM_MAX_LABEL
                    || !text.substring(labelStart, labelEnd).contains("PRIVATE KEY")) {
                begin = text.indexOf(PEM_BEGIN, labelStart);
                continue;
            }
            int end = text.length();
            int endMarker = text.indexOf(PEM_END, labelEnd + PEM_DASHES.length());
            if (endMarker >= 0) {
                int closing = text.indexOf(PEM_DASHES, endMarker + PEM_END.length());
                if (closing >= 0 && closing - endMarker <= PEM_END.length() + PEM_MAX_LABEL) {
                    end = closing + PEM_DASHES.length();
                }
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, begin).append(REDACTED);
            last = end;
            begin = end >= text.length() ? -1 : text.indexOf(PEM_BEGIN, end);
        }
        return TextRedactor.finish(text, out, last);
    }
}
