package io.ztix.operator.routeserver.apply;

/**
 * A successful apply. {@code previousSha256} is the live include file's hash before (null if it was missing);
 * {@code birdReply} is what {@code birdc configure} said (empty when UNCHANGED).
 */
public record ApplyResult(Outcome outcome, String sha256, String previousSha256, String birdReply) {

    public enum Outcome {
        /** The live file already had this content and BIRD had confirmed loading it: nothing was done. */
        UNCHANGED,
        /** The file was replaced and BIRD reconfigured. */
        APPLIED
    }
}
