package io.ztix.operator.joinrequest;

import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestReason;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.recheck.CheckResult;
import io.ztix.operator.recheck.Finding;
import io.ztix.operator.recheck.MemberChecks;
import java.util.Optional;

/**
 * Writes the last PeeringDB re-check of an admitted member into its {@code MemberCheck} condition, with a Warning
 * Event when a finding appears or changes and a Normal one when it is gone. No result yet (a new member, PeeringDB
 * down since the operator started) leaves the condition as it is.
 */
final class MemberCheckUpkeep {

    private final MemberChecks checks;
    private final EventRecorder events;

    MemberCheckUpkeep(MemberChecks checks, EventRecorder events) {
        this.checks = checks;
        this.events = events;
    }

    void record(JoinRequest request, JoinRequestStatusRecorder status) {
        Optional<CheckResult> result = checks.result(request.getStatus().admitted.asn);
        if (result.isEmpty()) {
            return;
        }
        String before = Conditions.find(request.getStatus().conditions, JoinRequest.COND_MEMBER_CHECK).map(c -> c.reason)
                .orElse(null);
        long asn = request.getStatus().admitted.asn;
        Finding finding = result.get().finding();
        String at = " (checked " + result.get().checkedAt() + ")";
        if (finding == null) {
            status.memberCheck(Condition.TRUE, JoinRequestReason.Passed, "PeeringDB lists AS" + asn
                    + " and it does not ask to stay off route servers" + at);
            if (before != null && !JoinRequestReason.Passed.name().equals(before)) {
                events.normal(request, "MemberCheckPassed", "The finding " + before + " is gone: PeeringDB lists AS"
                        + asn + " again without info_never_via_route_servers");
            }
            return;
        }
        String message = switch (finding) {
            case NoPeeringDbNetwork -> "PeeringDB answered, and it has no network with AS" + asn + " any more" + at;
            case NeverViaRouteServers -> "The PeeringDB network of AS" + asn
                    + " now says info_never_via_route_servers" + at;
        };
        status.memberCheck(Condition.FALSE, JoinRequestReason.valueOf(finding.name()), message);
        if (!finding.name().equals(before)) {
            events.warning(request, "MemberCheck" + finding.name(), message + "; the member stays until an admin decides");
        }
    }
}
