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

    @Test
    void shortAndNumericHostFormsAreNamesNotLiterals() {
        // Python treats these as host names: only DNS can reveal what they point to.
        for (String host : List.of("127.1", "2130706433", "0x7f.0.0.1", "0177.0.0.1", "017700000001")) {
            assertThat(artifact(guardResolvingTo("127.0.0.1"), "http://" + host + "/x", false))
                    .isEqualTo("http://" + host + "/x");
            assertThatThrownBy(() -> artifact(guardResolvingTo("127.0.0.1"), "http://" + host + "/x", true))
                    .hasMessage(LOCAL);
        }
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
