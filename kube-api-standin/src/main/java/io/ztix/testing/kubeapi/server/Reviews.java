package io.ztix.testing.kubeapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.ztix.testing.kubeapi.Identity;
import java.util.Optional;

/**
 * The self reviews kubectl and the clients ask for: who am I ({@code kubectl auth whoami}) and what may I do
 * ({@code kubectl auth can-i}, the operator's Lease check). The stand-in enforces no RBAC, so every access review
 * is allowed, and says why.
 */
final class Reviews {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String NO_RBAC = "the ZT-IX Kubernetes API stand-in enforces no RBAC";

    private Reviews() {
    }

    static Optional<MockResponse> answer(String path, Identity caller, JsonNode body) {
        ObjectNode review = body != null && body.isObject() ? (ObjectNode) body.deepCopy() : JSON.createObjectNode();
        ObjectNode status = review.putObject("status");
        switch (path.split("\\?")[0]) {
            case "/apis/authentication.k8s.io/v1/selfsubjectreviews" -> {
                review.put("apiVersion", "authentication.k8s.io/v1").put("kind", "SelfSubjectReview");
                ObjectNode user = status.putObject("userInfo");
                user.put("username", caller.username());
                var groups = user.putArray("groups");
                caller.groups().forEach(groups::add);
            }
            case "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews" -> {
                review.put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectAccessReview");
                status.put("allowed", true).put("reason", NO_RBAC);
            }
            case "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews" -> {
                review.put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectRulesReview");
                ObjectNode rule = status.putArray("resourceRules").addObject();
                rule.putArray("verbs").add("*");
                rule.putArray("apiGroups").add("*");
                rule.putArray("resources").add("*");
                ObjectNode nonResource = status.putArray("nonResourceRules").addObject();
                nonResource.putArray("verbs").add("*");
                nonResource.putArray("nonResourceURLs").add("*");
                status.put("incomplete", false).put("evaluationError", NO_RBAC);
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(Statuses.json(201, review.toString()));
    }
}
