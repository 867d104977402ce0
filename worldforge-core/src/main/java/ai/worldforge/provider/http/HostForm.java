package ai.worldforge.provider.http;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a URL host is to the destination guard: a DNS name, an IP address, or a number that some
 * resolver would read as an IPv4 address.
 *
 * <p>The JDK and the OS resolver accept far more IPv4 spellings than the dotted quad: JDK 17
 * itself reads {@code 2130706433}, {@code 127.1}, {@code 127.000.000.001} and {@code 0} as
 * loopback and unspecified addresses (and, with {@code jdk.net.allowAmbiguousIPAddressLiterals},
 * octal and hex parts), and glibc's {@code inet_aton} reads {@code 0177.0.0.1} and {@code
 * 0x7f.1} as 127.0.0.1. Which reading applies depends on the JDK version, a system property and
 * the OS, so the guard does not try to predict it: a host whose last label (after one trailing
 * dot) is all digits or {@code 0x…} is an address, since no top-level domain is numeric (RFC
 * 3696 §2), and only the canonical dotted quad is accepted; every other numeric spelling is
 * {@link Ambiguous} and refused, which blocks all its readings at once.
 *
 * <p>Before that, the host is read the way lenient URL parsers (WHATWG, OkHttp) read it:
 * percent-escapes are decoded and non-ASCII labels are mapped by IDNA ({@code ０x7f.1}, {@code
 * 127。0。0。1}), so a custom transport cannot be steered around the check either.
 */
sealed interface HostForm {

    /** A DNS name (normalised: decoded, IDNA-mapped, lower-case, without a trailing dot). */
    record Name(String name) implements HostForm {}

    /** An IP literal: 4 or 16 bytes, and whether it carried an IPv6 zone id ({@code %eth0}). */
    record Address(byte[] bytes, boolean zoned) implements HostForm {}

    /** A numeric host that is not a canonical dotted quad ({@code 2130706433}, {@code 127.1}, {@code 0x7f.1}). */
    record Ambiguous(String text) implements HostForm {}

    /** How the guard reads {@code host} (a URL host without brackets, already lower-cased). */
    static HostForm of(String host) {
        String text = host;
        if (text.indexOf(':') < 0 && text.indexOf('%') >= 0) {
            text = percentDecode(text);
        }
        text = idnaAscii(text).toLowerCase(Locale.ROOT);
        if (text.endsWith(".") && text.length() > 1) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.indexOf(':') >= 0) {
            Optional<byte[]> bytes = IpAddresses.parseLiteral(text);
            if (bytes.isPresent()) {
                return new Address(bytes.get(), text.indexOf('%') >= 0);
            }
            return new Name(text);
        }
        if (!lastLabelIsNumeric(text)) {
            return new Name(text);
        }
        byte[] quad = IpAddresses.parseIpv4(text);
        return quad != null ? new Address(quad, false) : new Ambiguous(text);
    }

    /** The last dot-separated label is {@code [0-9]+} or {@code 0x[0-9a-f]*}. */
    private static boolean lastLabelIsNumeric(String host) {
        String label = host.substring(host.lastIndexOf('.') + 1);
        if (label.isEmpty()) {
            return false;
        }
        int start = label.startsWith("0x") ? 2 : 0;
        for (int i = start; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean hex = start == 2 && c >= 'a' && c <= 'f';
            if (!digit && !hex) {
                return false;
            }
        }
        return true;
    }

    /** {@code %XX} escapes decoded as UTF-8; malformed escapes are kept as they are. */
    private static String percentDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            int high = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int low = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (raw[i] == '%' && high >= 0 && low >= 0) {
                out.write(high * 16 + low);
                i += 2;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** IDNA ToASCII (NFKC and the ideographic full stops) for non-ASCII hosts; others unchanged. */
    private static String idnaAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                try {
                    return IDN.toASCII(text, IDN.ALLOW_UNASSIGNED);
                } catch (IllegalArgumentException e) {
                    // Not a valid IDN: keep it; it is then a name no resolver will find.
                    return text;
                }
            }
        }
        return text;
    }
}
