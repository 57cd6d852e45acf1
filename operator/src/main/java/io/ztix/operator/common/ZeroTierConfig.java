package io.ztix.operator.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Send the API token over plain http to any host. Without it, http is used only for loopback and
     * cluster-local hosts (a Service name, *.svc, *.svc.&lt;cluster domain&gt;); everything else needs https.
     */
    @WithDefault("false")
    boolean allowPlainHttp();

    /** When set, the only controller hosts the operator talks to: exact names or {@code *.suffix} patterns. */
    Optional<Set<String>> allowedHosts();

    /** The cluster's DNS domain, for telling cluster-local Service names apart. */
    @WithDefault("cluster.local")
    String clusterDomain();
}
