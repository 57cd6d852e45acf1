package io.ztix.addressing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4LanTest {

    @Test
    void slash16ToSlash29AreAccepted() {
        assertEquals(65534, Ipv4Lan.parse("198.51.0.0/16").hostCount());
        assertEquals(254, Ipv4Lan.parse("203.0.113.0/24").hostCount());
        assertEquals(6, Ipv4Lan.parse("203.0.113.8/29").hostCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.0/15", "203.0.113.0/30", "203.0.113.0/32", "203.0.113.0/8"})
    void prefixLengthsOutsideSlash16ToSlash29AreRejected(String cidr) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Ipv4Lan.parse(cidr));
        assertTrue(error.getMessage().contains("/16 to /29"), error.getMessage());
    }

    @Test
    void hostBitsAreRejectedWithTheLikelyIntendedPrefix() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Ipv4Lan.parse("203.0.113.5/24"));
        assertTrue(error.getMessage().contains("did you mean 203.0.113.0/24"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "203.0.113.0", "203.0.113.0/", "203.0.113.0/abc", "lan.example/24"})
    void malformedTextIsRejected(String cidr) {
        assertThrows(IllegalArgumentException.class, () -> Ipv4Lan.parse(cidr));
    }

    @Test
    void containsOnlyAddressesOfTheLan() {
        Ipv4Lan lan = Ipv4Lan.parse("203.0.113.0/24");
        assertTrue(lan.contains(Ipv4Literal.parse("203.0.113.200")));
        assertFalse(lan.contains(Ipv4Literal.parse("198.51.100.1")));
    }
}
