package io.ztix.addressing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Ipv6LanTest {

    @Test
    void aSlash64IsParsedAndWrittenCanonically() {
        assertEquals("2001:db8:ff::/64", Ipv6Lan.parse("2001:0DB8:00ff:0000::/64").toString());
        assertEquals(Ipv6Lan.parse("2001:db8:ff::/64"), Ipv6Lan.parse("2001:db8:ff:0::/64"));
    }

    @Test
    void otherPrefixLengthsAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Ipv6Lan.parse("2001:db8::/48"));
        assertTrue(error.getMessage().contains("must be a /64"), error.getMessage());
    }

    @Test
    void aMissingPrefixLengthIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Ipv6Lan.parse("2001:db8:ff::"));
        assertTrue(error.getMessage().contains("no prefix length"), error.getMessage());
    }

    @Test
    void interfaceBitsAreRejectedWithTheLikelyIntendedPrefix() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Ipv6Lan.parse("2001:db8:ff::1/64"));
        assertTrue(error.getMessage().contains("did you mean 2001:db8:ff::/64"), error.getMessage());
    }

    @Test
    void blankAndMalformedTextAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Ipv6Lan.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Lan.parse(null));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Lan.parse("peering.example/64"));
    }
}
