package io.ztix.portal.requests;

/** The user's input cannot become a JoinRequest; {@code messageKey} names the explanation in the message bundle. */
public class InvalidRequest extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final String detail;

    public InvalidRequest(String field, String messageKey) {
        this(field, messageKey, null);
    }

    public InvalidRequest(String field, String messageKey, String detail) {
        super(messageKey + (detail == null ? "" : ": " + detail));
        this.field = field;
        this.messageKey = messageKey;
        this.detail = detail;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public String detail() {
        return detail;
    }
}
