package io.ztix.operator.joinrequest;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ztix.addressing.AddressSpaceExhaustedException;
import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.common.RetryTracker;
import io.ztix.operator.common.SecretReader.SecretUnavailableException;
import io.ztix.operator.zerotier.ZeroTierException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid request that is not admitted (yet): follow its decision; for an approved one allocate addresses,
 * authorize the node and record the admission. From then on {@link Upkeep} takes over.
 */
final class Admission {

    private final MemberProvisioner provisioner;
    private final MemberRemoval removal;
    private final NodeOwnership ownership;
    private final EventRecorder events;
    private final OperatorConfig config;
    private final RetryTracker retries;
    private final MemberVerifications verifications;
    private final Clock clock;

    Admission(MemberProvisioner provisioner, MemberRemoval removal, NodeOwnership ownership, EventRecorder events,
            OperatorConfig config, RetryTracker retries, MemberVerifications verifications, Clock clock) {
        this.ownership = ownership;
        this.provisioner = provisioner;
        this.removal = removal;
        this.events = events;
        this.config = config;
        this.retries = retries;
        this.verifications = verifications;
        this.clock = clock;
    }

    /** @return when to look again, or null for "only on a change" */
    Duration act(JoinRequest request, Approval approval, ZtNetwork network, List<RouteServer> routeServers,
            NetworkPeers peers, NodeClaimLeases claims, JoinRequestStatusRecorder status) {
        try {
            if (approval == null) {
                status.awaitingDecision();
                removal.removeIfPresent(request, network, peers, status, "The approval was withdrawn");
            } else if (approval.decision == Approval.Decision.Rejected) {
                status.rejected(approval.reason, approval.decidedBy);
                removal.removeIfPresent(request, network, peers, status, "Revoked: " + approval.reason);
            } else {
                Optional<JoinRequest> owner = ownership.otherOwner(request, peers, claims);
                if (owner.isPresent() || !ownership.claim(request)) {
                    status.nodeIdConflict(owner.map(o -> o.getMetadata().getName()).orElse("another request admitted right now"));
                    return config.resyncInterval();
                }
                status.approved(approval.decidedBy);
                provision(request, network, routeServers, peers, status);
            }
            retries.succeeded(request);
            return config.resyncInterval();
        } catch (ZeroTierException e) {
            if (e.kind() == ZeroTierException.Kind.PERMANENT) {
                return fail(request, status, "The ZeroTier controller refused the change: " + e.getMessage());
            }
            status.transientError(Degradation.of(e));
            return retries.nextDelay(request, config.backoff(), e.retryAfter().orElse(null));
        } catch (NodeClaimLeases.Unreadable e) {
            status.nodeClaimUnreadable(e.getMessage());
            return retries.nextDelay(request, config.backoff(), null);
        } catch (SecretUnavailableException | KubernetesClientException e) {
            status.transientError(Degradation.of(e));
        } catch (AddressSpaceExhaustedException | IllegalArgumentException e) {
            return fail(request, status, e.getMessage());
        }
        return retries.nextDelay(request, config.backoff(), null);
    }

    private void provision(JoinRequest request, ZtNetwork network, List<RouteServer> routeServers,
            NetworkPeers peers, JoinRequestStatusRecorder status) {
        Optional<Degradation> notReady = Degradation.ofNetwork(network);
        if (notReady.isPresent()) {
            status.networkNotReady(notReady.get());
            return;
        }
        provisioner.ensureAddresses(request, network, reservedIpv4(routeServers), peers);
        status.addressesAssigned();
        provisioner.authorize(request, network);
        verifications.record(request, network, clock);
        status.memberAuthorized(network.getStatus().networkId);
        AdmittedMember record = AdmissionTerms.admit(request, clock);
        status.admitted(record);
        // one event for the whole admission (the phase change to Provisioning), not one per step
        events.normal(request, "Admitted", "AS" + record.asn + " node " + record.nodeId + " authorized on network "
                + network.getStatus().networkId + " and admitted with " + record.ipv6
                + (record.ipv4 == null ? "" : " and " + record.ipv4) + "; the route servers configure it");
        status.admittedMember(RouteServerProgress.of(request, routeServers), null);
    }

    private Duration fail(JoinRequest request, JoinRequestStatusRecorder status, String message) {
        status.failed(message);
        events.warning(request, "Failed", message);
        return null;
    }

    private static List<String> reservedIpv4(List<RouteServer> routeServers) {
        return routeServers.stream().map(rs -> rs.getSpec().peeringAddresses == null ? null : rs.getSpec().peeringAddresses.ipv4)
                .filter(Objects::nonNull).toList();
    }
}
