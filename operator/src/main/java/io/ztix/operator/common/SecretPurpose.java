package io.ztix.operator.common;

/**
 * What the operator uses a Secret for. A Secret is used for a purpose only when it is labelled
 * {@value #LABEL}={@code <label>} or named for that purpose in the operator's configuration, so that whoever
 * may write a ZtNetwork or RouteServer cannot make the operator send an arbitrary Secret of the namespace (the
 * portal's database password, an SSH key) to a URL of their choice.
 */
public enum SecretPurpose {

    ZEROTIER_TOKEN("zerotier-token", "a ZeroTier controller API token", "operator.secrets.zerotierTokens"),
    SSH_KEY("ssh-key", "a route server's SSH key", "operator.secrets.sshKeys");

    public static final String LABEL = "ztix.io/secret-for";

    private final String label;
    private final String description;
    private final String chartValue;

    SecretPurpose(String label, String description, String chartValue) {
        this.label = label;
        this.description = description;
        this.chartValue = chartValue;
    }

    public String label() {
        return label;
    }

    String description() {
        return description;
    }

    String chartValue() {
        return chartValue;
    }
}
