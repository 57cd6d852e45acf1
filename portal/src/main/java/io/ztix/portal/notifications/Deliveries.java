package io.ztix.portal.notifications;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Sends what the outbox holds: e-mails through quarkus-mailer, webhooks as JSON POSTs signed with HMAC-SHA256
 * ({@code X-ZTIX-Signature: sha256=<hex>} over the exact body, the key from {@code ztix.notifications.webhook-secret}).
 * A failed delivery is retried with exponential back-off (retry-base, doubling, at most retry-max) and given up after
 * max-attempts; the admins' notifications page shows each delivery's state and last error.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    static final String SIGNATURE_HEADER = "X-ZTIX-Signature";

    @Inject
    Outbox outbox;

    @Inject
    Mailer mailer;

    @Inject
    NotificationConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ScheduledExecutorService worker;

    void start(@Observes StartupEvent event) {
        if (config.webhookUrls().map(urls -> !urls.isEmpty()).orElse(false)
                && config.webhookSecret().map(String::isBlank).orElse(true)) {
            throw new IllegalStateException("ztix.notifications.webhook-urls needs ztix.notifications.webhook-secret: "
                    + "receivers must be able to check that a webhook comes from this portal");
        }
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ztix-notifications");
            t.setDaemon(true);
            return t;
        });
        long every = config.pollInterval().toMillis();
        worker.scheduleWithFixedDelay(this::deliverDue, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    void deliverDue() {
        try {
            for (Outbox.Due due : outbox.claim(20)) {
                deliver(due);
            }
        } catch (RuntimeException e) {
            LOG.warnf("notification outbox unavailable, trying again in %s: %s", config.pollInterval(), e.getMessage());
        }
    }

    private void deliver(Outbox.Due due) {
        try {
            if ("email".equals(due.channel())) {
                mailer.send(Mail.withText(due.recipient(), due.subject(), due.body()));
            } else {
                post(due.recipient(), due.body());
            }
            outbox.delivered(due.id());
        } catch (RuntimeException | IOException e) {
            int attempts = due.attempts() + 1;
            Optional<Duration> retry = attempts >= config.maxAttempts() ? Optional.empty() : Optional.of(backoff(attempts));
            LOG.warnf("notification %d (%s to %s) failed, attempt %d%s: %s", due.id(), due.channel(), due.recipient(),
                    attempts, retry.map(r -> ", next in " + r).orElse(", given up"), e.getMessage());
            outbox.attemptFailed(due.id(), e.getMessage(), retry);
        }
    }

    /** retry-base after the first failure, doubling with each, never more than retry-max. */
    Duration backoff(int attempts) {
        Duration wait = config.retryBase();
        for (int i = 1; i < attempts && wait.compareTo(config.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
    }

    private void post(String url, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, "sha256=" + sign(config.webhookSecret().orElseThrow(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + response.statusCode() + " from " + url);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** HMAC-SHA256 of the body with the shared secret, as lower-case hex. */
    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
