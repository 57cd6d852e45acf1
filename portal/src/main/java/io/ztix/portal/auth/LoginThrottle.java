package io.ztix.portal.auth;

import io.ztix.portal.proxy.IpLiteral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Limits password attempts per client address: a token bucket per address holding {@code per-ip-per-minute}
 * attempts and refilling at that rate. The addresses are kept in a map of fixed size in least-recently-used
 * order, so an attempt costs O(1) whatever arrives and memory stays bounded: beyond {@code tracked-addresses}
 * the address not seen for longest is forgotten (an attacker would need that many addresses of their own to
 * make the portal forget one). An IPv6 client counts by its /64, the smallest block a site is given: a
 * host that picks a new address from its /64 for every attempt still draws from one bucket.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final double MINUTE_MILLIS = 60_000.0;

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private final int perMinute;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets;

    @Inject
    LoginThrottle(PortalAccessConfig config) {
        this(config.login().perIpPerMinute(), config.login().trackedAddresses(), System::currentTimeMillis);
    }

    LoginThrottle(int perMinute, int trackedAddresses, LongSupplier clock) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(Math.min(trackedAddresses, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > trackedAddresses;
            }
        };
    }

    /** Counts one attempt from {@code address}; false when the address is over its limit. */
    public synchronized boolean tryAcquire(String address) {
        address = bucketOf(address);
        long now = clock.getAsLong();
        Bucket bucket = buckets.get(address);
        if (bucket == null) {
            bucket = new Bucket(perMinute, now);
            buckets.put(address, bucket);
        } else {
            bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.refilledAt) * perMinute / MINUTE_MILLIS);
            bucket.refilledAt = now;
        }
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }

    /** The bucket an address draws from: an IPv4 address itself, an IPv6 address its /64; other text itself. */
    public static String bucketOf(String address) {
        return IpLiteral.parse(address)
                .map(parsed -> parsed instanceof Inet6Address
                        ? HexFormat.of().formatHex(parsed.getAddress(), 0, 8) + "::/64"
                        : parsed.getHostAddress())
                .orElse(address);
    }

    /** How many addresses are remembered now. */
    synchronized int trackedAddresses() {
        return buckets.size();
    }
}
