package io.ztix.helm;

import static io.ztix.helm.ApprovalPolicyTest.PORTAL;
import static io.ztix.helm.ApprovalPolicyTest.SERVICE_ACCOUNT_GROUPS;
import static io.ztix.helm.ApprovalPolicyTest.pending;
import static io.ztix.helm.ApprovalPolicyTest.withApproval;
import static io.ztix.helm.ApprovalPolicyTest.withRequester;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chart's JoinRequest policy, as rendered, for the member's own choices (spec.routing, e.g. acceptBlackholes):
 * they change without a new decision, and they are all the portal may change on an existing request.
 */
class OwnChoicesPolicyTest {

    private static final List<String> OTHERS = List.of("noc", "system:authenticated");

    private final AdmissionPolicy policy = new AdmissionPolicy(
            Chart.renderDefaults().one("ValidatingAdmissionPolicy", "ztix-zt-ix-joinrequest-approval"));

    @Test
    void theMemberChangesWhetherItReceivesBlackholesOfAnApprovedRequestWithoutANewDecision() {
        ObjectNode approved = withRequester(withApproval("Approved", null, "alice"), true);
        ObjectNode accepting = approved.deepCopy();
        ((ObjectNode) accepting.get("spec")).putObject("routing").put("acceptBlackholes", true);
        ObjectNode declining = accepting.deepCopy();
        ((ObjectNode) declining.at("/spec/routing")).put("acceptBlackholes", false);

        assertThat(update(approved, accepting, PORTAL, SERVICE_ACCOUNT_GROUPS).allowed()).as("the portal, for the member").isTrue();
        assertThat(update(accepting, declining, PORTAL, SERVICE_ACCOUNT_GROUPS).allowed()).isTrue();
        assertThat(update(approved, accepting, "noc", OTHERS).allowed()).as("kubectl, without being an approver").isTrue();
        ObjectNode newRequest = withRequester(pending(), true);
        ((ObjectNode) newRequest.get("spec")).putObject("routing").put("acceptBlackholes", true);
        assertThat(create(newRequest, PORTAL, SERVICE_ACCOUNT_GROUPS).allowed()).as("a new request asking for them").isTrue();
    }

    @Test
    void thePortalChangesNothingButTheMembersOwnChoicesOfAnExistingRequest() {
        ObjectNode approved = withRequester(withApproval("Approved", null, "alice"), true);
        ObjectNode renamed = approved.deepCopy();
        ((ObjectNode) renamed.get("spec")).put("networkName", "Renamed Net");
        ObjectNode withoutAsSet = approved.deepCopy();
        ((ObjectNode) withoutAsSet.get("spec")).remove("asSet");
        ObjectNode pendingRenamed = withRequester(pending(), true);
        ((ObjectNode) pendingRenamed.get("spec")).put("networkName", "Renamed Net");

        for (ObjectNode[] change : List.of(new ObjectNode[] {approved, renamed}, new ObjectNode[] {approved, withoutAsSet},
                new ObjectNode[] {withRequester(pending(), true), pendingRenamed})) {
            assertThat(update(change[0], change[1], PORTAL, SERVICE_ACCOUNT_GROUPS).violations()).contains(
                    "the portal may change only spec.routing of an existing JoinRequest (the member's own choices)");
        }
        ObjectNode withdrawn = withRequester(pending(), true);
        AdmissionPolicy.Verdict approvalRemoved = update(approved, withdrawn, PORTAL, SERVICE_ACCOUNT_GROUPS);
        assertThat(approvalRemoved.allowed()).isFalse();
        assertThat(approvalRemoved.violations())
                .contains("the portal may create JoinRequests only without spec.approval, and never set or change it");
    }

    private AdmissionPolicy.Verdict update(JsonNode before, JsonNode after, String user, List<String> groups) {
        return policy.admit("UPDATE", after, before, user, groups);
    }

    private AdmissionPolicy.Verdict create(JsonNode object, String user, List<String> groups) {
        return policy.admit("CREATE", object, null, user, groups);
    }
}
