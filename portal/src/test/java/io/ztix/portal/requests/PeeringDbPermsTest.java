package io.ztix.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.joinrequest.Requester;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What PeeringDB's perms bits allow, with the portal's default settings (the test profile does not change
 * them): READ (1) is what anyone affiliated with an organisation gets, and is not enough to act; UPDATE (2) may
 * ask and withdraw pending requests; withdrawing an approved membership also needs DELETE (all bits: 15).
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class PeeringDbPermsTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    ResourceCache cache;

    Cluster cluster;

    @BeforeEach
    void network() {
        cluster = new Cluster(client, api, cache);
        cluster.network("permlan", "Perms LAN", true);
    }

    @Test
    void readOnlyPermsNeitherAskNorSeeNorWithdrawTheNetworksRequests() {
        String existing = request(64503, "00000f0001", approved());
        try (Browser browser = new Browser(base)) {
            HtmlPage landing = browser.loginWithPeeringDb("readonly");
            assertThat(landing.getUrl().getPath()).isEqualTo("/not-eligible");
            assertThat(browser.page("/requests").asXml()).doesNotContain(existing);
            assertThat(browser.page("/requests/" + existing).getWebResponse().getStatusCode()).isEqualTo(404);
            Page withdraw = JoinRequestPagesTest.postWithCsrf(browser, browser.page("/requests"),
                    "/requests/" + existing + "/withdraw", List.of());
            assertThat(withdraw.getWebResponse().getStatusCode()).isEqualTo(404);
        }
        assertThat(cluster.get(existing)).isNotNull();
    }

    @Test
    void updatePermsAskAndWithdrawAPendingRequest() {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("updater");
            HtmlPage detail = Browser.click(JoinRequestPagesTest.review(browser, "64506", "permlan", "00000f0002"), "submit");
            assertThat(detail.getUrl().getPath()).isEqualTo("/requests/permlan-as64506-00000f0002");
            HtmlPage list = Browser.click(detail, "withdraw");
            assertThat(list.getUrl().toString()).endsWith("/requests?withdrawn=true");
        }
        assertThat(cluster.get("permlan-as64506-00000f0002")).isNull();
    }

    @Test
    void updatePermsCannotWithdrawAnApprovedMembership() {
        String active = request(64506, "00000f0003", approved());
        cluster.patchStatus(active, r -> r.getStatus().phase = Phase.Active);
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("updater");
            HtmlPage detail = browser.page("/requests/" + active);
            assertThat(detail.getElementById("withdraw")).isNull();
            assertThat(detail.getElementById("withdraw-not-permitted").asNormalizedText()).contains("DELETE permission");
            Page refused = JoinRequestPagesTest.postWithCsrf(browser, detail, "/requests/" + active + "/withdraw", List.of());
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(refused.getWebResponse().getContentAsString()).contains("DELETE permission");
        }
        assertThat(cluster.get(active)).as("still a member").isNotNull();
    }

    @Test
    void allPermsWithdrawAnApprovedMembership() {
        String active = request(64501, "00000f0004", approved());
        cluster.patchStatus(active, r -> r.getStatus().phase = Phase.Active);
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage list = Browser.click(browser.page("/requests/" + active), "withdraw");
            assertThat(list.getUrl().toString()).endsWith("/requests?withdrawn=true");
        }
        assertThat(cluster.get(active)).isNull();
    }

    private static Approval approved() {
        return new Approval(Approval.Decision.Approved, null, "alice");
    }

    private String request(long asn, String nodeId, Approval approval) {
        JoinRequest jr = Cluster.newRequest("permlan", asn, nodeId);
        jr.getSpec().requester = new Requester();
        jr.getSpec().requester.peeringdbUserId = 1000L + asn % 100;
        jr.getSpec().approval = approval;
        cluster.create(jr);
        return jr.getMetadata().getName();
    }
}
