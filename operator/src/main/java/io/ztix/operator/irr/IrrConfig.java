package io.ztix.operator.irr;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the operator runs IRR lookups ({@code ztix.irr.*}); what to look up and where is in RouteServer spec.irr. */
@ConfigMapping(prefix = "ztix.irr")
public interface IrrConfig {

    /** The bgpq4 executable (the operator image installs Debian's bgpq4 1.9). */
    @WithDefault("/usr/bin/bgpq4")
    String bgpq4();

    /** Longest one bgpq4 run may take before it is killed and the lookup counts as failed. */
    @WithDefault("120s")
    Duration timeout();

    /** bgpq4 runs at once, over all route servers and members. */
    @WithDefault("4")
    int concurrency();

    /** After a failed lookup, the next attempt for the same lists (refreshes otherwise follow spec.irr). */
    @WithDefault("5m")
    Duration retryAfterFailure();

    /** Largest bgpq4 answer read (a 100,000-prefix set is a few MB). */
    @WithDefault("67108864")
    long maxOutputBytes();

    /**
     * Lists no route server has asked for this long (a member who left, an AS-SET that changed) are forgotten and
     * their saved ConfigMap deleted; asked for again later, they are looked up again as for a new member.
     */
    @WithDefault("24h")
    Duration unusedRetention();

    /** How often the operator looks for such lists. */
    @WithDefault("1h")
    Duration sweepInterval();
}
