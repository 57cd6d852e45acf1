package io.ztix.helm;

import static io.ztix.helm.Chart.sets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The portal may create and update Leases in its namespace (RBAC cannot limit creation by name) to claim node
 * IDs; the node-claim admission policy, as the chart renders it, keeps it to its own ztix-node-* Leases.
 */
class NodeClaimPolicyTest {

    private static final String PORTAL = "system:serviceaccount:ztix-system:ztix-zt-ix-portal";
    private static final String OPERATOR = "system:serviceaccount:ztix-system:ztix-zt-ix-operator";
    private static final List<String> SERVICE_ACCOUNTS = List.of("system:serviceaccounts", "system:authenticated");

    private final AdmissionPolicy policy = new AdmissionPolicy(Chart.renderDefaults()
            .one("ValidatingAdmissionPolicy", "ztix-zt-ix-portal-node-claims"));

    @Test
    void portalMayCreateUpdateAndDeleteItsNodeClaims() {
        ObjectNode claim = lease("ztix-node-ix-8056c2e21c", "ix-as64501-8056c2e21c");
        ObjectNode takenOver = lease("ztix-node-ix-8056c2e21c", "ix-as64502-8056c2e21c");

        assertThat(policy.admit("CREATE", claim, null, PORTAL, SERVICE_ACCOUNTS).allowed()).isTrue();
        assertThat(policy.admit("UPDATE", takenOver, claim, PORTAL, SERVICE_ACCOUNTS).allowed()).isTrue();
        assertThat(policy.admit("DELETE", null, claim, PORTAL, SERVICE_ACCOUNTS).allowed()).isTrue();
    }

    @Test
    void portalMayNotTouchAnyOtherLeaseSuchAsTheOperatorsLeaderLease() {
        ObjectNode leader = lease("zt-ix-operator", "ztix-zt-ix-operator-5d9f");
        ObjectNode hijacked = lease("zt-ix-operator", "the-portal");

        AdmissionPolicy.Verdict update = policy.admit("UPDATE", hijacked, leader, PORTAL, SERVICE_ACCOUNTS);
        assertThat(update.allowed()).isFalse();
        assertThat(update.violations()).anyMatch(v -> v.contains("only touch its node-claim Leases") && v.contains("zt-ix-operator"));
        assertThat(policy.admit("DELETE", null, leader, PORTAL, SERVICE_ACCOUNTS).allowed()).isFalse();
        assertThat(policy.admit("CREATE", lease("something-else", "x"), null, PORTAL, SERVICE_ACCOUNTS).allowed()).isFalse();
    }

    @Test
    void everybodyElseIsNotAffected() {
        ObjectNode leader = lease("zt-ix-operator", "ztix-zt-ix-operator-5d9f");

        assertThat(policy.admit("UPDATE", lease("zt-ix-operator", "ztix-zt-ix-operator-77aa"), leader, OPERATOR,
                SERVICE_ACCOUNTS).allowed()).isTrue();
    }

    @Test
    void thePolicyComesAndGoesWithTheApprovalPolicyAndThePortal() {
        assertThat(Chart.render(sets("approvalPolicy.enabled", false)).ofKind("ValidatingAdmissionPolicy")).isEmpty();
        assertThat(Chart.render(sets("portal.enabled", false)).ofKind("ValidatingAdmissionPolicy"))
                .noneMatch(p -> Manifests.name(p).endsWith("portal-node-claims"));
        assertThat(Chart.renderDefaults().one("ValidatingAdmissionPolicyBinding", "ztix-zt-ix-portal-node-claims")
                .at("/spec/policyName").asText()).isEqualTo("ztix-zt-ix-portal-node-claims");
    }

    private static ObjectNode lease(String name, String holder) {
        ObjectNode lease = new ObjectMapper().createObjectNode();
        lease.put("apiVersion", "coordination.k8s.io/v1").put("kind", "Lease");
        lease.putObject("metadata").put("name", name).put("namespace", "ztix-system");
        lease.putObject("spec").put("holderIdentity", holder);
        return lease;
    }
}
