package io.ztix.operator.joinrequest;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequestReason;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.reading.TolerantReading;
import io.ztix.operator.common.SecretReader.SecretUnavailableException;
import io.ztix.operator.zerotier.ZeroTierException;
import java.util.Optional;

/**
 * Why an approved member cannot be verified or changed right now, as the reason and message of its
 * {@code Degraded} condition. A degradation never changes who is a member.
 *
 * @param outage true for a health problem that clears by itself (controller, token, API); false for one
 *               that needs an admin (the spec was changed after admission)
 */
record Degradation(JoinRequestReason reason, String message, boolean outage) {

    static final JoinRequestReason CONTROLLER_UNAVAILABLE = JoinRequestReason.ControllerUnavailable;
    static final JoinRequestReason TOKEN_REJECTED = JoinRequestReason.TokenRejected;
    static final JoinRequestReason TOKEN_SECRET_UNAVAILABLE = JoinRequestReason.TokenSecretUnavailable;
    static final JoinRequestReason NETWORK_MISSING_ON_CONTROLLER = JoinRequestReason.NetworkMissingOnController;
    static final JoinRequestReason CONTROLLER_REFUSED = JoinRequestReason.ControllerRefused;
    static final JoinRequestReason KUBERNETES_API_ERROR = JoinRequestReason.KubernetesApiError;
    static final JoinRequestReason NETWORK_NOT_FOUND = JoinRequestReason.NetworkNotFound;
    static final JoinRequestReason NETWORK_NOT_READY = JoinRequestReason.NetworkNotReady;
    static final JoinRequestReason NETWORK_UNREADABLE = JoinRequestReason.NetworkUnreadable;
    static final JoinRequestReason SPEC_CHANGED = JoinRequestReason.SpecChangedAfterAdmission;
    static final JoinRequestReason TERMS_CHANGED = JoinRequestReason.TermsChangedWithoutApproval;

    static Degradation outage(JoinRequestReason reason, String message) {
        return new Degradation(reason, message, true);
    }

    static Degradation needsAdmin(JoinRequestReason reason, String message) {
        return new Degradation(reason, message, false);
    }

    /** A failed controller or Kubernetes call, classified. */
    static Degradation of(RuntimeException e) {
        if (e instanceof SecretUnavailableException) {
            return outage(TOKEN_SECRET_UNAVAILABLE, "The controller's API token cannot be read: " + e.getMessage());
        }
        if (e instanceof KubernetesClientException k) {
            String said = k.getStatus() != null && k.getStatus().getMessage() != null ? k.getStatus().getMessage() : k.getMessage();
            return outage(KUBERNETES_API_ERROR, "The Kubernetes API answered " + (k.getCode() > 0 ? "HTTP " + k.getCode()
                    + " to" : "nothing to") + " a call of the operator: " + said + " (retried)");
        }
        if (e instanceof ZeroTierException z) {
            return switch (z.kind()) {
                case BAD_TOKEN -> outage(TOKEN_REJECTED, "The controller refused the API token: " + e.getMessage());
                case NOT_FOUND -> outage(NETWORK_MISSING_ON_CONTROLLER, e.getMessage());
                case PERMANENT -> outage(CONTROLLER_REFUSED, "The controller refused the change: " + e.getMessage());
                case TRANSIENT -> outage(CONTROLLER_UNAVAILABLE, "The controller cannot be reached: " + e.getMessage());
            };
        }
        return outage(CONTROLLER_UNAVAILABLE, e.getMessage());
    }

    /** Empty when the network is ready; else what its own status says is wrong. */
    static Optional<Degradation> ofNetwork(ZtNetwork network) {
        String name = network.getMetadata().getName();
        Optional<String> unreadable = TolerantReading.problem(network);
        if (unreadable.isPresent()) {
            return Optional.of(outage(NETWORK_UNREADABLE, "ZtNetwork '" + name + "' cannot be read (" + unreadable.get()
                    + "); its members stay as admitted and nothing is changed until it is fixed"));
        }
        if (network.getStatus() == null || network.getStatus().networkId == null) {
            return Optional.of(outage(NETWORK_NOT_READY, "ZtNetwork '" + name + "' has no network ID yet"));
        }
        Optional<Condition> ready = Conditions.find(network.getStatus().conditions, ZtNetwork.COND_READY);
        if (ready.map(Condition::isTrue).orElse(false)) {
            return Optional.empty();
        }
        String why = ready.map(c -> c.message).orElse("not observed yet");
        JoinRequestReason reason = switch (ready.map(c -> c.reason).orElse("")) {
            case "ControllerUnreachable" -> CONTROLLER_UNAVAILABLE;
            case "TokenRejected" -> TOKEN_REJECTED;
            case "TokenSecretUnavailable" -> TOKEN_SECRET_UNAVAILABLE;
            case "NetworkNotFound" -> NETWORK_MISSING_ON_CONTROLLER;
            default -> NETWORK_NOT_READY;
        };
        return Optional.of(outage(reason, "ZtNetwork '" + name + "' is not ready: " + why));
    }
}
