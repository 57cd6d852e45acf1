package io.ztix.portal.lookingglass;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where the portal reaches the operator's looking-glass API ({@code ztix.portal.looking-glass.*}; the chart sets it). */
@ConfigMapping(prefix = "ztix.portal.looking-glass")
public interface LookingGlassConfig {

    /** e.g. http://ztix-zt-ix-operator-lookingglass.ztix-system.svc:8081; absent: the routes section says so. */
    Optional<String> url();

    /** The bearer token the operator requires, if any. */
    Optional<String> token();

    @WithDefault("10s")
    Duration timeout();

    /** Routes per page in the portal. */
    @WithDefault("50")
    int pageSize();
}
