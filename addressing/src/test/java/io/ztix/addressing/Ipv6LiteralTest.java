package io.ztix.addressing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv6LiteralTest {

    @ParameterizedTest
    @CsvSource({
            "2001:db8:ff:0:6:4501:0:1, 2001:db8:ff:0:6:4501:0:1",
            "2001:0DB8:00FF:0000:0000:0000:0000:0001, 2001:db8:ff::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
            "2001:db8:ff:0:1:2:3:4, 2001:db8:ff:0:1:2:3:4",
            "::, ::",
            "::1, ::1",
            "1::, 1::",
            "0:0:0:0:0:0:0:0, ::",
            "::ffff:203.0.113.7, ::ffff:cb00:7107",
    })
    void textIsWrittenInTheRfc5952CanonicalForm(String input, String canonical) {
        assertEquals(canonical, Ipv6Literal.format(Ipv6Literal.parse(input)));
    }

    @Test
    void hextetsAreParsedInOrder() {
        assertArrayEquals(new int[] {0x2001, 0xdb8, 0xff, 0, 6, 0x4501, 0, 1},
                Ipv6Literal.parse("2001:db8:ff::6:4501:0:1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":::", "1::2::3", "12345::", "g::1", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
            "1:2:3:4::5:6:7:8", "::1%eth0", "2001:db8::/64", "1.2.3.4::", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:",
            "localhost", " ::1", "::256.0.0.1"})
    void malformedTextIsRejectedWithTheTextInTheMessage(String input) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Ipv6Literal.parse(input));
        assertTrue(error.getMessage().contains("IPv6") || error.getMessage().contains("IPv4"), error.getMessage());
    }
}
