package io.ztix.api.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * One observation about a resource, following the Kubernetes API conventions for
 * {@code status.conditions[]}. Build and update conditions only through {@link Conditions}, which keeps
 * {@code lastTransitionTime} stable unless {@code status} really flips.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Condition {

    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    @Required
    @JsonPropertyDescription("Kind of observation, e.g. Ready.")
    public String type;

    @Required
    @Pattern("^(True|False|Unknown)$")
    @JsonPropertyDescription("True, False or Unknown.")
    public String status;

    @Required
    @JsonPropertyDescription("Machine-readable CamelCase reason for the last transition or observation.")
    public String reason;

    @JsonPropertyDescription("Human-readable explanation.")
    public String message;

    @Required
    @JsonPropertyDescription("When status last changed (RFC 3339).")
    public String lastTransitionTime;

    @JsonPropertyDescription("metadata.generation of the spec this condition was computed from.")
    public Long observedGeneration;

    public Condition() {
    }

    public Condition(String type, String status, String reason, String message) {
        this.type = type;
        this.status = status;
        this.reason = reason;
        this.message = message;
    }

    @JsonIgnore
    public boolean isTrue() {
        return TRUE.equals(status);
    }
}
