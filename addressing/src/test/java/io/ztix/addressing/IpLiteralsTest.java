package io.ztix.addressing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpLiteralsTest {

    @Test
    void twoSpellingsOfOneAddressHaveTheSameCanonicalText() {
        assertEquals(Optional.of("2001:db8::1"), IpLiterals.canonical("2001:DB8:0:0::0001"));
        assertEquals(Optional.of("203.0.113.1"), IpLiterals.canonical("203.0.113.1"));
    }

    @Test
    void prefixesKeepTheirLength() {
        assertEquals(Optional.of("2001:db8:ff::/64"), IpLiterals.canonical("2001:0db8:00ff:0::/64"));
        assertEquals(Optional.of("203.0.113.0/24"), IpLiterals.canonical("203.0.113.0/24"));
    }

    @Test
    void textThatIsNoAddressHasNoCanonicalFormButComparesAsItself() {
        assertEquals(Optional.empty(), IpLiterals.canonical("not-an-ip"));
        assertEquals(Optional.empty(), IpLiterals.canonical("2001:db8::/x"));
        assertEquals(Optional.empty(), IpLiterals.canonical(null));
        assertEquals("not-an-ip", IpLiterals.canonicalOrSelf("not-an-ip"));
    }

    @Test
    void aNetworkIsWrittenCanonicallyWithItsLength() {
        assertEquals("193.0.10.0/24", IpLiterals.network("193.0.10.0/24"));
        assertEquals("0.0.0.0/0", IpLiterals.network("0.0.0.0/0"));
        assertEquals("193.0.10.1/32", IpLiterals.network("193.0.10.1/32"));
        assertEquals("2001:db8::/32", IpLiterals.network("2001:DB8:0:0::/32"));
        assertEquals("2001:db8::1/128", IpLiterals.network("2001:db8::1/128"));
    }

    @Test
    void anAddressWithHostBitsATooLongLengthOrNoLengthIsNoNetwork() {
        for (String bad : new String[] {"193.0.10.1/24", "2001:db8::1/64", "193.0.10.0/33", "2001:db8::/129",
                "193.0.10.0", "193.0.10.0/", "193.0.10.0/024", "193.0.10.0/24/24", "x/24", "999.0.0.0/8", "", "/24",
                "193.0.10.0/24; reboot"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpLiterals.network(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> IpLiterals.network(null));
    }
}
