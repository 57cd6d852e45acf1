package io.ztix.operator.ssh;

/** The server presented a host key other than the pinned one; names both SHA256 fingerprints. */
public final class HostKeyMismatchException extends SshException {

    private final String expectedFingerprint;
    private final String presentedFingerprint;

    public HostKeyMismatchException(String endpoint, String expectedFingerprint, String presentedFingerprint) {
        super(Kind.HOST_KEY, "host key mismatch for " + endpoint + ": expected " + expectedFingerprint
                + " (pinned in spec), server presented " + presentedFingerprint
                + "; refusing to connect");
        this.expectedFingerprint = expectedFingerprint;
        this.presentedFingerprint = presentedFingerprint;
    }

    /** The pinned key's fingerprint, {@code SHA256:<base64 without padding>}. */
    public String expectedFingerprint() {
        return expectedFingerprint;
    }

    /** The fingerprint of the key the server presented, same form. */
    public String presentedFingerprint() {
        return presentedFingerprint;
    }
}
