package io.ztix.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.joinrequest.RouteServerEntry;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.FakeLookingGlass;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.net.URL;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request page's routes section: a member's accepted and filtered routes with the reject reasons in the
 * member's language, read from the operator's looking glass (a stand-in here; the API itself is tested against
 * real BIRD in the operator's LookingGlassLabTest), and only for the member's own sessions.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class RoutesSectionTest {

    private static final String NAME = JoinRequest.nameFor("lan1", 64501, "0000000b01");
    private static final String PROTOCOL = "m_as64501_0000000b01_v4";
    private static final String FILTERED_PATH = "/api/v1/routeservers/test/rs1/routes/filtered/" + PROTOCOL;
    /** What the operator's API answers (its shape: docs/operations.md "The looking-glass API"). */
    private static final String FILTERED = """
            {"api": {"Version": "zt-ix/1", "result_from_cache": false},
             "routes": [
              {"network": "45.128.30.0/25", "from_protocol": "%1$s", "filtered": true, "rpki": "unknown",
               "bgp": {"as_path": ["64501"], "next_hop": "203.0.113.11", "large_communities": [[64999, 1000, 2], [64999, 1101, 1]]},
               "reject_reasons": [{"community": [64999, 1101, 1], "code": "PREFIX_TOO_LONG"}]},
              {"network": "45.128.40.0/24", "from_protocol": "%1$s", "filtered": true, "rpki": "invalid",
               "bgp": {"as_path": ["64501", "64510"], "next_hop": "203.0.113.99"},
               "reject_reasons": [{"community": [64999, 1101, 8], "code": "NEXT_HOP_NOT_PEER"},
                                  {"community": [64999, 1101, 13], "code": "RPKI_INVALID"}]}
             ],
             "pagination": {"page": 0, "page_size": 50, "total_pages": 1, "total_results": 2}}
            """.formatted(PROTOCOL);

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    ResourceCache cache;

    @ConfigProperty(name = "ztix.portal.looking-glass.url")
    String lookingGlass;

    Cluster cluster;

    @BeforeEach
    void memberWithASession() throws Exception {
        cluster = new Cluster(client, api, cache);
        cluster.network("lan1", "Main LAN", true);
        cluster.routeServer("rs1", "lan1", 64999, "2001:db8:ff::1", "203.0.113.1");
        if (cluster.get(NAME) == null) {
            cluster.create(Cluster.newRequest("lan1", 64501, "0000000b01"));
        }
        cluster.patchStatus(NAME, jr -> {
            jr.getStatus().phase = Phase.Active;
            jr.getStatus().routeServers.clear();
            RouteServerEntry rs = new RouteServerEntry();
            rs.name = "rs1";
            rs.configured = true;
            PeerStatus session = new PeerStatus();
            session.family = "ipv4";
            session.protocol = PROTOCOL;
            session.state = "Established";
            session.imported = 7;
            session.filtered = 2;
            session.exported = 4500;
            rs.sessions.add(session);
            jr.getStatus().routeServers.add(rs);
        });
        FakeLookingGlass.answer(lookingGlass, FILTERED_PATH, FILTERED);
    }

    @Test
    void aMemberReadsWhyItsRoutesAreFilteredInEnglishAndInHebrew() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage detail = browser.page("/requests/" + NAME);
            String section = detail.getElementById("routes").asNormalizedText();
            assertThat(section).as("the route server and family isolated left to right").contains("\u2066rs1\u2069, \u2066ipv4\u2069")
                    .contains("7 accepted, 2 filtered, 4500 sent to you");

            HtmlPage english = browser.page("/requests/" + NAME + "/routes?rs=rs1&family=ipv4&filtered=true");
            String text = english.asNormalizedText();
            assertThat(text).contains("45.128.30.0/25").contains("45.128.40.0/24").contains("64501 64510")
                    .contains("Page 1 of 1 (2 routes)").contains("invalid");
            assertThat(english.querySelectorAll("ul.reasons li")).hasSize(3);
            assertThat(text).doesNotContain("PREFIX_TOO_LONG");

            browser.page("/lang/he");
            HtmlPage hebrew = browser.page("/requests/" + NAME + "/routes?rs=rs1&family=ipv4&filtered=true");
            String hebrewText = hebrew.asNormalizedText();
            assertThat(hebrewText).contains("הקידומת ארוכה מדי").contains("ה-next hop אינו כתובת הפירינג של הנתב שלך")
                    .contains("לא תקף");
            assertThat(hebrewText).isNotEqualTo(text);
        }
        assertThat(FakeLookingGlass.asked(lookingGlass)).contains(FILTERED_PATH + "?page=0&page_size=50");
    }

    @Test
    void anotherMemberCannotReadTheseRoutesNorNameASessionTheRequestDoesNotHave() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("other");
            Page answer = browser.get("/requests/" + NAME + "/routes?rs=rs1&family=ipv4&filtered=true");
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(404);
        }
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            assertThat(browser.get("/requests/" + NAME + "/routes?rs=rs2&family=ipv4&filtered=true").getWebResponse()
                    .getStatusCode()).isEqualTo(404);
            assertThat(browser.get("/requests/" + NAME + "/routes?rs=rs1&family=ipv6&filtered=true").getWebResponse()
                    .getStatusCode()).isEqualTo(404);
        }
        assertThat(FakeLookingGlass.asked(lookingGlass).lines()).noneMatch(path -> path.contains("rs2") || path.contains("_v6"));
    }

    @Test
    void whenTheLookingGlassCannotAnswerTheMemberIsToldCalmly() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            // the stand-in has no answer for the accepted routes: 404 from the API
            HtmlPage page = browser.page("/requests/" + NAME + "/routes?rs=rs1&family=ipv4&filtered=false");
            assertThat(page.asNormalizedText()).contains("Your routes cannot be shown right now");
        }
    }

    @Test
    void whatARouteCarriesIsShownAsTextAndAPageBeforeTheFirstIsTheFirst() throws Exception {
        // a session of its own (the stand-in answers by path; the other tests' paths stay unanswered)
        String protocol = "m_as64501_0000000c01_v4";
        cluster.patchStatus(NAME, jr -> jr.getStatus().routeServers.get(0).sessions.get(0).protocol = protocol);
        String hostile = """
                {"routes": [{"network": "<img src=x onerror=alert(1)>", "filtered": false,
                  "bgp": {"as_path": ["<script>document.title='owned'</script>"], "next_hop": "\\"><b id=injected>x</b>"}}],
                 "pagination": {"page": 0, "page_size": 50, "total_pages": 1, "total_results": 1}}
                """;
        String path = "/api/v1/routeservers/test/rs1/routes/protocol/" + protocol;
        FakeLookingGlass.answer(lookingGlass, path, hostile);
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage page = browser.page("/requests/" + NAME + "/routes?rs=rs1&family=ipv4&filtered=false&page=-3");
            assertThat(page.asNormalizedText()).contains("<img src=x onerror=alert(1)>")
                    .contains("<script>document.title='owned'</script>");
            assertThat(page.querySelectorAll("img, script, #injected")).isEmpty();
            assertThat(browser.get("/requests/" + NAME + "/routes?rs=rs1&family=ipv4&filtered=false&page=x")
                    .getWebResponse().getStatusCode()).isEqualTo(404);
        }
        assertThat(FakeLookingGlass.asked(lookingGlass).lines().filter(p -> p.startsWith(path))).containsExactly(path + "?page=0&page_size=50");
    }
}
