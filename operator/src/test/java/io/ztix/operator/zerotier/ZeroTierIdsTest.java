package io.ztix.operator.zerotier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ZeroTierIdsTest {

    @Test
    void idsAreLowerCasedAndCheckedForLength() {
        assertEquals("b23b7482a7abcdef", ZeroTierIds.networkId("B23B7482A7ABCDEF"));
        assertEquals("aabbccdd03", ZeroTierIds.nodeId("AABBCCDD03"));
        assertEquals("abcdef", ZeroTierIds.idSuffix("ABCDEF"));
    }

    @Test
    void malformedIdsAreRejectedWithTheirText() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ZeroTierIds.networkId("b23b7482a7abcd"));
        assertTrue(error.getMessage().contains("b23b7482a7abcd"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ZeroTierIds.nodeId("xyz"));
        assertThrows(IllegalArgumentException.class, () -> ZeroTierIds.nodeId(null));
        assertThrows(IllegalArgumentException.class, () -> ZeroTierIds.idSuffix("______"));
    }

    @Test
    void idsCompareWithoutRegardToCase() {
        assertTrue(ZeroTierIds.same("AABBCCDD03", "aabbccdd03"));
        assertFalse(ZeroTierIds.same(null, "aabbccdd03"));
        assertFalse(ZeroTierIds.same("aabbccdd03", "aabbccdd04"));
    }
}
