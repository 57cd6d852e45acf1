package io.ztix.operator.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void ipv6AddressesAreWrittenInRfc5952Form() {
        assertEquals("2001:db8::1", IpAddresses.ipv6("2001:0DB8:0000:0000:0000:0000:0000:0001", "a"));
        assertEquals("2001:db8:0:1:1:1:1:1", IpAddresses.ipv6("2001:db8:0:1:1:1:1:1", "a"));
        assertEquals("2001:0:0:1::1", IpAddresses.ipv6("2001:0:0:1:0:0:0:1", "a"));
        assertEquals("fd00::", IpAddresses.ipv6("fd00::", "a"));
        assertEquals("2001:db8::1:0:0:1", IpAddresses.ipv6("2001:db8:0:0:1:0:0:1", "a"));
    }

    @Test
    void loopbackIsAcceptedOnlyWhereAllowed() {
        assertEquals("127.0.0.1", IpAddresses.ipv4AllowingLoopback("127.0.0.1", "rtr"));
        assertEquals("::1", IpAddresses.ipv6AllowingLoopback("::1", "rtr"));
        assertThrows(IllegalArgumentException.class, () -> IpAddresses.ipv4("127.0.0.1", "peer"));
        assertThrows(IllegalArgumentException.class, () -> IpAddresses.ipv6("::1", "peer"));
    }

    @Test
    void theErrorNamesTheFieldAndEscapesControlCharacters() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> IpAddresses.ipv4("1.2.3.4\n}", "member AS1 node x: IPv4 address"));
        assertEquals("member AS1 node x: IPv4 address '1.2.3.4\\x0a}' is invalid: expected a dotted-quad IPv4 address",
                error.getMessage());
    }
}
