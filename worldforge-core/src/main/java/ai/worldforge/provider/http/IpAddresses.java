package ai.worldforge.provider.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Strict IP-literal parsing and the blocked-address rule (the reference's, plus 100.64.0.0/10). Parsing follows Python's
 * {@code ipaddress.ip_address}: only a dotted quad of four decimal octets without leading zeros,
 * or an RFC 4291 IPv6 text (optionally with a trailing dotted quad and a {@code %scope}); BSD
 * short forms ({@code 127.1}), single integers ({@code 2130706433}), octal ({@code 0177.0.0.1}) and
 * hex ({@code 0x7f.0.0.1}) are <em>not</em> literals here ({@link HostForm} makes the guard
 * refuse them, since resolvers read them as addresses). No DNS is ever consulted. Stateless and thread-safe.
 *
 * <p>Blocked = Python's {@code is_loopback or is_private or is_link_local or is_unspecified or
 * is_reserved or is_multicast}, as an explicit table (Python 3.13 rules):
 *
 * <ul>
 *   <li>IPv4: 0.0.0.0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.0.0.0/24 (except
 *       192.0.0.9 and 192.0.0.10, globally reachable in Python 3.13), 192.0.2.0/24, 192.168/16,
 *       198.18/15, 198.51.100/24, 203.0.113/24, 224/4, 240/4 (which covers 255.255.255.255).
 *       100.64/10 (RFC 6598 shared address space: carrier-grade NAT, and cloud metadata services
 *       such as 100.100.100.200) is blocked here although Python allows it;
 *   <li>IPv6: everything outside 2000::/3 (reserved, unique-local, link-local, site-local,
 *       multicast, loopback, unspecified, IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible
 *       {@code ::a.b.c.d} and NAT64 {@code 64:ff9b::/96}, whatever IPv4 address they embed), plus
 *       2001::/23 (except
 *       Python 3.13's exceptions 2001:1::1, 2001:1::2, 2001:3::/32, 2001:4:112::/48,
 *       2001:20::/28 and 2001:30::/28), 2001:db8::/32, 2002::/16 (6to4, whatever IPv4 address
 *       it embeds) and 3fff::/20.
 * </ul>
 */
public final class IpAddresses {
    private IpAddresses() {}

    /** The 4 or 16 address bytes of {@code text} when it is a strict IP literal. */
    public static Optional<byte[]> parseLiteral(String text) {
        byte[] v4 = parseIpv4(text);
        if (v4 != null) {
            return Optional.of(v4);
        }
        return Optional.ofNullable(parseIpv6(text));
    }

    /** Whether {@code text} is a strict IP literal. */
    public static boolean isLiteral(String text) {
        return parseLiteral(text).isPresent();
    }

    /** Whether {@code address} (4 or 16 bytes) is loopback, private, link-local, unspecified, reserved or multicast. */
    public static boolean isBlocked(byte[] address) {
        if (address.length == 4) {
            return isBlockedIpv4(address);
        }
        if (address.length == 16) {
            return isBlockedIpv6(address);
        }
        throw new IllegalArgumentException("address must have 4 or 16 bytes");
    }

    private static boolean isBlockedIpv4(byte[] a) {
        int b0 = a[0] & 0xFF;
        int b1 = a[1] & 0xFF;
        int b2 = a[2] & 0xFF;
        return b0 == 0
                || b0 == 10
                || (b0 == 100 && (b1 & 0xC0) == 64)
                || b0 == 127
                || (b0 == 169 && b1 == 254)
                || (b0 == 172 && (b1 & 0xF0) == 16)
                || (b0 == 192 && b1 == 0 && b2 == 0 && (a[3] & 0xFF) != 9 && (a[3] & 0xFF) != 10)
                || (b0 == 192 && b1 == 0 && b2 == 2)
                || (b0 == 192 && b1 == 168)
                || (b0 == 198 && (b1 & 0xFE) == 18)
                || (b0 == 198 && b1 == 51 && b2 == 100)
                || (b0 == 203 && b1 == 0 && b2 == 113)
                || b0 >= 224;
    }

