package ai.worldforge.provider.http;

import ai.worldforge.error.ProviderException;
import ai.worldforge.internal.PyStrings;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Destination checks against server-side request forgery, like the reference's {@code
 * validate_remote_url} and {@code validate_remote_base_url}: URLs must be {@code http(s)} with a
 * host and without embedded credentials, and (unless the caller opts in to local networks) must
 * not name or resolve to a loopback, private, link-local, unspecified, reserved or multicast
 * address ({@link IpAddresses}). Host names {@code localhost}, {@code localhost.localdomain} and
 * {@code *.localhost} (with or without a trailing dot) are always local. Hosts are read by {@link
 * HostForm}: a numeric host must be a canonical dotted quad (every other spelling, such as {@code
 * 2130706433}, {@code 127.1} or {@code 0177.0.0.1}, is refused as ambiguous, because the JDK and
 * OS resolvers read those as addresses in ways that differ between versions and settings); IPv6
 * literals with a zone id are refused; other hosts are resolved through the injected {@link
 * HostResolver} when {@code resolveDns} is on.
 *
 * <p>DNS checking is a best-effort preflight, not connection pinning: the HTTP client resolves the
 * name again when it connects, so a hostile resolver could answer differently (DNS rebinding).
 * Hosts that need a hard guarantee should also restrict egress at the network layer.
 *
 * <p>Thread-safe if the resolver is.
 */
public final class DestinationGuard {
    /** The reference's DNS timeout. */
    public static final Duration DEFAULT_DNS_TIMEOUT = Duration.ofSeconds(2);

    private final HostResolver resolver;
    private final Duration dnsTimeout;

    /** A guard resolving through {@code resolver} with the 2-second timeout. */
    public DestinationGuard(HostResolver resolver) {
        this(resolver, DEFAULT_DNS_TIMEOUT);
    }

