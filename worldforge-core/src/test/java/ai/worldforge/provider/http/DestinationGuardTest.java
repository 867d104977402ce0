package ai.worldforge.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.ProviderException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationGuardTest {
    private static final String LOCAL = "Provider 'runway' artifact URL resolves to a local/private destination."
            + " Set the provider's explicit local-network opt-in only for trusted local servers.";

    private final List<String> lookups = new ArrayList<>();

    private DestinationGuard guardResolvingTo(String... addresses) {
        return new DestinationGuard((host, port, timeout) -> {
            lookups.add(host + ":" + port);
            return List.of(addresses);
        });
    }

    private static DestinationGuard failingGuard(Exception error) {
        return new DestinationGuard((host, port, timeout) -> {
            if (error instanceof IOException io) {
                throw io;
            }
            if (error instanceof TimeoutException t) {
                throw t;
            }
            throw (RuntimeException) error;
        });
    }

    private static String artifact(DestinationGuard guard, String url, boolean resolveDns) {
        return guard.validateRemoteUrl(url, "runway", "artifact URL", false, resolveDns);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8777/generated.mp4",
                "http://localhost:8777/generated.mp4",
                "http://LOCALHOST.localdomain/x",
                "http://api.localhost/x",
                "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.1/x",
                "http://172.16.5.4/x",
                "http://192.168.1.1/x",
                "http://0.0.0.0/x",
                "http://255.255.255.255/x",
                "http://224.0.0.1/x",
                "http://198.18.0.1/x",
                "http://[::1]:8080/x",
                "http://[fd00::1]/x",
                "http://[fe80::1%25eth0]/x",
                "http://[::ffff:127.0.0.1]/x",
                "http://[::ffff:8.8.8.8]/x",
                "http://[2001:db8::1]/x",
                "http://[::]/x",
                "http://[ff02::1]/x",
            })
    void localPrivateAndReservedDestinationsAreRejectedWithoutDns(String url) {
        DestinationGuard guard = guardResolvingTo("93.184.216.34");

        assertThatThrownBy(() -> artifact(guard, url, true)).hasMessage(LOCAL);
        assertThat(lookups).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "' '|Provider 'runway' artifact URL must be a non-empty URL.",
                "ftp://downloads.example.com/file.mp4|Provider 'runway' artifact URL must use an http or https URL.",
                "downloads.example.com/file.mp4|Provider 'runway' artifact URL must use an http or https URL.",
                "https:///file.mp4|Provider 'runway' artifact URL must include a hostname.",
                "https://user:pass@downloads.example.com/file.mp4|Provider 'runway' artifact URL must not include"
                        + " embedded credentials.",
                "https://user@downloads.example.com/file.mp4|Provider 'runway' artifact URL must not include embedded"
                        + " credentials.",
            })
    void malformedUrlsAreRejected(String url, String message) {
        assertThatThrownBy(() -> artifact(guardResolvingTo(), url, false)).hasMessage(message);
    }

    @Test
    void nullUrlIsRejected() {
        assertThatThrownBy(() -> guardResolvingTo().validateRemoteUrl(null, "runway", "artifact URL", false, false))
                .hasMessage("Provider 'runway' artifact URL must be a non-empty URL.");
    }

    @Test
    void publicUrlIsReturnedStrippedWithItsQueryWhenDnsIsOff() {
        DestinationGuard guard = guardResolvingTo("127.0.0.1");

        assertThat(artifact(guard, "  https://downloads.example.com/x.mp4?signature=t  ", false))
                .isEqualTo("https://downloads.example.com/x.mp4?signature=t");
        assertThat(lookups).isEmpty();
    }

    @Test
    void resolvedAddressesAreCheckedWithTheDefaultPort() {
        assertThat(artifact(
                        guardResolvingTo("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"),
                        "https://downloads.example.com/x.mp4",
                        true))
                .isEqualTo("https://downloads.example.com/x.mp4");
        assertThatThrownBy(
                        () -> artifact(guardResolvingTo("93.184.216.34", "10.1.2.3"), "http://Rebind.Example/x", true))
                .hasMessage(LOCAL);
        assertThat(lookups).containsExactly("downloads.example.com:443", "rebind.example:80");
    }

    @Test
    void explicitPortIsPassedToTheResolver() {
        artifact(guardResolvingTo("93.184.216.34"), "https://downloads.example.com:8443/x", true);
        assertThat(lookups).containsExactly("downloads.example.com:8443");
    }

    @Test
    void localNetworkOptInSkipsAddressChecks() {
        assertThat(guardResolvingTo()
                        .validateRemoteUrl("http://127.0.0.1:8777/x", "runway", "artifact URL", true, true))
                .isEqualTo("http://127.0.0.1:8777/x");
        assertThatThrownBy(() -> guardResolvingTo()
                        .validateRemoteUrl("http://u:p@127.0.0.1/x", "runway", "artifact URL", true, true))
                .hasMessageContaining("embedded credentials");
    }

    /**
     * Issue 14 item 11: the reference treats these as host names, so with DNS checks off they
     * passed, and the JDK then connected to what it reads them as (127.0.0.1, 0.0.0.0,
     * 169.254.169.254, …; see DestinationLoopbackTest). Every numeric spelling but the dotted
     * quad is refused, with DNS on or off, before any lookup.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2130706433",
                "127.000.000.001",
                "127.0.0.01",
                "00127.0.0.1",
                "127.1",
                "127.0.1",
                "0",
                "0x7f.1",
                "0x7f000001",
                "0x7F.0.0.1",
                "0177.0.0.1",
                "017700000001",
                "010.0.0.1",
                "2852039166",
                "134744072",
                "8.8.8.08",
                "1.2.3.4.5",
                "4294967296",
                "example.123",
                "0x",
                "2130706433.",
                "\uFF10x7f.1",
                "%32%31%33%30%37%30%36%34%33%33",
            })
    void numericHostsOtherThanTheDottedQuadAreRefused(String host) {
        String url = "http://" + host + ":8080/x";
        for (boolean resolveDns : new boolean[] {false, true}) {
            assertThatThrownBy(() -> artifact(guardResolvingTo("93.184.216.34"), url, resolveDns))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith("Provider 'runway' artifact URL host '")
                    .hasMessageEndingWith(
                            "' is an ambiguous IPv4 address literal; only the dotted-quad form (a.b.c.d) is accepted.");
        }
        assertThat(lookups).isEmpty();
    }

    /** Issue 14 item 11: every spelling of a blocked address is blocked, without DNS. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://100.64.0.1/x",
                "http://100.100.100.200/latest/meta-data",
                "http://100.127.255.254/x",
                "http://127.0.0.1./x",
                "http://localhost./x",
                "http://api.LOCALHOST./x",
                "http://%31%32%37.0.0.1/x",
                "http://127\u30020\u30020\u30021/x",
                "http://\uFF11\uFF12\uFF17.\uFF10.\uFF10.\uFF11/x",
                "http://[::127.0.0.1]/x",
                "http://[::7f00:1]/x",
                "http://[0:0:0:0:0:ffff:127.0.0.1]/x",
                "http://[::ffff:7f00:1]/x",
                "http://[::ffff:a9fe:a9fe]/x",
                "http://[64:ff9b::127.0.0.1]/x",
                "http://[64:ff9b::808:808]/x",
                "http://[2002:7f00:1::1]/x",
                "http://[2002:808:808::1]/x",
                "http://[fec0::1]/x",
                "http://[fe80::1%25lo]/x",
                "http://[2001:4860:4860::8888%25eth0]/x",
                "http://0.0.0.0/x",
                "http://192.0.0.8/x",
                "http://198.19.0.1/x",
                "http://239.1.2.3/x",
                "http://240.0.0.1/x",
            })
    void everyFormOfABlockedAddressIsBlocked(String url) {
        for (boolean resolveDns : new boolean[] {false, true}) {
            assertThatThrownBy(() -> artifact(guardResolvingTo("93.184.216.34"), url, resolveDns))
                    .as(url)
                    .hasMessage(LOCAL);
        }
        assertThat(lookups).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://8.8.8.8/x",
                "http://100.128.0.1/x",
                "http://100.63.255.255/x",
                "http://[2001:4860:4860::8888]/x",
                "http://1password.example/x",
                "http://123.example.com/x",
                "http://v2.api.example/x",
            })
    void publicAddressesAndNamesWithDigitsPass(String url) {
        assertThat(artifact(guardResolvingTo("93.184.216.34"), url, false)).isEqualTo(url);
        assertThat(lookups).isEmpty();
    }

    @Test
    void resolvedAddressesWithAZoneIdAreRefused() {
        assertThatThrownBy(() -> artifact(guardResolvingTo("2001:4860:4860::8888%2"), "http://cdn.example/x", true))
                .hasMessage(LOCAL);
        assertThatThrownBy(() ->
                        artifact(guardResolvingTo("93.184.216.34", "100.100.100.200"), "http://cdn.example/x", true))
                .hasMessage(LOCAL);
    }

    @Test
    void ambiguousLiteralsPassWithTheLocalNetworkOptIn() {
        assertThat(guardResolvingTo()
                        .validateRemoteUrl("http://2130706433:8777/x", "runway", "artifact URL", true, false))
                .isEqualTo("http://2130706433:8777/x");
    }

    @Test
    void resolverFailuresMapToTheReferenceMessages() {
        String url = "https://policy.example.com";
        assertThatThrownBy(() -> failingGuard(new TimeoutException("slow"))
                        .validateRemoteBaseUrl(url, "cosmos-policy", "COSMOS_POLICY_BASE_URL", false, true, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'cosmos-policy' COSMOS_POLICY_BASE_URL host resolution timed out:"
                        + " policy.example.com.");
        assertThatThrownBy(() -> failingGuard(new UnknownHostException("nope"))
                        .validateRemoteBaseUrl(url, "cosmos-policy", "COSMOS_POLICY_BASE_URL", false, true, null))
                .hasMessage("Provider 'cosmos-policy' COSMOS_POLICY_BASE_URL host could not be resolved:"
                        + " policy.example.com.");
        assertThatThrownBy(() -> failingGuard(new IllegalStateException("resolver worker failed"))
                        .validateRemoteBaseUrl(url, "cosmos-policy", "COSMOS_POLICY_BASE_URL", false, true, null))
                .hasMessage("Provider 'cosmos-policy' COSMOS_POLICY_BASE_URL host resolution failed:"
                        + " policy.example.com.");
        assertThatThrownBy(() -> failingGuard(new IOException("socket"))
                        .validateRemoteUrl(url + "/x", "runway", "artifact URL", false, true))
                .hasMessage("Provider 'runway' artifact URL host resolution failed: policy.example.com.");
        assertThatThrownBy(() -> guardResolvingTo("not-an-ip")
                        .validateRemoteUrl(url + "/x", "runway", "artifact URL", false, true))
                .hasMessage("Provider 'runway' artifact URL host resolution failed: policy.example.com.");
    }

    @Test
    void baseUrlRejectsCredentialsQueryAndFragments() {
        DestinationGuard guard = guardResolvingTo("93.184.216.34");
        assertThatThrownBy(() -> guard.validateRemoteBaseUrl(
                        "https://user:secret@93.184.216.34",
                        "cosmos-policy",
                        "COSMOS_POLICY_BASE_URL",
                        false,
                        true,
                        null))
                .hasMessageContaining("embedded credentials");
        assertThatThrownBy(() -> guard.validateRemoteBaseUrl(
                        "https://93.184.216.34?token=secret",
                        "cosmos-policy",
                        "COSMOS_POLICY_BASE_URL",
                        false,
                        true,
                        null))
                .hasMessage("Provider 'cosmos-policy' COSMOS_POLICY_BASE_URL must not include query parameters or"
                        + " fragments.");
        assertThatThrownBy(() -> guard.validateRemoteBaseUrl(
                        "https://93.184.216.34/#token", "cosmos-policy", "COSMOS_POLICY_BASE_URL", false, true, null))
                .hasMessageContaining("fragments");
        assertThat(guard.validateRemoteBaseUrl(
                        "https://93.184.216.34/api//", "cosmos-policy", "COSMOS_POLICY_BASE_URL", false, true, null))
                .isEqualTo("https://93.184.216.34/api");
    }

    @Test
    void baseUrlAllowListUsesShellGlobsBeforeLocalChecks() {
        DestinationGuard guard = guardResolvingTo("93.184.216.34");
        assertThat(guard.validateRemoteBaseUrl(
                        "https://policy.example.com",
                        "cosmos-policy",
                        "COSMOS_POLICY_BASE_URL",
                        false,
                        false,
                        List.of(" *.EXAMPLE.com ", "")))
                .isEqualTo("https://policy.example.com");
        assertThatThrownBy(() -> guard.validateRemoteBaseUrl(
                        "https://unexpected.example.net",
                        "cosmos-policy",
                        "COSMOS_POLICY_BASE_URL",
                        false,
                        false,
                        List.of("*.example.com")))
                .hasMessage("Provider 'cosmos-policy' COSMOS_POLICY_BASE_URL host 'unexpected.example.net' is not in"
                        + " the allowed host list.");
        assertThatThrownBy(() -> guard.validateRemoteBaseUrl(
                        "https://policy.example.com",
                        "cosmos-policy",
                        "COSMOS_POLICY_BASE_URL",
                        false,
                        false,
                        List.of(" ", "")))
                .hasMessage("Provider 'cosmos-policy' COSMOS_POLICY_BASE_URL allowed hosts must not be empty.");
        // The allow-list is checked first; a listed loopback host is still blocked afterwards.
        assertThatThrownBy(() -> guard.validateRemoteBaseUrl(
                        "http://127.0.0.1:9000",
                        "cosmos-policy",
                        "COSMOS_POLICY_BASE_URL",
                        false,
                        false,
                        List.of("policy.example.com")))
                .hasMessageContaining("is not in the allowed host list");
        assertThatThrownBy(() -> guard.validateRemoteBaseUrl(
                        "http://127.0.0.1:9000",
                        "cosmos-policy",
                        "COSMOS_POLICY_BASE_URL",
                        false,
                        false,
                        List.of("127.0.0.*")))
                .hasMessageContaining("local/private destination");
    }

    @Test
    void globMatchingFollowsFnmatchcase() {
        assertThat(DestinationGuard.globMatches("policy.example.com", "*.example.com"))
                .isTrue();
        assertThat(DestinationGuard.globMatches("example.com", "*.example.com")).isFalse();
        assertThat(DestinationGuard.globMatches("a1.example.com", "a?.example.com"))
                .isTrue();
        assertThat(DestinationGuard.globMatches("b.example.com", "[ab].example.com"))
                .isTrue();
        assertThat(DestinationGuard.globMatches("c.example.com", "[!ab].example.com"))
                .isTrue();
        assertThat(DestinationGuard.globMatches("a.example.com", "[!ab].example.com"))
                .isFalse();
        assertThat(DestinationGuard.globMatches("x.example.com", "[a-z].example.com"))
                .isTrue();
        assertThat(DestinationGuard.globMatches("[x", "[x")).isTrue();
        assertThat(DestinationGuard.globMatches("policyXexample.com", "policy.example.com"))
                .isFalse();
    }

    @Test
    void dnsTimeoutIsPassedToTheResolver() {
        List<Duration> timeouts = new ArrayList<>();
        DestinationGuard guard = new DestinationGuard(
                (host, port, timeout) -> {
                    timeouts.add(timeout);
                    return List.of("93.184.216.34");
                },
                Duration.ofMillis(750));
        guard.validateRemoteUrl("https://downloads.example.com/x", "runway", "artifact URL", false, true);
        assertThat(timeouts).containsExactly(Duration.ofMillis(750));
        assertThat(DestinationGuard.DEFAULT_DNS_TIMEOUT).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void systemResolverCachesForFiveSecondsInALeastRecentlyUsedMap() {
        FakeTime time = new FakeTime();
        SystemHostResolver resolver = new SystemHostResolver(time);
        for (int i = 0; i < SystemHostResolver.CACHE_MAX_ENTRIES + 2; i++) {
            resolver.store(new SystemHostResolver.Key("h" + i + ".example", 443), List.of("93.184.216.34"));
        }
        List<String> hosts = resolver.cachedHosts();
        assertThat(hosts).hasSize(256);
        assertThat(hosts.get(0)).isEqualTo("h2.example:443");

        assertThat(resolver.cached(new SystemHostResolver.Key("h2.example", 443)))
                .isNotNull();
        assertThat(resolver.cachedHosts().get(255)).isEqualTo("h2.example:443");
        time.advance(5.0);
        assertThat(resolver.cached(new SystemHostResolver.Key("h2.example", 443)))
                .isNotNull();
        time.advance(0.001);
        assertThat(resolver.cached(new SystemHostResolver.Key("h2.example", 443)))
                .isNull();
    }

    @Test
    void systemResolverRejectsNonPositiveTimeouts() {
        SystemHostResolver resolver = new SystemHostResolver(new FakeTime());
        assertThatThrownBy(() -> resolver.resolve("example.com", 443, Duration.ZERO))
                .isInstanceOf(TimeoutException.class);
    }
}
