package io.ztix.operator.routeserver.apply;

/**
 * Applying a BIRD include file failed. {@link #stage()} says where, {@link #birdMessage()} carries what BIRD
 * (or the shell) said, e.g. {@code /etc/bird/ztix.conf.candidate:2:1 syntax error, unexpected PROTOCOL}, and
 * {@link #rollback()} whether the previous file is back in place.
 */
public final class BirdApplyException extends RuntimeException {

    public enum Stage {
        /** Reading the live file's hash. Nothing was changed. */
        READ,
        /** Writing the candidate file. The live file was not touched. */
        UPLOAD,
        /** bird -p or birdc configure check rejected the candidate. The live file was not touched. */
        CHECK,
        /** Backing up the live file or moving the candidate into place. */
        SWAP,
        /** birdc configure failed or timed out. */
        CONFIGURE,
        /** birdc configure returned without confirming the reconfiguration. */
        CONFIRM,
        /** Putting the previous file back after the health check found that the new one hurt. */
        ROLLBACK
    }

    public enum Rollback {
        /** The failure came before the live file was replaced; nothing to undo. */
        NOT_NEEDED,
        /** The previous file was moved back and BIRD confirmed reconfiguring with it. */
        RESTORED,
        /** Restoring the previous file or reconfiguring BIRD with it failed as well; see the message. */
        FAILED
    }

    private final Stage stage;
    private final String birdMessage;
    private final Rollback rollback;

    public BirdApplyException(Stage stage, String birdMessage, Rollback rollback, String rollbackDetail,
            Throwable cause) {
        super("applying BIRD configuration failed at " + stage + ": " + birdMessage + " ("
                + describe(rollback, rollbackDetail) + ")", cause);
        this.stage = stage;
        this.birdMessage = birdMessage;
        this.rollback = rollback;
    }

    public Stage stage() {
        return stage;
    }

    public String birdMessage() {
        return birdMessage;
    }

    public Rollback rollback() {
        return rollback;
    }

    private static String describe(Rollback rollback, String detail) {
        return switch (rollback) {
            case NOT_NEEDED -> "live configuration untouched";
            case RESTORED -> "previous configuration restored and reloaded";
            case FAILED -> "ROLLBACK FAILED: " + detail;
        };
    }
}
