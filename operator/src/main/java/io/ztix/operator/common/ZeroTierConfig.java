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
}
