package io.ztix.operator.irr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** bgpq4's entries are IRR data: only a network of the asked family with lengths that fit becomes a list entry. */
class IrrPrefixTest {

    @Test
    void anEntryBecomesTheNetworkWithItsAcceptedLengths() {
        assertEquals("193.0.0.0/21{21,24}", IrrPrefix.parse("193.0.0.0/21", false, false, null, 24).bird());
        assertEquals("185.1.2.0/24", IrrPrefix.parse("185.1.2.0/24", false, true, null, null).bird());
        assertEquals("2001:67c:2e8::/48", IrrPrefix.parse("2001:067C:02E8::/48", true, false, null, 48).bird());
        assertEquals("2a02:898::/32{32,128}", IrrPrefix.parse("2a02:898::/32", true, false, null, null).bird());
    }

    @Test
    void anEntryThatIsNoNetworkOfTheAskedFamilyOrHasImpossibleLengthsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> IrrPrefix.parse("193.0.0.1/21", false, false, null, 24));
        assertThrows(IllegalArgumentException.class, () -> IrrPrefix.parse("2001:db8::1/48", true, false, null, 48));
        assertThrows(IllegalArgumentException.class, () -> IrrPrefix.parse("2001:db8::/48", false, false, null, 24));
        assertThrows(IllegalArgumentException.class, () -> IrrPrefix.parse("193.0.0.0/21", true, false, null, 48));
        assertThrows(IllegalArgumentException.class, () -> IrrPrefix.parse("999.0.0.0/8", false, false, null, 24));
        assertThrows(IllegalArgumentException.class, () -> IrrPrefix.parse("193.0.0.0/33", false, true, null, null));
        assertThrows(IllegalArgumentException.class, () -> IrrPrefix.parse(null, false, true, null, null));
        assertThrows(IllegalArgumentException.class, () -> IrrPrefix.parse("193.0.0.0/21", false, false, 20, 24));
        assertThrows(IllegalArgumentException.class, () -> IrrPrefix.parse("193.0.0.0/21", false, false, 25, 24));
        assertThrows(IllegalArgumentException.class, () -> IrrPrefix.parse("193.0.0.0/21", false, false, null, 33));
    }
}
