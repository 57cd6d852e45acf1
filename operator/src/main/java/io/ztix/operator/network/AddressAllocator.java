package io.ztix.operator.network;

import io.ztix.api.network.AddressAllocation;
import io.ztix.api.network.ZtNetwork;
import io.ztix.operator.network.addressing.Ipv4Allocator;
import io.ztix.operator.network.addressing.Ipv4Lan;
import io.ztix.operator.network.addressing.Ipv6Lan;
import io.ztix.operator.network.addressing.Ipv6MemberAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out a member's peering addresses: the next IPv6 sequence number of its ASN and, when the network
 * has an IPv4 LAN, the next never-used IPv4 address. The counters live in the ZtNetwork's status and are
 * advanced with optimistic concurrency, so numbers survive restarts, are never handed out twice and are
 * never reused after a request is deleted.
 */
@ApplicationScoped
public class AddressAllocator {

    private final ZtNetworkStatusWriter statusWriter;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public AddressAllocator(ZtNetworkStatusWriter statusWriter) {
        this.statusWriter = statusWriter;
    }

    /** @param reservedIpv4 addresses never to hand out (the route servers' own) */
    public Allocation allocate(ZtNetwork network, long asn, Collection<String> reservedIpv4) {
        Ipv6Lan lan6 = Ipv6Lan.parse(network.getSpec().peeringLan.ipv6);
        String lan4Text = network.getSpec().peeringLan.ipv4;
        Ipv4Lan lan4 = lan4Text == null ? null : Ipv4Lan.parse(lan4Text);
        Ipv6MemberAddresses.requireAsn(asn);
        // One allocation per network at a time inside this operator keeps a burst of approvals from
        // contending on the status; the optimistic check still guards against any other writer.
        synchronized (lockFor(network)) {
            return allocateLocked(network, asn, reservedIpv4, lan6, lan4);
        }
    }

    private Allocation allocateLocked(ZtNetwork network, long asn, Collection<String> reservedIpv4, Ipv6Lan lan6, Ipv4Lan lan4) {
        return statusWriter.update(network.getMetadata().getNamespace(), network.getMetadata().getName(), status -> {
            if (status.allocation == null) {
                status.allocation = new AddressAllocation();
            }
            String key = Long.toString(asn);
            int sequence = Ipv6MemberAddresses.nextSequence(asn, status.allocation.lastSequenceByAsn.get(key));
            status.allocation.lastSequenceByAsn.put(key, (long) sequence);
            String ipv4 = null;
            if (lan4 != null) {
                Ipv4Allocator.Allocation next = Ipv4Allocator.next(lan4, status.allocation.lastIpv4Offset, reservedIpv4);
                status.allocation.lastIpv4Offset = next.offset();
                ipv4 = next.address();
            }
            return new Allocation(sequence, Ipv6MemberAddresses.address(lan6, asn, sequence), ipv4);
        });
    }

    private Object lockFor(ZtNetwork network) {
        return locks.computeIfAbsent(network.getMetadata().getNamespace() + "/" + network.getMetadata().getName(),
                k -> new Object());
    }

    /** A member's addresses and the sequence number they came from. */
    public record Allocation(long sequence, String ipv6, String ipv4) {
    }
}
