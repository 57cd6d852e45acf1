package io.ztix.testing.kubeapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.ztix.testing.kubeapi.CustomResourceTypes;
import io.ztix.testing.kubeapi.Identity;
import io.ztix.testing.kubeapi.admission.AdmissionPolicy;
import io.ztix.testing.kubeapi.cel.CrdRules;
import io.ztix.testing.kubeapi.schema.FieldError;
import io.ztix.testing.kubeapi.schema.ObjectMetaValidation;
import io.ztix.testing.kubeapi.schema.Pruning;
import io.ztix.testing.kubeapi.schema.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Create, replace and patch of a custom resource, in kube-apiserver's order: apply the patch to the stored
 * object; keep status or everything but status apart (status subresource); refuse a stale resourceVersion
 * (409); prune unknown fields (field validation Strict refuses them, Warn reports them); drop non-nullable
 * nulls and default; validate the schema and the CEL rules (ratcheting: an update may keep what was already
 * invalid) and refuse with 422; run the admission policies with the caller's identity; refuse what etcd would
 * refuse as too large ({@link StorageLimits}); then store. Writes are
 * serialized, so the read of the stored object and the write happen as one step.
 */
final class CustomResourceWrites {

    private static final List<String> BLOCKING = List.of("FieldValueTypeInvalid", "FieldValueNotSupported");

    private final Store store;
    private final List<AdmissionPolicy> policies;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean ratcheting = true;

    CustomResourceWrites(Store store, List<AdmissionPolicy> policies) {
        this.store = store;
        this.policies = List.copyOf(policies);
    }

    /** Off: every update is validated as a whole, as kube-apiserver with the CRDValidationRatcheting gate off. */
    void ratcheting(boolean on) {
        this.ratcheting = on;
    }

    /** What one write produced: the answer and the warnings to send with it. */
    record Outcome(MockResponse response, List<String> warnings) {
    }

    Outcome create(ApiPath path, CustomResourceTypes.Type type, Identity caller, JsonNode body) {
        if (!body.isObject()) {
            return new Outcome(Statuses.badRequest("the body of the request is not a JSON object"), List.of());
        }
        ObjectNode candidate = (ObjectNode) body.deepCopy();
        if (!type.groupVersion().equals(candidate.path("apiVersion").asText())
                || !type.kind().equals(candidate.path("kind").asText())) {
            return new Outcome(Statuses.badRequest("the API version in the data (" + candidate.path("apiVersion").asText()
                    + ") does not match the expected API version (" + type.groupVersion() + ")"), List.of());
        }
        if (type.statusSubresource()) {
            candidate.remove("status");
        }
        String name = candidate.path("metadata").path("name").asText("");
        lock.lock();
        try {
            if (!name.isEmpty() && store.get(path.collectionPath() + "/" + name).isPresent()) {
                return new Outcome(Statuses.alreadyExists(type.group(), type.plural(), name), List.of());
            }
            return admitAndStore("CREATE", path, type, caller, candidate, null, name);
        } finally {
            lock.unlock();
        }
    }

    Outcome replace(ApiPath path, CustomResourceTypes.Type type, Identity caller, JsonNode body) {
        if (!body.isObject()) {
            return new Outcome(Statuses.badRequest("the body of the request is not a JSON object"), List.of());
        }
        lock.lock();
        try {
            Optional<ObjectNode> current = store.get(path.objectPath());
            if (current.isEmpty()) {
                return new Outcome(Statuses.notFound(type.group(), type.plural(), path.name()), List.of());
            }
            return update(path, type, caller, (ObjectNode) body.deepCopy(), current.get());
        } finally {
            lock.unlock();
        }
    }

    Outcome patch(ApiPath path, CustomResourceTypes.Type type, Identity caller, String contentType, JsonNode patch) {
        lock.lock();
        try {
            Optional<ObjectNode> current = store.get(path.objectPath());
            if (current.isEmpty()) {
                return new Outcome(Statuses.notFound(type.group(), type.plural(), path.name()), List.of());
            }
            JsonNode patched;
            try {
                patched = Patches.apply(current.get(), contentType, patch, true);
            } catch (Patches.PatchException e) {
                return new Outcome(e.unsupportedMediaType ? Statuses.unsupportedMediaType(e.getMessage())
                        : Statuses.unprocessable(e.getMessage()),
                        List.of());
            }
            if (!patched.isObject()) {
                return new Outcome(Statuses.badRequest("the patched object is not a JSON object"), List.of());
            }
            return update(path, type, caller, (ObjectNode) patched, current.get());
        } finally {
            lock.unlock();
        }
    }

