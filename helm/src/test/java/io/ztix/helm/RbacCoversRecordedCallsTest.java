package io.ztix.helm;

import static io.ztix.helm.Chart.sets;
import static io.ztix.helm.Manifests.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztix.testing.apicalls.ApiCall;
import io.ztix.testing.apicalls.ApiCallsFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The chart's RBAC against the Kubernetes API calls the components really make, as recorded while their
 * tests ran (operator/target/api-calls/, written by the api-calls-recorder test dependency). A new call
 * without a rule fails here; so does a rule that no call uses unless it is listed below with its reason.
 */
class RbacCoversRecordedCallsTest {

    private static final String OPERATOR_SA = "ztix-zt-ix-operator";
    private static final String PORTAL_SA = "ztix-zt-ix-portal";

    /**
     * Permissions the operator holds although no recorded call uses them yet, each with its reason. Keep
     * this list short: when a call starts being recorded, its line here becomes unnecessary (and is reported).
     */
    private static final Map<String, String> OPERATOR_PERMISSIONS_NOT_YET_CALLED = Map.of(
            "update ztix.io/joinrequests", "adding and removing the JoinRequest finalizer (deprovisioning)",
            "update coordination.k8s.io/leases", "java-operator-sdk checks for create, update and get on the Lease before leader election");

    @Test
    void everyCallOfTheOperatorIsAllowedWhenItWatchesAllNamespaces() {
        Set<ApiCall> calls = RecordedCalls.of("operator", "zt-ix-operator");
        assertThat(calls).as("the recording holds the operator's informers").contains(
                ApiCall.resource("watch", "ztix.io", "joinrequests", null, null, null));
        Rbac rbac = Rbac.of(Chart.render(namingTheRecordedSecrets(calls)), Chart.NAMESPACE, OPERATOR_SA);

        assertThat(refused(calls, rbac, call -> List.of(installNamespace(call, Chart.NAMESPACE, null)))).isEmpty();
    }

    @Test
    void everyCallOfTheOperatorIsAllowedInEachNamespaceItIsLimitedTo() {
        List<String> watched = List.of("ix-a", "ix-b");
        Map<String, Object> values = namingTheRecordedSecrets(RecordedCalls.of("operator", "zt-ix-operator"));
        values.put("operator.watchNamespaces", watched);
        Rbac rbac = Rbac.of(Chart.render(values), Chart.NAMESPACE, OPERATOR_SA);
        // Limited to namespaces, the operator's informers list and watch in each of them instead of cluster-wide.
        List<ApiCall> calls = RecordedCalls.of("operator", "zt-ix-operator").stream()
                .map(c -> c.isResourceRequest() && c.namespace() == null && !c.group().startsWith("authorization.")
                        ? ApiCall.resource(c.verb(), c.group(), c.resource(), c.subresource(), "*", c.name()) : c)
                .toList();

        List<String> refused = new ArrayList<>();
        for (String namespace : watched) {
            refused.addAll(refused(new LinkedHashSet<>(calls), rbac, call -> List.of(installNamespace(call, Chart.NAMESPACE, namespace))));
        }
        assertThat(refused).isEmpty();
        assertThat(Chart.render(sets("operator.watchNamespaces", watched)).ofKind("ClusterRoleBinding"))
                .as("nothing is bound cluster-wide when the operator is limited to namespaces").isEmpty();
    }

