package io.ztix.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
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
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.joinrequest.Requester;
import io.ztix.api.network.AddressAllocation;
import io.ztix.api.network.AddressReservation;
import io.ztix.portal.audit.AuditFilter;
import io.ztix.portal.audit.AuditLog;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class AdminPagesTest {

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
        cluster.network("adminlan", "Admin test LAN", true);
    }

    private String request(long asn, String nodeId) {
        return request(asn, nodeId, 1005L);
    }

    private String request(long asn, String nodeId, long requesterId) {
        JoinRequest jr = new JoinRequest();
        String name = JoinRequest.nameFor("adminlan", asn, nodeId);
        jr.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(Cluster.NAMESPACE).build());
        JoinRequestSpec spec = new JoinRequestSpec();
        spec.asn = asn;
        spec.networkRef = "adminlan";
        spec.nodeId = nodeId;
        spec.networkName = "Other Net";
        spec.requester = new Requester();
        spec.requester.peeringdbUserId = requesterId;
        spec.requester.name = "Otto Other";
        jr.setSpec(spec);
        cluster.create(jr);
        return name;
    }

    @Test
    void pendingQueueShowsRequesterPeeringDbFactsAndTheExactKubectlLines() {
        String name = request(64510, "00000001a1");
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            HtmlPage page = browser.page("/admin/pending");
            DomElement card = page.getFirstByXPath("//section[@data-request='" + name + "']");
            assertThat(card).isNotNull();
            assertThat(card.asNormalizedText()).contains("Otto Other").contains("AS-OTHER");
            DomElement approve = card.getFirstByXPath(".//code[@class='approve']");
            assertThat(approve.getTextContent()).isEqualTo(KubectlCommands.approve("test", name))
                    .contains("$(kubectl auth whoami").doesNotContain("peeringdb-9001");
            DomElement reject = card.getFirstByXPath(".//code[@class='reject']");
            assertThat(reject.getTextContent()).contains("\"decision\":\"Rejected\",\"reason\":\"<reason>\"");
        }
    }

    @Test
    void twoLiveRequestsWithOneNodeIdAreFlaggedInTheQueue() {
        String first = request(64510, "00000001d1");
        String second = request(64511, "00000001d1");
        String alone = request(64512, "00000001d2");
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            HtmlPage page = browser.page("/admin/pending");
            DomElement firstCard = page.getFirstByXPath("//section[@data-request='" + first + "']");
            DomElement flag = firstCard.getFirstByXPath(".//p[contains(@class,'conflict')]");
            assertThat(flag.asNormalizedText()).contains("Node ID conflict").contains(second);
            DomElement secondCard = page.getFirstByXPath("//section[@data-request='" + second + "']");
            assertThat(((DomElement) secondCard.getFirstByXPath(".//p[contains(@class,'conflict')]")).asNormalizedText())
                    .contains(first);
            DomElement aloneCard = page.getFirstByXPath("//section[@data-request='" + alone + "']");
            assertThat((Object) aloneCard.getFirstByXPath(".//p[contains(@class,'conflict')]")).isNull();
        }
    }

    @Test
    void aRequestTheOperatorFoundInvalidGetsNoApproveLine() {
        String name = request(64510, "00000001e1");
        cluster.patchStatus(name, r -> r.getStatus().conditions.add(
                new Condition("Valid", "False", "NetworkNotFound", "ZtNetwork adminlan-old does not exist")));
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            DomElement card = browser.page("/admin/pending").getFirstByXPath("//section[@data-request='" + name + "']");
            assertThat((Object) card.getFirstByXPath(".//code[@class='approve']")).isNull();
            assertThat(card.asNormalizedText()).contains("not valid").contains("ZtNetwork adminlan-old does not exist");
            assertThat((Object) card.getFirstByXPath(".//code[@class='reject']")).isNotNull();
        }
    }

    @Test
    void aRequestTheOperatorReportsInNodeIdConflictIsFlaggedWithTheRequestItNamesAndCannotBeApproved() {
        String name = request(64593, "00000001f1");
        String owner = JoinRequest.nameFor("adminlan", 64594, "00000001f1");
        cluster.patchStatus(name, r -> r.getStatus().conditions.add(new Condition("Valid", "False", "NodeIdConflict",
                "Node 00000001f1 already belongs to JoinRequest " + owner + " on network adminlan")));
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            DomElement card = browser.page("/admin/pending").getFirstByXPath("//section[@data-request='" + name + "']");
            DomElement flag = card.getFirstByXPath(".//p[contains(@class,'conflict')]");
            assertThat(flag).as("the operator's conflict is flagged though no other request in the queue holds the node")
                    .isNotNull();
            assertThat(flag.asNormalizedText()).contains("Node ID conflict").contains(owner);
            assertThat((Object) card.getFirstByXPath(".//code[@class='approve']")).isNull();
        }
    }

    @Test
    void pendingRequestsOfAnAsnOverItsQuotaAreFlaggedWithTheOtherRequestsAndRejectedOnesDoNotCount() {
        List<String> over = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            over.add(request(64595, "00000002a" + i, 1006L));
        }
        List<String> full = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            full.add(request(64596, "00000002b" + i, 1007L));
        }
        String rejected = request(64596, "00000002b8", 1007L);
        cluster.decide(rejected, new Approval(Approval.Decision.Rejected, "not this one", "kube-admin"));
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            HtmlPage page = browser.page("/admin/pending");
            DomElement card = page.getFirstByXPath("//section[@data-request='" + over.get(8) + "']");
            DomElement flag = card.getFirstByXPath(".//p[contains(@class,'quota')]");
            assertThat(flag).as("9 live requests of AS64595, 8 allowed").isNotNull();
            assertThat(flag.asNormalizedText()).contains("Over the quota for one network").contains("9 live requests")
                    .contains("at most 8");
            assertThat(flag.<DomElement>getByXPath(".//a").stream().map(DomElement::asNormalizedText).toList())
                    .containsExactlyInAnyOrderElementsOf(over.subList(0, 8));
            DomElement first = page.getFirstByXPath("//section[@data-request='" + over.get(0) + "']");
            assertThat((Object) first.getFirstByXPath(".//p[contains(@class,'quota')]"))
                    .as("every request of the ASN is flagged").isNotNull();
            for (String name : full) {
                DomElement atLimit = page.getFirstByXPath("//section[@data-request='" + name + "']");
                assertThat((Object) atLimit.getFirstByXPath(".//p[contains(@class,'quota')]"))
                        .as("8 live requests and a rejected one are not over 8").isNull();
            }
        }
    }

    @Test
    void decidedRequestsLeaveTheQueueAndTheDecisionIsAuditedOnce() {
        String name = request(64510, "00000001b2");
        cluster.decide(name, new Approval(Approval.Decision.Approved, null, "kube-admin"));
        await().until(() -> cache.joinRequest(name).map(r -> r.getSpec().approval != null).orElse(false));
        await().until(() -> !audit.find(new AuditFilter("kubernetes:kube-admin", "request.decision-seen", name, null, 5)).isEmpty());
        cluster.patchStatus(name, r -> r.getStatus().phase = Phase.Approved);
        assertThat(audit.find(new AuditFilter(null, "request.decision-seen", name, null, 5))).hasSize(1);
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            assertThat(browser.page("/admin/pending").asXml()).doesNotContain(name);
        }
    }

    @Test
    void allRequestsCanBeFilteredByStatusAsnAndNetwork() {
        String pending = request(64510, "00000001c3");
        String active = request(64511, "00000001c4");
        cluster.patchStatus(active, r -> r.getStatus().phase = Phase.Active);
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            String byStatus = browser.page("/admin/requests?status=Active&network=adminlan").getElementById("all-requests").asXml();
            assertThat(byStatus).contains(active).doesNotContain(pending);
            String byAsn = browser.page("/admin/requests?asn=64510&age=1").getElementById("all-requests").asXml();
            assertThat(byAsn).contains(pending).doesNotContain(active);
        }
    }

    @Test
    void auditLogPageFiltersByActorAndAction() {
        audit.record("local:auditor", "test.visible", "t1", "shown");
        audit.record("local:someone", "test.hidden", "t2", "not shown");
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            String table = browser.page("/admin/audit?actor=local:auditor&action=test.").getElementById("audit").asXml();
            assertThat(table).contains("test.visible").doesNotContain("test.hidden");
        }
    }

    @Test
    void auditLogPageFiltersByAsnAndKindAndShowsWholeSecondsInUtc() {
        audit.record("local:asn-auditor", "request.created", "adminlan-as64577-00000001f1", "AS64577 node 00000001f1 on adminlan");
        audit.record("local:asn-auditor", "request.created", "adminlan-as645770-00000001f2", "AS645770 node 00000001f2 on adminlan");
        audit.record("local:asn-auditor", "login.success", "asn-auditor", "local account");
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            HtmlPage page = browser.page("/admin/audit?asn=AS64577&action=request.created");
            String table = page.getElementById("audit").asNormalizedText();
            assertThat(table).contains("adminlan-as64577-00000001f1").doesNotContain("645770").doesNotContain("login.success");
            DomElement time = page.getFirstByXPath("//table[@id='audit']//time");
            assertThat(time.getAttribute("datetime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            assertThat(time.getTextContent()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC");
            assertThat(page.querySelectorAll("select[name='action'] option").stream().map(o -> o.getTextContent()).toList())
                    .as("the kinds to choose from").anySatisfy(o -> assertThat(o).contains("login.success"));
            assertThat(page.querySelectorAll("select[name='action'] option").stream().map(o -> o.getTextContent()).toList())
                    .anySatisfy(o -> assertThat(o).contains("request.created"));
        }
    }

    @Test
    void thePendingQueuePreviewsTheSessionsOnEachRouteServerAndWarnsOfMissingPeeringDbFacts() {
        cluster.routeServer("admin-rs1", "adminlan", 64999, "2001:db8:ff::1", "203.0.113.1");
        String complete = request(64510, "00000001e6");
        String sparse = request(64502, "00000001e7");
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            HtmlPage page = browser.page("/admin/pending");
            DomElement full = page.getFirstByXPath("//section[@data-request='" + complete + "']//section[@class='preview']");
            assertThat(full.asNormalizedText()).contains("admin-rs1 (AS64999): 2001:db8:ff::1 · 203.0.113.1")
                    .contains("AS-OTHER").contains("20 / 20").contains("assigned only when the request is approved");
            assertThat(full.getByXPath(".//p[contains(@class, 'warning')]")).isEmpty();
            DomElement thin = page.getFirstByXPath("//section[@data-request='" + sparse + "']//section[@class='preview']");
            assertThat(thin.<DomElement>getByXPath(".//p[contains(@class, 'warning')]").stream().map(w -> w.asNormalizedText()).toList())
                    .anySatisfy(w -> assertThat(w).contains("names no IRR AS-SET"))
                    .anySatisfy(w -> assertThat(w).contains("gives no prefix counts"));
        }
        assertThat(cluster.get(complete).getStatus()).as("looking allocates nothing").isNull();
    }

    @Test
    void thePreviewShowsTheIpv6AddressApprovalAssignsAndTheIpv4AddressNextFreeNowWithoutAllocating() {
        cluster.routeServer("admin-rs1", "adminlan", 64999, "2001:db8:ff::1", "203.0.113.1");
        String known = request(64597, "00000002c1");
        String first = request(64598, "00000002c2");
        String reserved = request(64599, "00000002c3");
        String uid = cluster.get(reserved).getMetadata().getUid();
        cluster.patchNetworkStatus("adminlan", s -> {
            s.allocation = new AddressAllocation();
            s.allocation.lastSequenceByAsn.put("64597", 2L);
            s.allocation.lastIpv4Offset = 5L;
            s.allocation.reservations.add(new AddressReservation(reserved, uid, 64599, 7, "203.0.113.4", "2026-12-02T00:00:00Z"));
        });
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            HtmlPage page = browser.page("/admin/pending");
            assertThat(addresses(page, known)).as("AS64597 used 2 sequence numbers; IPv4 offsets up to 5 are used")
                    .contains("2001:db8:ff:0:6:4597:0:3").contains("203.0.113.6");
            assertThat(addresses(page, first)).contains("2001:db8:ff:0:6:4598:0:1").contains("203.0.113.6");
            assertThat(addresses(page, reserved)).as("the numbers the operator already reserved for it")
                    .contains("2001:db8:ff:0:6:4599:0:7").contains("203.0.113.4");
            assertThat(addresses(page, known)).contains("next free now");
        }
        AddressAllocation after = cache.network("adminlan").orElseThrow().getStatus().allocation;
        assertThat(after.lastIpv4Offset).as("looking allocates nothing").isEqualTo(5L);
        assertThat(after.lastSequenceByAsn).containsOnlyKeys("64597");
        assertThat(cluster.get(known).getStatus()).isNull();
    }

    private static String addresses(HtmlPage page, String request) {
        DomElement list = page.getFirstByXPath("//section[@data-request='" + request + "']//ul[@class='addresses']");
        assertThat(list).as("address preview of %s", request).isNotNull();
        return list.asNormalizedText();
    }

    @Test
    void thePendingQueueOffersACopyButtonForEveryKubectlLine() {
        String name = request(64512, "00000001e5");
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            DomElement card = browser.page("/admin/pending").getFirstByXPath("//section[@data-request='" + name + "']");
            for (String kind : List.of("approve", "reject")) {
                DomElement line = card.getFirstByXPath(".//code[@class='" + kind + "']");
                DomElement copy = card.getFirstByXPath(".//button[@data-copy='" + line.getId() + "']");
                assertThat(copy).as("copy button for the %s line", kind).isNotNull();
                assertThat(((DomElement) line.getParentNode()).getAttribute("class")).isEqualTo("command");
            }
        }
    }

    @Test
    void membersAndAnonymousVisitorsCannotOpenAdminPages() {
        try (Browser browser = new Browser(base)) {
            assertThat(browser.page("/admin/pending").getUrl().getPath()).isEqualTo("/login");
            browser.loginWithPeeringDb("full");
            for (String path : new String[] {"/admin/pending", "/admin/requests", "/admin/audit", "/admin/prefix?prefix=45.128.30.0/24"}) {
                HtmlPage page = browser.page(path);
                assertThat(page.getWebResponse().getStatusCode()).as(path).isEqualTo(403);
                assertThat(page.getElementById("error-message").asNormalizedText()).isEqualTo("You may not do this.");
            }
        }
    }
}