    private Outcome update(ApiPath path, CustomResourceTypes.Type type, Identity caller, ObjectNode candidate,
            ObjectNode current) {
        String requestedVersion = candidate.path("metadata").path("resourceVersion").asText("");
        String currentVersion = current.path("metadata").path("resourceVersion").asText("");
        if (!requestedVersion.isEmpty() && !requestedVersion.equals(currentVersion)) {
            return new Outcome(Statuses.conflict(type.group(), type.plural(), path.name()), List.of());
        }
        String bodyName = candidate.path("metadata").path("name").asText("");
        if (!bodyName.isEmpty() && !bodyName.equals(path.name())) {
            return new Outcome(Statuses.badRequest("the name of the object (" + bodyName
                    + ") does not match the name on the URL (" + path.name() + ")"), List.of());
        }
        if (path.subresource().equals("status")) {
            ObjectNode onlyStatus = current.deepCopy();
            if (candidate.has("status")) {
                onlyStatus.set("status", candidate.get("status"));
            } else {
                onlyStatus.remove("status");
            }
            candidate = onlyStatus;
        } else if (type.statusSubresource()) {
            if (current.has("status")) {
                candidate.set("status", current.get("status"));
            } else {
                candidate.remove("status");
            }
        }
        ObjectNode metadata = candidate.with("metadata");
        metadata.put("name", path.name());
        metadata.put("resourceVersion", currentVersion);
        for (String preserved : List.of("uid", "creationTimestamp", "namespace", "generation")) {
            if (current.path("metadata").has(preserved)) {
                metadata.set(preserved, current.path("metadata").get(preserved));
            }
        }
        return admitAndStore("UPDATE", path, type, caller, candidate, current, path.name());
    }

    private Outcome admitAndStore(String operation, ApiPath path, CustomResourceTypes.Type type, Identity caller,
            ObjectNode candidate, ObjectNode current, String name) {
        List<String> pruned = Pruning.pruneUnknown(candidate, type.schema());
        String validation = path.query().getOrDefault("fieldValidation", "Warn");
        if (!pruned.isEmpty() && validation.equalsIgnoreCase("Strict")) {
            return new Outcome(Statuses.badRequest("strict decoding error: " + pruned.stream()
                    .map(p -> "unknown field \"" + p + "\"").collect(Collectors.joining(", "))), List.of());
        }
        List<String> warnings = validation.equalsIgnoreCase("Ignore") ? List.of()
                : pruned.stream().map(p -> "unknown field \"" + p + "\"").toList();
        Pruning.applyDefaults(candidate, type.schema());
        List<FieldError> errors = validate(candidate, current, type, ratcheting);
        if (!errors.isEmpty()) {
            return new Outcome(Statuses.invalid(type.group(), type.kind(), name, errors), warnings);
        }
        List<String> allWarnings = new ArrayList<>(warnings);
        for (AdmissionPolicy policy : policies) {
            if (!policy.matches(operation, type.group(), type.version(), type.plural(), path.subresource())) {
                continue;
            }
            var request = AdmissionPolicy.request(operation, caller, type.group(), type.version(), type.kind(),
                    type.plural(), path.subresource(), path.namespace(), name);
            Optional<AdmissionPolicy.Violation> violation = policy.admit(request, candidate, current);
            if (violation.isPresent() && violation.get().deny()) {
                AdmissionPolicy.Violation v = violation.get();
                return new Outcome(Statuses.denied(type.group(), type.plural(), name, v.reason(), v.code(), v.message()),
                        allWarnings);
            }
            violation.ifPresent(v -> allWarnings.add(v.message()));
        }
        if (StorageLimits.tooLargeForEtcd(candidate)) {
            return new Outcome(Statuses.etcdRequestTooLarge(), allWarnings);
        }
        MockResponse stored = current == null ? store.create(path.collectionPath(), candidate)
                : store.replace(path.subresource().equals("status") ? path.objectPath() + "/status" : path.objectPath(),
                        candidate);
        return new Outcome(stored, allWarnings);
    }

    /** Schema, metadata and CEL errors; on update only those about values the update changes (if ratcheting). */
    static List<FieldError> validate(ObjectNode candidate, ObjectNode current, CustomResourceTypes.Type type,
            boolean ratcheting) {
        ObjectNode old = ratcheting ? current : null;
        List<FieldError> errors = new ArrayList<>(ObjectMetaValidation.validate(candidate));
        errors.addAll(SchemaValidator.validate(candidate, type.schema()));
        errors = ratchet(errors, candidate, old);
        if (errors.stream().anyMatch(e -> BLOCKING.contains(e.type().reason()))) {
            errors.add(FieldError.invalid(FieldError.ROOT, null, "some validation rules were not checked because the"
                    + " object was invalid; correct the existing errors to complete validation"));
            return errors;
        }
        errors.addAll(ratchet(CrdRules.evaluate(candidate, current, type.schema()), candidate, old));
        return errors;
    }

    private static List<FieldError> ratchet(List<FieldError> errors, JsonNode candidate, JsonNode current) {
        if (current == null) {
            return errors;
        }
        return errors.stream().filter(e -> !unchanged(e.field(), candidate, current)).collect(Collectors.toList());
    }

    private static boolean unchanged(String field, JsonNode candidate, JsonNode current) {
        if (field.equals(FieldError.ROOT) || field.startsWith("metadata")) {
            return false;
        }
        return FieldPaths.at(candidate, field).equals(FieldPaths.at(current, field));
    }
}
