package io.ztix.addressing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4LiteralTest {

    @Test
    void dottedQuadRoundTrips() {
        assertEquals(0xCB007107L, Ipv4Literal.parse("203.0.113.7"));
        assertEquals("203.0.113.7", Ipv4Literal.format(0xCB007107L));
        assertEquals("255.255.255.255", Ipv4Literal.format(Ipv4Literal.parse("255.255.255.255")));
        assertEquals("0.0.0.0", Ipv4Literal.format(Ipv4Literal.parse("0.0.0.0")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "203.0.113", "203.0.113.7.1", "203.0.113.256", "203.0.113.-1", "203.0.113.07",
            "203.0..7", "localhost", "example.org", "203.0.113.7 ", "0x1.0.0.1", "1234.0.0.1"})
    void anythingButAStrictDottedQuadIsRejected(String input) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Ipv4Literal.parse(input));
        assertTrue(error.getMessage().contains("IPv4"), error.getMessage());
    }

    @Test
    void leadingZerosAreExplainedAsAmbiguous() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Ipv4Literal.parse("203.0.113.010"));
        assertTrue(error.getMessage().contains("leading zero"), error.getMessage());
        assertFalse(Ipv4Literal.isValid("203.0.113.010"));
    }
}
