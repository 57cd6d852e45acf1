package io.ztix.portal.requests;

import static io.ztix.portal.requests.JoinRequestPagesTest.postWithCsrf;
import static io.ztix.portal.requests.JoinRequestPagesTest.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.network.MemberChecksSpec;
import io.ztix.api.network.ZtNetwork;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.FakePeeringDb;
import io.ztix.portal.testsupport.PortalTestResources;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A network PeeringDB marks info_never_via_route_servers (FakePeeringDb's AS64538, held by {@code newcomer}) asks to
 * join: a peering LAN whose spec.memberChecks.neverViaRouteServers is Refuse refuses it and stores nothing (no request,
 * no node claim); one on Hold (the default) stores it labelled for an admin and tells the member so.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class NeverViaRouteServersTest {

    private static final String SHY = String.valueOf(FakePeeringDb.NEVER_VIA_RS_ASN);

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @Inject
    ResourceCache cache;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    Cluster cluster;

    @BeforeEach
    void networks() {
        cluster = new Cluster(client, api, cache);
        cluster.network("hold-lan", "Holding LAN", true);
        cluster.network("refuse-lan", "Refusing LAN", true);
        ZtNetwork refusing = cluster.admin("alice").resources(ZtNetwork.class).inNamespace(Cluster.NAMESPACE)
                .withName("refuse-lan").patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"memberChecks\":{\"neverViaRouteServers\":\"Refuse\"}}}");
        assertThat(refusing.getSpec().effectiveMemberChecks().neverViaRouteServers)
                .isEqualTo(MemberChecksSpec.NeverViaRouteServers.Refuse);
        String version = refusing.getMetadata().getResourceVersion();
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.network("refuse-lan")
                .map(n -> version.equals(n.getMetadata().getResourceVersion())).orElse(false));
    }

    @Test
    void aNeverViaRouteServersNetworkIsRefusedWhereTheLanSaysRefuseAndNothingIsStored() {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("newcomer");
            HtmlPage again = review(browser, SHY, "refuse-lan", "00000008a1");
            assertThat(again.getElementById("form-error").asNormalizedText())
                    .contains("never via route servers").contains("does not take");
            assertThat(again.getElementById("facts")).isNull();
            Page create = postWithCsrf(browser, again, "/requests", List.of(new NameValuePair("asn", SHY),
                    new NameValuePair("networkRef", "refuse-lan"), new NameValuePair("nodeId", "00000008a1")));
            assertThat(create.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(create.getWebResponse().getContentAsString()).contains("never via route servers");
        }
        assertThat(cluster.get(JoinRequest.nameFor("refuse-lan", FakePeeringDb.NEVER_VIA_RS_ASN, "00000008a1"))).isNull();
        assertThat(client.resources(Lease.class).inNamespace(Cluster.NAMESPACE)
                .withName(NodeClaims.claimName("refuse-lan", "00000008a1")).get()).as("no node claim taken").isNull();
    }

    @Test
    void aNeverViaRouteServersNetworkIsHeldForAnAdminWhereTheLanSaysHold() {
        String name = JoinRequest.nameFor("hold-lan", FakePeeringDb.NEVER_VIA_RS_ASN, "00000008b2");
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("newcomer");
            HtmlPage detail = Browser.click(review(browser, SHY, "hold-lan", "00000008b2"), "submit");
            assertThat(detail.getUrl().getPath()).isEqualTo("/requests/" + name);
            assertThat(detail.getElementById("held-for-admin").asNormalizedText()).contains("an IX admin will look");
        }
        assertThat(cluster.get(name).getMetadata().getLabels())
                .containsEntry(JoinRequest.LABEL_HELD_FOR_ADMIN, JoinRequest.HELD_NEVER_VIA_ROUTE_SERVERS);
        assertThat(heldFlagInTheAdminQueue(name)).contains("Held for an admin");
    }

    @Test
    void aNetworkWithoutTheMarkIsNeitherRefusedNorHeld() {
        String name = JoinRequest.nameFor("refuse-lan", 64530, "00000008c3");
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("newcomer");
            HtmlPage detail = Browser.click(review(browser, "64530", "refuse-lan", "00000008c3"), "submit");
            assertThat(detail.getUrl().getPath()).isEqualTo("/requests/" + name);
            assertThat(detail.getElementById("held-for-admin")).isNull();
        }
        assertThat(heldFlagInTheAdminQueue(name)).isEmpty();
        assertThat(cluster.get(name).getMetadata().getLabels()).doesNotContainKey(JoinRequest.LABEL_HELD_FOR_ADMIN);
    }

    /** The held flag on the request's card in the admin queue ("" without one), once the portal's cache has it. */
    private String heldFlagInTheAdminQueue(String name) {
        cluster.awaitCached(name);
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            DomElement card = browser.page("/admin/pending").getFirstByXPath("//section[@data-request='" + name + "']");
            assertThat(card).as("the request is in the admin queue").isNotNull();
            DomElement held = card.getFirstByXPath(".//p[contains(@class,'held')]");
            return held == null ? "" : held.asNormalizedText();
        }
    }
}
