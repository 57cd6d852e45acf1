package io.ztix.operator.network;

import io.ztix.api.network.ZtNetwork;
import io.ztix.operator.common.ZeroTierConfig;
import io.ztix.operator.common.SecretReader;
import io.ztix.operator.zerotier.Timeouts;
import io.ztix.operator.zerotier.ZeroTierController;
import io.ztix.operator.zerotier.ZeroTierControllers;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Gives the ZeroTier controller client of a ZtNetwork. All clients share one HTTP client and, per controller
 * URL, one gate (bounded requests in flight, Retry-After honoured). The token comes from the network's Secret
 * through a short-lived cache ({@link TokenCache}): a rotated Secret takes effect when the controller refuses
 * the old token or after {@code ztix.zerotier.token-cache-ttl}; it never reaches logs, events or status, and is
 * sent only to URLs the {@link ControllerUrlPolicy} allows and only from a Secret meant for it.
 */
@ApplicationScoped
public class ControllerClients {

    private final ZeroTierControllers factory;
    private final TokenCache tokens;
    private final ControllerUrlPolicy urls;

    public ControllerClients(ZeroTierConfig config, SecretReader secrets, Clock clock) {
        this.factory = new ZeroTierControllers(new Timeouts(config.connectTimeout(), config.requestTimeout()),
                config.maxConcurrentRequests());
        this.tokens = new TokenCache(secrets, config.tokenCacheTtl(), clock);
        this.urls = new ControllerUrlPolicy(config);
    }

    /**
     * @throws SecretReader.SecretUnavailableException when the token Secret or key is missing or not meant for
     *                                                 a controller token (checked once up front so the error is
     *                                                 clear), or the URL is refused ({@link ControllerNotAllowedException})
     */
    public ZeroTierController forNetwork(ZtNetwork network) {
        var controller = network.getSpec().controller;
        String namespace = network.getMetadata().getNamespace();
        urls.refusal(controller.effectiveUrl()).ifPresent(why -> {
            throw new ControllerNotAllowedException(why);
        });
        tokens.read(namespace, controller.tokenSecretRef);
        String networkId = network.getSpec().networkId != null ? network.getSpec().networkId
                : network.getStatus() == null ? null : network.getStatus().networkId;
        return factory.forNetwork(controller.provider, controller.effectiveUrl(), networkId,
                tokens.source(namespace, controller.tokenSecretRef));
    }
}
