package io.ztix.operator.network;

import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.network.FabricStatus;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkStatus;
import io.ztix.operator.zerotier.ReadBackMismatchException;
import io.ztix.operator.zerotier.ZeroTierException;
import io.ztix.operator.zerotier.rules.RuleSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Every outcome of a ZtNetwork reconciliation, as status fields and conditions that agree. */
final class ZtNetworkStatusRecorder {

    private final ZtNetwork network;
    private final ZtNetworkStatus status;
    private final Clock clock;

    ZtNetworkStatusRecorder(ZtNetwork network, Clock clock) {
        this.network = network;
        this.clock = clock;
        if (network.getStatus() == null) {
            network.setStatus(new ZtNetworkStatus());
        }
        this.status = network.getStatus();
        this.status.observedGeneration = network.getMetadata().getGeneration();
    }

    void invalid(String problems) {
        set(ZtNetwork.COND_READY, Condition.FALSE, "InvalidSpec", problems);
    }

    void tokenUnavailable(String why) {
        set(ZtNetwork.COND_CONTROLLER_REACHABLE, Condition.UNKNOWN, "TokenSecretUnavailable", why);
        set(ZtNetwork.COND_READY, Condition.FALSE, "TokenSecretUnavailable", why);
    }

    void controllerFailed(ZeroTierException e) {
        String message = e.getMessage();
        switch (e.kind()) {
            case TRANSIENT -> set(ZtNetwork.COND_CONTROLLER_REACHABLE, Condition.FALSE, "Unreachable", message);
            case BAD_TOKEN -> set(ZtNetwork.COND_CONTROLLER_REACHABLE, Condition.FALSE, "TokenRejected",
                    "The controller refused the API token from Secret '"
                            + network.getSpec().controller.tokenSecretRef.name + "': " + message);
            case NOT_FOUND -> {
                set(ZtNetwork.COND_CONTROLLER_REACHABLE, Condition.TRUE, "Reachable", "The controller answered");
                set(ZtNetwork.COND_NETWORK_READY, Condition.FALSE, "NetworkNotFound", message);
            }
            case PERMANENT -> {
                set(ZtNetwork.COND_CONTROLLER_REACHABLE, Condition.TRUE, "Reachable", "The controller answered");
                set(ZtNetwork.COND_NETWORK_READY, Condition.FALSE, "ControllerError", message);
            }
        }
        if (e instanceof ReadBackMismatchException mismatch && mismatch.field().equals("rules")) {
            set(ZtNetwork.COND_FABRIC_RULES, Condition.FALSE, "RulesNotKept", "The controller did not keep the "
                    + "flow rules ZT-IX wrote (" + mismatch.sent() + "; it holds " + mismatch.returned()
                    + "): the peering LAN may be unprotected. Check the controller's version and logs.");
        }
        set(ZtNetwork.COND_READY, Condition.FALSE, reasonOf(e), message);
    }

    void synchronized_(NetworkSynchronizer.Result result) {
        status.networkId = result.networkId();
        status.controllerAddress = result.controller().controllerAddress();
        status.members = result.members();
        if (result.created()) {
            status.createdOnController = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        }
        String version = result.controller().version() == null ? "" : " (version " + result.controller().version() + ")";
        set(ZtNetwork.COND_CONTROLLER_REACHABLE, Condition.TRUE, "Reachable", "The controller answered" + version);
        set(ZtNetwork.COND_NETWORK_READY, Condition.TRUE, "Configured", "Network " + result.networkId()
                + " is configured as the spec says");
        fabric(result);
        set(ZtNetwork.COND_READY, Condition.TRUE, "Ready", "Network " + result.networkId() + " is ready");
    }

    private void fabric(NetworkSynchronizer.Result result) {
        if (result.rules().isEmpty()) {
            status.fabric = null;
            set(ZtNetwork.COND_FABRIC_RULES, Condition.UNKNOWN, "NotManaged", "spec.fabric.manageRules is false: "
                    + "ZT-IX neither writes nor checks the flow rules of network " + result.networkId());
            return;
        }
        RuleSet rules = result.rules().get();
        status.fabric = new FabricStatus(rules.hash(), rules.size());
        set(ZtNetwork.COND_FABRIC_RULES, Condition.TRUE, "RulesInPlace", "The controller holds ZT-IX's "
                + rules.size() + " flow rules (hash " + rules.hash() + ") for network " + result.networkId());
    }

    Condition ready() {
        return Conditions.find(status.conditions, ZtNetwork.COND_READY).orElseThrow();
    }

    private static String reasonOf(ZeroTierException e) {
        return switch (e.kind()) {
            case TRANSIENT -> "ControllerUnreachable";
            case BAD_TOKEN -> "TokenRejected";
            case NOT_FOUND -> "NetworkNotFound";
            case PERMANENT -> "ControllerError";
        };
    }

    private void set(String type, String conditionStatus, String reason, String message) {
        Conditions.set(status.conditions, new Condition(type, conditionStatus, reason, message),
                network.getMetadata().getGeneration(), clock);
    }
}
