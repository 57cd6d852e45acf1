package io.ztix.operator.network;

import io.ztix.addressing.Ipv4Lan;
import io.ztix.addressing.Ipv6Lan;
import io.ztix.addressing.Ipv6MemberAddresses;
import io.ztix.api.network.AddressReservation;
import io.ztix.api.network.ZtNetwork;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Hands out members' peering addresses: the next IPv6 sequence number of the member's ASN and, when the
 * network has an IPv4 LAN, the next never-used IPv4 address. The counters live in the ZtNetwork's status.
 *
 * <p>Approvals waiting on one network are allocated together (group commit): whoever holds the network's
 * writer takes every claim queued meanwhile and stores them with one optimistic-concurrency write of the
 * status (counters plus one {@link AddressReservation} per claim). A burst of approvals thus costs one read
 * and one write per batch instead of per member, and numbers stay never-reused and duplicate-free across
 * restarts and concurrent writers. A request whose addresses were written here but not yet into its own
 * status (the operator stopped in between) finds its reservation and gets the same addresses again; the
 * reservation is dropped once the request shows them (see {@link #settle}), or once it is gone.
 */
@ApplicationScoped
public class AddressAllocator {

    /** At most this many operations per write, so a status never grows past a few hundred reservations. */
    static final int MAX_BATCH = 500;

    private final ZtNetworkStatusWriter statusWriter;
    private final Clock clock;
    private final Map<String, NetworkQueue> queues = new ConcurrentHashMap<>();

    public AddressAllocator(ZtNetworkStatusWriter statusWriter, Clock clock) {
        this.statusWriter = statusWriter;
        this.clock = clock;
    }

    /**
     * The request's addresses: its reservation if it has one, else the next numbers.
     *
     * @param reservedIpv4 addresses never to hand out (the route servers' own)
     * @param settled      which other reservations of the network may be dropped (their request shows the
     *                     addresses, or is gone); asked while the batch is written
     */
    public Allocation allocate(ZtNetwork network, String request, String uid, long asn, Collection<String> reservedIpv4,
            Predicate<AddressReservation> settled) {
        Ipv6MemberAddresses.requireAsn(asn);
        Object outcome = submit(network, new Pending(request, uid, asn, List.copyOf(reservedIpv4), settled, false));
        if (outcome instanceof RuntimeException e) {
            throw e;
        }
        return (Allocation) outcome;
    }

    /** Drops the request's reservation once its status shows the addresses (batched like allocations). */
    public void settle(ZtNetwork network, String request, String uid, Predicate<AddressReservation> settled) {
        Object outcome = submit(network, new Pending(request, uid, 0, List.of(), settled, true));
        if (outcome instanceof RuntimeException e) {
            throw e;
        }
    }

    /** Whether the network's status still holds a reservation of this request. */
    public static boolean hasReservation(ZtNetwork network, String uid) {
        return network.getStatus() != null && network.getStatus().allocation != null
                && network.getStatus().allocation.reservations.stream().anyMatch(r -> uid.equals(r.uid));
    }

    private Object submit(ZtNetwork network, Pending pending) {
        Ipv6Lan lan6 = Ipv6Lan.parse(network.getSpec().peeringLan.ipv6);
        String lan4Text = network.getSpec().peeringLan.ipv4;
        Ipv4Lan lan4 = lan4Text == null ? null : Ipv4Lan.parse(lan4Text);
        String namespace = network.getMetadata().getNamespace();
        String name = network.getMetadata().getName();
        NetworkQueue queue = queues.computeIfAbsent(namespace + "/" + name, k -> new NetworkQueue());
        queue.waiting.add(pending);
        queue.writer.lock();
        try {
            while (pending.outcome == null) {
                List<Pending> batch = new ArrayList<>();
                for (Pending next; batch.size() < MAX_BATCH && (next = queue.waiting.poll()) != null; ) {
                    batch.add(next);
                }
                write(namespace, name, new AllocationBatch(lan6, lan4, batch, Instant.now(clock).toString()), batch);
            }
        } finally {
            queue.writer.unlock();
        }
        return pending.outcome;
    }

    private void write(String namespace, String name, AllocationBatch change, List<Pending> batch) {
        try {
            Map<Pending, Object> outcomes = statusWriter.update(namespace, name, change::applyTo);
            batch.forEach(p -> p.outcome = outcomes.get(p));
        } catch (RuntimeException e) {
            // nothing of this batch was stored; each request retries on its own
            batch.forEach(p -> p.outcome = e);
        }
    }

    private static final class NetworkQueue {
        final ReentrantLock writer = new ReentrantLock();
        final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    }

    /** One claim or release waiting for the next write; its outcome is set (under the writer lock) once written. */
    static final class Pending {
        private final String request;
        private final String uid;
        private final long asn;
        private final List<String> reservedIpv4;
        private final Predicate<AddressReservation> settled;
        private final boolean release;
        private Object outcome;

        Pending(String request, String uid, long asn, List<String> reservedIpv4, Predicate<AddressReservation> settled,
                boolean release) {
            this.request = request;
            this.uid = uid;
            this.asn = asn;
            this.reservedIpv4 = reservedIpv4;
            this.settled = settled;
            this.release = release;
        }

        String request() { return request; }
        String uid() { return uid; }
        long asn() { return asn; }
        List<String> reservedIpv4() { return reservedIpv4; }
        Predicate<AddressReservation> settled() { return settled; }
        boolean release() { return release; }
    }

    /** A member's addresses and the sequence number they came from. */
    public record Allocation(long sequence, String ipv6, String ipv4) {
    }
}
