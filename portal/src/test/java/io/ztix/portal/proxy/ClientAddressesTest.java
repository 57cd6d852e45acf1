package io.ztix.portal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static ClientAddresses behind(String... trusted) {
        return new ClientAddresses(true, Optional.of(List.of(trusted)));
    }

    @Test
    void withoutATrustedProxyTheConnectionsPeerIsTheClientWhateverTheHeaderSays() {
        assertThat(behind("10.0.0.0/8").resolve("198.51.100.7", List.of("203.0.113.1"))).isEqualTo("198.51.100.7");
        assertThat(new ClientAddresses(false, Optional.of(List.of("10.0.0.0/8"))).resolve("10.1.2.3", List.of("203.0.113.1")))
                .as("forwarding off").isEqualTo("10.1.2.3");
        assertThat(new ClientAddresses(true, Optional.empty()).resolve("10.1.2.3", List.of("203.0.113.1")))
                .as("forwarding on, but nobody is trusted").isEqualTo("10.1.2.3");
    }

    @Test
    void theClientIsTheRightmostAddressThatIsNotATrustedProxy() {
        ClientAddresses addresses = behind("10.0.0.0/8", "192.0.2.10");
        assertThat(addresses.resolve("10.1.2.3", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(addresses.resolve("10.1.2.3", List.of("203.0.113.66, 198.51.100.7"))).as("the client wrote the first")
                .isEqualTo("198.51.100.7");
        assertThat(addresses.resolve("10.1.2.3", List.of("203.0.113.66, 198.51.100.7, 192.0.2.10"))).as("two proxies")
                .isEqualTo("198.51.100.7");
        assertThat(addresses.resolve("10.1.2.3", List.of("203.0.113.66", "198.51.100.7"))).as("two header lines")
                .isEqualTo("198.51.100.7");
        assertThat(addresses.resolve("10.1.2.3", List.of())).as("no header").isEqualTo("10.1.2.3");
        assertThat(addresses.resolve("10.1.2.3", List.of("10.9.9.9"))).as("only proxies").isEqualTo("10.9.9.9");
    }

    @Test
    void ipv6AndPortsAreUnderstood() {
        ClientAddresses addresses = behind("fd00::/8");
        assertThat(addresses.resolve("fd00::1", List.of("[2001:db8::7]:4711"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(behind("10.0.0.1").resolve("10.0.0.1", List.of("198.51.100.7:4711"))).isEqualTo("198.51.100.7");
    }

    @Test
    void garbageInTheHeaderStopsAtTheLastAddressATrustedProxyVouchedFor() {
        assertThat(behind("10.0.0.0/8").resolve("10.1.2.3", List.of("unknown, <script>"))).isEqualTo("10.1.2.3");
        assertThat(behind("10.0.0.0/8").resolve("10.1.2.3", List.of("evil.example.net"))).as("never a DNS name")
                .isEqualTo("10.1.2.3");
    }

    @Test
    void trustedProxiesMustBeAddressesOrBlocks() {
        assertThat(TrustedProxies.parse(List.of("10.0.0.0/8")).trusts(IpLiteral.parse("10.200.1.1").orElseThrow())).isTrue();
        assertThat(TrustedProxies.parse(List.of("10.0.0.0/8")).trusts(IpLiteral.parse("11.0.0.1").orElseThrow())).isFalse();
        assertThat(TrustedProxies.parse(List.of("192.0.2.0/25")).trusts(IpLiteral.parse("192.0.2.128").orElseThrow())).isFalse();
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("ingress.example.net"))).hasMessageContaining("ingress.example.net");
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/33"))).hasMessageContaining("prefix length");
    }

    @Test
    void textThatIsNoIpLiteralIsRefusedWithoutEverReachingTheResolver() {
        // ".::1" and ".:" look like IPv6 to a character check but not to InetAddress, which hands them to the
        // name service (seen with -Djdk.net.hosts.file naming them): they must stay text, like every other non-literal
        for (String noLiteral : new String[] {".::1", ".:", "1.2.3.256", "1.2.3", "1::2::3", "fe80::1%eth0", "",
                "198.51.100.7 evil.example", "[2001:db8::7", "2001:db8::7]:80", "198.51.100.7:", "::1:99999"}) {
            assertThat(IpLiteral.parse(noLiteral)).as("'%s'", noLiteral).isEmpty();
        }
        assertThat(IpLiteral.parse(" 198.51.100.7 ")).as("surrounding blanks").hasValueSatisfying(a -> assertThat(
                a.getHostAddress()).isEqualTo("198.51.100.7"));
        assertThat(IpLiteral.parse("[::1]")).as("brackets without a port").hasValueSatisfying(a -> assertThat(
                a.getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1"));
        assertThat(behind("10.0.0.0/8").resolve("10.1.2.3", List.of(".::1"))).as("in the header").isEqualTo("10.1.2.3");
    }
}
