package io.ztix.operator.joinrequest;

import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.AssignedIps;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.network.ZtNetwork;
import io.ztix.operator.network.AddressAllocator;
import io.ztix.operator.network.ControllerClients;
import io.ztix.operator.zerotier.Drift;
import io.ztix.operator.zerotier.Member;
import io.ztix.operator.zerotier.MemberSettings;
import io.ztix.operator.zerotier.ZeroTierController;
import jakarta.enterprise.context.ApplicationScoped;
import io.ztix.api.network.AddressReservation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Puts an approved member on its ZeroTier network (addresses allocated once, member authorized with
 * exactly those addresses) and takes it off again. Each step checks first and writes only on a
 * difference, so repeating it changes nothing at the controller.
 */
@ApplicationScoped
public class MemberProvisioner {

    static final int MAX_MEMBER_NAME = 120;

    /** How long a reservation whose request is not in the cache is kept (see {@link #settled}). */
    static final Duration ORPHAN_GRACE = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(MemberProvisioner.class);

    private final AddressAllocator allocator;
    private final ControllerClients clients;
    private final Clock clock;

    public MemberProvisioner(AddressAllocator allocator, ControllerClients clients, Clock clock) {
        this.allocator = allocator;
        this.clients = clients;
        this.clock = clock;
    }

    /** Allocates the member's addresses unless it already has them; the result is kept in the status. */
    void ensureAddresses(JoinRequest request, ZtNetwork network, Collection<String> reservedIpv4,
            NetworkPeers peers) {
        JoinRequestStatus status = request.getStatus();
        if (status.sequence != null && status.assignedIps != null) {
            return;
        }
        AddressAllocator.Allocation allocation = allocator.allocate(network, request.getMetadata().getName(),
                request.getMetadata().getUid(), request.getSpec().asn, reservedIpv4, settled(peers));
        status.sequence = allocation.sequence();
        status.assignedIps = new AssignedIps(allocation.ipv6(), allocation.ipv4());
    }

    /**
     * Drops the request's address reservation from the network once its status shows the addresses. Housekeeping
     * only: a failure is retried at the next reconciliation and never affects the member.
     */
    void settleReservation(JoinRequest request, ZtNetwork network, NetworkPeers peers) {
        String uid = request.getMetadata().getUid();
        if (uid == null || request.getStatus().sequence == null || !AddressAllocator.hasReservation(network, uid)) {
            return;
        }
        try {
            allocator.settle(network, request.getMetadata().getName(), uid, settled(peers));
        } catch (RuntimeException e) {
            LOG.debugf(e, "Could not drop the address reservation of %s yet", request.getMetadata().getName());
        }
    }

    /**
     * A reservation is settled when its request's status shows its sequence number, or when no request of the
     * network has its uid any more (deleted or moved) for longer than {@link #ORPHAN_GRACE}: the grace keeps a
     * request that this snapshot of the cache does not show yet from losing its reservation.
     */
    private Predicate<AddressReservation> settled(NetworkPeers peers) {
        Instant orphanedBefore = Instant.now(clock).minus(ORPHAN_GRACE);
        return reservation -> {
            JoinRequest owner = peers.named(reservation.request);
            if (owner == null || !Objects.equals(owner.getMetadata().getUid(), reservation.uid)) {
                return reservation.reservedAt == null || Instant.parse(reservation.reservedAt).isBefore(orphanedBefore);
            }
            return owner.getStatus() != null && owner.getStatus().assignedIps != null
                    && Objects.equals(owner.getStatus().sequence, reservation.sequence);
        };
    }

    /** @return true when the controller had to be changed */
    boolean authorize(JoinRequest request, ZtNetwork network) {
        return authorize(network, request.getSpec().nodeId, request.getStatus().assignedIps, memberName(request));
    }

    /** Keeps an admitted member authorized with exactly its admitted addresses. */
    boolean authorize(AdmittedMember admitted, ZtNetwork network) {
        return authorize(network, admitted.nodeId, new AssignedIps(admitted.ipv6, admitted.ipv4),
                memberName(admitted.asn, admitted.networkName));
    }

    private boolean authorize(ZtNetwork network, String nodeId, AssignedIps ips, String name) {
        ZeroTierController controller = clients.forNetwork(network);
        String networkId = network.getStatus().networkId;
        MemberSettings desired = MemberSettings.authorized(addresses(ips), name);
        Optional<Member> current = controller.getMember(networkId, nodeId);
        if (current.isPresent() && !Drift.memberDiffers(networkId, nodeId, desired, current.get())) {
            return false;
        }
        controller.upsertMember(networkId, nodeId, desired);
        return true;
    }

    /** Deletes the node the request's member was authorized as (the admitted one, not a changed spec's). */
    void remove(JoinRequest request, ZtNetwork network) {
        clients.forNetwork(network).deleteMember(network.getStatus().networkId, Membership.nodeOf(request));
    }

    /** "AS64501 Example Net": what the IX sees in ZeroTier's member list. */
    static String memberName(JoinRequest request) {
        return memberName(request.getSpec().asn, request.getSpec().networkName);
    }

    private static String memberName(Long asn, String networkName) {
        String name = "AS" + asn;
        if (networkName != null && !networkName.isBlank()) {
            name += " " + networkName.replaceAll("\\p{Cntrl}", " ").strip();
        }
        return name.length() <= MAX_MEMBER_NAME ? name : name.substring(0, MAX_MEMBER_NAME);
    }

    private static List<String> addresses(AssignedIps ips) {
        List<String> addresses = new ArrayList<>();
        addresses.add(ips.ipv6);
        if (ips.ipv4 != null) {
            addresses.add(ips.ipv4);
        }
        return addresses;
    }
}
