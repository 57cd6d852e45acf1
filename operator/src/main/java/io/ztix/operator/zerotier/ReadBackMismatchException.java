package io.ztix.operator.zerotier;

/**
 * The controller answered 200 but did not store what was written (it silently ignores values it
 * cannot use). Always {@link ZeroTierException.Kind#PERMANENT}: writing the same again changes nothing.
 */
public class ReadBackMismatchException extends ZeroTierException {

    private final String field;
    private final String sent;
    private final String returned;

    public ReadBackMismatchException(String object, String field, String sent, String returned) {
        super(Kind.PERMANENT, "the ZeroTier controller did not keep what was written to " + object + ": field '" + field
                + "' was sent as " + sent + " but reads back as " + returned
                + " (the controller silently ignores values it cannot use)");
        this.field = field;
        this.sent = sent;
        this.returned = returned;
    }

    public String field() {
        return field;
    }

    public String sent() {
        return sent;
    }

    public String returned() {
        return returned;
    }
}
