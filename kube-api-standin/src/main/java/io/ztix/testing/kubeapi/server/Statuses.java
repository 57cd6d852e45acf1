package io.ztix.testing.kubeapi.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.ztix.testing.kubeapi.schema.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/** kube-apiserver's Status answers (k8s.io/apimachinery/pkg/api/errors), with its messages and codes. */
final class Statuses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Statuses() {
    }

    static MockResponse invalid(String group, String kind, String name, List<FieldError> errors) {
        String aggregate = errors.size() == 1 ? errors.get(0).toString()
                : "[" + errors.stream().map(FieldError::toString).collect(Collectors.joining(", ")) + "]";
        ObjectNode status = status(422, "Invalid", kind + (group.isEmpty() ? "" : "." + group) + " "
                + quote(name) + " is invalid: " + aggregate);
        ObjectNode details = details(status, group, kind, name);
        ArrayNode causes = details.putArray("causes");
        for (FieldError e : errors) {
            causes.addObject().put("reason", e.type().reason()).put("message", e.body()).put("field", e.field());
        }
        return response(422, status);
    }

    static MockResponse conflict(String group, String resource, String name) {
        ObjectNode status = status(409, "Conflict", "Operation cannot be fulfilled on " + qualified(resource, group)
                + " " + quote(name) + ": the object has been modified; please apply your changes to the latest version"
                + " and try again");
        details(status, group, resource, name);
        return response(409, status);
    }

    static MockResponse alreadyExists(String group, String resource, String name) {
        ObjectNode status = status(409, "AlreadyExists", qualified(resource, group) + " " + quote(name) + " already exists");
        details(status, group, resource, name);
        return response(409, status);
    }

    static MockResponse notFound(String group, String resource, String name) {
        ObjectNode status = status(404, "NotFound", qualified(resource, group) + " " + quote(name) + " not found");
        details(status, group, resource, name);
        return response(404, status);
    }

    /** A denial by admission: the policy's reason (Forbidden, Invalid, ...) and its code. */
    static MockResponse denied(String group, String resource, String name, String reason, int code, String message) {
        String text = code == 403 ? qualified(resource, group) + " " + quote(name) + " is forbidden: " + message
                : message;
        ObjectNode status = status(code, reason, text);
        ObjectNode details = details(status, group, resource, name);
        details.putArray("causes").addObject().put("message", message);
        return response(code, status);
    }

    static MockResponse badRequest(String message) {
        return response(400, status(400, "BadRequest", message));
    }

    static MockResponse unprocessable(String message) {
        return response(422, status(422, "Invalid", message));
    }

    static MockResponse unsupportedMediaType(String message) {
        return response(415, status(415, "UnsupportedMediaType", message));
    }

    /**
     * A request body over kube-apiserver's limit for writes ({@code limitedReadBody}, 3 MiB: twice etcd's default, as
     * the JSON of a request is larger than what is stored): {@code apierrors.NewRequestEntityTooLargeError}.
     */
    static MockResponse requestEntityTooLarge(long limit) {
        return response(413, status(413, "RequestEntityTooLarge", "Request entity too large: limit is " + limit));
    }

    /**
     * etcd refused the write ({@code --max-request-bytes}, 1.5 MiB by default): kube-apiserver passes etcd's error on as
     * an internal error without a reason, which kubectl prints as "Error from server: etcdserver: request is too large".
     */
    static MockResponse etcdRequestTooLarge() {
        ObjectNode status = status(500, "", "etcdserver: request is too large");
        status.remove("reason");
        return response(500, status);
    }

    static MockResponse unauthorized() {
        return response(401, status(401, "Unauthorized", "Unauthorized"));
    }

    static MockResponse internalError(String message) {
        return response(500, status(500, "InternalError", "Internal error occurred: " + message));
    }

    /** What kube-apiserver answers when it is in trouble or refuses a call, for a fault rule ({@link Faults}). */
    static MockResponse fault(int code, String path) {
        MockResponse response = switch (code) {
            case 403 -> response(403, status(403, "Forbidden", "forbidden: the stand-in's fault rule refuses " + path));
            case 409 -> response(409, status(409, "Conflict", "Operation cannot be fulfilled on " + path
                    + ": the object has been modified; please apply your changes to the latest version and try again"));
            case 429 -> response(429, status(429, "TooManyRequests", "Too many requests, please try again later."))
                    .setHeader("Retry-After", "1");
            case 500 -> internalError("the stand-in's fault rule fails " + path);
            case 503 -> response(503, status(503, "ServiceUnavailable", "the server is currently unable to handle the request"));
            case 504 -> response(504, status(504, "Timeout", "the server was unable to return a response in the time "
                    + "allotted, but may still be processing the request"));
            default -> throw new IllegalArgumentException("no fault answer for " + code);
        };
        return response;
    }

    static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static String qualified(String resource, String group) {
        return group.isEmpty() ? resource : resource + "." + group;
    }

    private static ObjectNode status(int code, String reason, String message) {
        ObjectNode status = JSON.createObjectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        status.put("code", code);
        return status;
    }

    private static ObjectNode details(ObjectNode status, String group, String kind, String name) {
        ObjectNode details = JSON.createObjectNode();
        details.put("name", name);
        if (!group.isEmpty()) {
            details.put("group", group);
        }
        details.put("kind", kind);
        // "details" comes before "code" in kube-apiserver's answers
        ObjectNode ordered = JSON.createObjectNode();
        status.fields().forEachRemaining(f -> {
            if (f.getKey().equals("code")) {
                ordered.set("details", details);
            }
            ordered.set(f.getKey(), f.getValue());
        });
        status.removeAll();
        status.setAll(ordered);
        return details;
    }

    private static MockResponse response(int code, ObjectNode status) {
        return json(code, status.toString());
    }

    private static String quote(String name) {
        return "\"" + name + "\"";
    }
}
