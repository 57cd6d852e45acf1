package io.ztix.operator.network;

import io.ztix.operator.common.SecretReader.SecretUnavailableException;

/**
 * The operator keeps the API token from this controller URL (plain http to a host outside the cluster, or a
 * host off the allow-list): to every caller the token is as unavailable as a missing Secret, so requests keep
 * their state while the ZtNetwork's status says why.
 */
public class ControllerNotAllowedException extends SecretUnavailableException {
    public ControllerNotAllowedException(String message) {
        super(message);
    }
}
