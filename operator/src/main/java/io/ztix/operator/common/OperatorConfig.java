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

    /**
     * Quiet time after the latest change before a route server is reconfigured, so a burst lands in one apply. A
     * steady trickle of changes waits at most {@link #applyInterval()} after the first change not yet applied (three
     * times that while approved requests of the network wait for their admission).
     */
    @WithDefault("2s")
    Duration applyDebounce();

    /** Shortest time between two reconfigurations of one route server. */
    @WithDefault("10s")
    Duration applyInterval();

    /** How often BGP session states are read from each route server. */
    @WithDefault("60s")
    Duration sessionPollInterval();

    /**
     * Health gate: how long the sessions that were Established before an apply (and that the change touched) may
     * take to be Established again before the verdict. Confirmed as soon as they all are.
     */
    @WithDefault("10s")
    Duration applySettleTime();

    /** How often the health gate looks at the sessions while a change settles. */
    @WithDefault("1s")
    Duration applySettleCheckInterval();

    /** A rollback needs the sessions still down at the deadline to belong to at least this many members ... */
    @WithDefault("2")
    int rollbackMinMembers();

    /** ... and to be at least this share (percent) of the member sessions Established before the apply. */
    @WithDefault("10")
    int rollbackMinPercent();

    /** An RTR server that has never been in sync this long after it was configured gets a warning Event. */
    @WithDefault("60s")
    Duration rpkiGraceTime();

    /** How often a route server is observed while new members are held for RPKI (until an RTR server syncs). */
    @WithDefault("5s")
    Duration rpkiHoldPollInterval();

    /**
     * How often the JoinRequests the operator has not taken in (no finalizer) are looked at in the informer's cache,
     * to report those it never will (an object the API server refuses the finalizer on). One reported must have
     * been seen so at two looks in a row.
     */
    @WithDefault("30s")
    Duration outOfReachCheckInterval();

    @WithDefault("10s")
    Duration sshConnectTimeout();

    @WithDefault("60s")
    Duration sshCommandTimeout();

    /**
     * Gauges of each member's route counters per route server ({@code ztix_routeserver_member_routes}, labels asn,
     * family, kind): 6 series per member ASN and route server, e.g. 120,000 for 10,000 members on two route
     * servers. Off: only the route servers' totals ({@code ztix_routeserver_routes}).
     */
    @WithDefault("true")
    boolean memberRouteMetrics();

    default Backoff backoff() {
        return new Backoff(retryBase(), retryCap());
    }
}
