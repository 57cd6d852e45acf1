package io.ztix.addressing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.addressing.Ipv4Allocator.Allocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Ipv4AllocatorTest {

    private static final Ipv4Lan LAN = Ipv4Lan.parse("203.0.113.0/24");

    @Test
    void theFirstAllocationIsTheFirstHostAddress() {
        assertEquals(new Allocation("203.0.113.1", 1), Ipv4Allocator.next(LAN, null, Set.of()));
        assertEquals(new Allocation("203.0.113.1", 1), Ipv4Allocator.next(LAN, 0L, Set.of()));
    }

    @Test
    void routeServerAddressesAreSkipped() {
        Set<String> routeServers = Set.of("203.0.113.1", "203.0.113.2");
        assertEquals(new Allocation("203.0.113.3", 3), Ipv4Allocator.next(LAN, 0L, routeServers));
    }

    @Test
    void allocationContinuesAfterTheCounterAndNeverReusesLowerAddresses() {
        assertEquals(new Allocation("203.0.113.42", 42), Ipv4Allocator.next(LAN, 41L, Set.of("203.0.113.1")));
    }

    @Test
    void reservedAddressesOutsideTheLanAreIgnored() {
        assertEquals(new Allocation("203.0.113.1", 1), Ipv4Allocator.next(LAN, 0L, Set.of("198.51.100.1")));
    }

    @Test
    void networkAndBroadcastAreNeverHandedOutAndExhaustionIsAClearError() {
        Ipv4Lan small = Ipv4Lan.parse("203.0.113.8/29");
        List<String> handedOut = new ArrayList<>();
        Long counter = null;
        for (int i = 0; i < 5; i++) {
            Allocation allocation = Ipv4Allocator.next(small, counter, Set.of("203.0.113.9"));
            handedOut.add(allocation.address());
            counter = allocation.offset();
        }
        assertEquals(List.of("203.0.113.10", "203.0.113.11", "203.0.113.12", "203.0.113.13", "203.0.113.14"),
                handedOut);
        Long last = counter;
        AddressSpaceExhaustedException error = assertThrows(AddressSpaceExhaustedException.class,
                () -> Ipv4Allocator.next(small, last, Set.of("203.0.113.9")));
        assertTrue(error.getMessage().contains("203.0.113.8/29"), error.getMessage());
    }

    @Test
    void malformedReservedAddressesAndNegativeCountersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Ipv4Allocator.next(LAN, 0L, Set.of("rs1.example")));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Allocator.next(LAN, -1L, Set.of()));
    }
}
