package io.ztix.helm;

import static io.ztix.helm.ApprovalPolicyTest.APPROVERS;
import static io.ztix.helm.ApprovalPolicyTest.PORTAL;
import static io.ztix.helm.ApprovalPolicyTest.SERVICE_ACCOUNT_GROUPS;
import static io.ztix.helm.ApprovalPolicyTest.pending;
import static io.ztix.helm.ApprovalPolicyTest.withApproval;
import static io.ztix.helm.ApprovalPolicyTest.withRequester;
import static io.ztix.helm.Chart.sets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The approval policy (as the chart renders it, evaluated with CEL) where decisions meet: one approver overriding
 * another's decision, a GitOps applier that names nobody, the portal updating a request it created.
 */
class ApprovalPolicyDecisionsTest {

    private static final String ARGO = "system:serviceaccount:argocd:argocd-application-controller";

    private final AdmissionPolicy policy = new AdmissionPolicy(Chart.renderDefaults()
            .one("ValidatingAdmissionPolicy", "ztix-zt-ix-joinrequest-approval"));

    @Test
    void anApproverMayOverrideAnotherApproversDecisionOnlyInTheirOwnName() {
        ObjectNode approvedByBob = withApproval("Approved", null, "bob");

        assertThat(policy.admit("UPDATE", withApproval("Rejected", "peering policy", "alice"), approvedByBob, "alice",
                APPROVERS).allowed()).as("alice rejects, signed alice").isTrue();

        AdmissionPolicy.Verdict inBobsName = policy.admit("UPDATE", withApproval("Rejected", "peering policy", "bob"),
                approvedByBob, "alice", APPROVERS);
        assertThat(inBobsName.allowed()).as("alice turns bob's approval into a rejection still signed bob").isFalse();
        assertThat(inBobsName.violations()).anyMatch(v -> v.contains("decidedBy must be your user name, alice"));

        assertThat(policy.admit("UPDATE", withApproval("Approved", "fine after all", "bob"), approvedByBob, "alice",
                APPROVERS).allowed()).as("alice edits the reason of bob's decision").isFalse();
    }

    @Test
    void aTrustedApplierMustNameWhoDecidedNotLeaveItEmpty() {
        AdmissionPolicy gitOps = new AdmissionPolicy(Chart.render(sets("approvalPolicy.trustedAppliers", List.of(ARGO)))
                .one("ValidatingAdmissionPolicy", "ztix-zt-ix-joinrequest-approval"));

        AdmissionPolicy.Verdict empty = gitOps.admit("UPDATE", withApproval("Approved", null, ""), pending(), ARGO,
                SERVICE_ACCOUNT_GROUPS);
        assertThat(empty.allowed()).isFalse();
        assertThat(empty.violations()).anyMatch(v -> v.contains("spec.approval.decidedBy must name who decided"));
        assertThat(gitOps.admit("CREATE", withApproval("Approved", null, ""), null, ARGO, SERVICE_ACCOUNT_GROUPS).allowed())
                .as("nor when it creates the request").isFalse();
        assertThat(gitOps.admit("UPDATE", withApproval("Approved", null, "alice"), pending(), ARGO, SERVICE_ACCOUNT_GROUPS)
                .allowed()).as("naming the approver from Git").isTrue();
    }

    @Test
    void thePortalUpdatingARequestMayNeitherDecideNorChangeWhoAsked() {
        ObjectNode created = withRequester(pending(), true);

        ObjectNode relabelled = withRequester(pending(), true);
        relabelled.with("metadata").with("labels").put("ztix.io/touched", "yes");
        assertThat(policy.admit("UPDATE", relabelled, created, PORTAL, SERVICE_ACCOUNT_GROUPS).allowed())
                .as("an update that leaves approval and requester alone").isTrue();

        AdmissionPolicy.Verdict deciding = policy.admit("UPDATE", withRequester(withApproval("Approved", null,
                PORTAL), true), created, PORTAL, SERVICE_ACCOUNT_GROUPS);
        assertThat(deciding.allowed()).isFalse();
        assertThat(deciding.violations()).anyMatch(v -> v.contains("the portal may create JoinRequests only without spec.approval")
                || v.contains("may set or change spec.approval"));

        ObjectNode otherRequester = withRequester(pending(), true);
        otherRequester.with("spec").with("requester").put("peeringdbUserId", 4242);
        assertThat(policy.admit("UPDATE", otherRequester, created, PORTAL, SERVICE_ACCOUNT_GROUPS).violations())
                .anyMatch(v -> v.contains("spec.requester is immutable"));
    }
}
