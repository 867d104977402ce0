package ai.worldforge.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {
    private static boolean blocked(String literal) {
        return IpAddresses.isBlocked(IpAddresses.parseLiteral(literal).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0",
                "0.1.2.3",
                // Hardened (issue 14; docs/differences.md): Python allows 100.64.0.0/10.
                "100.64.0.1",
                "100.100.100.200",
                "100.127.255.255",
                "10.0.0.1",
                "127.0.0.1",
                "127.255.255.254",
                "169.254.169.254",
                "172.16.0.1",
                "172.31.255.255",
                "192.0.0.1",
                "192.0.0.170",
                "192.0.2.1",
                "192.168.0.1",
                "198.18.0.1",
                "198.19.255.255",
                "198.51.100.7",
                "203.0.113.9",
                "224.0.0.1",
                "239.255.255.255",
                "240.0.0.1",
                "255.255.255.255",
                "::",
                "::1",
                "::ffff:127.0.0.1",
                "::ffff:8.8.8.8",
                "::ffff:7f00:1",
                "64:ff9b::8.8.8.8",
                "100::1",
                "fc00::1",
                "fd00::1",
                "fe80::1",
                "fe80::1%eth0",
                "fec0::1",
                "ff02::1",
                "2001::1",
                "2001:2::1",
                "2001:10::1",
                "2001:db8::1",
                "2002::1",
                "3fff::1",
                "4000::1",
                "1000::1",
                "e000::1",
            })
    void pythonRejectsTheseAddressesAndSoDoesTheGuard(String literal) {
        assertThat(blocked(literal)).as(literal).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "100.63.255.255",
                "100.128.0.1",
                "93.184.216.34",
                "8.8.8.8",
                "1.1.1.1",
                "172.15.255.255",
                "172.32.0.1",
                "192.0.0.9",
                "192.0.0.10",
                "192.0.1.1",
                "198.17.255.255",
                "198.20.0.1",
                "223.255.255.255",
                "2606:4700::1111",
                "2001:4860:4860::8888",
                "2001:1::1",
                "2001:3::1",
                "2001:4:112::1",
                "2001:20::1",
                "2001:30::1",
                "2001:200::1",
                "3ffe::1",
                "3fff:1000::1",
            })
    void pythonAllowsTheseAddresses(String literal) {
        assertThat(blocked(literal)).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.1",
                "2130706433",
                "0x7f.0.0.1",
                "0177.0.0.1",
                "127.0.0.01",
                "256.0.0.1",
                "1.2.3",
                "1.2.3.4.5",
                "1.2.3.",
                " 1.2.3.4",
                "localhost",
                "",
                ":::",
                "1::2::3",
                "12345::1",
                "::ffff:127.1",
                "[::1]",
                "::1/128",
                "fe80::1%",
                "1:2:3:4:5:6:7:8:9",
                "g::1",
                "１.2.3.4",
            })
    void nonLiteralsAreNotParsed(String text) {
        assertThat(IpAddresses.parseLiteral(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.2.3.4",
                "::",
                "::1",
                "1::",
                "1:2:3:4:5:6:7:8",
                "::ffff:1.2.3.4",
                "1:2:3:4:5:6:1.2.3.4",
                "FE80::A%1"
            })
    void literalsAreParsed(String text) {
        assertThat(IpAddresses.isLiteral(text)).as(text).isTrue();
    }

    @org.junit.jupiter.api.Test
    void mappedAddressBytesArePlacedAtTheEnd() {
        assertThat(IpAddresses.parseLiteral("::ffff:1.2.3.4").orElseThrow())
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 1, 2, 3, 4);
        assertThat(IpAddresses.parseLiteral("1::2").orElseThrow())
                .containsExactly(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2);
    }
}
