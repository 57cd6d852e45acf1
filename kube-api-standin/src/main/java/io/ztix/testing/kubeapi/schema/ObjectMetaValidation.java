package io.ztix.testing.kubeapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What kube-apiserver checks in every custom resource's metadata: the name is a DNS subdomain. */
public final class ObjectMetaValidation {

    private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "metadata");
    private static final String SUBDOMAIN = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private static final Pattern SUBDOMAIN_PATTERN = Pattern.compile(SUBDOMAIN);

    private ObjectMetaValidation() {
    }

    static boolean isTopLevelMetaField(String name) {
        return TOP_LEVEL.contains(name);
    }

    public static List<FieldError> validate(JsonNode object) {
        List<FieldError> errors = new ArrayList<>();
        String name = object.path("metadata").path("name").asText("");
        if (name.isEmpty()) {
            if (object.path("metadata").path("generateName").asText("").isEmpty()) {
                errors.add(new FieldError(FieldError.Type.REQUIRED, "metadata.name", FieldError.OMIT,
                        "name or generateName is required"));
            }
            return errors;
        }
        if (name.length() > 253) {
            errors.add(FieldError.invalid("metadata.name", name, "must be no more than 253 characters"));
        }
        if (!SUBDOMAIN_PATTERN.matcher(name).matches()) {
            errors.add(FieldError.invalid("metadata.name", name, "a lowercase RFC 1123 subdomain must consist of lower"
                    + " case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
                    + " (e.g. 'example.com', regex used for validation is '" + SUBDOMAIN + "')"));
        }
        return errors;
    }
}