    /** A guard resolving through {@code resolver} with {@code dnsTimeout}. */
    public DestinationGuard(HostResolver resolver, Duration dnsTimeout) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.dnsTimeout = Objects.requireNonNull(dnsTimeout, "dnsTimeout");
    }

    /** A guard using {@link HostResolver#system()}. */
    public static DestinationGuard system() {
        return new DestinationGuard(HostResolver.system());
    }

    /**
     * Checks a URL received from upstream (for example an artifact URL) and returns it stripped,
     * query string kept (the request needs it; never log it).
     *
     * @param url the URL (may be {@code null})
     * @param providerName provider name for messages
     * @param urlName what the URL is, for messages ({@code artifact URL})
     * @param allowLocalNetwork skip the local/private checks (trusted local servers only)
     * @param resolveDns resolve non-literal hosts and check every address
     * @throws ProviderException {@code Provider '{p}' {name} must be a non-empty URL.}, {@code …
     *     must use an http or https URL.}, {@code … must include a hostname.}, {@code … must not
     *     include embedded credentials.}, {@code … resolves to a local/private destination. …},
     *     {@code … host '{host}' is an ambiguous IPv4 address literal; …},
     *     {@code … host resolution timed out: {host}.}, {@code … host could not be resolved:
     *     {host}.}, {@code … host resolution failed: {host}.}
     */
    public String validateRemoteUrl(
            @Nullable String url, String providerName, String urlName, boolean allowLocalNetwork, boolean resolveDns) {
        if (url == null || PyStrings.strip(url).isEmpty()) {
            throw new ProviderException("Provider '" + providerName + "' " + urlName + " must be a non-empty URL.");
        }
        String text = PyStrings.strip(url);
        ParsedUrl parsed = parse(text, providerName, urlName);
        rejectUntrusted(parsed, providerName, urlName, allowLocalNetwork, resolveDns);
        return text;
    }

    /**
     * Checks a configured base URL and returns it without trailing {@code /}. Beyond {@link
     * #validateRemoteUrl}, a query or fragment is rejected, and with {@code allowedHosts} the host
     * must match one of the shell-glob patterns ({@code *}, {@code ?}, {@code [...]}), checked
     * before the local-network rules. The value is not stripped or blank-checked (callers do).
     *
     * @param allowedHosts host patterns (trimmed, lower-cased, blanks dropped), or {@code null}
     *     for no allow-list
     * @throws ProviderException as {@link #validateRemoteUrl}, plus {@code Provider '{p}' {env}
     *     must not include query parameters or fragments.}, {@code … allowed hosts must not be
     *     empty.} and {@code Provider '{p}' {env} host '{host}' is not in the allowed host list.}
     */
    public String validateRemoteBaseUrl(
            String baseUrl,
            String providerName,
            String envVar,
            boolean allowLocalNetwork,
            boolean resolveDns,
            @Nullable List<String> allowedHosts) {
        ParsedUrl parsed = parse(baseUrl, providerName, envVar);
        if (!parsed.query().isEmpty() || !parsed.fragment().isEmpty()) {
            throw new ProviderException(
                    "Provider '" + providerName + "' " + envVar + " must not include query parameters or fragments.");
        }
        if (allowedHosts != null) {
            rejectUnlisted(parsed.host(), allowedHosts, providerName, envVar);
        }
        rejectUntrusted(parsed, providerName, envVar, allowLocalNetwork, resolveDns);
        String out = baseUrl;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    /**
     * Whether {@code host} matches {@code pattern} like Python's {@code fnmatch.fnmatchcase}:
     * {@code *} any run, {@code ?} one character, {@code [abc]}/{@code [a-z]}/{@code [!x]} a set;
     * an unclosed {@code [} is literal.
     */
    public static boolean globMatches(String host, String pattern) {
        return globToRegex(pattern).matcher(host).matches();
    }

    // ------------------------------------------------------------------------------------------

    /** What the reference reads from {@code urlparse}: scheme, host, port text, query, fragment. */
    record ParsedUrl(String scheme, String host, @Nullable String port, String query, String fragment) {
        int effectivePort(String providerName, String name) {
            if (port == null || port.isEmpty()) {
                return scheme.equals("https") ? 443 : 80;
            }
            if (!port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new ProviderException("Provider '" + providerName + "' " + name + " must use a valid port.");
            }
            int value;
            try {
                value = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 0 || value > 65535) {
                throw new ProviderException("Provider '" + providerName + "' " + name + " must use a valid port.");
            }
            return value == 0 ? (scheme.equals("https") ? 443 : 80) : value;
        }
    }

    /** Python {@code urlparse} as far as the checks need it; rejects like the reference. */
    static ParsedUrl parse(String value, String providerName, String name) {
        String url = value.replace("\t", "").replace("\r", "").replace("\n", "");
        int begin = 0;
        while (begin < url.length() && url.charAt(begin) <= ' ') {
            begin++;
        }
        url = url.substring(begin);
        String scheme = "";
        int colon = url.indexOf(':');
        if (colon > 0 && isSchemeText(url, colon)) {
            scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
            url = url.substring(colon + 1);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ProviderException("Provider '" + providerName + "' " + name + " must use an http or https URL.");
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
        }
        int at = netloc.lastIndexOf('@');
        String userinfo = at >= 0 ? netloc.substring(0, at) : null;
        String hostinfo = netloc.substring(at + 1);
        String host;
        String port;
        int open = hostinfo.indexOf('[');
        if (open >= 0) {
            int close = hostinfo.indexOf(']', open);
            if (close < 0 || !IpAddresses.isLiteral(hostinfo.substring(open + 1, close))) {
                // urlparse raises "Invalid IPv6 URL" here; no usable hostname either way.
                throw new ProviderException("Provider '" + providerName + "' " + name + " must include a hostname.");
            }
            host = hostinfo.substring(open + 1, close);
            String after = hostinfo.substring(close + 1);
            port = after.startsWith(":") ? after.substring(1) : null;
        } else {
            if (hostinfo.indexOf(']') >= 0) {
                throw new ProviderException("Provider '" + providerName + "' " + name + " must include a hostname.");
            }
            int portColon = hostinfo.indexOf(':');
            host = portColon >= 0 ? hostinfo.substring(0, portColon) : hostinfo;
            port = portColon >= 0 ? hostinfo.substring(portColon + 1) : null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw new ProviderException("Provider '" + providerName + "' " + name + " must include a hostname.");
        }
        if (userinfo != null) {
            int split = userinfo.indexOf(':');
            String user = split >= 0 ? userinfo.substring(0, split) : userinfo;
            String password = split >= 0 ? userinfo.substring(split + 1) : "";
            if (!user.isEmpty() || !password.isEmpty()) {
                throw new ProviderException(
                        "Provider '" + providerName + "' " + name + " must not include embedded credentials.");
            }
        }
        return new ParsedUrl(scheme, PyStrings.strip(host), port, query, fragment);
    }

    private static boolean isSchemeText(String url, int end) {
        char first = url.charAt(0);
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = url.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '+'
                    || c == '-'
                    || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private void rejectUntrusted(
            ParsedUrl parsed, String providerName, String name, boolean allowLocalNetwork, boolean resolveDns) {
        if (allowLocalNetwork) {
            return;
        }
        String host = parsed.host();
        HostForm form = HostForm.of(host);
        if (form instanceof HostForm.Ambiguous) {
            throw new ProviderException("Provider '" + providerName + "' " + name + " host '" + host
                    + "' is an ambiguous IPv4 address literal; only the dotted-quad form (a.b.c.d) is accepted.");
        }
        if (form instanceof HostForm.Address address) {
            // A zone id only means something for link-local and other scoped addresses.
            if (address.zoned() || IpAddresses.isBlocked(address.bytes())) {
                throw local(providerName, name);
            }
            return;
        }
        String normalized = ((HostForm.Name) form).name();
        if (normalized.equals("localhost")
                || normalized.equals("localhost.localdomain")
                || normalized.endsWith(".localhost")) {
            throw local(providerName, name);
        }
        if (!resolveDns) {
            return;
        }
        int port = parsed.effectivePort(providerName, name);
        List<String> addresses;
        try {
            addresses = resolver.resolve(host, port, dnsTimeout);
        } catch (TimeoutException e) {
            throw new ProviderException(
                    "Provider '" + providerName + "' " + name + " host resolution timed out: " + host + ".", e);
        } catch (UnknownHostException e) {
            throw new ProviderException(
                    "Provider '" + providerName + "' " + name + " host could not be resolved: " + host + ".", e);
        } catch (IOException | RuntimeException e) {
            throw new ProviderException(
                    "Provider '" + providerName + "' " + name + " host resolution failed: " + host + ".", e);
        }
        List<byte[]> parsedAddresses = new ArrayList<>();
        boolean zoned = false;
        for (String address : addresses) {
            Optional<byte[]> bytes = address == null ? Optional.empty() : IpAddresses.parseLiteral(address);
            if (bytes.isEmpty()) {
                throw new ProviderException(
                        "Provider '" + providerName + "' " + name + " host resolution failed: " + host + ".");
            }
            zoned |= address.indexOf('%') >= 0;
            parsedAddresses.add(bytes.get());
        }
        for (byte[] address : parsedAddresses) {
            if (zoned || IpAddresses.isBlocked(address)) {
                throw local(providerName, name);
            }
        }
    }

    private static ProviderException local(String providerName, String name) {
        return new ProviderException("Provider '" + providerName + "' " + name
                + " resolves to a local/private destination. Set the provider's explicit local-network opt-in"
                + " only for trusted local servers.");
    }

    private static void rejectUnlisted(String host, List<String> allowedHosts, String providerName, String envVar) {
        List<String> patterns = new ArrayList<>();
        for (String pattern : allowedHosts) {
            String normalized = PyStrings.strip(pattern).toLowerCase(Locale.ROOT);
            if (!normalized.isEmpty()) {
                patterns.add(normalized);
            }
        }
        if (patterns.isEmpty()) {
            throw new ProviderException(
                    "Provider '" + providerName + "' " + envVar + " allowed hosts must not be empty.");
        }
        for (String pattern : patterns) {
            if (globMatches(host, pattern)) {
                return;
            }
        }
        throw new ProviderException(
                "Provider '" + providerName + "' " + envVar + " host '" + host + "' is not in the allowed host list.");
    }

    /** Python {@code fnmatch.translate}. */
    private static Pattern globToRegex(String pattern) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                out.append(".*");
                while (i < n && pattern.charAt(i) == '*') {
                    i++;
                }
            } else if (c == '?') {
                out.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pattern.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pattern.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pattern.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    out.append("\\[");
                } else {
                    String body = pattern.substring(i, j);
                    i = j + 1;
                    boolean negate = body.startsWith("!");
                    if (negate) {
                        body = body.substring(1);
                    }
                    StringBuilder set = new StringBuilder();
                    for (int k = 0; k < body.length(); k++) {
                        char d = body.charAt(k);
                        if (d == '-' && k > 0 && k < body.length() - 1) {
                            set.append('-');
                        } else if (Character.isLetterOrDigit(d)) {
                            set.append(d);
                        } else {
                            set.append('\\').append(d);
                        }
                    }
                    if (set.length() == 0) {
                        out.append(negate ? "." : "(?!)");
                    } else {
                        out.append(negate ? "[^" : "[").append(set).append(']');
                    }
                }
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(out.toString(), Pattern.DOTALL);
    }
}
