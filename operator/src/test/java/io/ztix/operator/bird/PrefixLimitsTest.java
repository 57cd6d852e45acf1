package io.ztix.operator.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PrefixLimitsTest {

    @Test
    void headRoomIsAddedAndRoundedUp() {
        assertEquals(120, PrefixLimits.withHeadroom(100, 20));
        assertEquals(13, PrefixLimits.withHeadroom(11, 10));
        assertEquals(11, PrefixLimits.withHeadroom(11, 0));
    }

    @Test
    void aNetworkAnnouncingNothingStillGetsALimitOfOne() {
        assertEquals(1, PrefixLimits.withHeadroom(0, 20));
    }

    @Test
    void negativeInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PrefixLimits.withHeadroom(-1, 20));
        assertThrows(IllegalArgumentException.class, () -> PrefixLimits.withHeadroom(10, -1));
    }
}