    @Test
    void operatorHoldsNoPermissionThatItDoesNotUse() {
        Set<ApiCall> calls = RecordedCalls.of("operator", "zt-ix-operator");
        Set<String> used = new TreeSet<>();
        calls.stream().filter(ApiCall::isResourceRequest)
                .forEach(c -> used.add(c.verb() + " " + (c.group().isEmpty() ? "core" : c.group()) + "/" + c.rbacResource()));
        Set<String> granted = new TreeSet<>();
        for (Rbac.Grant grant : Rbac.of(Chart.renderDefaults(), Chart.NAMESPACE, OPERATOR_SA).grants()) {
            for (String group : texts(grant.rule().path("apiGroups"))) {
                for (String resource : texts(grant.rule().path("resources"))) {
                    for (String verb : texts(grant.rule().path("verbs"))) {
                        granted.add(verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource);
                    }
                }
            }
        }

        assertThat(granted).as("granted but neither called nor explained (after running only some operator tests,"
                        + " run them all: ./mvnw -B -pl operator verify)")
                .allMatch(p -> used.contains(p) || OPERATOR_PERMISSIONS_NOT_YET_CALLED.containsKey(p));
        assertThat(OPERATOR_PERMISSIONS_NOT_YET_CALLED.keySet()).as("explained as not called, but now recorded: drop from the list")
                .noneMatch(used::contains);
        assertThat(granted).noneMatch(p -> p.startsWith("*") || p.contains("/*") || p.contains("* "));
    }

    @Test
    void operatorReadsSecretsOnlyByNameInTheNamespacesItServes() {
        Manifests manifests = Chart.render(sets("operator.secretNamespaces", List.of("ix-a"),
                "operator.secrets.zerotierTokens", List.of("zt-controller-token"), "operator.secrets.sshKeys", List.of("rs1-ssh")));
        Rbac rbac = Rbac.of(manifests, Chart.NAMESPACE, OPERATOR_SA);

        List<Rbac.Grant> secretGrants = rbac.grants().stream()
                .filter(g -> texts(g.rule().path("resources")).contains("secrets")).toList();
        assertThat(secretGrants).isNotEmpty().allSatisfy(g -> {
            assertThat(g.namespace()).isEqualTo("ix-a");
            assertThat(texts(g.rule().path("verbs"))).containsExactly("get");
            assertThat(texts(g.rule().path("resourceNames"))).containsExactly("zt-controller-token", "rs1-ssh");
        });
        assertThat(rbac.allows(ApiCall.resource("get", "", "secrets", null, "ix-a", "rs1-ssh"), "ix-a")).isTrue();
        assertThat(rbac.allows(ApiCall.resource("get", "", "secrets", null, "ix-a", "other"), "ix-a")).isFalse();
        assertThat(rbac.allows(ApiCall.resource("list", "", "secrets", null, "ix-a", null), "ix-a")).isFalse();
        assertThat(rbac.allows(ApiCall.resource("get", "", "secrets", null, "kube-system", "rs1-ssh"), "kube-system")).isFalse();
    }

    @Test
    void byDefaultTheOperatorMayReadOnlyTheSecretsTheChartNamesNotEverySecretOfTheNamespace() throws Exception {
        Rbac rbac = Rbac.of(Chart.renderDefaults(), Chart.NAMESPACE, OPERATOR_SA);

        assertThat(rbac.allows(ApiCall.resource("get", "", "secrets", null, Chart.NAMESPACE, "zt-controller-token"), Chart.NAMESPACE)).isTrue();
        assertThat(rbac.allows(ApiCall.resource("get", "", "secrets", null, Chart.NAMESPACE, "rs1-ssh"), Chart.NAMESPACE)).isTrue();
        assertThat(rbac.allows(ApiCall.resource("get", "", "secrets", null, Chart.NAMESPACE, "zt-ix-database"), Chart.NAMESPACE))
                .as("the portal's database Secret lives in the same namespace").isFalse();
        assertThat(rbac.allows(ApiCall.resource("get", "", "secrets", null, Chart.NAMESPACE, "zt-ix-peeringdb-oauth"), Chart.NAMESPACE))
                .isFalse();

        Rbac byLabel = Rbac.of(Chart.render(sets("operator.secrets.rbacByName", false)), Chart.NAMESPACE, OPERATOR_SA);
        assertThat(byLabel.allows(ApiCall.resource("get", "", "secrets", null, Chart.NAMESPACE, "anything"), Chart.NAMESPACE))
                .as("opted out: RBAC cannot select by label, the operator checks it").isTrue();
        // --set cannot say "an empty list" through helm-java (it would pass the text "{}"): use a values file
        java.nio.file.Path noNames = java.nio.file.Files.createTempFile("ztix-no-secret-names", ".yaml");
        try {
            java.nio.file.Files.writeString(noNames, "operator:\n  secrets:\n    zerotierTokens: []\n    sshKeys: []\n");
            assertThatThrownBy(() -> Chart.renderWithValuesFile(noNames))
                    .hasMessageContaining("name the Secrets, or set rbacByName=false");
        } finally {
            java.nio.file.Files.deleteIfExists(noNames);
        }
    }

