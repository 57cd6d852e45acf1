package io.ztix.portal.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.portal.i18n.Languages;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.web.BrandingConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Turns the JoinRequest changes the portal's informer sees into outbox rows: an e-mail to the requester (decision,
 * active, failed, degraded) or to the IX's admin address (new request, node-ID conflict), and a signed webhook for
 * every event. Every replica does this for every change; the outbox keeps one row per event and recipient.
 */
@ApplicationScoped
public class NotificationWatcher {

    private static final Logger LOG = Logger.getLogger(NotificationWatcher.class);

    @Inject
    ResourceCache cache;

    @Inject
    Outbox outbox;

    @Inject
    NotificationConfig config;

    @Inject
    BrandingConfig branding;

    @Inject
    ObjectMapper json;

    Clock clock = Clock.systemUTC();

    /** Events this replica has queued already (the outbox is the truth; this only spares it an insert per update). */
    private final Set<String> queued = Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 20_000;
        }
    });

    void register(@Observes @Priority(2) StartupEvent event) {
        cache.onJoinRequestSeen(this::seen);
    }

    /** The requester's language for the e-mails about this request (the portal's language when submitting). */
    public void submittedIn(String requestName, String languageTag) {
        try {
            outbox.rememberLanguage(requestName, languageTag);
        } catch (RuntimeException e) {
            LOG.warnf("could not remember the language of %s (its e-mails go out in English): %s", requestName, e.getMessage());
        }
    }

    void seen(JoinRequest r) {
        if (r.getSpec() == null || r.getMetadata().getUid() == null) {
            return;
        }
        Instant oldest = clock.instant().minus(config.maxEventAge());
        for (Event event : Event.of(r)) {
            if (event.at().isBefore(oldest)) {
                continue;
            }
            String seenKey = r.getMetadata().getUid() + " " + event.key();
            synchronized (queued) {
                if (queued.contains(seenKey)) {
                    continue;
                }
            }
            try {
                enqueue(event, r);
                synchronized (queued) {
                    queued.add(seenKey);
                }
            } catch (RuntimeException e) {
                // the next change of the request, or the informer's next resync, tries again: the key is the same
                LOG.warnf("could not queue the %s notification of %s: %s", event.kind(), r.getMetadata().getName(), e.getMessage());
            }
        }
    }

    private void enqueue(Event event, JoinRequest r) {
        String uid = r.getMetadata().getUid();
        String name = r.getMetadata().getName();
        if (config.emailEnabled()) {
            String to = event.kind().forAdmin ? config.adminEmail().orElse(null)
                    : r.getSpec().requester == null ? null : r.getSpec().requester.email;
            if (to != null && !to.isBlank()) {
                String language = event.kind().forAdmin ? config.adminLanguage()
                        : outbox.language(name).orElse(Languages.ALL.get(0).tag());
                MailTexts.Mail mail = MailTexts.of(event, r, supported(language), branding.name(), config.portalUrl());
                outbox.add(uid, name, event.key(), "email", to.trim(), language, mail.subject(), mail.body());
            }
        }
        for (String url : config.webhookUrls().orElse(List.of())) {
            outbox.add(uid, name, event.key(), "webhook", url, "en-US", event.kind().name(), payload(event, r));
        }
    }

    /** The webhook's JSON: facts only (no operator messages, which may name Secrets and hosts). */
    private String payload(Event event, JoinRequest r) {
        ObjectNode body = json.createObjectNode();
        body.put("event", event.kind().name());
        body.put("key", event.key());
        body.put("at", event.at().toString());
        body.put("request", r.getMetadata().getName());
        body.put("uid", r.getMetadata().getUid());
        body.put("network", r.getSpec().networkRef);
        if (r.getSpec().asn != null) {
            body.put("asn", r.getSpec().asn);
        }
        body.put("nodeId", r.getSpec().nodeId);
        if (r.getStatus() != null && r.getStatus().phase != null) {
            body.put("phase", r.getStatus().phase.name());
        }
        if (event.reason() != null) {
            body.put("reason", event.reason());
        }
        body.put("portal", config.portalUrl() + "/requests/" + r.getMetadata().getName());
        return body.toString();
    }

    /** The recipient's language if the portal speaks it, else the first one. */
    private static String supported(String languageTag) {
        return Languages.byTag(languageTag).orElse(Languages.ALL.get(0)).tag();
    }
}
