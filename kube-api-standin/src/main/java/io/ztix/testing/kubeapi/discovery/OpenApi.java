package io.ztix.testing.kubeapi.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztix.testing.kubeapi.CustomResourceTypes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /openapi/v3} (the root and one document per group version) and {@code /openapi/v2}, built from the
 * CRDs as kube-apiserver publishes them: each kind's schema under its reversed-group name with
 * {@code x-kubernetes-group-version-kind}, and the object paths with their operations and query parameters
 * (among them {@code fieldValidation}, which is how kubectl learns that the server validates fields, so
 * {@code kubectl apply} works without {@code --validate=false} and {@code kubectl explain} finds the schema).
 */
public final class OpenApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    private static final List<String[]> CORE = List.of(new String[] {"secrets", "Secret", "true"},
            new String[] {"configmaps", "ConfigMap", "true"}, new String[] {"serviceaccounts", "ServiceAccount", "true"},
            new String[] {"events", "Event", "true"}, new String[] {"namespaces", "Namespace", "false"});

    private final Map<String, String> v3 = new LinkedHashMap<>();
    private final String v3Root;
    private final String v2;

    public OpenApi(CustomResourceTypes types) {
        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        ObjectNode swagger = JSON.createObjectNode();
        swagger.put("swagger", "2.0");
        swagger.putObject("info").put("title", "Kubernetes").put("version", ApiDiscovery.KUBERNETES_VERSION);
        ObjectNode v2Paths = swagger.putObject("paths");
        ObjectNode v2Definitions = swagger.putObject("definitions");
        for (CustomResourceTypes.Type type : types.types()) {
            ObjectNode doc = documents.computeIfAbsent("apis/" + type.groupVersion(), k -> document());
            String schemaName = schemaName(type.group(), type.version(), type.kind());
            ObjectNode schema = objectSchema(type.schema(), type.group(), type.version(), type.kind());
            doc.with("components").with("schemas").set(schemaName, schema);
            doc.with("components").with("schemas").set(schemaName + "List",
                    listSchema(schemaName, type.group(), type.version(), type.kind()));
            v2Definitions.set(schemaName, v2Refs(schema.deepCopy()));
            String base = "/apis/" + type.groupVersion() + (type.namespaced() ? "/namespaces/{namespace}/" : "/")
                    + type.plural();
            addPaths(doc.with("paths"), base, type.group(), type.version(), type.kind(), type.namespaced(), schemaName,
                    type.statusSubresource());
            addPaths(v2Paths, base, type.group(), type.version(), type.kind(), type.namespaced(), schemaName,
                    type.statusSubresource());
        }
        ObjectNode core = document();
        for (String[] c : CORE) {
            String schemaName = "io.k8s.api.core.v1." + c[1];
            ObjectNode schema = JSON.createObjectNode();
            schema.put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
            schema.putArray("x-kubernetes-group-version-kind").addObject().put("group", "").put("kind", c[1])
                    .put("version", "v1");
            core.with("components").with("schemas").set(schemaName, schema);
            boolean namespaced = Boolean.parseBoolean(c[2]);
            addPaths(core.with("paths"), "/api/v1" + (namespaced ? "/namespaces/{namespace}/" : "/") + c[0], "", "v1",
                    c[1], namespaced, schemaName, false);
        }
        documents.put("api/v1", core);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode rootPaths = root.putObject("paths");
        documents.forEach((path, doc) -> {
            String text = doc.toString();
            v3.put("/openapi/v3/" + path, text);
            rootPaths.putObject(path).put("serverRelativeURL", "/openapi/v3/" + path + "?hash=" + hash(text));
        });
        this.v3Root = root.toString();
        this.v2 = swagger.toString();
    }

    /** The OpenAPI document for a path ({@code /openapi/v2}, {@code /openapi/v3[/...]}), if it is one. */
    public Optional<String> document(String pathAndQuery) {
        String path = pathAndQuery.split("\\?")[0];
        if (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        return switch (path) {
            case "/openapi/v2" -> Optional.of(v2);
            case "/openapi/v3" -> Optional.of(v3Root);
            default -> Optional.ofNullable(v3.get(path));
        };
    }

    static String schemaName(String group, String version, String kind) {
        if (group.isEmpty()) {
            return "io.k8s.api.core." + version + "." + kind;
        }
        List<String> parts = new java.util.ArrayList<>(List.of(group.split("\\.")));
        java.util.Collections.reverse(parts);
        return String.join(".", parts) + "." + version + "." + kind;
    }

    private static ObjectNode document() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", ApiDiscovery.KUBERNETES_VERSION);
        doc.putObject("paths");
        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        ObjectNode objectMeta = schemas.putObject(META + "ObjectMeta");
        objectMeta.put("description", "ObjectMeta is metadata that all persisted resources must have, which includes"
                + " all objects users must create.");
        objectMeta.put("type", "object");
        ObjectNode metaProperties = objectMeta.putObject("properties");
        metaProperties.putObject("name").put("type", "string").put("description", "Name must be unique within a"
                + " namespace.");
        metaProperties.putObject("namespace").put("type", "string").put("description", "Namespace defines the space"
                + " within which each name must be unique.");
        metaProperties.putObject("labels").put("type", "object").put("description", "Map of string keys and values"
                + " that can be used to organize and categorize (scope and select) objects.")
                .putObject("additionalProperties").put("type", "string");
        metaProperties.putObject("annotations").put("type", "object").put("description", "Annotations is an"
                + " unstructured key value map stored with a resource.").putObject("additionalProperties")
                .put("type", "string");
        metaProperties.putObject("resourceVersion").put("type", "string");
        metaProperties.putObject("generation").put("type", "integer").put("format", "int64");
        metaProperties.putObject("uid").put("type", "string");
        metaProperties.putObject("creationTimestamp").put("type", "string").put("format", "date-time");
        schemas.putObject(META + "ListMeta").put("type", "object").put("description", "ListMeta describes metadata"
                + " that synthetic resources must have, including lists and various status objects.");
        return doc;
    }

    private static ObjectNode objectSchema(JsonNode crdSchema, String group, String version, String kind) {
        ObjectNode schema = crdSchema.deepCopy();
        ObjectNode properties = JSON.createObjectNode();
        properties.putObject("apiVersion").put("type", "string").put("description", "APIVersion defines the versioned"
                + " schema of this representation of an object.");
        properties.putObject("kind").put("type", "string").put("description", "Kind is a string value representing"
                + " the REST resource this object represents.");
        ObjectNode metadata = properties.putObject("metadata");
        metadata.put("description", "Standard object's metadata.");
        metadata.putArray("allOf").addObject().put("$ref", "#/components/schemas/" + META + "ObjectMeta");
        schema.path("properties").fields().forEachRemaining(f -> properties.set(f.getKey(), f.getValue()));
        schema.set("properties", properties);
        schema.putArray("x-kubernetes-group-version-kind").addObject().put("group", group).put("kind", kind)
                .put("version", version);
        return schema;
    }

    private static ObjectNode listSchema(String itemSchema, String group, String version, String kind) {
        ObjectNode list = JSON.createObjectNode();
        list.put("type", "object");
        list.put("description", kind + "List is a list of " + kind);
        list.putArray("required").add("items");
        ObjectNode properties = list.putObject("properties");
        properties.putObject("apiVersion").put("type", "string");
        properties.putObject("kind").put("type", "string");
        properties.putObject("items").put("type", "array").putObject("items")
                .put("$ref", "#/components/schemas/" + itemSchema);
        properties.putObject("metadata").putArray("allOf").addObject()
                .put("$ref", "#/components/schemas/" + META + "ListMeta");
        list.putArray("x-kubernetes-group-version-kind").addObject().put("group", group).put("kind", kind + "List")
                .put("version", version);
        return list;
    }

    private static void addPaths(ObjectNode paths, String base, String group, String version, String kind,
            boolean namespaced, String schemaName, boolean status) {
        ObjectNode collection = paths.putObject(base);
        collection.set("get", operation("list", group, version, kind));
        collection.set("post", operation("post", group, version, kind));
        collection.set("parameters", parameters(namespaced, false));
        ObjectNode object = paths.putObject(base + "/{name}");
        for (String verb : List.of("get", "put", "patch", "delete")) {
            object.set(verb, operation(verb, group, version, kind));
        }
        object.set("parameters", parameters(namespaced, true));
        if (status) {
            ObjectNode statusPath = paths.putObject(base + "/{name}/status");
            for (String verb : List.of("get", "put", "patch")) {
                statusPath.set(verb, operation(verb, group, version, kind));
            }
            statusPath.set("parameters", parameters(namespaced, true));
        }
    }

    private static ObjectNode operation(String action, String group, String version, String kind) {
        ObjectNode op = JSON.createObjectNode();
        op.put("x-kubernetes-action", action);
        op.putObject("x-kubernetes-group-version-kind").put("group", group).put("version", version).put("kind", kind);
        op.putObject("responses").putObject("200").put("description", "OK");
        if (!action.equals("get") && !action.equals("list")) {
            // kubectl looks for fieldValidation among the PATCH operation's own parameters
            ArrayNode parameters = op.putArray("parameters");
            for (String query : List.of("dryRun", "fieldManager", "fieldValidation")) {
                parameters.addObject().put("name", query).put("in", "query").put("uniqueItems", true)
                        .putObject("schema").put("type", "string");
            }
        }
        return op;
    }

    private static ArrayNode parameters(boolean namespaced, boolean named) {
        ArrayNode parameters = JSON.createArrayNode();
        if (named) {
            parameters.addObject().put("name", "name").put("in", "path").put("required", true)
                    .put("description", "name of the object").putObject("schema").put("type", "string");
        }
        if (namespaced) {
            parameters.addObject().put("name", "namespace").put("in", "path").put("required", true)
                    .put("description", "object name and auth scope").putObject("schema").put("type", "string");
        }
        for (String query : List.of("pretty")) {
            parameters.addObject().put("name", query).put("in", "query").put("uniqueItems", true)
                    .putObject("schema").put("type", "string");
        }
        return parameters;
    }

    private static JsonNode v2Refs(ObjectNode schema) {
        String text = schema.toString().replace("#/components/schemas/", "#/definitions/");
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 64).toUpperCase();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
