package io.ztix.operator.network;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkStatus;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.common.StatusSnapshot;
import java.time.Clock;
import java.util.List;

/** Keeps a ZtNetwork's spec checked and its status current. */
@ControllerConfiguration(name = "ztnetwork")
public class ZtNetworkReconciler implements Reconciler<ZtNetwork> {

    private final EventRecorder events;
    private final Clock clock;

    public ZtNetworkReconciler(EventRecorder events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public UpdateControl<ZtNetwork> reconcile(ZtNetwork network, Context<ZtNetwork> context) {
        StatusSnapshot before = StatusSnapshot.of(network.getStatus());
        if (network.getStatus() == null) {
            network.setStatus(new ZtNetworkStatus());
        }
        ZtNetworkStatus status = network.getStatus();
        status.observedGeneration = network.getMetadata().getGeneration();
        List<String> problems = ZtNetworkValidator.problems(network.getSpec());
        if (!problems.isEmpty()) {
            String joined = String.join("; ", problems);
            set(network, ZtNetwork.COND_READY, Condition.FALSE, "InvalidSpec", joined);
            if (before.changed(status)) {
                events.warning(network, "InvalidSpec", joined);
            }
        } else {
            set(network, ZtNetwork.COND_READY, Condition.UNKNOWN, "ControllerNotContacted",
                    "The spec is valid; the ZeroTier controller has not been contacted yet");
        }
        return before.changed(status) ? UpdateControl.patchStatus(network) : UpdateControl.noUpdate();
    }

    private void set(ZtNetwork network, String type, String status, String reason, String message) {
        Conditions.set(network.getStatus().conditions, new Condition(type, status, reason, message),
                network.getMetadata().getGeneration(), clock);
    }
}
