package io.ztix.portal.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Name, logo, support link and footer of this portal installation. */
@ConfigMapping(prefix = "ztix.branding")
public interface BrandingConfig {

    @WithDefault("ZT-IX")
    String name();

    Optional<String> logoUrl();

    Optional<String> supportUrl();

    Optional<String> footer();
}
