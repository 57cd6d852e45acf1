package io.ztix.testing.kubeapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One validation error as kube-apiserver's {@code field.Error}: a type (its reason in a Status cause), the field
 * path ({@code spec.approval.decision}; {@code <nil>} for the object itself), the bad value and a detail. The
 * texts are kube-apiserver's (Kubernetes 1.32), so kubectl prints what a real cluster prints.
 */
public record FieldError(Type type, String field, Object badValue, String detail) {

    /** kube-apiserver's field.ErrorType: the reason of a Status cause and the start of its message. */
    public enum Type {
        REQUIRED("FieldValueRequired", "Required value"),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
        INVALID("FieldValueInvalid", "Invalid value"),
        TYPE_INVALID("FieldValueTypeInvalid", "Invalid value"),
        TOO_LONG("FieldValueTooLong", "Too long"),
        TOO_MANY("FieldValueTooMany", "Too many"),
        DUPLICATE("FieldValueDuplicate", "Duplicate value"),
        FORBIDDEN("FieldValueForbidden", "Forbidden");

        private final String reason;
        private final String text;

        Type(String reason, String text) {
            this.reason = reason;
            this.text = text;
        }

        public String reason() {
            return reason;
        }

        public String text() {
            return text;
        }
    }

    /** Marks an error whose value is not printed (as field.Error's omitValue). */
    public static final Object OMIT = new Object();

    /** The path of the object itself, as kube-apiserver prints a nil field.Path. */
    public static final String ROOT = "<nil>";

    public static FieldError required(String field) {
        return new FieldError(Type.REQUIRED, field, OMIT, "");
    }

    public static FieldError notSupported(String field, JsonNode value, List<JsonNode> supported) {
        String detail = "supported values: " + supported.stream().map(GoFormat::quotedValue)
                .collect(Collectors.joining(", "));
        return new FieldError(Type.NOT_SUPPORTED, field, GoFormat.plain(value), detail);
    }

    public static FieldError invalid(String field, Object value, String detail) {
        return new FieldError(Type.INVALID, field, value, detail);
    }

    public static FieldError typeInvalid(String field, Object value, String detail) {
        return new FieldError(Type.TYPE_INVALID, field, value, detail);
    }

    public static FieldError tooLong(String field, long maxLength) {
        return new FieldError(Type.TOO_LONG, field, OMIT, "may not be more than " + maxLength + " bytes");
    }

    public static FieldError tooMany(String field, long actual, long max) {
        return new FieldError(Type.TOO_MANY, field, actual, "must have at most " + max + " items");
    }

    public static FieldError duplicate(String field, JsonNode value) {
        return new FieldError(Type.DUPLICATE, field, GoFormat.plain(value), "");
    }

    /** field.Error.ErrorBody(): the message of a Status cause. */
    public String body() {
        StringBuilder s = new StringBuilder(type.text());
        boolean printValue = badValue != OMIT && type != Type.REQUIRED && type != Type.TOO_LONG
                && type != Type.FORBIDDEN;
        if (printValue) {
            s.append(": ").append(GoFormat.value(badValue));
        }
        if (!detail.isEmpty()) {
            s.append(": ").append(detail);
        }
        return s.toString();
    }

    /** field.Error.Error(): {@code field: body}. */
    @Override
    public String toString() {
        return field + ": " + body();
    }
}
