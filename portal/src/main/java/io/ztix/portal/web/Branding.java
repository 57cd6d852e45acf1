package io.ztix.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Branding for templates ({@code inject:branding}). */
@ApplicationScoped
@Named("branding")
public class Branding {

    @Inject
    BrandingConfig config;

    public String name() {
        return config.name();
    }

    public String logoUrl() {
        return config.logoUrl().filter(u -> u.startsWith("https://") || u.startsWith("/")).orElse(null);
    }

    public String supportUrl() {
        return config.supportUrl().filter(u -> u.startsWith("https://") || u.startsWith("mailto:")).orElse(null);
    }

    public String footer() {
        return config.footer().orElse("");
    }
}
