package io.ztix.portal.web;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.ztix.portal.auth.tokens.TokenKeys;
import io.ztix.portal.auth.tokens.TokenSealing;
import io.ztix.portal.proxy.TrustedProxies;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The portal refuses to start when its security settings are unsafe: every secret has one purpose, at least
 * {@link #MIN_SECRET_LENGTH} characters, and differs from the others (the token encryption key's previous keys,
 * kept for a rotation, are that long too); in production the external URL is https and forwarded headers are
 * believed only from configured proxies, each an IP address or CIDR block.
 */
@ApplicationScoped
public class StartupChecks {

    static final int MIN_SECRET_LENGTH = TokenKeys.MIN_SECRET_LENGTH;

    /** The secrets and what each one is for (the environment variable an admin sets). */
    static final Map<String, String> SECRETS = Map.of(
            "ztix.session-secret", "ZTIX_SESSION_SECRET (local-account session cookie)",
            "ztix.oidc-state-secret", "ZTIX_OIDC_STATE_SECRET (PeeringDB login state cookie)",
            TokenSealing.KEY, "ZTIX_TOKEN_ENCRYPTION_KEY (PeeringDB session tokens in the database)");

    /** What the checks read, as plain values. */
    record Settings(boolean production, Map<String, Optional<String>> secrets, List<String> previousTokenKeys,
            Optional<String> oidcClientSecret, Optional<String> externalUrl, boolean proxyForwarding,
            List<String> trustedProxies) {
    }

    void check(@Observes @Priority(1) StartupEvent event) {
        List<String> problems = problems(read(ConfigProvider.getConfig()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start the portal: " + String.join("; ", problems));
        }
    }

    static Settings read(Config config) {
        Map<String, Optional<String>> secrets = new java.util.TreeMap<>();
        SECRETS.keySet().forEach(key -> secrets.put(key, config.getOptionalValue(key, String.class)));
        return new Settings(ConfigUtils.isProfileActive("prod"), secrets,
                config.getOptionalValues(TokenSealing.PREVIOUS_KEYS, String.class).orElse(List.of()),
                config.getOptionalValue("quarkus.oidc.credentials.secret", String.class),
                config.getOptionalValue("ztix.portal.external-url", String.class),
                config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class).orElse(false),
                config.getOptionalValues("quarkus.http.proxy.trusted-proxies", String.class).orElse(List.of()));
    }

    static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        settings.oidcClientSecret().ifPresent(seen::add);
        settings.secrets().forEach((key, value) -> {
            String what = SECRETS.get(key);
            if (value.isEmpty() || value.get().isBlank()) {
                problems.add(what + " is not set");
            } else if (value.get().length() < MIN_SECRET_LENGTH) {
                problems.add(what + " is shorter than " + MIN_SECRET_LENGTH + " characters");
            } else if (seen.contains(value.get())) {
                problems.add(what + " is the same as another secret: give every purpose its own");
            } else {
                seen.add(value.get());
            }
        });
        problems.addAll(TokenKeys.previousKeyProblems(settings.previousTokenKeys()));
        try {
            TrustedProxies.parse(settings.trustedProxies());
        } catch (IllegalArgumentException e) {
            // ClientAddresses would refuse it at the first login, and every login after it
            problems.add("quarkus.http.proxy.trusted-proxies (the chart's portal.trustedProxies): " + e.getMessage()
                    + "; give IP addresses or CIDR blocks");
        }
        if (settings.production()) {
            String url = settings.externalUrl().orElse("");
            if (!isHttps(url)) {
                problems.add("ztix.portal.external-url (ZTIX_PORTAL_EXTERNAL_URL) must be the portal's https:// URL, not '"
                        + url + "'");
            }
            if (settings.proxyForwarding() && settings.trustedProxies().isEmpty()) {
                problems.add("quarkus.http.proxy.proxy-address-forwarding is on but quarkus.http.proxy.trusted-proxies "
                        + "is empty: anybody could forge X-Forwarded-For and X-Forwarded-Proto");
            }
        }
        return problems;
    }

    private static boolean isHttps(String url) {
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
