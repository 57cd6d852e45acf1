package io.ztix.portal.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.PortalTestResources;
import io.ztix.portal.testsupport.Receiver;
import io.ztix.portal.testsupport.WebhookReceiver;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.http.Cookie;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * E-mails go through a real SMTP server (GreenMail, in the test JVM) and webhooks to a local HTTP receiver: the
 * requester hears of the decision, Active, Failed and Degraded in the language she submitted in, without the
 * operator's admin prose; the IX's admin address hears of new requests and node-ID conflicts; each event once,
 * however often the informer delivers the object; webhooks are signed and retried with back-off.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class NotificationsTest {

    static final String SECRET = "test-webhook-secret";

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    ResourceCache cache;

    @Inject
    NotificationWatcher watcher;

    @Inject
    Outbox outbox;

    @Inject
    NotificationConfig config;

    @Inject
    io.ztix.portal.web.BrandingConfig branding;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** What another portal replica, or this one after a restart, is: a watcher with no memory, on the same outbox. */
    private NotificationWatcher anotherReplica() {
        NotificationWatcher other = new NotificationWatcher();
        other.outbox = outbox;
        other.config = config;
        other.branding = branding;
        other.json = json;
        return other;
    }

    @Receiver
    GreenMail smtp;

    @Receiver
    WebhookReceiver webhooks;

    Cluster cluster;

    @BeforeEach
    void network() {
        cluster = new Cluster(client, api, cache);
        cluster.network("mail-lan", "Mail LAN", true);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Condition condition(String type, String status, String reason, String message) {
        Condition c = new Condition(type, status, reason, message);
        c.lastTransitionTime = now();
        return c;
    }

    private List<MimeMessage> mailsAbout(String request, String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(request) && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(to));
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private MimeMessage awaitMail(String request, String to, String subjectPart) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(request, to).stream()
                .anyMatch(m -> subject(m).contains(subjectPart)));
        return mailsAbout(request, to).stream().filter(m -> subject(m).contains(subjectPart)).findFirst().orElseThrow();
    }

    /** The decoded text of a plain-text mail (quoted-printable or base64 on the wire). */
    private static String text(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (MessagingException | java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** Submits through the portal's form in the given language, as alice. */
    private String submit(String language, String nodeId) {
        try (Browser browser = new Browser(base)) {
            browser.client().getCookieManager().addCookie(new Cookie(base.getHost(), "ztix-lang", language));
            HtmlPage list = browser.loginWithPeeringDb("full");
            String token = Browser.csrfToken(list);
            browser.post("/requests", List.of(new NameValuePair("asn", "64501"), new NameValuePair("networkRef", "mail-lan"),
                    new NameValuePair("nodeId", nodeId), new NameValuePair("csrf-token", token)));
        }
        String name = JoinRequest.nameFor("mail-lan", 64501, nodeId);
        cluster.awaitCached(name);
        return name;
    }

    @Test
    void theRequesterHearsOfEachStepInHerLanguageAndTheAdminOfTheNewRequest() {
        String name = submit("he", "00000007a1");
        MimeMessage announced = awaitMail(name, "noc@ix.example.net", "New request");
        assertThat(text(announced)).contains("Alice Operator").contains("AS64501")
                .contains("https://portal.ix.example.net/admin/pending");

        cluster.patchStatus(name, r -> {
            r.getStatus().phase = Phase.Approved;
            r.getStatus().conditions.add(condition("Approved", "True", "Approved", "Approved by ada"));
        });
        MimeMessage approved = awaitMail(name, "alice@example.net", "אושרה");
        String body = text(approved);
        assertThat(body).contains("שלום Alice Operator").contains("נקודת ההחלפה אישרה את הבקשה")
                .contains("https://portal.ix.example.net/requests/" + name).doesNotContain("Approved by");

        cluster.patchStatus(name, r -> {
            r.getStatus().phase = Phase.Active;
            r.getStatus().conditions.add(condition("Ready", "True", "Active", "The member is authorized and configured"));
        });
        awaitMail(name, "alice@example.net", "פעיל");

        cluster.patchStatus(name, r -> r.getStatus().conditions.add(condition("Degraded", "True", "TokenRejected",
                "The controller refused the API token from Secret 'zt-token' at http://zt-controller:9993")));
        MimeMessage degraded = awaitMail(name, "alice@example.net", "תקלה");
        assertThat(text(degraded)).contains("אין צורך לעשות דבר").doesNotContain("zt-token")
                .doesNotContain("zt-controller").doesNotContain("Secret");
    }

    @Test
    void aRejectionCarriesTheIxsReasonAndAFailureNoOperatorDetails() {
        String name = submit("en-US", "00000007b1");
        cluster.decide(name, new Approval(Approval.Decision.Rejected, "Your AS-SET has no route objects", "ada"));
        cluster.patchStatus(name, r -> {
            r.getStatus().phase = Phase.Rejected;
            r.getStatus().conditions.add(condition("Approved", "False", "Rejected", "Rejected by ada: ..."));
        });
        assertThat(text(awaitMail(name, "alice@example.net", "was rejected")))
                .contains("The IX rejected the request.").contains("The IX's reason: Your AS-SET has no route objects");

        String failing = submit("zh-CN", "00000007b2");
        cluster.patchStatus(failing, r -> {
            r.getStatus().phase = Phase.Failed;
            r.getStatus().lastError = "kubectl annotate joinrequest x ztix.io/retry=now";
            r.getStatus().conditions.add(condition("Ready", "False", "Failed", "boom — fix the cause, then retry with: kubectl annotate"));
        });
        String body = text(awaitMail(failing, "alice@example.net", "未成功"));
        assertThat(body).contains("设置您的端口未成功").doesNotContain("kubectl").doesNotContain("boom");
    }

    @Test
    void eachEventIsSentOnceHoweverOftenReplicasOrRestartsSeeTheObject() {
        String name = submit("en-US", "00000007c1");
        cluster.patchStatus(name, r -> r.getStatus().conditions.add(condition("Approved", "True", "Approved", "by ada")));
        awaitMail(name, "alice@example.net", "was approved");
        JoinRequest seen = cache.joinRequest(name).orElseThrow();
        for (int i = 0; i < 3; i++) {
            watcher.seen(seen); // a resync delivers the object again
            anotherReplica().seen(seen); // another replica, or a restart's first list
        }
        // the outbox is the only way out: one row per event and recipient (written at once by seen), all delivered
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(outbox.recent(500).stream()
                .filter(d -> d.requestName().equals(name)).toList())
                .hasSize(4).allSatisfy(d -> assertThat(d.state()).isEqualTo("delivered")));
        assertThat(mailsAbout(name, "alice@example.net")).hasSize(1);
        assertThat(mailsAbout(name, "noc@ix.example.net")).hasSize(1);
        assertThat(webhooks.received().stream().filter(w -> w.body().contains("\"request\":\"" + name + "\"")).count())
                .isEqualTo(2);
    }

    @Test
    void changesOlderThanTheMaximumAgeAreNotAnnounced() {
        JoinRequest old = Cluster.newRequest("mail-lan", 64501, "00000007d1");
        old.getSpec().requester = new io.ztix.api.joinrequest.Requester();
        old.getSpec().requester.peeringdbUserId = 1001L; // Alice Operator, as the fake PeeringDB knows her
        old.getSpec().requester.email = "alice@example.net";
        cluster.create(old);
        String name = old.getMetadata().getName();
        cluster.patchStatus(name, r -> {
            Condition approved = new Condition("Approved", "True", "Approved", "by ada");
            approved.lastTransitionTime = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS).toString();
            r.getStatus().conditions.add(approved);
        });
        JoinRequest seen = cache.joinRequest(name).orElseThrow();
        seen.getMetadata().setCreationTimestamp(Instant.now().minus(Duration.ofDays(3)).toString());
        anotherReplica().seen(seen);
        assertThat(outbox.recent(500)).as("nothing queued for the old approval, by either replica")
                .noneMatch(d -> d.requestName().equals(name) && d.recipient().equals("alice@example.net"));
        // a later, recent change of the same request is announced: the informer handled the old one before it
        cluster.patchStatus(name, r -> {
            r.getStatus().phase = Phase.Rejected;
            r.getStatus().conditions.removeIf(c -> c.type.equals("Approved"));
            r.getStatus().conditions.add(condition("Approved", "False", "Rejected", "Rejected by ada: ..."));
        });
        awaitMail(name, "alice@example.net", "was rejected");
        assertThat(mailsAbout(name, "alice@example.net")).extracting(NotificationsTest::subject)
                .noneMatch(subject -> subject.contains("was approved"));
    }

    @Test
    void webhooksAreSignedRetriedWithBackOffAndTheirDeliveryIsShownToAdmins() throws Exception {
        webhooks.failNext(2);
        String name = submit("en-US", "00000007e1");
        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks.received().stream()
                .filter(w -> w.body().contains("\"request\":\"" + name + "\"") && w.answered() == 204).count() == 1);
        List<WebhookReceiver.Received> attempts = webhooks.received().stream()
                .filter(w -> w.body().contains("\"request\":\"" + name + "\"")).toList();
        assertThat(attempts).extracting(WebhookReceiver.Received::answered).containsExactly(503, 503, 204);
        WebhookReceiver.Received delivered = attempts.get(2);
        assertThat(delivered.contentType()).isEqualTo("application/json");
        assertThat(delivered.signature()).isEqualTo("sha256=" + hmac(SECRET, delivered.body()));
        assertThat(delivered.body()).contains("\"event\":\"SUBMITTED\"").contains("\"asn\":64501")
                .doesNotContain("alice@example.net");

        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            HtmlPage page = browser.page("/admin/notifications");
            String row = page.querySelectorAll("tr[data-delivery]").stream().map(r -> r.asNormalizedText())
                    .filter(t -> t.contains(name) && t.contains("webhook")).findFirst().orElse("");
            assertThat(row).contains("delivered").contains("3×");
        }

        webhooks.failNext(100);
        String lost = submit("en-US", "00000007e2");
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.page("/admin/notifications")
                    .querySelectorAll("tr[data-state='failed']").stream().map(r -> r.asNormalizedText())
                    .anyMatch(t -> t.contains(lost) && t.contains("webhook") && t.contains("given up")));
        } finally {
            webhooks.failNext(0);
        }
        assertThat(webhooks.received().stream().filter(w -> w.body().contains("\"request\":\"" + lost + "\"")).count())
                .as("max-attempts").isEqualTo(4);
    }

    private static String hmac(String secret, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
