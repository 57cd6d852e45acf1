package io.ztix.operator.network.addressing;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
