package io.ztix.operator.network;

import io.ztix.api.network.ZtNetwork;
import io.ztix.operator.common.ZeroTierConfig;
import io.ztix.operator.common.SecretReader;
import io.ztix.operator.zerotier.Timeouts;
import io.ztix.operator.zerotier.ZeroTierController;
import io.ztix.operator.zerotier.ZeroTierControllers;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives the ZeroTier controller client of a ZtNetwork. The token is read from the network's Secret on
 * every request, so a rotated Secret takes effect at once; it never reaches logs, events or status.
 */
@ApplicationScoped
public class ControllerClients {

    private final ZeroTierControllers factory;
    private final SecretReader secrets;

    public ControllerClients(ZeroTierConfig config, SecretReader secrets) {
        this.factory = new ZeroTierControllers(new Timeouts(config.connectTimeout(), config.requestTimeout()));
        this.secrets = secrets;
    }

    /**
     * @throws SecretReader.SecretUnavailableException when the token Secret or key is missing (checked
     *                                                 once up front so the error is clear)
     */
    public ZeroTierController forNetwork(ZtNetwork network) {
        var controller = network.getSpec().controller;
        String namespace = network.getMetadata().getNamespace();
        secrets.read(namespace, controller.tokenSecretRef);
        String networkId = network.getSpec().networkId != null ? network.getSpec().networkId
                : network.getStatus() == null ? null : network.getStatus().networkId;
        return factory.forNetwork(controller.provider, controller.effectiveUrl(), networkId,
                () -> secrets.read(namespace, controller.tokenSecretRef));
    }
}
