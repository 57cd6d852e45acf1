package io.ztix.testing.kubeapi.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource request path as kube-apiserver reads it: {@code /api/v1} or {@code /apis/GROUP/VERSION}, then
 * optionally {@code namespaces/NS}, the resource, a name and a subresource; plus the query parameters.
 */
record ApiPath(String group, String version, String namespace, String resource, String name, String subresource,
        Map<String, String> query, String rawPath) {

    static Optional<ApiPath> parse(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String> query = query(q < 0 ? "" : pathAndQuery.substring(q + 1));
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        int i;
        String group;
        String version;
        if (parts.length >= 3 && parts[0].equals("api")) {
            group = "";
            version = parts[1];
            i = 2;
        } else if (parts.length >= 4 && parts[0].equals("apis")) {
            group = parts[1];
            version = parts[2];
            i = 3;
        } else {
            return Optional.empty();
        }
        List<String> rest = List.of(parts).subList(i, parts.length);
        String namespace = null;
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.isEmpty() || rest.size() > 3) {
            return Optional.empty();
        }
        return Optional.of(new ApiPath(group, version, namespace, rest.get(0), rest.size() > 1 ? rest.get(1) : "",
                rest.size() > 2 ? rest.get(2) : "", query, path));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }

    boolean isWatch() {
        return "true".equals(query.get("watch")) || "1".equals(query.get("watch"));
    }

    /** The path of the object itself (no subresource, no query). */
    String objectPath() {
        return collectionPath() + "/" + name;
    }

    /** The path of the collection the object is in (namespaced when the request is). */
    String collectionPath() {
        String base = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        return base + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + resource;
    }

    /** This path with the query parameters given (URL-encoded). */
    String withQuery(Map<String, String> parameters) {
        StringBuilder s = new StringBuilder(rawPath);
        char separator = '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            s.append(separator).append(java.net.URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return s.toString();
    }
}
