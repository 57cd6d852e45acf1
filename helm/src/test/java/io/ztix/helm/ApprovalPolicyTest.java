package io.ztix.helm;

import static io.ztix.helm.Chart.sets;
import static io.ztix.helm.Manifests.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JoinRequest approval ValidatingAdmissionPolicy, exactly as the chart renders it, evaluated with CEL
 * over allowed and forbidden requests.
 */
class ApprovalPolicyTest {

    private static final String OPERATOR = "system:serviceaccount:ztix-system:ztix-zt-ix-operator";
    static final String PORTAL = "system:serviceaccount:ztix-system:ztix-zt-ix-portal";
    static final List<String> SERVICE_ACCOUNT_GROUPS = List.of("system:serviceaccounts",
            "system:serviceaccounts:ztix-system", "system:authenticated");
    static final List<String> APPROVERS = List.of("ztix-approvers", "system:authenticated");
    private static final List<String> OTHERS = List.of("noc", "system:authenticated");
    private static final String AUTO_APPROVER = autoApproverOfTheOperator();

    private final JsonNode policyDocument = Chart.renderDefaults().one("ValidatingAdmissionPolicy", "ztix-zt-ix-joinrequest-approval");
    private final AdmissionPolicy policy = new AdmissionPolicy(policyDocument);

    @Test
    void approverMayDecideInTheirOwnName() {
        assertThat(update(pending(), withApproval("Approved", null, "alice"), "alice", APPROVERS).allowed()).isTrue();
        assertThat(update(pending(), withApproval("Rejected", "no PeeringDB record", "alice"), "alice", APPROVERS).allowed()).isTrue();
    }

