package io.ztix.operator.network;

import io.ztix.api.common.SecretKeyRef;
import io.ztix.operator.common.SecretPurpose;
import io.ztix.operator.common.SecretReader;
import io.ztix.operator.zerotier.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Controller API tokens read from their Secrets, kept for a short time so that a burst of approvals reads
 * each Secret once instead of for every request. It needs no more rights than reading the one named Secret
 * (no watch, no list): a rotation is seen when the kept token expires, or at once when the controller refuses
 * the kept token (the client then reads the Secret again and repeats the request). A Secret that cannot be
 * read is never kept, so its absence is reported on every attempt. Only Secrets meant for a controller token
 * ({@link SecretPurpose#ZEROTIER_TOKEN}) are read.
 */
final class TokenCache {

    private record Key(String namespace, String name, String key) {
    }

    private record Entry(String token, Instant readAt) {
    }

    private final SecretReader secrets;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    TokenCache(SecretReader secrets, Duration ttl, Clock clock) {
        this.secrets = secrets;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The token now (from the cache while fresh), or the Secret's error. */
    String read(String namespace, SecretKeyRef ref) {
        if (ref == null || ref.name == null || ref.key == null || ttl.isZero()) {
            return secrets.read(namespace, ref, SecretPurpose.ZEROTIER_TOKEN);
        }
        Key key = new Key(namespace, ref.name, ref.key);
        Entry entry = entries.get(key);
        Instant now = Instant.now(clock);
        if (entry != null && entry.readAt().plus(ttl).isAfter(now)) {
            return entry.token();
        }
        String token = secrets.read(namespace, ref, SecretPurpose.ZEROTIER_TOKEN);
        entries.put(key, new Entry(token, now));
        return token;
    }

    /** The source a controller client asks per request. */
    TokenSource source(String namespace, SecretKeyRef ref) {
        return new TokenSource() {
            @Override
            public String get() {
                return read(namespace, ref);
            }

            @Override
            public void refused(String token) {
                if (ref != null) {
                    entries.computeIfPresent(new Key(namespace, ref.name, ref.key),
                            (k, e) -> Objects.equals(e.token(), token) ? null : e);
                }
            }
        };
    }
}