    @Test
    void leaseRulesPassJavaOperatorSdksAccessCheck() {
        Manifests manifests = Chart.render(sets("operator.leaderElection.leaseName", "ix-lease"));
        Rbac rbac = Rbac.of(manifests, Chart.NAMESPACE, OPERATOR_SA);

        // LeaderElectionManager.checkLeaseAccess: the rules for leases in the Lease namespace (unnamed or naming
        // the Lease) must together allow create, update and get.
        Set<String> verbs = new TreeSet<>();
        rbac.grants().stream()
                .filter(g -> Chart.NAMESPACE.equals(g.namespace()))
                .filter(g -> texts(g.rule().path("apiGroups")).contains("coordination.k8s.io"))
                .filter(g -> texts(g.rule().path("resources")).contains("leases"))
                .filter(g -> texts(g.rule().path("resourceNames")).isEmpty() || texts(g.rule().path("resourceNames")).contains("ix-lease"))
                .forEach(g -> verbs.addAll(texts(g.rule().path("verbs"))));
        assertThat(verbs).contains("create", "update", "get");
        assertThat(rbac.allows(ApiCall.resource("patch", "coordination.k8s.io", "leases", null, Chart.NAMESPACE, "another-lease"),
                Chart.NAMESPACE)).as("other Leases stay out of reach").isFalse();
    }

    @Test
    void operatorMayReadThePortalsNodeClaimsWhereItServesButNeverWriteThem() {
        String claim = "ztix-node-ix-aabbccdd01";
        Rbac limited = Rbac.of(Chart.render(sets("operator.watchNamespaces", List.of("ix-a"))), Chart.NAMESPACE, OPERATOR_SA);

        assertThat(limited.allows(ApiCall.resource("get", "coordination.k8s.io", "leases", null, "ix-a", claim), "ix-a")).isTrue();
        assertThat(limited.allows(ApiCall.resource("get", "coordination.k8s.io", "leases", null, "ix-b", claim), "ix-b"))
                .as("not where it does not serve").isFalse();
        for (String verb : List.of("create", "update", "patch", "delete")) {
            assertThat(limited.allows(ApiCall.resource(verb, "coordination.k8s.io", "leases", null, "ix-a", claim), "ix-a"))
                    .as(verb).isFalse();
        }
        Rbac everywhere = Rbac.of(Chart.renderDefaults(), Chart.NAMESPACE, OPERATOR_SA);
        assertThat(everywhere.allows(ApiCall.resource("get", "coordination.k8s.io", "leases", null, "ix-z", claim), "ix-z")).isTrue();
        assertThat(everywhere.allows(ApiCall.resource("update", "coordination.k8s.io", "leases", null, "ix-z", claim), "ix-z")).isFalse();
    }

