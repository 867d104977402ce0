package ai.worldforge.event;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CPython 3.13's {@code urllib.parse.urlsplit} and {@code urlunsplit} as far as target
 * sanitising needs them: the same split (scheme, netloc, path, query, fragment), the same
 * {@code ValueError}s (unbalanced or invalid brackets, NFKC-unsafe netlocs) and the same rejoin.
 * Target redaction must drop exactly what the reference drops, so this follows CPython rather
 * than {@link java.net.URI}, which rejects or re-splits many of the texts found in logs.
 */
final class PythonUrlSplit {
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

    private PythonUrlSplit() {}

    /** The five parts of a split URL; empty strings for absent parts. */
    record SplitUrl(String scheme, String netloc, String path, String query, String fragment) {}

    /** CPython 3.13 {@code urlsplit(url)}; {@code null} where it raises {@code ValueError}. */
    static @Nullable SplitUrl urlsplit(String target) {
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
    static String urlunsplit(String scheme, String netloc, String path) {
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

    static String cutAt(String text, char c) {
        int index = text.indexOf(c);
        return index < 0 ? text : text.substring(0, index);
    }
}