    @Test
    void approverMayNotDecideInSomebodyElsesName() {
        AdmissionPolicy.Verdict verdict = update(pending(), withApproval("Approved", null, "bob"), "alice", APPROVERS);

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.violations()).anyMatch(v -> v.contains("decidedBy must be your user name, alice"));
    }

    @Test
    void approverMustSayWhoDecided() {
        assertThat(update(pending(), withApproval("Approved", null, null), "alice", APPROVERS).allowed()).isFalse();
    }

    @Test
    void approverMayWithdrawADecision() {
        assertThat(update(withApproval("Approved", null, "bob"), pending(), "alice", APPROVERS).allowed()).isTrue();
    }

    @Test
    void approverMayCreateARequestThatIsAlreadyDecidedInTheirName() {
        assertThat(create(withoutRequester(withApproval("Approved", null, "alice")), "alice", APPROVERS).allowed()).isTrue();
        assertThat(create(withoutRequester(withApproval("Approved", null, "bob")), "alice", APPROVERS).allowed()).isFalse();
    }

    @Test
    void nonApproverMayNotSetChangeOrRemoveAnApproval() {
        AdmissionPolicy.Verdict setting = update(pending(), withApproval("Approved", null, "mallory"), "mallory", OTHERS);
        assertThat(setting.allowed()).isFalse();
        assertThat(setting.violations()).anyMatch(v -> v.contains("only members of ztix-approvers ") && v.contains("mallory"));

        assertThat(update(withApproval("Rejected", "spam", "alice"), withApproval("Approved", null, "alice"), "mallory", OTHERS)
                .allowed()).isFalse();
        assertThat(update(withApproval("Rejected", "spam", "alice"), pending(), "mallory", OTHERS).allowed()).isFalse();
        assertThat(create(withoutRequester(withApproval("Approved", null, "mallory")), "mallory", OTHERS).allowed()).isFalse();
    }

    @Test
    void nonApproverMayEditTheRestOfTheSpecWhileTheApprovalStaysAsItIs() {
        ObjectNode before = withApproval("Approved", null, "alice");
        ObjectNode after = before.deepCopy();
        ((ObjectNode) after.get("spec")).put("networkName", "Renamed Net");
        ((ObjectNode) after.get("metadata")).putArray("finalizers").add("ztix.io/finalizer");

        assertThat(update(before, after, "mallory", OTHERS).allowed()).isTrue();
        assertThat(create(withoutRequester(pending()), "mallory", OTHERS).allowed()).isTrue();
    }

    @Test
    void portalMayCreateRequestsOnlyWithoutAnApproval() {
        assertThat(create(pending(), PORTAL, SERVICE_ACCOUNT_GROUPS).allowed()).isTrue();

        AdmissionPolicy.Verdict withDecision = create(withApproval("Approved", null, "ztix-portal"), PORTAL, SERVICE_ACCOUNT_GROUPS);
        assertThat(withDecision.allowed()).isFalse();
        assertThat(withDecision.violations()).contains("the portal may create JoinRequests only without spec.approval, and never set or change it");
    }

    @Test
    void operatorMayAutoApproveAPendingRequestWithItsOwnMarker() {
        assertThat(AUTO_APPROVER).isEqualTo("ztix-operator (AutoForVerified)");

        assertThat(update(pending(), withApproval("Approved", "requester is a PeeringDB-verified user", AUTO_APPROVER),
                OPERATOR, SERVICE_ACCOUNT_GROUPS).allowed()).isTrue();
    }

    @Test
    void operatorMayNotApproveUnderAnotherNameRejectOrOverrideAHuman() {
        assertThat(update(pending(), withApproval("Approved", null, "alice"), OPERATOR, SERVICE_ACCOUNT_GROUPS).allowed()).isFalse();
        assertThat(update(pending(), withApproval("Rejected", "auto", AUTO_APPROVER), OPERATOR, SERVICE_ACCOUNT_GROUPS).allowed()).isFalse();
        assertThat(update(withApproval("Rejected", "spam", "alice"), withApproval("Approved", null, AUTO_APPROVER),
                OPERATOR, SERVICE_ACCOUNT_GROUPS).allowed()).isFalse();
        assertThat(update(withApproval("Approved", null, AUTO_APPROVER), pending(), OPERATOR, SERVICE_ACCOUNT_GROUPS).allowed()).isFalse();
    }

    @Test
    void onlyThePortalMaySayWhoAskedWhenARequestIsCreated() {
        assertThat(create(withRequester(pending(), true), PORTAL, SERVICE_ACCOUNT_GROUPS).allowed()).isTrue();

        AdmissionPolicy.Verdict forged = create(withRequester(pending(), true), "mallory", OTHERS);
        assertThat(forged.allowed()).isFalse();
        assertThat(forged.violations()).anyMatch(v -> v.contains("only the portal may set spec.requester"));
        assertThat(create(withRequester(pending(), false), "alice", APPROVERS).allowed())
                .as("not even an approver: the requester is what PeeringDB vouched for at login").isFalse();
        assertThat(create(withoutRequester(pending()), "mallory", OTHERS).allowed()).as("a request without a requester").isTrue();
    }

    @Test
    void nobodyMayChangeAddOrRemoveTheRequesterAfterwards() {
        ObjectNode before = withRequester(pending(), false);
        ObjectNode verified = withRequester(pending(), true);
        ObjectNode removed = withoutRequester(pending());

        for (String user : List.of("mallory", "alice", PORTAL, OPERATOR)) {
            List<String> groups = user.equals("alice") ? APPROVERS : SERVICE_ACCOUNT_GROUPS;
            assertThat(update(before, verified, user, groups).violations()).as(user).contains("spec.requester is immutable");
            assertThat(update(before, removed, user, groups).violations()).as(user).contains("spec.requester is immutable");
            assertThat(update(removed, verified, user, groups).violations()).as(user).contains("spec.requester is immutable");
        }
        assertThat(update(before, before.deepCopy(), "mallory", OTHERS).allowed()).as("unchanged").isTrue();
    }

    @Test
    void theRoutingPolicyOfAnApprovedRequestChangesOnlyWithANewDecision() {
        ObjectNode approved = withApproval("Approved", null, "alice");
        ObjectNode otherAsSet = approved.deepCopy();
        ((ObjectNode) otherAsSet.get("spec")).put("asSet", "AS-EVERYTHING");
        ObjectNode moreRoutes = approved.deepCopy();
        ((ObjectNode) moreRoutes.get("spec")).putObject("maxPrefixes").put("ipv4", 1000000).put("ipv6", 1000000);

        for (ObjectNode after : List.of(otherAsSet, moreRoutes)) {
            AdmissionPolicy.Verdict verdict = update(approved, after, "mallory", OTHERS);
            assertThat(verdict.violations()).anyMatch(v -> v.contains("change only with a new decision"));
            assertThat(update(approved, after, "alice", APPROVERS).allowed()).as("even an approver, silently").isFalse();
        }

        ObjectNode reapproved = otherAsSet.deepCopy();
        ((ObjectNode) reapproved.at("/spec/approval")).put("reason", "AS-SET changed in PeeringDB");
        assertThat(update(approved, reapproved, "alice", APPROVERS).allowed()).isTrue();
        assertThat(update(approved, reapproved, "mallory", OTHERS).allowed()).isFalse();
        ObjectNode backToPending = otherAsSet.deepCopy();
        ((ObjectNode) backToPending.get("spec")).remove("approval");
        assertThat(update(approved, backToPending, "alice", APPROVERS).allowed()).isTrue();
        ObjectNode pendingOtherAsSet = pending();
        ((ObjectNode) pendingOtherAsSet.get("spec")).put("asSet", "AS-EVERYTHING");
        assertThat(update(pending(), pendingOtherAsSet, "mallory", OTHERS).allowed())
                .as("before a decision, the approver sees the value they approve").isTrue();
    }

    @Test
    void statusWritesAreNeverEvaluatedAndWouldPassAnyway() {
        JsonNode rule = policyDocument.at("/spec/matchConstraints/resourceRules/0");
        assertThat(texts(rule.path("resources"))).containsExactly("joinrequests");
        assertThat(texts(rule.path("apiGroups"))).containsExactly("ztix.io");
        assertThat(texts(rule.path("operations"))).containsExactlyInAnyOrder("CREATE", "UPDATE");

        ObjectNode before = withApproval("Approved", null, "alice");
        ObjectNode after = before.deepCopy();
        after.putObject("status").put("phase", "Approved");
        assertThat(update(before, after, OPERATOR, SERVICE_ACCOUNT_GROUPS).allowed()).isTrue();
    }

    @Test
    void approverGroupsComeFromValues() {
        AdmissionPolicy custom = new AdmissionPolicy(Chart.render(sets("approvalPolicy.approverGroups", List.of("noc-admins", "ix-board")))
                .one("ValidatingAdmissionPolicy", "ztix-zt-ix-joinrequest-approval"));

        assertThat(custom.admit("UPDATE", withApproval("Approved", null, "carol"), pending(), "carol", List.of("ix-board"))
                .allowed()).isTrue();
        assertThat(custom.admit("UPDATE", withApproval("Approved", null, "alice"), pending(), "alice", APPROVERS)
                .allowed()).isFalse();
    }

    @Test
    void trustedApplierMaySetAnApprovalThatNamesWhoDecided() {
        String argo = "system:serviceaccount:argocd:argocd-application-controller";
        AdmissionPolicy gitOps = new AdmissionPolicy(Chart.render(sets("approvalPolicy.trustedAppliers", List.of(argo)))
                .one("ValidatingAdmissionPolicy", "ztix-zt-ix-joinrequest-approval"));

        assertThat(gitOps.admit("UPDATE", withApproval("Approved", null, "alice"), pending(), argo, SERVICE_ACCOUNT_GROUPS)
                .allowed()).isTrue();
        assertThat(gitOps.admit("UPDATE", withApproval("Approved", null, null), pending(), argo, SERVICE_ACCOUNT_GROUPS)
                .allowed()).isFalse();
        assertThat(gitOps.admit("UPDATE", withApproval("Approved", null, " \t"), pending(), argo, SERVICE_ACCOUNT_GROUPS)
                .allowed()).as("a blank name names nobody").isFalse();
        assertThat(update(pending(), withApproval("Approved", null, "alice"), argo, SERVICE_ACCOUNT_GROUPS).allowed())
                .as("without the value, the GitOps controller is nobody special").isFalse();
    }

    @Test
    void bindingAppliesThePolicyWithTheConfiguredActions() {
        Manifests manifests = Chart.render(sets("approvalPolicy.validationActions", List.of("Warn", "Audit")));
        JsonNode binding = manifests.one("ValidatingAdmissionPolicyBinding", "ztix-zt-ix-joinrequest-approval");

        assertThat(binding.at("/spec/policyName").asText()).isEqualTo("ztix-zt-ix-joinrequest-approval");
        assertThat(texts(binding.at("/spec/validationActions"))).containsExactly("Warn", "Audit");
        assertThat(texts(Chart.renderDefaults().one("ValidatingAdmissionPolicyBinding", "ztix-zt-ix-joinrequest-approval")
                .at("/spec/validationActions"))).containsExactly("Deny");
        assertThat(policyDocument.at("/spec/failurePolicy").asText()).isEqualTo("Fail");
    }

    @Test
    void policyCanBeTurnedOff() {
        Manifests manifests = Chart.render(sets("approvalPolicy.enabled", false));

        assertThat(manifests.ofKind("ValidatingAdmissionPolicy")).isEmpty();
        assertThat(manifests.ofKind("ValidatingAdmissionPolicyBinding")).isEmpty();
    }

    private AdmissionPolicy.Verdict update(JsonNode before, JsonNode after, String user, List<String> groups) {
        return policy.admit("UPDATE", after, before, user, groups);
    }

    private AdmissionPolicy.Verdict create(JsonNode object, String user, List<String> groups) {
        return policy.admit("CREATE", object, null, user, groups);
    }

    /** The example JoinRequest from examples/, without a decision. */
    static ObjectNode pending() {
        try {
            JsonNode example = new ObjectMapper(new YAMLFactory())
                    .readTree(Files.readString(Chart.repoRoot().resolve("examples/30-joinrequest.yaml")));
            assertThat(example.at("/spec/approval").isMissingNode()).isTrue();
            return (ObjectNode) example;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** As an admin or GitOps writes a request: nobody vouches for a requester. */
    private static ObjectNode withoutRequester(ObjectNode request) {
        ((ObjectNode) request.get("spec")).remove("requester");
        return request;
    }

    static ObjectNode withRequester(ObjectNode request, boolean verified) {
        ObjectNode requester = ((ObjectNode) request.get("spec")).putObject("requester");
        requester.put("peeringdbUserId", 1001).put("name", "Alice Operator").put("verified", verified);
        return request;
    }

    static ObjectNode withApproval(String decision, String reason, String decidedBy) {
        ObjectNode request = pending();
        ObjectNode approval = ((ObjectNode) request.get("spec")).putObject("approval");
        approval.put("decision", decision);
        if (reason != null) {
            approval.put("reason", reason);
        }
        if (decidedBy != null) {
            approval.put("decidedBy", decidedBy);
        }
        return request;
    }

    /** The decidedBy the operator writes when it auto-approves, read from its source. */
    private static String autoApproverOfTheOperator() {
        try {
            String source = Files.readString(Chart.repoRoot()
                    .resolve("operator/src/main/java/io/ztix/operator/joinrequest/JoinRequestReconciler.java"));
            Matcher matcher = Pattern.compile("AUTO_APPROVER\\s*=\\s*\"([^\"]+)\"").matcher(source);
            assertThat(matcher.find()).as("AUTO_APPROVER in JoinRequestReconciler").isTrue();
            return matcher.group(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

}
