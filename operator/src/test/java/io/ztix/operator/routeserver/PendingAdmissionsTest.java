package io.ztix.operator.routeserver;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.rejected;
import static io.ztix.operator.testsupport.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.joinrequest.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which requests make the apply batching wait for their admission. */
class PendingAdmissionsTest {

    @Test
    void anApprovedRequestWithoutAnAdmittedRecordIsPending() {
        assertThat(PendingAdmissions.any(List.of(approvedRequest(1, null)))).isTrue();
        assertThat(PendingAdmissions.any(List.of(approvedRequest(1, Phase.Approved)))).isTrue();
    }

    @Test
    void admittedFailedUndecidedAndRejectedRequestsAreNot() {
        JoinRequest admitted = approvedRequest(1, Phase.Provisioning);
        admitted.getStatus().admitted = new AdmittedMember();
        JoinRequest failed = approvedRequest(2, Phase.Failed);
        JoinRequest undecided = request("ix", "ix", 64502L, "bb00000003", peeringDbUser(3, true));
        JoinRequest refused = request("ix", "ix", 64503L, "bb00000004", peeringDbUser(4, true));
        refused.getSpec().approval = rejected("not a member", "alice");
        assertThat(PendingAdmissions.any(List.of(admitted, failed, undecided, refused))).isFalse();
        assertThat(PendingAdmissions.any(List.of(admitted, failed, undecided, refused, approvedRequest(5, null)))).isTrue();
    }

    private static JoinRequest approvedRequest(int i, Phase phase) {
        JoinRequest request = request("ix", "ix", 64500L + i, String.format("bb%08d", i), peeringDbUser(i, true));
        request.getSpec().approval = approved("alice");
        if (phase != null) {
            request.setStatus(new JoinRequestStatus());
            request.getStatus().phase = phase;
        }
        return request;
    }
}
