package io.ztix.operator.network;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.ztix.api.common.Condition;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkStatus;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.common.RetryTracker;
import io.ztix.operator.common.SecretReader.SecretUnavailableException;
import io.ztix.operator.common.StatusSnapshot;
import io.ztix.operator.reading.UnreadableObjects;
import io.ztix.operator.zerotier.ZeroTierException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Keeps a ZtNetwork's ZeroTier network as the spec says: observe the controller, create or adopt the
 * network, correct drift, and record what was seen. A lost or replaced self-hosted controller gets the
 * network back with the same ID; the JoinRequests then put their members back.
 */
@ControllerConfiguration(name = "ztnetwork")
public class ZtNetworkReconciler implements Reconciler<ZtNetwork> {

    private final ControllerClients clients;
    private final NetworkSynchronizer synchronizer;
    private final ZtNetworkStatusWriter statusWriter;
    private final EventRecorder events;
    private final UnreadableObjects unreadable;
    private final OperatorConfig config;
    private final RetryTracker retries = new RetryTracker();
    private final Clock clock;

    public ZtNetworkReconciler(ControllerClients clients, NetworkSynchronizer synchronizer,
            ZtNetworkStatusWriter statusWriter, EventRecorder events, UnreadableObjects unreadable, OperatorConfig config,
            Clock clock) {
        this.unreadable = unreadable;
        this.clients = clients;
        this.synchronizer = synchronizer;
        this.statusWriter = statusWriter;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public UpdateControl<ZtNetwork> reconcile(ZtNetwork network, Context<ZtNetwork> context) {
        if (unreadable.frozen(network)) {
            return UpdateControl.noUpdate();
        }
        StatusSnapshot before = StatusSnapshot.of(network.getStatus());
        ZtNetworkStatusRecorder status = new ZtNetworkStatusRecorder(network, clock);
        Duration next = null;

        List<String> problems = ZtNetworkValidator.problems(network.getSpec());
        if (!problems.isEmpty()) {
            status.invalid(String.join("; ", problems));
        } else {
            try {
                NetworkSynchronizer.Result result = synchronizer.synchronize(network, clients.forNetwork(network));
                status.synchronized_(result);
                result.event().ifPresent(event -> events.normal(network, event.reason(), event.message()));
                retries.succeeded(network);
                next = config.resyncInterval();
            } catch (SecretUnavailableException e) {
                status.tokenUnavailable(e.getMessage());
                next = retries.nextDelay(network, config.backoff(), null);
            } catch (ZeroTierException e) {
                status.controllerFailed(e);
                next = retries.nextDelay(network, config.backoff(), e.retryAfter().orElse(null));
            } catch (IllegalArgumentException e) {
                status.invalid(e.getMessage());
            }
        }

        if (before.changed(network.getStatus())) {
            Condition ready = status.ready();
            if (!ready.isTrue()) {
                events.warning(network, ready.reason, ready.message);
            }
            ZtNetworkStatus observed = network.getStatus();
            statusWriter.update(network.getMetadata().getNamespace(), network.getMetadata().getName(), stored -> {
                stored.observedGeneration = observed.observedGeneration;
                stored.networkId = observed.networkId;
                stored.controllerAddress = observed.controllerAddress;
                stored.members = observed.members;
                stored.createdOnController = observed.createdOnController;
                stored.fabric = observed.fabric;
                stored.conditions = observed.conditions;
                return null;
            });
        }
        UpdateControl<ZtNetwork> control = UpdateControl.noUpdate();
        return next == null ? control : control.rescheduleAfter(next);
    }
}
