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
}
