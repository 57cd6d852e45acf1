package io.ztix.testing.kubeapi.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztix.testing.kubeapi.CustomResourceTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API discovery documents a real API server publishes and kubectl reads before anything else:
 * {@code /version}, {@code /api}, {@code /api/v1}, {@code /apis} and one resource list per group version,
 * the custom resources' built from the CRDs (plural, singular, kind, short names, verbs, status subresource).
 */
public final class ApiDiscovery {

    /** The Kubernetes version the stand-in behaves like (its messages are this version's). */
    public static final String KUBERNETES_VERSION = "v1.32.0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
            "update", "watch");

    private final Map<String, String> documents = new LinkedHashMap<>();

    public ApiDiscovery(CustomResourceTypes types) {
        documents.put("/version", version());
        documents.put("/api", apiVersions());
        documents.put("/api/v1", resourceList("v1", List.of(
                resource("namespaces", "namespace", "Namespace", false, List.of("ns"), VERBS),
                resource("secrets", "secret", "Secret", true, List.of(), VERBS),
                resource("configmaps", "configmap", "ConfigMap", true, List.of("cm"), VERBS),
                resource("serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa"), VERBS),
                resource("events", "event", "Event", true, List.of("ev"), VERBS))));
        Map<String, List<ObjectNode>> groups = new LinkedHashMap<>();
        for (CustomResourceTypes.Type type : types.types()) {
            var names = type.crd().getSpec().getNames();
            List<ObjectNode> resources = groups.computeIfAbsent(type.groupVersion(), g -> new ArrayList<>());
            resources.add(resource(type.plural(), names.getSingular(), type.kind(), type.namespaced(),
                    Optional.ofNullable(names.getShortNames()).orElse(List.of()), VERBS));
            if (type.statusSubresource()) {
                resources.add(resource(type.plural() + "/status", "", type.kind(), type.namespaced(), List.of(),
                        List.of("get", "patch", "update")));
            }
        }
        groups.put("events.k8s.io/v1", List.of(resource("events", "event", "Event", true, List.of("ev"), VERBS)));
        groups.put("coordination.k8s.io/v1", List.of(resource("leases", "lease", "Lease", true, List.of(), VERBS)));
        groups.put("apiextensions.k8s.io/v1", List.of(resource("customresourcedefinitions", "customresourcedefinition",
                "CustomResourceDefinition", false, List.of("crd", "crds"), VERBS)));
        groups.put("authentication.k8s.io/v1", List.of(resource("selfsubjectreviews", "selfsubjectreview",
                "SelfSubjectReview", false, List.of(), List.of("create"))));
        groups.put("authorization.k8s.io/v1", List.of(
                resource("selfsubjectaccessreviews", "selfsubjectaccessreview", "SelfSubjectAccessReview", false,
                        List.of(), List.of("create")),
                resource("selfsubjectrulesreviews", "selfsubjectrulesreview", "SelfSubjectRulesReview", false,
                        List.of(), List.of("create"))));
        groups.forEach((groupVersion, resources) -> documents.put("/apis/" + groupVersion,
                resourceList(groupVersion, resources)));
        documents.put("/apis", groupList(groups.keySet()));
    }

    /** The document for a discovery path (query string ignored), if it is one. */
    public Optional<String> document(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return Optional.ofNullable(documents.get(path));
    }

    private static String version() {
        ObjectNode v = JSON.createObjectNode();
        v.put("major", "1");
        v.put("minor", "32");
        v.put("gitVersion", KUBERNETES_VERSION + "-ztix-standin");
        v.put("platform", "linux/amd64");
        return v.toString();
    }

    private static String apiVersions() {
        ObjectNode v = JSON.createObjectNode();
        v.put("kind", "APIVersions");
        v.putArray("versions").add("v1");
        ObjectNode cidr = v.putArray("serverAddressByClientCIDRs").addObject();
        cidr.put("clientCIDR", "0.0.0.0/0");
        cidr.put("serverAddress", "127.0.0.1");
        return v.toString();
    }

    private static String groupList(Iterable<String> groupVersions) {
        ObjectNode list = JSON.createObjectNode();
        list.put("kind", "APIGroupList");
        list.put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        for (String groupVersion : groupVersions) {
            String[] parts = groupVersion.split("/");
            ObjectNode group = groups.addObject();
            group.put("name", parts[0]);
            ObjectNode version = JSON.createObjectNode();
            version.put("groupVersion", groupVersion);
            version.put("version", parts[1]);
            group.putArray("versions").add(version);
            group.set("preferredVersion", version);
        }
        return list.toString();
    }

    private static String resourceList(String groupVersion, List<ObjectNode> resources) {
        ObjectNode list = JSON.createObjectNode();
        list.put("kind", "APIResourceList");
        list.put("apiVersion", "v1");
        list.put("groupVersion", groupVersion);
        list.putArray("resources").addAll(resources);
        return list.toString();
    }

    private static ObjectNode resource(String name, String singular, String kind, boolean namespaced,
            List<String> shortNames, List<String> verbs) {
        ObjectNode r = JSON.createObjectNode();
        r.put("name", name);
        r.put("singularName", singular);
        r.put("namespaced", namespaced);
        r.put("kind", kind);
        ArrayNode v = r.putArray("verbs");
        verbs.forEach(v::add);
        if (!shortNames.isEmpty()) {
            ArrayNode s = r.putArray("shortNames");
            shortNames.forEach(s::add);
        }
        return r;
    }
}
