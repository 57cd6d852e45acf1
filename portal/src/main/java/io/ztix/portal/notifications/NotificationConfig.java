package io.ztix.portal.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Who hears about what (chart: {@code portal.notifications}); the SMTP server itself is quarkus.mailer.*. */
@ConfigMapping(prefix = "ztix.notifications")
public interface NotificationConfig {

    /** Send e-mails (requesters and the admin address); off without an SMTP server. */
    @WithDefault("false")
    boolean emailEnabled();

    /** Where new requests and node-ID conflicts are announced; none: no admin e-mails. */
    Optional<String> adminEmail();

    /** Language of the admin e-mails. */
    @WithDefault("en-US")
    String adminLanguage();

    /** URLs that receive a signed JSON POST for every event. */
    Optional<List<String>> webhookUrls();

    /** HMAC-SHA256 key of the webhooks' X-ZTIX-Signature header; required when webhook URLs are set. */
    Optional<String> webhookSecret();

    /** Base URL of the portal for links in e-mails (chart: portal.externalUrl). */
    @WithDefault("http://localhost:8080")
    String portalUrl();

    /**
     * Changes older than this are not announced: when notifications are switched on, or the outbox is new, the
     * informer's first list does not send a mail for every request the IX ever had.
     */
    @WithDefault("1d")
    Duration maxEventAge();

    /** How often the outbox is looked at. */
    @WithDefault("5s")
    Duration pollInterval();

    /** First retry after a failed delivery; doubles with every attempt up to retryMax. */
    @WithDefault("30s")
    Duration retryBase();

    @WithDefault("1h")
    Duration retryMax();

    /** After this many failed attempts a delivery is given up (and shown as failed to admins). */
    @WithDefault("12")
    int maxAttempts();
}
