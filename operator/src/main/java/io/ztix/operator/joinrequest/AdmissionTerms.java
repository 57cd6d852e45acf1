package io.ztix.operator.joinrequest;

import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.api.joinrequest.MaxPrefixes;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.joinrequest.RoutingSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares a request's spec with what was admitted. Identity (ASN, node, network) can never change in place:
 * the addresses were derived from it. Terms (max-prefix limits, AS-SET) change only with a new approval; the
 * member's own choices (spec.routing) change without one.
 */
final class AdmissionTerms {

    private AdmissionTerms() {
    }

    /** The record for a member that has just been authorized with its addresses. */
    static AdmittedMember admit(JoinRequest request, Clock clock) {
        JoinRequestSpec spec = request.getSpec();
        AdmittedMember record = new AdmittedMember();
        record.networkRef = spec.networkRef;
        record.asn = spec.asn;
        record.nodeId = spec.nodeId;
        record.ipv6 = request.getStatus().assignedIps.ipv6;
        record.ipv4 = request.getStatus().assignedIps.ipv4;
        copyTerms(spec, record);
        record.generation = request.getMetadata().getGeneration();
        record.admittedAt = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        return record;
    }

    /** The same member with the spec's (newly approved) terms. */
    static AdmittedMember readmit(AdmittedMember admitted, JoinRequest request, Clock clock) {
        AdmittedMember record = admit(request, clock);
        record.networkRef = admitted.networkRef;
        record.asn = admitted.asn;
        record.nodeId = admitted.nodeId;
        record.ipv6 = admitted.ipv6;
        record.ipv4 = admitted.ipv4;
        return record;
    }

    /**
     * A request that ZT-IX admitted before admitted records existed: approved and authorized with its
     * addresses (or already Active). Its record is derived from the spec and status, so that an upgrade never
     * takes anyone off the route servers. Null when there is nothing to migrate.
     */
    static AdmittedMember migrated(JoinRequest request, Clock clock) {
        var status = request.getStatus();
        if (status == null || status.admitted != null || status.assignedIps == null || status.assignedIps.ipv6 == null
                || request.getSpec() == null || !Membership.decisionStands(request.getSpec().approval)) {
            return null;
        }
        boolean authorized = Conditions.isTrue(status.conditions, JoinRequest.COND_MEMBER_AUTHORIZED);
        return authorized || status.phase == Phase.Active ? admit(request, clock) : null;
    }

    /** What differs in the identity the addresses were derived from, in plain words; empty when nothing. */
    static List<String> identityChanges(AdmittedMember admitted, JoinRequestSpec spec) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(admitted.asn, spec.asn)) {
            changes.add("spec.asn is " + spec.asn + " but AS" + admitted.asn + " was admitted");
        }
        if (!Objects.equals(admitted.nodeId, spec.nodeId)) {
            changes.add("spec.nodeId is '" + spec.nodeId + "' but node " + admitted.nodeId + " was admitted");
        }
        if (!Objects.equals(admitted.networkRef, spec.networkRef)) {
            changes.add("spec.networkRef is '" + spec.networkRef + "' but the member was admitted to '"
                    + admitted.networkRef + "'");
        }
        return changes;
    }

    /** What differs in the session terms; empty when nothing. */
    static List<String> termChanges(AdmittedMember admitted, JoinRequestSpec spec) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(v4(admitted.maxPrefixes), v4(spec.maxPrefixes))
                || !Objects.equals(v6(admitted.maxPrefixes), v6(spec.maxPrefixes))) {
            changes.add("spec.maxPrefixes is " + text(spec.maxPrefixes) + " but " + text(admitted.maxPrefixes)
                    + " was admitted");
        }
        if (!Objects.equals(admitted.asSet, spec.asSet)) {
            changes.add("spec.asSet is '" + spec.asSet + "' but '" + admitted.asSet + "' was admitted");
        }
        return changes;
    }

    /**
     * The same record with the member's own choices (spec.routing) as the spec has them now, or null when they are
     * already admitted. They affect only what this member receives, so they need no new approval.
     */
    static AdmittedMember withOwnChoices(AdmittedMember admitted, JoinRequestSpec spec) {
        if (Objects.equals(admitted.acceptBlackholes, acceptsBlackholes(spec))) {
            return null;
        }
        AdmittedMember record = Serialization.clone(admitted);
        record.acceptBlackholes = acceptsBlackholes(spec);
        return record;
    }

    /** spec.routing.acceptBlackholes, recorded only when true (the default is false). */
    private static Boolean acceptsBlackholes(JoinRequestSpec spec) {
        return RoutingSpec.acceptsBlackholes(spec.routing) ? Boolean.TRUE : null;
    }

    /** A decision other than the one the terms were admitted under (an admin re-approved). */
    static boolean newApproval(AdmittedMember admitted, Approval current) {
        Approval before = admitted.approval;
        return before == null || current == null || before.decision != current.decision
                || !Objects.equals(before.decidedBy, current.decidedBy) || !Objects.equals(before.reason, current.reason);
    }

    private static void copyTerms(JoinRequestSpec spec, AdmittedMember record) {
        record.maxPrefixes = spec.maxPrefixes == null ? null : new MaxPrefixes(spec.maxPrefixes.ipv4, spec.maxPrefixes.ipv6);
        record.asSet = spec.asSet;
        record.networkName = spec.networkName;
        record.acceptBlackholes = acceptsBlackholes(spec);
        record.approval = spec.approval == null ? null
                : new Approval(spec.approval.decision, spec.approval.reason, spec.approval.decidedBy);
    }

    private static Long v4(MaxPrefixes limits) {
        return limits == null ? null : limits.ipv4;
    }

    private static Long v6(MaxPrefixes limits) {
        return limits == null ? null : limits.ipv6;
    }

    private static String text(MaxPrefixes limits) {
        return "ipv4 " + (v4(limits) == null ? "default" : v4(limits)) + ", ipv6 " + (v6(limits) == null ? "default" : v6(limits));
    }
}
