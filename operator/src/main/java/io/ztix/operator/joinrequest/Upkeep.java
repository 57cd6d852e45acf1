package io.ztix.operator.joinrequest;

import io.fabric8.kubernetes.client.KubernetesClientException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An admitted member: it stays exactly as admitted until a decision removes it. Outages, refused tokens and
 * specs changed after admission are reported as {@code Degraded}; they never change the member. A decision
 * (rejection, withdrawn approval) takes the record away first, so the route servers drop the member even while
 * the controller cannot be reached, then removes the node from the controller (retried until it works).
 */
final class Upkeep {

    private final MemberProvisioner provisioner;
    private final MemberRemoval removal;
    private final EventRecorder events;
    private final OperatorConfig config;
    private final RetryTracker retries;
    private final MemberVerifications verifications;
    private final Clock clock;

    Upkeep(MemberProvisioner provisioner, MemberRemoval removal, EventRecorder events, OperatorConfig config,
            RetryTracker retries, MemberVerifications verifications, Clock clock) {
        this.provisioner = provisioner;
        this.removal = removal;
        this.events = events;
        this.config = config;
        this.retries = retries;
        this.verifications = verifications;
        this.clock = clock;
    }

    Duration keep(JoinRequest request, List<String> problems, Optional<ZtNetwork> network,
            List<RouteServer> routeServers, NetworkPeers peers, JoinRequestStatusRecorder status) {
        AdmittedMember admitted = request.getStatus().admitted;
        Approval approval = request.getSpec().approval;
        if (!Membership.decisionStands(approval)) {
            return decided(request, approval, network, peers, status);
        }
        RouteServerProgress progress = RouteServerProgress.of(request, routeServers);
        List<String> identity = AdmissionTerms.identityChanges(admitted, request.getSpec());
        List<String> frozen = new ArrayList<>(identity);
        // a changed ASN, node or network also breaks the name; the identity change says it more clearly
        frozen.addAll(problems.stream().filter(p -> identity.isEmpty() || !p.startsWith("metadata.name")).toList());
        if (!frozen.isEmpty()) {
            String message = String.join("; ", frozen) + ". The route servers keep AS" + admitted.asn + " node "
                    + admitted.nodeId + " with " + admitted.ipv6 + (admitted.ipv4 == null ? "" : " and " + admitted.ipv4)
                    + ". Restore the spec, or reject the request (then file a new one)";
            status.frozen(String.join("; ", frozen));
            status.admittedMember(progress, Degradation.needsAdmin(Degradation.SPEC_CHANGED, message));
            return config.resyncInterval();
        }
        status.valid();
        status.approved(approval.decidedBy);
        Degradation degradation = terms(request, admitted, approval, status);
        ownChoices(request, status);
        Duration next = config.resyncInterval();
        if (network.isEmpty()) {
            degradation = first(degradation, Degradation.outage(Degradation.NETWORK_NOT_FOUND, "ZtNetwork '"
                    + admitted.networkRef + "' does not exist; the member stays as admitted"));
        } else if (Degradation.ofNetwork(network.get()).isPresent()) {
            degradation = first(degradation, Degradation.ofNetwork(network.get()).get());
            next = retries.nextDelay(request, config.backoff(), null);
        } else {
            // the cached request shows its addresses: its reservation on the network is no longer needed
            provisioner.settleReservation(request, network.get(), peers);
            try {
                verify(request, request.getStatus().admitted, network.get());
                status.memberAuthorized(network.get().getStatus().networkId);
                retries.succeeded(request);
            } catch (ZeroTierException e) {
                degradation = first(degradation, Degradation.of(e));
                next = retries.nextDelay(request, config.backoff(), e.retryAfter().orElse(null));
            } catch (SecretUnavailableException | KubernetesClientException e) {
                degradation = first(degradation, Degradation.of(e));
                next = retries.nextDelay(request, config.backoff(), null);
            }
        }
        status.lastErrorFrom(degradation);
        status.admittedMember(progress, degradation);
        return next;
    }

    /** Changed max-prefix limits or AS-SET: re-admitted under a new approval, otherwise kept as admitted. */
    private Degradation terms(JoinRequest request, AdmittedMember admitted, Approval approval, JoinRequestStatusRecorder status) {
        List<String> changes = AdmissionTerms.termChanges(admitted, request.getSpec());
        if (changes.isEmpty()) {
            return null;
        }
        if (AdmissionTerms.newApproval(admitted, approval)) {
            status.admitted(AdmissionTerms.readmit(admitted, request, clock));
            events.normal(request, "Readmitted", "New terms admitted under the approval by " + approval.decidedBy
                    + ": " + String.join("; ", changes));
            return null;
        }
        return Degradation.needsAdmin(Degradation.TERMS_CHANGED, String.join("; ", changes) + ". The route servers keep "
                + "the admitted terms until an admin approves again (a new spec.approval, e.g. with a reason)");
    }

    /** The member's own choices (spec.routing) are admitted as they are: they only change what it receives. */
    private void ownChoices(JoinRequest request, JoinRequestStatusRecorder status) {
        AdmittedMember record = AdmissionTerms.withOwnChoices(request.getStatus().admitted, request.getSpec());
        if (record != null) {
            status.admitted(record);
            events.normal(request, "OwnChoicesAdmitted", Boolean.TRUE.equals(record.acceptBlackholes)
                    ? "The member receives blackhole routes (spec.routing.acceptBlackholes)"
                    : "The member no longer receives blackhole routes (spec.routing.acceptBlackholes)");
        }
    }

    private void verify(JoinRequest request, AdmittedMember admitted, ZtNetwork network) {
        if (!verifications.due(request, network, config.resyncInterval(), clock)) {
            return;
        }
        if (provisioner.authorize(admitted, network)) {
            events.normal(request, "MemberAuthorized", "AS" + admitted.asn + " (node " + admitted.nodeId
                    + ") authorized again on network " + network.getStatus().networkId + " with its admitted addresses");
        }
        verifications.record(request, network, clock);
    }

    /** The decision no longer stands: off the route servers now, off the controller as soon as it answers. */
    private Duration decided(JoinRequest request, Approval approval, Optional<ZtNetwork> network,
            NetworkPeers peers, JoinRequestStatusRecorder status) {
        String why;
        if (approval == null) {
            status.awaitingDecision();
            why = "The approval was withdrawn";
        } else {
            status.rejected(approval.reason, approval.decidedBy);
            why = "Revoked: " + approval.reason;
        }
        try {
            removal.removeIfPresent(request, network.orElse(null), peers, status, why);
            retries.succeeded(request);
            return config.resyncInterval();
        } catch (ZeroTierException | SecretUnavailableException | KubernetesClientException e) {
            // the record stays until the node is gone (it names the node to remove); route servers drop it already
            status.removalPending("Taken off the route servers; removing node " + Membership.nodeOf(request)
                    + " from the controller failed and is retried: " + Degradation.of(e).message());
            return retries.nextDelay(request, config.backoff(), ZeroTierException.retryAfterOf(e));
        }
    }

    private static Degradation first(Degradation current, Degradation next) {
        return current != null ? current : next;
    }
}
