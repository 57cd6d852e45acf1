package io.ztix.portal.requests;

import static io.ztix.portal.requests.JoinRequestPagesTest.postWithCsrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.joinrequest.Requester;
import io.ztix.portal.audit.AuditFilter;
import io.ztix.portal.audit.AuditLog;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.PortalTestResources;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whether a member receives other members' blackhole routes (spec.routing.acceptBlackholes) is its own choice: asked in
 * the request form, shown on the review and request pages, and changed there at any time, also once approved, without
 * a new approval (through the stand-in, which runs the chart's admission policy for the portal's writes).
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class BlackholeChoiceTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    ResourceCache cache;

    @Inject
    AuditLog audit;

    Cluster cluster;

    @BeforeEach
    void network() {
        cluster = new Cluster(client, api, cache);
        cluster.network("bhlan", "Blackholing LAN", true);
    }

    @Test
    void aMemberWhoTicksTheBoxAsksForBlackholesAndSeesItOnTheReviewAndRequestPages() {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage review = review(browser, "00000bb001", true);
            assertThat(review.getElementById("blackholes").asNormalizedText()).isEqualTo("Received");
            HtmlPage detail = Browser.click(review, "submit");
            assertThat(detail.getElementById("blackholes").asNormalizedText()).startsWith("Received")
                    .doesNotContain("apply it shortly");
        }
        JoinRequest jr = cluster.get("bhlan-as64501-00000bb001");
        assertThat(jr.getSpec().routing.acceptBlackholes).isTrue();
    }

    @Test
    void withoutTheBoxARequestDoesNotAskForBlackholes() {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage review = review(browser, "00000bb002", false);
            assertThat(review.getElementById("blackholes").asNormalizedText()).isEqualTo("Not received");
            Browser.click(review, "submit");
        }
        assertThat(cluster.get("bhlan-as64501-00000bb002").getSpec().routing).isNull();
    }

    @Test
    void theMemberChangesItsChoiceOnAnApprovedRequestWithoutANewApproval() {
        String name = approvedMember(64501, "00000bb003");
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage detail = browser.page("/requests/" + name);
            assertThat(detail.getElementById("blackholes").asNormalizedText()).startsWith("Not received");

            HtmlPage saved = Browser.click(detail, "blackholes-change");
            assertThat(saved.getElementById("choice-saved").asNormalizedText()).contains("needs no new approval");
            JoinRequest accepting = cluster.get(name);
            assertThat(accepting.getSpec().routing.acceptBlackholes).isTrue();
            assertThat(accepting.getSpec().approval.decidedBy).as("the approval stands as it was").isEqualTo("alice");
            awaitCachedChoice(name, true);
            assertThat(browser.page("/requests/" + name).getElementById("blackholes").asNormalizedText())
                    .as("until the operator has admitted it, the page says so").startsWith("Received")
                    .contains("the route servers apply it shortly");

            Browser.click(browser.page("/requests/" + name), "blackholes-change");
            assertThat(cluster.get(name).getSpec().routing.acceptBlackholes).isFalse();
        }
        assertThat(audit.find(new AuditFilter("peeringdb:1001", "request.choice-changed", name, null, 5))).hasSize(2);
    }

    @Test
    void nobodyButTheMemberMakesTheChoiceEvenByCraftingTheForm() throws Exception {
        String name = approvedMember(64510, "00000bb004");
        try (Browser browser = new Browser(base)) {
            HtmlPage list = browser.loginWithPeeringDb("full");
            Page answer = postWithCsrf(browser, list, "/requests/" + name + "/blackholes",
                    List.of(new NameValuePair("acceptBlackholes", "true")));
            assertThat(answer.getWebResponse().getStatusCode()).as("another ASN's request: as if it did not exist").isEqualTo(404);
        }
        try (Browser browser = new Browser(base)) {
            HtmlPage list = browser.loginWithPeeringDb("admin");
            assertThat(browser.page("/requests/" + name).getElementById("blackholes-change")).as("no button for the IX admin")
                    .isNull();
            Page answer = postWithCsrf(browser, list, "/requests/" + name + "/blackholes",
                    List.of(new NameValuePair("acceptBlackholes", "true")));
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(answer.getWebResponse().getContentAsString()).contains("Only someone who may act for this network");
        }
        assertThat(cluster.get(name).getSpec().routing).as("unchanged").isNull();
        assertThat(audit.find(new AuditFilter(null, "request.choice-refused", name, null, 5))).hasSize(1);
    }

    /** An approved, admitted member (as the operator records it) that does not receive blackhole routes. */
    private String approvedMember(long asn, String nodeId) {
        JoinRequest jr = Cluster.newRequest("bhlan", asn, nodeId);
        jr.getSpec().requester = new Requester();
        jr.getSpec().requester.peeringdbUserId = asn == 64501 ? 1001L : 1005L;
        jr.getSpec().approval = new Approval(Approval.Decision.Approved, null, "alice");
        cluster.create(jr);
        String name = jr.getMetadata().getName();
        cluster.patchStatus(name, r -> {
            r.getStatus().phase = Phase.Active;
            r.getStatus().admitted = new AdmittedMember();
            r.getStatus().admitted.asn = asn;
            r.getStatus().admitted.nodeId = nodeId;
            r.getStatus().admitted.networkRef = "bhlan";
            r.getStatus().admitted.ipv6 = "2001:db8:ff::" + nodeId.substring(7);
        });
        return name;
    }

    private void awaitCachedChoice(String name, boolean accept) {
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.joinRequest(name)
                .map(r -> r.getSpec().routing != null && Boolean.valueOf(accept).equals(r.getSpec().routing.acceptBlackholes))
                .orElse(false));
    }

    private static HtmlPage review(Browser browser, String nodeId, boolean acceptBlackholes) {
        HtmlPage form = JoinRequestPagesTest.filledForm(browser, "64501", "bhlan", nodeId);
        ((HtmlCheckBoxInput) form.getElementById("acceptBlackholes")).setChecked(acceptBlackholes);
        return Browser.click(form, "review");
    }
}
