package io.ztix.testing.apicalls;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One Kubernetes API request as RBAC sees it: the verb and group/resource/subresource (plus namespace and
 * name) for a resource request, or the verb and path for a non-resource request (discovery, /version).
 * Derived from the HTTP method and path with the API server's own rules (its RequestInfo resolver).
 *
 * @param verb         get, list, watch, create, update, patch, delete or deletecollection
 * @param group        API group, "" for the core group; null for a non-resource request
 * @param resource     plural resource name; null for a non-resource request
 * @param subresource  e.g. status; null when none
 * @param namespace    null for cluster-scoped resources and requests across all namespaces
 * @param name         null for collection requests (list, watch without a name, create)
 * @param path         the path of a non-resource request; null for resource requests
 */
public record ApiCall(String verb, String group, String resource, String subresource, String namespace,
        String name, String path) {

    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");
    private static final String NONE = "-";

    public static ApiCall resource(String verb, String group, String resource, String subresource,
            String namespace, String name) {
        return new ApiCall(verb, group, resource, subresource, namespace, name, null);
    }

    public static ApiCall nonResource(String verb, String path) {
        return new ApiCall(verb, null, null, null, null, null, path);
    }

    /** The request an HTTP method and URI stand for, resolved as the Kubernetes API server does. */
    public static ApiCall of(String method, URI uri) {
        String path = uri.getPath() == null ? "/" : uri.getPath();
        String httpVerb = method.toLowerCase(Locale.ROOT);
        List<String> parts = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
        String group;
        List<String> rest;
        if (parts.size() >= 3 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            rest = parts.subList(3, parts.size());
        } else if (parts.size() >= 2 && parts.get(0).equals("api")) {
            group = "";
            rest = parts.subList(2, parts.size());
        } else {
            return nonResource(httpVerb, path);
        }
        if (rest.isEmpty()) {
            return nonResource(httpVerb, path); // /apis/<group>/<version> and /api/v1 are discovery
        }
        String namespace = null;
        if (rest.get(0).equals("namespaces") && rest.size() > 1) {
            namespace = rest.get(1);
            if (rest.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
                rest = rest.subList(2, rest.size());
            }
        }
        String resource = rest.get(0);
        String name = rest.size() > 1 ? rest.get(1) : null;
        String subresource = rest.size() > 2 ? rest.get(2) : null;
        if (resource.equals("namespaces") && namespace != null && name != null) {
            namespace = null; // a Namespace itself is cluster-scoped
        }
        return resource(verb(httpVerb, name != null, isWatch(uri)), group, resource, subresource, namespace, name);
    }

    private static String verb(String httpVerb, boolean named, boolean watch) {
        return switch (httpVerb) {
            case "get", "head" -> watch ? "watch" : named ? "get" : "list";
            case "post" -> "create";
            case "put" -> "update";
            case "patch" -> "patch";
            case "delete" -> named ? "delete" : "deletecollection";
            default -> httpVerb;
        };
    }

    private static boolean isWatch(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return false;
        }
        return Arrays.stream(query.split("&")).anyMatch(p -> p.equals("watch=true") || p.equals("watch=1"));
    }

    public boolean isResourceRequest() {
        return path == null;
    }

    /** The resource as an RBAC rule names it: {@code resource} or {@code resource/subresource}. */
    public String rbacResource() {
        return subresource == null ? resource : resource + "/" + subresource;
    }

    /** One line of a recording file; {@link #parse(String)} reads it back. */
    public String toLine() {
        if (!isResourceRequest()) {
            return String.join(" ", "nonresource", verb, path);
        }
        return String.join(" ", "resource", verb, group.isEmpty() ? "core" : group, resource, or(subresource),
                or(namespace), or(name));
    }

    public static ApiCall parse(String line) {
        String[] f = line.trim().split(" ");
        if (f.length == 3 && f[0].equals("nonresource")) {
            return nonResource(f[1], f[2]);
        }
        if (f.length == 7 && f[0].equals("resource")) {
            return resource(f[1], f[2].equals("core") ? "" : f[2], f[3], orNull(f[4]), orNull(f[5]), orNull(f[6]));
        }
        throw new IllegalArgumentException("not an API-call line: '" + line + "'");
    }

    /** The same call without the namespace and name that vary from test to test. */
    public ApiCall withoutInstance() {
        return new ApiCall(verb, group, resource, subresource, namespace == null ? null : "*", null, path);
    }

    private static String or(String value) {
        return value == null || value.isEmpty() ? NONE : value;
    }

    private static String orNull(String value) {
        return value.equals(NONE) ? null : value;
    }

    @Override
    public String toString() {
        return toLine();
    }
}
