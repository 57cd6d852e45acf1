package io.ztix.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.FakeLookingGlass;
import io.ztix.portal.testsupport.PortalTestResources;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import jakarta.inject.Inject;
import java.net.URL;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admins' prefix lookup across route servers, against the looking-glass stand-in answering as the operator's API
 * does: who announces the prefix on each route server, accepted or filtered and why; a route server whose looking
 * glass cannot answer is named while the others are shown; bad input is refused before anything is asked.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class PrefixLookupTest {

    private static final String ACCEPTED_FROM = "m_as64501_0000000d01_v4";
    private static final String PREFIX_PATH = "/api/v1/routeservers/test/pfx-rs1/routes/prefix";
    private static final String ANSWER = """
            {"api": {"Version": "zt-ix/1", "result_from_cache": false},
             "routes": [
              {"network": "45.128.30.0/24", "from_protocol": "%s", "filtered": false, "rpki": "valid",
               "bgp": {"as_path": ["64501"], "next_hop": "203.0.113.11"}, "reject_reasons": []},
              {"network": "45.128.30.0/24", "from_protocol": "m_as64502_0000000d02_v4", "filtered": true, "rpki": "invalid",
               "bgp": {"as_path": ["64502", "64510"], "next_hop": "203.0.113.12"},
               "reject_reasons": [{"community": [64999, 1101, 13], "code": "RPKI_INVALID"}]}
             ],
             "pagination": {"page": 0, "page_size": 50, "total_pages": 1, "total_results": 2}}
            """.formatted(ACCEPTED_FROM);

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

    @BeforeEach
    void twoRouteServersOneAnswering() throws Exception {
        Cluster cluster = new Cluster(client, api, cache);
        cluster.network("pfxlan", "Prefix LAN", true);
        cluster.routeServer("pfx-rs1", "pfxlan", 64999, "2001:db8:ff::1", "203.0.113.1");
        cluster.routeServer("pfx-rs2", "pfxlan", 64999, "2001:db8:ff::2", "203.0.113.2");
        cluster.patchRouteServerStatus("pfx-rs1", "pfxlan", status -> {
            status.peers.clear();
            PeerStatus peer = new PeerStatus();
            peer.joinRequest = "pfxlan-as64501-0000000d01";
            peer.asn = 64501L;
            peer.family = "ipv4";
            peer.protocol = ACCEPTED_FROM;
            peer.state = "Established";
            status.peers.add(peer);
        });
        FakeLookingGlass.answer(lookingGlass, PREFIX_PATH, ANSWER);
    }

    @Test
    void anAdminSeesWhoAnnouncesThePrefixOnEachRouteServerAndWhyARouteIsFiltered() throws Exception {
        try (Browser admin = new Browser(base)) {
            admin.loginWithPeeringDb("admin");
            HtmlPage page = admin.page("/admin/prefix?prefix=45.128.30.0/24");

            String section = page.getElementById("prefix-pfx-rs1").asNormalizedText();
            assertThat(section).contains("AS64501").contains("pfxlan-as64501-0000000d01").contains("accepted")
                    // a session the status does not list (above 100 members it lists only those needing attention)
                    // is named from its protocol, m_as64502_0000000d02_v4
                    .contains("AS64502 pfxlan-as64502-0000000d02").contains("filtered").contains("64502 64510")
                    .contains("RPKI invalid").doesNotContain("RPKI_INVALID");
            assertThat(page.querySelectorAll("#prefix-pfx-rs1 tr[data-filtered='true']")).hasSize(1);
            assertThat(page.querySelectorAll("[data-unavailable='pfx-rs2']")).as("the route server that cannot answer is named")
                    .hasSize(1);

            admin.page("/lang/he");
            String hebrew = admin.page("/admin/prefix?prefix=45.128.30.0/24").getElementById("prefix-pfx-rs1").asNormalizedText();
            assertThat(hebrew).contains("שרת ניתוב").contains("התקבל").contains("סונן");
        }
        assertThat(FakeLookingGlass.asked(lookingGlass)).contains(PREFIX_PATH + "?prefix=45.128.30.0%2F24&page=0&page_size=50");
    }

    @Test
    void somethingThatIsNotAPrefixIsRefusedWithoutAskingTheLookingGlass() throws Exception {
        try (Browser admin = new Browser(base)) {
            admin.loginWithPeeringDb("admin");
            for (String bad : new String[] {"45.128.30.1/24", "abc", "45.128.30.0/33", "2001:db8::/129"}) {
                HtmlPage page = admin.page("/admin/prefix?prefix=" + java.net.URLEncoder.encode(bad, "UTF-8"));
                assertThat(page.getElementById("prefix-error").asNormalizedText()).as(bad).startsWith("Not a prefix");
                assertThat((Object) page.getElementById("prefix-pfx-rs1")).isNull();
            }
        }
        assertThat(FakeLookingGlass.asked(lookingGlass)).doesNotContain("prefix=abc").doesNotContain("prefix=45.128.30.1");
    }
}
