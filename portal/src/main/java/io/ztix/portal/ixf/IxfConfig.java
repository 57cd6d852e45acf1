package io.ztix.portal.ixf;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How this IX describes itself in the IX-F Member Export. */
@ConfigMapping(prefix = "ztix.ixf")
public interface IxfConfig {

    @WithDefault("1")
    long ixpId();

    /** The IX's id in the IX-F database (0 until registered). */
    @WithDefault("0")
    long ixfId();

    @WithDefault("ZT-IX")
    String shortname();

    Optional<String> name();

    Optional<String> country();

    Optional<String> url();

    Optional<Long> peeringdbId();
}
