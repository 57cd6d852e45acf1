package io.ztix.operator.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The operator's own settings ({@code ztix.operator.*}). */
@ConfigMapping(prefix = "ztix.operator")
public interface OperatorConfig {

    /** Name of the coordination.k8s.io Lease used for leader election. */
    @WithDefault("zt-ix-operator")
    String leaseName();

    /** Namespace of the Lease; by default the namespace of the operator's own service account. */
    Optional<String> leaseNamespace();

    /** Exit when the Lease is lost, so Kubernetes restarts the replica as a follower. */
    @WithDefault("true")
    boolean exitOnLostLease();

    /** How often a healthy resource is checked against the outside world (drift, a wiped controller). */
    @WithDefault("5m")
    Duration resyncInterval();

    /** First retry delay after a transient failure; doubles per attempt, with jitter. */
    @WithDefault("2s")
    Duration retryBase();

    /** Longest retry delay. */
    @WithDefault("5m")
    Duration retryCap();

    /** Quiet time after the first change before a route server is reconfigured, so a burst lands in one apply. */
    @WithDefault("2s")
    Duration applyDebounce();

    /** Shortest time between two reconfigurations of one route server. */
    @WithDefault("10s")
    Duration applyInterval();

    /** How often BGP session states are read from each route server. */
    @WithDefault("60s")
    Duration sessionPollInterval();

    @WithDefault("10s")
    Duration sshConnectTimeout();

    @WithDefault("60s")
    Duration sshCommandTimeout();

    default Backoff backoff() {
        return new Backoff(retryBase(), retryCap());
    }
}
