package io.ztix.operator.zerotier;

import io.ztix.api.network.ControllerSpec;
import java.net.http.HttpClient;
import java.util.function.Supplier;

/**
 * Builds the right {@link ZeroTierController} for a ZtNetwork. One factory shares one HTTP client (and
 * its connection pool) between all the controllers it makes, so making one per reconcile is cheap.
 * The token supplier is asked on every request, so a rotated Secret takes effect without a restart.
 */
public final class ZeroTierControllers {

    private final Timeouts timeouts;
    private final HttpClient client;

    public ZeroTierControllers(Timeouts timeouts) {
        this.timeouts = timeouts;
        this.client = httpClient(timeouts);
    }

    /**
     * @param baseUrl         the API base URL, e.g. {@link ControllerSpec#effectiveUrl()}
     * @param networkIdOrNull the network's ID when known; required for Central (its status probe)
     * @param tokenSupplier   reads the token from the Secret; called per request
     */
    public ZeroTierController forNetwork(ControllerSpec.Provider provider, String baseUrl, String networkIdOrNull,
                                         Supplier<String> tokenSupplier) {
        return switch (provider) {
            case SelfHosted -> new SelfHostedController(client, baseUrl, tokenSupplier, timeouts);
            case Central -> {
                if (networkIdOrNull == null) {
                    throw new IllegalArgumentException("a ZeroTier Central network must be adopted: its network ID "
                            + "is required");
                }
                yield new CentralController(client, baseUrl, networkIdOrNull, tokenSupplier, timeouts);
            }
        };
    }

    static HttpClient httpClient(Timeouts timeouts) {
        return HttpClient.newBuilder()
                .connectTimeout(timeouts.connect())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String toString() {
        return "ZeroTierControllers[" + timeouts + "]";
    }
}
