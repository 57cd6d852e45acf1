package io.ztix.helm;

import static io.ztix.helm.Manifests.elements;
import static io.ztix.helm.Manifests.texts;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztix.testing.apicalls.ApiCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the rendered Roles, ClusterRoles and bindings let one service account do, evaluated the way the
 * Kubernetes RBAC authorizer does (apiGroups, resources with subresources, verbs, resourceNames, and where
 * a binding applies).
 */
final class Rbac {

    /** A rule that applies in one namespace, or everywhere (namespace null: from a ClusterRoleBinding). */
    record Grant(String namespace, JsonNode rule, String via) {
    }

    /**
     * What every authenticated user may do by Kubernetes' default bootstrap policy (ClusterRoles
     * system:basic-user and system:discovery / system:public-info-viewer): review its own permissions and
     * read the discovery endpoints. The chart does not grant these again.
     */
    private static final Set<String> GRANTED_TO_EVERY_USER = Set.of(
            "authorization.k8s.io/selfsubjectrulesreviews", "authorization.k8s.io/selfsubjectaccessreviews",
            "authentication.k8s.io/selfsubjectreviews");

    private final List<Grant> grants;

    private Rbac(List<Grant> grants) {
        this.grants = grants;
    }

    static Rbac of(Manifests manifests, String serviceAccountNamespace, String serviceAccountName) {
        List<Grant> grants = new ArrayList<>();
        for (String kind : List.of("ClusterRoleBinding", "RoleBinding")) {
            for (JsonNode binding : manifests.ofKind(kind)) {
                if (!binds(binding, serviceAccountNamespace, serviceAccountName)) {
                    continue;
                }
                String roleKind = binding.at("/roleRef/kind").asText();
                String roleName = binding.at("/roleRef/name").asText();
                String bindingNamespace = kind.equals("ClusterRoleBinding") ? null : Manifests.namespace(binding);
                JsonNode role = roleKind.equals("ClusterRole") ? manifests.one("ClusterRole", roleName)
                        : manifests.ofKind("Role").stream()
                                .filter(r -> Manifests.name(r).equals(roleName) && Manifests.namespace(r).equals(bindingNamespace))
                                .findFirst()
                                .orElseThrow(() -> new AssertionError(kind + " " + Manifests.name(binding)
                                        + " refers to a Role " + bindingNamespace + "/" + roleName + " that the chart does not render"));
                for (JsonNode rule : elements(role.path("rules"))) {
                    grants.add(new Grant(bindingNamespace, rule, kind + "/" + Manifests.name(binding) + " -> " + roleKind + "/" + roleName));
                }
            }
        }
        return new Rbac(List.copyOf(grants));
    }

    private static boolean binds(JsonNode binding, String namespace, String name) {
        return elements(binding.path("subjects")).stream().anyMatch(s -> s.path("kind").asText().equals("ServiceAccount")
                && s.path("name").asText().equals(name) && s.path("namespace").asText().equals(namespace));
    }

    List<Grant> grants() {
        return grants;
    }

    /**
     * Whether the call is allowed. A namespaced call is checked in {@code namespace} (the namespace the call
     * stands for in the installation); a call without a namespace needs a cluster-wide grant.
     */
    boolean allows(ApiCall call, String namespace) {
        if (!call.isResourceRequest()) {
            return call.verb().equals("get") && isDiscovery(call.path());
        }
        if (call.verb().equals("create") && GRANTED_TO_EVERY_USER.contains(call.group() + "/" + call.resource())) {
            return true;
        }
        return grants.stream().anyMatch(g -> (g.namespace() == null
                || (call.namespace() != null && namespace != null && g.namespace().equals(namespace)))
                && matches(g.rule(), call));
    }

    static boolean matches(JsonNode rule, ApiCall call) {
        List<String> groups = texts(rule.path("apiGroups"));
        List<String> resources = texts(rule.path("resources"));
        List<String> verbs = texts(rule.path("verbs"));
        List<String> names = texts(rule.path("resourceNames"));
        return (groups.contains("*") || groups.contains(call.group()))
                && (resources.contains("*") || resources.contains(call.rbacResource()))
                && (verbs.contains("*") || verbs.contains(call.verb()))
                && (names.isEmpty() || (call.name() != null && names.contains(call.name())));
    }

    private static boolean isDiscovery(String path) {
        return path.equals("/version") || path.equals("/api") || path.equals("/apis") || path.startsWith("/api/")
                || path.startsWith("/apis/") || path.startsWith("/openapi/");
    }
}
