package io.ztix.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.AssignedIps;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.joinrequest.Requester;
import io.ztix.api.joinrequest.RouteServerEntry;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.ZeroTierPath;
import io.ztix.portal.audit.AuditFilter;
import io.ztix.portal.audit.AuditLog;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.FakePeeringDb;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class JoinRequestPagesTest {

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

    @ConfigProperty(name = "ztix.test.fake-peeringdb-url")
    String fakePeeringDb;

    Cluster cluster;

    @BeforeEach
    void networks() {
        cluster = new Cluster(client, api, cache);
        cluster.network("lan1", "Main LAN <script>alert('net')</script>", true);
        cluster.network("closed-lan", "Closed", false);
        cluster.routeServer("rs1", "lan1", 64999, "2001:db8:ff::1", "203.0.113.1");
    }

    @Test
    void submittingARequestCreatesTheJoinRequestWithPeeringDbFactsAndTheRequester() {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage review = review(browser, "64501", "lan1", " 8056C2E21C ");
            assertThat(review.getElementById("facts").asNormalizedText()).contains("RIPE::AS-EXAMPLE").contains("100 / 50");
            HtmlPage detail = Browser.click(review, "submit");
            assertThat(detail.getUrl().getPath()).isEqualTo("/requests/lan1-as64501-8056c2e21c");
            assertThat(detail.getElementById("created")).isNotNull();
        }
        JoinRequest jr = cluster.get("lan1-as64501-8056c2e21c");
        JoinRequestSpec spec = jr.getSpec();
        assertThat(spec.asn).isEqualTo(64501L);
        assertThat(spec.networkRef).isEqualTo("lan1");
        assertThat(spec.nodeId).isEqualTo("8056c2e21c");
        assertThat(spec.networkName).isEqualTo("Example Net");
        assertThat(spec.asSet).isEqualTo("RIPE::AS-EXAMPLE");
        assertThat(spec.maxPrefixes.ipv4).isEqualTo(100L);
        assertThat(spec.maxPrefixes.ipv6).isEqualTo(50L);
        assertThat(spec.requester.peeringdbUserId).isEqualTo(1001L);
        assertThat(spec.requester.localUser).isNull();
        assertThat(spec.requester.verified).as("PeeringDB vouches for this user").isTrue();
        assertThat(spec.requester.email).isEqualTo("alice@example.net");
        assertThat(spec.approval).as("the portal never decides").isNull();
        assertThat(audit.find(new AuditFilter("peeringdb:1001", "request.created", "lan1-as64501-8056c2e21c", null, 5)))
                .hasSize(1);
    }

    @Test
    void nodeIdThatIsNotTenHexDigitsIsRefusedWithAHelpfulMessage() {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage again = review(browser, "64501", "lan1", "8056c2e2zz");
            assertThat(again.getElementById("form-error").asNormalizedText())
                    .contains("10 hexadecimal digits").contains("zerotier-cli info");
            assertThat(again.getElementById("nodeId").getAttribute("value")).isEqualTo("8056c2e2zz");
            assertThat(again.getElementById("nodeId").getAttribute("pattern")).isEqualTo("[0-9a-fA-F]{10}");
        }
    }

    @Test
    void secondRequestForTheSameNetworkAsnAndNodeLinksToTheExistingOne() {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            Browser.click(review(browser, "64501", "lan1", "00000000a1"), "submit");
            cluster.awaitCached("lan1-as64501-00000000a1");
            HtmlPage duplicate = Browser.click(review(browser, "64501", "lan1", "00000000A1"), "submit");
            assertThat(duplicate.getElementById("form-error").asNormalizedText()).contains("exists already");
            assertThat(duplicate.getElementById("existing-request").getAttribute("href"))
                    .isEqualTo("/requests/lan1-as64501-00000000a1");
        }
    }

    @Test
    void withdrawingDeletesTheJoinRequest() {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage detail = Browser.click(review(browser, "64501", "lan1", "00000000b2"), "submit");
            HtmlPage list = Browser.click(detail, "withdraw");
            assertThat(list.getUrl().toString()).endsWith("/requests?withdrawn=true");
        }
        assertThat(cluster.get("lan1-as64501-00000000b2")).isNull();
        assertThat(audit.find(new AuditFilter(null, "request.withdrawn", "lan1-as64501-00000000b2", null, 5))).hasSize(1);
    }

    @Test
    void aUserCanNeitherSeeNorWithdrawTheRequestOfAnotherAsn() throws Exception {
        String name = othersRequest("00000000c3");
        try (Browser browser = new Browser(base)) {
            HtmlPage list = browser.loginWithPeeringDb("full");
            assertThat(list.asXml()).doesNotContain(name);
            assertThat(browser.page("/requests/" + name).getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(browser.get("/requests/status.json").getWebResponse().getContentAsString()).doesNotContain(name);
            Page withdraw = postWithCsrf(browser, list, "/requests/" + name + "/withdraw", List.of());
            assertThat(withdraw.getWebResponse().getStatusCode()).isEqualTo(404);
        }
        assertThat(cluster.get(name)).as("still there").isNotNull();
        try (Browser browser = new Browser(base)) {
            HtmlPage list = browser.loginWithPeeringDb("other");
            assertThat(list.asXml()).contains(name);
        }
    }

    @Test
    void aUserCannotSubmitForAnAsnTheyDoNotHoldEvenByCraftingTheForm() throws Exception {
        try (Browser browser = new Browser(base)) {
            HtmlPage list = browser.loginWithPeeringDb("full");
            Page answer = postWithCsrf(browser, list, "/requests", List.of(new NameValuePair("asn", "64510"),
                    new NameValuePair("networkRef", "lan1"), new NameValuePair("nodeId", "00000000d4")));
            assertThat(answer.getWebResponse().getContentAsString()).contains("You may not act for this ASN");
        }
        assertThat(cluster.get("lan1-as64510-00000000d4")).isNull();
    }

    @Test
    void anUnverifiedUserCannotSubmitEvenByCraftingTheForm() throws Exception {
        try (Browser browser = new Browser(base)) {
            HtmlPage list = browser.loginWithPeeringDb("unverified");
            Page answer = postWithCsrf(browser, list, "/requests", List.of(new NameValuePair("asn", "64504"),
                    new NameValuePair("networkRef", "lan1"), new NameValuePair("nodeId", "00000000d5")));
            assertThat(answer.getWebResponse().getContentAsString()).contains("Only PeeringDB-verified users");
        }
        assertThat(cluster.get("lan1-as64504-00000000d5")).isNull();
    }

    @Test
    void aNetworkClosedForRequestsIsNeitherOfferedNorAccepted() throws Exception {
        try (Browser browser = new Browser(base)) {
            HtmlPage list = browser.loginWithPeeringDb("full");
            HtmlPage form = browser.page("/requests/new");
            assertThat(form.getElementById("networkRef").asXml()).contains("lan1").doesNotContain("closed-lan");
            Page answer = postWithCsrf(browser, list, "/requests", List.of(new NameValuePair("asn", "64501"),
                    new NameValuePair("networkRef", "closed-lan"), new NameValuePair("nodeId", "00000000e5")));
            assertThat(answer.getWebResponse().getContentAsString()).contains("does not take new requests");
        }
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            Page answer = post(browser, "/requests", List.of(new NameValuePair("asn", "64501"),
                    new NameValuePair("networkRef", "lan1"), new NameValuePair("nodeId", "00000000f6")));
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(400);
        }
        assertThat(cluster.get("lan1-as64501-00000000f6")).isNull();
    }

    @Test
    void statusChangesShowUpInTheLiveStatusAndTheDetailPageGivesRouterInstructions() {
        String name = "lan1-as64501-0000000a07";
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            Browser.click(review(browser, "64501", "lan1", "0000000a07"), "submit");
            cluster.awaitCached(name);
            assertThat(browser.get("/requests/status.json").getWebResponse().getContentAsString())
                    .contains("\"name\":\"" + name + "\"").contains("\"phase\":\"Pending\"").contains("Received");
            cluster.patchStatus(name, jr -> {
                jr.getStatus().phase = Phase.Active;
                jr.getStatus().assignedIps = new AssignedIps("2001:db8:ff::fbf5:1", "203.0.113.10");
                jr.getStatus().conditions.add(new Condition("Ready", "True", "Active", "all good"));
                RouteServerEntry rs = new RouteServerEntry();
                rs.name = "rs1";
                rs.configured = true;
                PeerStatus session = new PeerStatus();
                session.family = "ipv6";
                session.state = "Established";
                session.since = "08:54:06.799";
                session.stateSinceTime = java.time.Instant.now().minus(java.time.Duration.ofDays(3).plusHours(2)).toString();
                rs.sessions.add(session);
                PeerStatus waiting = new PeerStatus();
                waiting.family = "ipv4";
                waiting.state = "Active";
                waiting.info = "Socket: Connection refused";
                rs.sessions.add(waiting);
                rs.path = new ZeroTierPath();
                rs.path.reach = ZeroTierPath.Reach.Direct;
                rs.path.latencyMs = 12;
                jr.getStatus().routeServers.add(rs);
            });
            String live = browser.get("/requests/status.json").getWebResponse().getContentAsString();
            assertThat(live).contains("\"phase\":\"Active\"").contains("2001:db8:ff::fbf5:1").contains("Established, for 3 days")
                    .doesNotContain("08:54:06.799").contains("Everything is ready")
                    .contains("waiting for your router to connect: check that it has joined the ZeroTier network and that"
                            + " its BGP session to \u2066rs1\u2069 is configured as shown below")
                    .contains("Your router reaches \u2066rs1\u2069 directly, 12 ms.");
            HtmlPage detail = browser.page("/requests/" + name);
            String instructions = detail.getElementById("instructions").asNormalizedText();
            assertThat(instructions).contains("zerotier-cli join 8056c2e21c000001")
                    .contains("2001:db8:ff::fbf5:1").contains("203.0.113.10");
            assertThat(detail.getElementById("mtu").asNormalizedText()).contains("MTU is 1500 bytes");
            assertThat(detail.getElementById("assigned-only").asNormalizedText())
                    .contains("Only these addresses work on the peering LAN");
            assertThat(detail.getElementById("bird").asNormalizedText())
                    .contains("local as 64501;").contains("neighbor 2001:db8:ff::1 as 64999;")
                    .contains("neighbor 203.0.113.1 as 64999;");
            assertThat(detail.getElementById("frr").asNormalizedText())
                    .contains("router bgp 64501").contains("neighbor 2001:db8:ff::1 remote-as 64999")
                    .contains("no bgp enforce-first-as");
        }
    }

    @Test
    void aDegradedMemberSeesACalmMessageWithoutTheOperatorsDetails() {
        String name = "lan1-as64501-0000000a17";
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            Browser.click(review(browser, "64501", "lan1", "0000000a17"), "submit");
            cluster.awaitCached(name);
            String adminDetail = "The controller refused the API token from Secret 'zt-token' at http://zt-controller:9993";
            cluster.patchStatus(name, jr -> {
                jr.getStatus().phase = Phase.Active;
                jr.getStatus().lastError = adminDetail;
                jr.getStatus().conditions.add(new Condition("Degraded", "True", "TokenRejected", adminDetail));
                jr.getStatus().conditions.add(new Condition("Ready", "Unknown", "TokenRejected", adminDetail));
            });

            HtmlPage detail = browser.page("/requests/" + name);
            String text = detail.asNormalizedText();
            assertThat(text).contains("Your sessions stay as they are; you do not need to do anything.")
                    .doesNotContain("zt-token").doesNotContain("zt-controller").doesNotContain("Not ready yet");
            assertThat(browser.get("/requests/status.json").getWebResponse().getContentAsString())
                    .contains("you do not need to do anything").doesNotContain("zt-token");
        }
    }

    @Test
    void markupInNetworkNamesAndDescriptionsIsEscaped() {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            HtmlPage form = browser.page("/requests/new");
            String raw = form.getWebResponse().getContentAsString();
            assertThat(raw).doesNotContain("<script>alert('net')</script>").contains("&lt;script&gt;alert(");
            HtmlPage review = review(browser, "64505", "lan1", "0000000b08");
            String reviewed = review.getWebResponse().getContentAsString();
            assertThat(reviewed).doesNotContain("<script>alert('pdb')</script>").contains("&lt;script&gt;alert(");
        }
    }

    @Test
    void peeringDbAnswersAreCachedAndAskedWithTheApiKey() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("other");
            review(browser, "64510", "lan1", "0000000c09");
            review(browser, "64510", "lan1", "0000000c10");
        }
        HttpResponse<String> hits = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                FakePeeringDb.hitsUri(fakePeeringDb, 64510)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hits.body()).isEqualTo("1");
    }

    @Test
    void anAsnWithTheMostLiveRequestsOnALanIsToldTheLimitAndNothingIsCreated() {
        cluster.network("quotalan", "Quota LAN", true);
        for (int i = 0; i < 8; i++) {
            cluster.create(Cluster.newRequest("quotalan", 64510, "0000001" + String.format("%03x", i)));
        }
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("other");
            HtmlPage refused = review(browser, "64510", "quotalan", "0000001fff");
            assertThat(refused.getElementById("form-error").asNormalizedText())
                    .contains("already has 8 requests on this peering LAN");
        }
        assertThat(cluster.get("quotalan-as64510-0000001fff")).isNull();
    }

    @Test
    void membersSeeMemberLevelMessagesAndAdminsTheOperatorsDetails() {
        String name = othersRequest("0000000d11");
        cluster.patchStatus(name, jr -> {
            jr.getStatus().conditions.add(new Condition("MemberAuthorized", "False", "TokenSecretUnavailable",
                    "Secret 'zt-token' does not exist in namespace 'test'"));
            jr.getStatus().lastError = "controller http://10.1.2.3:9993 did not answer";
        });
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("other");
            String detail = browser.page("/requests/" + name).asNormalizedText();
            String live = browser.get("/requests/status.json").getWebResponse().getContentAsString();
            for (String page : List.of(detail, live)) {
                assertThat(page).contains("cannot read its own access key").contains("The IX sees the details")
                        .doesNotContain("zt-token").doesNotContain("namespace").doesNotContain("10.1.2.3");
            }
        }
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            String detail = browser.page("/requests/" + name).asNormalizedText();
            assertThat(detail).contains("Secret 'zt-token' does not exist in namespace 'test'").contains("10.1.2.3");
        }
    }

    private String othersRequest(String nodeId) {
        JoinRequest jr = new JoinRequest();
        String name = JoinRequest.nameFor("lan1", 64510, nodeId);
        jr.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(Cluster.NAMESPACE).build());
        JoinRequestSpec spec = new JoinRequestSpec();
        spec.asn = 64510L;
        spec.networkRef = "lan1";
        spec.nodeId = nodeId;
        spec.requester = new Requester();
        spec.requester.peeringdbUserId = 1005L;
        jr.setSpec(spec);
        cluster.create(jr);
        return name;
    }

    static HtmlPage review(Browser browser, String asn, String network, String nodeId) {
        return Browser.click(filledForm(browser, asn, network, nodeId), "review");
    }

    /** The new-request form with ASN, network and node filled in, not yet sent. */
    static HtmlPage filledForm(Browser browser, String asn, String network, String nodeId) {
        HtmlPage form = browser.page("/requests/new");
        HtmlForm f = form.getHtmlElementById("new-request");
        ((HtmlSelect) form.getElementById("asn")).setSelectedAttribute(asn, true);
        ((HtmlSelect) form.getElementById("networkRef")).setSelectedAttribute(network, true);
        f.getInputByName("nodeId").setValue(nodeId);
        return form;
    }

    static Page postWithCsrf(Browser browser, HtmlPage anyPage, String path, List<NameValuePair> fields) {
        List<NameValuePair> all = new java.util.ArrayList<>(fields);
        all.add(new NameValuePair("csrf-token", Browser.csrfToken(anyPage)));
        return post(browser, path, all);
    }

    static Page post(Browser browser, String path, List<NameValuePair> fields) {
        return browser.post(path, fields);
    }
}
