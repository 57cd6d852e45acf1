package io.ztix.operator.network;

import io.ztix.addressing.Ipv4Allocator;
import io.ztix.addressing.Ipv4Lan;
import io.ztix.addressing.Ipv6Lan;
import io.ztix.addressing.Ipv6MemberAddresses;
import io.ztix.api.network.AddressAllocation;
import io.ztix.api.network.AddressReservation;
import io.ztix.api.network.ZtNetworkStatus;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One allocation batch applied to a ZtNetwork status: every claim gets its reservation (the one it already
 * has, or the next numbers), every release and every settled reservation is dropped. It only depends on the
 * status it is given, so it can be re-applied after a conflicting write. A claim that cannot be served (its
 * ASN has used all sequence numbers) fails alone; the other claims of the batch are not affected.
 */
final class AllocationBatch {

    private final Ipv6Lan lan6;
    private final Ipv4Lan lan4;
    private final List<AddressAllocator.Pending> pending;
    private final String now;

    AllocationBatch(Ipv6Lan lan6, Ipv4Lan lan4, List<AddressAllocator.Pending> pending, String now) {
        this.lan6 = lan6;
        this.lan4 = lan4;
        this.pending = pending;
        this.now = now;
    }

    /** Mutates {@code status}; returns each pending operation's outcome (an allocation, or the reason it failed). */
    Map<AddressAllocator.Pending, Object> applyTo(ZtNetworkStatus status) {
        if (status.allocation == null) {
            status.allocation = new AddressAllocation();
        }
        AddressAllocation allocation = status.allocation;
        Set<String> inBatch = new HashSet<>();
        Set<String> reservedIpv4 = new HashSet<>();
        for (AddressAllocator.Pending p : pending) {
            inBatch.add(p.uid());
            reservedIpv4.addAll(p.reservedIpv4());
        }
        Map<AddressAllocator.Pending, Object> outcomes = new LinkedHashMap<>();
        for (AddressAllocator.Pending p : pending) {
            if (p.release()) {
                allocation.reservations.removeIf(r -> Objects.equals(r.uid, p.uid()));
                outcomes.put(p, Boolean.TRUE);
                continue;
            }
            try {
                outcomes.put(p, claim(allocation, p, reservedIpv4));
            } catch (RuntimeException e) {
                outcomes.put(p, e);
            }
        }
        AddressAllocator.Pending last = pending.get(pending.size() - 1);
        allocation.reservations.removeIf(r -> !inBatch.contains(r.uid) && last.settled().test(r));
        return outcomes;
    }

    private AddressAllocator.Allocation claim(AddressAllocation allocation, AddressAllocator.Pending p, Collection<String> reservedIpv4) {
        AddressReservation existing = allocation.reservations.stream()
                .filter(r -> Objects.equals(r.uid, p.uid())).findFirst().orElse(null);
        if (existing != null && Objects.equals(existing.asn, p.asn()) && (lan4 == null) == (existing.ipv4 == null)) {
            return toAllocation(existing);
        }
        if (existing != null) {
            // the request's ASN (or the LAN) changed before it was admitted: those numbers stay used, new ones follow
            allocation.reservations.remove(existing);
        }
        String key = Long.toString(p.asn());
        int sequence = Ipv6MemberAddresses.nextSequence(p.asn(), allocation.lastSequenceByAsn.get(key));
        Ipv4Allocator.Allocation ipv4 = lan4 == null ? null : Ipv4Allocator.next(lan4, allocation.lastIpv4Offset, reservedIpv4);
        allocation.lastSequenceByAsn.put(key, (long) sequence);
        if (ipv4 != null) {
            allocation.lastIpv4Offset = ipv4.offset();
        }
        AddressReservation reservation = new AddressReservation(p.request(), p.uid(), p.asn(), sequence,
                ipv4 == null ? null : ipv4.address(), now);
        allocation.reservations.add(reservation);
        return toAllocation(reservation);
    }

    private AddressAllocator.Allocation toAllocation(AddressReservation r) {
        return new AddressAllocator.Allocation(r.sequence, Ipv6MemberAddresses.address(lan6, r.asn, r.sequence.intValue()), r.ipv4);
    }
}
