package io.ztix.operator.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the operator talks to ZeroTier controllers ({@code ztix.zerotier.*}). */
@ConfigMapping(prefix = "ztix.zerotier")
public interface ZeroTierConfig {

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * Requests in flight to one controller at most. A zerotier-one controller serves its API with 8 worker
     * threads and keeps an idle connection (holding a worker) for 5 s, so this stays below 8.
     */
    @WithDefault("4")
    int maxConcurrentRequests();

    /**
     * How long an API token read from its Secret is used before the Secret is read again. A token the controller
     * refuses is read again at once, so a rotation takes effect on the next request either way.
     */
    @WithDefault("30s")
    Duration tokenCacheTtl();
}