    private static boolean isBlockedIpv6(byte[] a) {
        if (((a[0] & 0xFF) & 0xE0) != 0x20) {
            return true; // outside 2000::/3: reserved, unique-local, link-local, multicast, mapped, ...
        }
        int h0 = ((a[0] & 0xFF) << 8) | (a[1] & 0xFF);
        int h1 = ((a[2] & 0xFF) << 8) | (a[3] & 0xFF);
        int h2 = ((a[4] & 0xFF) << 8) | (a[5] & 0xFF);
        if (h0 == 0x2002 || (h0 == 0x3FFF && (h1 & 0xF000) == 0)) {
            return true; // 2002::/16 (6to4), 3fff::/20 (documentation)
        }
        if (h0 != 0x2001) {
            return false;
        }
        if (h1 == 0x0db8) {
            return true; // 2001:db8::/32
        }
        if (h1 >= 0x0200) {
            return false; // outside 2001::/23
        }
        // Python 3.13's globally reachable exceptions inside 2001::/23.
        boolean restZero = true;
        for (int i = 6; i < 15; i++) {
            restZero &= a[i] == 0;
        }
        int last = a[15] & 0xFF;
        boolean exception = (h1 == 0x0001 && restZero && (last == 1 || last == 2))
                || h1 == 0x0003
                || (h1 == 0x0004 && h2 == 0x0112)
                || (h1 & 0xFFF0) == 0x0020
                || (h1 & 0xFFF0) == 0x0030;
        return !exception;
    }

    /** Python {@code IPv4Address(text)}: four decimal octets, no leading zeros, each ≤ 255. */
    static byte[] parseIpv4(String text) {
        if (text.isEmpty() || text.length() > 15) {
            return null;
        }
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String octet = octets[i];
            if (octet.isEmpty() || octet.length() > 3) {
                return null;
            }
            for (int j = 0; j < octet.length(); j++) {
                char c = octet.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
            }
            if (octet.length() > 1 && octet.charAt(0) == '0') {
                return null;
            }
            int value = Integer.parseInt(octet);
            if (value > 255) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    /** Python {@code IPv6Address(text)}, scope id ignored for the address bytes. */
    static byte[] parseIpv6(String text) {
        String address = text;
        int percent = address.indexOf('%');
        if (percent >= 0) {
            String scope = address.substring(percent + 1);
            if (scope.isEmpty() || scope.indexOf('%') >= 0) {
                return null;
            }
            address = address.substring(0, percent);
        }
        if (address.isEmpty() || address.indexOf('/') >= 0) {
            return null;
        }
        List<String> parts = new ArrayList<>(List.of(address.split(":", -1)));
        if (parts.size() < 3) {
            return null;
        }
        byte[] tail = null;
        if (parts.get(parts.size() - 1).indexOf('.') >= 0) {
            tail = parseIpv4(parts.remove(parts.size() - 1));
            if (tail == null) {
                return null;
            }
            parts.add("0");
            parts.add("0");
        }
        if (parts.size() > 9) {
            return null;
        }
        int skipIndex = -1;
        for (int i = 1; i < parts.size() - 1; i++) {
            if (parts.get(i).isEmpty()) {
                if (skipIndex >= 0) {
                    return null;
                }
                skipIndex = i;
            }
        }
        int partsHi;
        int partsLo;
        int partsSkipped;
        if (skipIndex >= 0) {
            partsHi = skipIndex;
            partsLo = parts.size() - skipIndex - 1;
            if (parts.get(0).isEmpty() && --partsHi != 0) {
                return null;
            }
            if (parts.get(parts.size() - 1).isEmpty() && --partsLo != 0) {
                return null;
            }
            partsSkipped = 8 - (partsHi + partsLo);
            if (partsSkipped < 1) {
                return null;
            }
        } else {
            if (parts.size() != 8 || parts.get(0).isEmpty() || parts.get(7).isEmpty()) {
                return null;
            }
            partsHi = parts.size();
            partsLo = 0;
            partsSkipped = 0;
        }
        int[] hextets = new int[8];
        int index = 0;
        for (int i = 0; i < partsHi; i++) {
            int value = hextet(parts.get(i));
            if (value < 0) {
                return null;
            }
            hextets[index++] = value;
        }
        index += partsSkipped;
        for (int i = parts.size() - partsLo; i < parts.size(); i++) {
            int value = hextet(parts.get(i));
            if (value < 0) {
                return null;
            }
            hextets[index++] = value;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (hextets[i] >> 8);
            out[2 * i + 1] = (byte) hextets[i];
        }
        if (tail != null) {
            System.arraycopy(tail, 0, out, 12, 4);
        }
        return out;
    }

    private static int hextet(String part) {
        if (part.isEmpty() || part.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            int digit = c < 0x80 ? Character.digit(c, 16) : -1;
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }
}
