package io.ztix.operator.joinrequest;

import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestReason;
import io.ztix.api.joinrequest.MemberFinding;
import io.ztix.api.network.ZtNetwork;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.recheck.CheckResult;
import io.ztix.operator.recheck.MemberChecks;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Writes the last PeeringDB re-check of an admitted member into its {@code MemberCheck} condition, with a Warning
 * Event when a finding appears or changes and a Normal one when it is gone, and suspends the member where its
 * network says so ({@code spec.memberChecks.onFinding: Suspend}) unless an admin acknowledged the finding
 * ({@code spec.approval.acknowledgedFindings}). No result yet (a new member, PeeringDB down since the operator
 * started) keeps what the status says: the condition, and a suspension.
 */
final class MemberCheckUpkeep {

    private final MemberChecks checks;
    private final EventRecorder events;

    MemberCheckUpkeep(MemberChecks checks, EventRecorder events) {
        this.checks = checks;
        this.events = events;
    }

    void record(JoinRequest request, Optional<ZtNetwork> network, JoinRequestStatusRecorder status) {
        long asn = request.getStatus().admitted.asn;
        Optional<CheckResult> result = checks.result(asn);
        Optional<Condition> before = Conditions.find(request.getStatus().conditions, JoinRequest.COND_MEMBER_CHECK);
        String reasonBefore = before.map(c -> c.reason).orElse(null); // the condition is updated in place below
        Optional<MemberFinding> finding = result.isPresent() ? result.get().findingIfAny() : lastFinding(before);
        boolean acknowledged = finding.isPresent() && acknowledged(request).contains(finding.get());
        if (result.isPresent()) {
            String at = " (checked " + result.get().checkedAt() + ")";
            if (finding.isEmpty()) {
                status.memberCheck(Condition.TRUE, JoinRequestReason.Passed, "PeeringDB lists AS" + asn
                        + " and it does not ask to stay off route servers" + at);
            } else if (acknowledged) {
                status.memberCheck(Condition.TRUE, JoinRequestReason.FindingAcknowledged, message(finding.get(), asn)
                        + at + "; acknowledged by " + request.getSpec().approval.decidedBy);
            } else {
                status.memberCheck(Condition.FALSE, JoinRequestReason.valueOf(finding.get().name()), message(finding.get(), asn) + at);
            }
            announce(request, reasonBefore, finding, acknowledged, asn);
        }
        boolean suspends = network.map(n -> n.getSpec().effectiveMemberChecks().suspends()).orElse(
                request.getStatus().suspendedFor != null); // network unreadable or gone: keep what was decided
        if (finding.isPresent() && !acknowledged && suspends) {
            status.suspended(finding.get());
        } else {
            if (request.getStatus().suspendedFor != null) {
                events.normal(request, "SuspensionLifted", "AS" + asn + "'s sessions are enabled again: "
                        + (finding.isEmpty() ? "the finding is gone" : acknowledged ? "the finding was acknowledged"
                        : "the network no longer suspends members"));
            }
            status.notSuspended();
        }
    }

    private void announce(JoinRequest request, String before, Optional<MemberFinding> finding, boolean acknowledged, long asn) {
        String now = finding.isEmpty() ? JoinRequestReason.Passed.name() : acknowledged
                ? JoinRequestReason.FindingAcknowledged.name() : finding.get().name();
        if (now.equals(before)) {
            return;
        }
        if (finding.isPresent() && !acknowledged) {
            events.warning(request, "MemberCheck" + finding.get().name(), message(finding.get(), asn)
                    + "; the member stays until an admin decides");
        } else if (finding.isEmpty() && before != null) {
            events.normal(request, "MemberCheckPassed", "The finding " + before + " is gone: PeeringDB lists AS"
                    + asn + " again without info_never_via_route_servers");
        }
    }

    private static String message(MemberFinding finding, long asn) {
        return switch (finding) {
            case NoPeeringDbNetwork -> "PeeringDB answered, and it has no network with AS" + asn + " any more";
            case NeverViaRouteServers -> "The PeeringDB network of AS" + asn + " now says info_never_via_route_servers";
        };
    }

    /** The finding the status shows (False, or True but acknowledged), for when no check has succeeded since a restart. */
    private static Optional<MemberFinding> lastFinding(Optional<Condition> condition) {
        if (condition.isEmpty() || JoinRequestReason.Passed.name().equals(condition.get().reason)) {
            return Optional.empty();
        }
        if (JoinRequestReason.FindingAcknowledged.name().equals(condition.get().reason)) {
            return Optional.empty(); // acknowledged: nothing suspends for it; the next check tells which one
        }
        return Arrays.stream(MemberFinding.values()).filter(f -> f.name().equals(condition.get().reason)).findFirst();
    }

    private static List<MemberFinding> acknowledged(JoinRequest request) {
        var approval = request.getSpec() == null ? null : request.getSpec().approval;
        return approval == null || approval.acknowledgedFindings == null ? List.of() : approval.acknowledgedFindings;
    }
}