    @Test
    void portalMayOnlyWorkWithJoinRequestsItsNodeClaimsAndReadNetworksAndRouteServersInItsNamespace() {
        Rbac rbac = Rbac.of(Chart.render(sets("portal.resourceNamespace", "ix-a")), Chart.NAMESPACE, PORTAL_SA);

        Set<String> granted = new TreeSet<>();
        for (Rbac.Grant grant : rbac.grants()) {
            assertThat(grant.namespace()).isEqualTo("ix-a");
            assertThat(texts(grant.rule().path("apiGroups"))).containsAnyOf("ztix.io", "coordination.k8s.io").hasSize(1);
            for (String resource : texts(grant.rule().path("resources"))) {
                texts(grant.rule().path("verbs")).forEach(verb -> granted.add(verb + " " + resource));
            }
        }
        assertThat(granted).containsExactlyInAnyOrder(
                "create joinrequests", "get joinrequests", "list joinrequests", "watch joinrequests", "patch joinrequests",
                "delete joinrequests",
                "get ztnetworks", "list ztnetworks", "watch ztnetworks",
                "get routeservers", "list routeservers", "watch routeservers",
                "create leases", "get leases", "update leases", "delete leases");
    }

    @Test
    void everyCallOfThePortalIsAllowed() {
        Set<ApiCall> calls = RecordedCalls.of("portal", "zt-ix-portal");
        Rbac rbac = Rbac.of(Chart.renderDefaults(), Chart.NAMESPACE, PORTAL_SA);

        assertThat(refused(calls, rbac, call -> List.of(call.namespace() == null ? "" : Chart.NAMESPACE))).isEmpty();
    }

    @Test
    void aMissingRecordingIsAnErrorNotAnEmptyList() {
        assertThatThrownBy(() -> ApiCallsFile.read(Chart.repoRoot().resolve("helm/target/no-such-recording.txt")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no API-call recording");
    }

    @Test
    void unknownCallsAreRefused() {
        Rbac rbac = Rbac.of(Chart.renderDefaults(), Chart.NAMESPACE, OPERATOR_SA);

        assertThat(rbac.allows(ApiCall.resource("delete", "ztix.io", "joinrequests", null, "*", null), null)).isFalse();
        assertThat(rbac.allows(ApiCall.resource("create", "ztix.io", "ztnetworks", null, "*", null), null)).isFalse();
        assertThat(rbac.allows(ApiCall.resource("update", "ztix.io", "ztnetworks", "status", "*", "ix"), null)).isFalse();
        assertThat(rbac.allows(ApiCall.resource("list", "", "pods", null, null, null), null)).isFalse();
    }

    /** Values that name every Secret the operator's tests read, as an installation names the Secrets its resources use. */
    private static Map<String, Object> namingTheRecordedSecrets(Set<ApiCall> calls) {
        List<String> names = calls.stream().filter(c -> c.isResourceRequest() && c.resource().equals("secrets") && c.name() != null)
                .map(ApiCall::name).distinct().sorted().toList();
        assertThat(names).as("the recording holds the Secrets the operator read").isNotEmpty();
        return new java.util.LinkedHashMap<>(sets("operator.secrets.zerotierTokens", names));
    }

    /** Where a recorded namespaced call happens in the installation ("" = anywhere: needs a cluster-wide grant). */
    private static String installNamespace(ApiCall call, String releaseNamespace, String watchedNamespace) {
        if (!call.isResourceRequest() || call.namespace() == null) {
            return "";
        }
        return switch (call.resource()) {
            // the portal's node claims (ztix-node-...) live next to the JoinRequests; the leader-election Lease does not
            case "leases" -> call.name() != null && call.name().startsWith("ztix-node-")
                    ? (watchedNamespace == null ? "" : watchedNamespace) : releaseNamespace;
            case "configmaps" -> releaseNamespace;
            case "secrets" -> watchedNamespace == null ? releaseNamespace : watchedNamespace;
            default -> watchedNamespace == null ? "" : watchedNamespace;
        };
    }

    private static List<String> refused(Set<ApiCall> calls, Rbac rbac, Function<ApiCall, List<String>> namespaces) {
        List<String> refused = new ArrayList<>();
        for (ApiCall call : calls) {
            for (String namespace : namespaces.apply(call)) {
                if (!rbac.allows(call, namespace.isEmpty() ? null : namespace)) {
                    refused.add(call + (namespace.isEmpty() ? " (any namespace)" : " in " + namespace));
                }
            }
        }
        return refused;
    }
}
