package io.ztix.operator.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztix.addressing.AddressSpaceExhaustedException;
import io.ztix.addressing.Ipv4Lan;
import io.ztix.addressing.Ipv6Lan;
import io.ztix.api.network.AddressReservation;
import io.ztix.api.network.ZtNetworkStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class AllocationBatchTest {

    private static final Ipv6Lan LAN6 = Ipv6Lan.parse("2001:db8:ff::/64");
    private static final Ipv4Lan LAN4 = Ipv4Lan.parse("203.0.113.0/24");
    private static final String NOW = "2026-12-01T14:00:00Z";
    private static final Predicate<AddressReservation> NOTHING_SETTLED = r -> false;

    private static AddressAllocator.Pending claim(String name, long asn) {
        return new AddressAllocator.Pending(name, "uid-" + name, asn, List.of("203.0.113.1"), NOTHING_SETTLED, false);
    }

    private static Map<AddressAllocator.Pending, Object> apply(ZtNetworkStatus status, AddressAllocator.Pending... pending) {
        return new AllocationBatch(LAN6, LAN4, List.of(pending), NOW).applyTo(status);
    }

    @Test
    void aBatchOfThreeClaimsGetsConsecutiveNumbersAndOneReservationEach() {
        ZtNetworkStatus status = new ZtNetworkStatus();
        AddressAllocator.Pending a = claim("a", 64501), b = claim("b", 64501), c = claim("c", 64502);

        Map<AddressAllocator.Pending, Object> outcomes = apply(status, a, b, c);

        assertThat(outcomes.get(a)).isEqualTo(new AddressAllocator.Allocation(1, "2001:db8:ff:0:6:4501:0:1", "203.0.113.2"));
        assertThat(outcomes.get(b)).isEqualTo(new AddressAllocator.Allocation(2, "2001:db8:ff:0:6:4501:0:2", "203.0.113.3"));
        assertThat(outcomes.get(c)).isEqualTo(new AddressAllocator.Allocation(1, "2001:db8:ff:0:6:4502:0:1", "203.0.113.4"));
        assertThat(status.allocation.lastSequenceByAsn).containsEntry("64501", 2L).containsEntry("64502", 1L);
        assertThat(status.allocation.lastIpv4Offset).isEqualTo(4L);
        assertThat(status.allocation.reservations).extracting(r -> r.request).containsExactly("a", "b", "c");
    }

    @Test
    void aClaimWithAReservationGetsTheSameAddressesAgainAndNoNewNumbers() {
        ZtNetworkStatus status = new ZtNetworkStatus();
        AddressAllocator.Pending first = claim("a", 64501);
        Object handedOut = apply(status, first).get(first);

        // the operator stopped before the request's status was written; the request is reconciled again
        AddressAllocator.Pending again = claim("a", 64501);
        Object second = apply(status, again, claim("b", 64501)).get(again);

        assertThat(second).isEqualTo(handedOut);
        assertThat(status.allocation.lastSequenceByAsn).containsEntry("64501", 2L);
        assertThat(status.allocation.reservations).hasSize(2);
    }

    @Test
    void reapplyingTheSameBatchToTheStoredStatusAfterAConflictHandsOutTheSameNumbersOnce() {
        ZtNetworkStatus stored = new ZtNetworkStatus();
        apply(stored, claim("x", 64501));
        AddressAllocator.Pending a = claim("a", 64501);
        AllocationBatch batch = new AllocationBatch(LAN6, LAN4, List.of(a), NOW);

        Object onStale = batch.applyTo(new ZtNetworkStatus()).get(a);
        Object onLatest = batch.applyTo(stored).get(a);

        assertThat(((AddressAllocator.Allocation) onStale).sequence()).isEqualTo(1);
        assertThat(((AddressAllocator.Allocation) onLatest).sequence()).isEqualTo(2);
        assertThat(stored.allocation.lastSequenceByAsn).containsEntry("64501", 2L);
    }

    @Test
    void anAsnThatUsedAllItsNumbersFailsAloneAndTheRestOfTheBatchIsServed() {
        ZtNetworkStatus status = new ZtNetworkStatus();
        apply(status, claim("seed", 64501));
        status.allocation.lastSequenceByAsn.put("64501", 9999L);
        AddressAllocator.Pending full = claim("full", 64501), other = claim("other", 64502);

        Map<AddressAllocator.Pending, Object> outcomes = apply(status, full, other);

        assertThat(outcomes.get(full)).isInstanceOf(AddressSpaceExhaustedException.class);
        assertThat(outcomes.get(other)).isInstanceOf(AddressAllocator.Allocation.class);
        assertThat(status.allocation.reservations).extracting(r -> r.request).containsExactly("seed", "other");
    }

    @Test
    void settledReservationsAndReleasesAreDroppedButTheCountersNeverGoBack() {
        ZtNetworkStatus status = new ZtNetworkStatus();
        apply(status, claim("a", 64501), claim("b", 64501), claim("c", 64501));
        AddressAllocator.Pending release = new AddressAllocator.Pending("a", "uid-a", 0, List.of(),
                r -> r.request.equals("b"), true);

        apply(status, release);

        assertThat(status.allocation.reservations).extracting(r -> r.request).containsExactly("c");
        assertThat(status.allocation.lastSequenceByAsn).containsEntry("64501", 3L);
        assertThat(status.allocation.lastIpv4Offset).isEqualTo(4L);
    }

    @Test
    void aReservationForAnotherAsnIsNotReusedAfterTheRequestsAsnChanged() {
        ZtNetworkStatus status = new ZtNetworkStatus();
        apply(status, claim("a", 64501));
        AddressAllocator.Pending changed = claim("a", 64502);

        Object outcome = apply(status, changed).get(changed);

        assertThat(outcome).isEqualTo(new AddressAllocator.Allocation(1, "2001:db8:ff:0:6:4502:0:1", "203.0.113.3"));
        assertThat(status.allocation.reservations).singleElement().satisfies(r -> assertThat(r.asn).isEqualTo(64502L));
        assertThat(status.allocation.lastSequenceByAsn).containsEntry("64501", 1L);
    }
}
