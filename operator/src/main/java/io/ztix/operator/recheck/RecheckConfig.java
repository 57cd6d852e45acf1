package io.ztix.operator.recheck;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When admitted members are re-checked against PeeringDB ({@code ztix.recheck.*}). */
@ConfigMapping(prefix = "ztix.recheck")
public interface RecheckConfig {

    /** How old a member's last check may be before it is checked again. */
    @WithDefault("24h")
    Duration interval();

    /**
     * The shortest interval taken (PeeringDB asks integrators not to refresh more often than hourly); a shorter
     * {@code interval} is raised to this, with a warning in the log.
     */
    @WithDefault("1h")
    Duration minimumInterval();

    /** After PeeringDB failed (down, slow, 401, 5xx, garbage), the next attempt; a 429's Retry-After wins if longer. */
    @WithDefault("1h")
    Duration retryAfterFailure();

    /** How often the operator looks for members due for a check (and for new members, checked at once). */
    @WithDefault("1m")
    Duration tick();
}
