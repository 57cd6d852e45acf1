package io.ztix.operator.lookingglass;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The operator's looking-glass API ({@code ztix.looking-glass.*}): off unless enabled (the chart enables it). */
@ConfigMapping(prefix = "ztix.looking-glass")
public interface LookingGlassConfig {

    /** Serve the API at all. Off by default: outside the cluster nothing listens. */
    @WithDefault("false")
    boolean enabled();

    /** Its own port, not the operator's 8080 (metrics, health): the chart's NetworkPolicy lets only the portal in. */
    @WithDefault("8081")
    int port();

    @WithDefault("0.0.0.0")
    String host();

    /** When set, every request must carry {@code Authorization: Bearer <token>} (the chart shares one with the portal). */
    Optional<String> token();

    /** How long an answer read from BIRD is served from memory. */
    @WithDefault("60s")
    Duration cacheTime();

    /** birdc route reads at once per route server; more wait (see {@link #fetchWait()}), so BIRD is never loaded. */
    @WithDefault("2")
    int maxConcurrentFetches();

    /** How long a request waits for a fetch slot before it is answered 503 (retry later). */
    @WithDefault("10s")
    Duration fetchWait();

    /** Routes held in the cache at most (over every session); the oldest answers are dropped first. */
    @WithDefault("200000")
    int maxCachedRoutes();

    /** The largest page a client may ask for; the default page is smaller. */
    @WithDefault("250")
    int maxPageSize();

    @WithDefault("100")
    int defaultPageSize();
}
