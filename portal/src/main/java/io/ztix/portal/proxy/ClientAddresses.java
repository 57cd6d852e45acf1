package io.ztix.portal.proxy;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client behind a request, for the login throttle and the audit log. X-Forwarded-For is
 * believed only when the connection comes from a trusted proxy ({@code quarkus.http.proxy.trusted-proxies}, with
 * {@code proxy-address-forwarding} on), and then read from the right: each trusted proxy appends the address it
 * received from, so the client is the rightmost address that is not itself a trusted proxy. Whatever a client
 * writes into the header itself stays to the left of that and is never believed.
 */
@ApplicationScoped
public class ClientAddresses {

    static final int MAX_ENTRIES = 32;

    private final boolean forwarding;
    private final TrustedProxies trusted;

    ClientAddresses(@ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies) {
        this.forwarding = forwarding;
        this.trusted = TrustedProxies.parse(trustedProxies.orElse(List.of()));
    }

    /** The client address of this request, as text; "unknown" without a connection. */
    public String of(RoutingContext context) {
        if (context == null || context.request() == null || context.request().connection() == null) {
            return "unknown";
        }
        SocketAddress peer = context.request().connection().remoteAddress();
        String peerAddress = peer == null || peer.hostAddress() == null ? "unknown" : peer.hostAddress();
        return resolve(peerAddress, context.request().headers().getAll("X-Forwarded-For"));
    }

    /** The client, given the connection's peer address and the X-Forwarded-For header values in order. */
    String resolve(String peerAddress, List<String> forwardedFor) {
        Optional<InetAddress> peer = IpLiteral.parse(peerAddress);
        if (!forwarding || trusted.isEmpty() || peer.isEmpty() || !trusted.trusts(peer.get())) {
            return peerAddress;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        String client = peerAddress;
        for (int i = hops.size() - 1, seen = 0; i >= 0 && seen < MAX_ENTRIES; i--, seen++) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                // a trusted proxy wrote something that is not an address: stop at the last address it vouched for
                return client;
            }
            client = hop.get().getHostAddress();
            if (!trusted.trusts(hop.get())) {
                return client;
            }
        }
        return client;
    }
}
