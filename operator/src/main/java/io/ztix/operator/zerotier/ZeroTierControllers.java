package io.ztix.operator.zerotier;

import io.ztix.api.network.ControllerSpec;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Builds the right {@link ZeroTierController} for a ZtNetwork. One factory shares one HTTP client (and
 * its connection pool) between all the controllers it makes, so making one per reconcile is cheap.
 * The token supplier is asked on every request (a {@link TokenSource} may cache it). Every controller URL has
 * one {@link ControllerGate}: at most {@code maxConcurrent} requests in flight to it, and a 429's Retry-After is
 * honoured by all callers.
 */
public final class ZeroTierControllers {

    private final Timeouts timeouts;
    private final HttpClient client;
    private final int maxConcurrent;
    private final Map<String, ControllerGate> gates = new ConcurrentHashMap<>();

    public ZeroTierControllers(Timeouts timeouts) {
        this(timeouts, ControllerGate.DEFAULT_MAX_CONCURRENT);
    }

    public ZeroTierControllers(Timeouts timeouts, int maxConcurrent) {
        this.timeouts = timeouts;
        this.client = httpClient(timeouts);
        this.maxConcurrent = maxConcurrent;
        new ControllerGate(maxConcurrent, Clock.systemUTC()); // fails early on a bad setting
    }

    /** The gate of one controller URL (shared by every client of that URL made here). */
    public ControllerGate gate(String baseUrl) {
        return gates.computeIfAbsent(baseUrl, url -> new ControllerGate(maxConcurrent, Clock.systemUTC()));
    }

    /**
     * @param baseUrl         the API base URL, e.g. {@link ControllerSpec#effectiveUrl()}
     * @param networkIdOrNull the network's ID when known; required for Central (its status probe)
     * @param tokenSupplier   reads the token from the Secret; called per request
     */
    public ZeroTierController forNetwork(ControllerSpec.Provider provider, String baseUrl, String networkIdOrNull,
                                         Supplier<String> tokenSupplier) {
        return switch (provider) {
            case SelfHosted -> new SelfHostedController(client, gate(baseUrl), baseUrl, tokenSupplier, timeouts);
            case Central -> {
                if (networkIdOrNull == null) {
                    throw new IllegalArgumentException("a ZeroTier Central network must be adopted: its network ID "
                            + "is required");
                }
                yield new CentralController(client, gate(baseUrl), baseUrl, networkIdOrNull, tokenSupplier, timeouts);
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
