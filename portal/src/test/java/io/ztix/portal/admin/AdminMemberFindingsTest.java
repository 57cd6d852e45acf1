package io.ztix.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.MemberFinding;
import io.ztix.api.joinrequest.Phase;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.PortalTestResources;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import jakarta.inject.Inject;
import java.net.URL;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The admin queue lists admitted members whose PeeringDB re-check found something, with the lines that decide it. */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class AdminMemberFindingsTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    ResourceCache cache;

    @Test
    void aSuspendedMemberWithAFindingIsListedWithAcknowledgeAndRejectLinesAndAPassingOneIsNot() {
        Cluster cluster = new Cluster(client, api, cache);
        cluster.network("findinglan", "Finding test LAN", true);
        String flagged = admitted(cluster, 64520, "00000005a1", Condition.FALSE, "NeverViaRouteServers", true);
        String passing = admitted(cluster, 64521, "00000005a2", Condition.TRUE, "Passed", false);

        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("admin");
            HtmlPage page = browser.page("/admin/pending");
            DomElement card = page.getFirstByXPath("//section[@data-finding='" + flagged + "']");
            assertThat(card).isNotNull();
            assertThat(card.asNormalizedText()).contains("NeverViaRouteServers").contains("info_never_via_route_servers")
                    .contains("Suspended");
            DomElement acknowledge = card.getFirstByXPath(".//code[@class='acknowledge']");
            assertThat(acknowledge.getTextContent()).isEqualTo(KubectlCommands.acknowledge("test", flagged, "NeverViaRouteServers"))
                    .contains("\"acknowledgedFindings\":[\"NeverViaRouteServers\"]").contains("$(kubectl auth whoami");
            assertThat((Object) card.getFirstByXPath(".//code[@class='reject']")).isNotNull();
            assertThat((Object) page.getFirstByXPath("//section[@data-finding='" + passing + "']")).isNull();
        }
    }

    private static String admitted(Cluster cluster, long asn, String nodeId, String status, String reason, boolean suspended) {
        JoinRequest jr = Cluster.newRequest("findinglan", asn, nodeId);
        jr.getSpec().networkName = "Finding Net";
        jr.getSpec().approval = new Approval(Approval.Decision.Approved, null, "ada");
        cluster.create(jr);
        String name = jr.getMetadata().getName();
        cluster.patchStatus(name, r -> {
            r.getStatus().admitted = new AdmittedMember();
            r.getStatus().admitted.asn = asn;
            r.getStatus().admitted.nodeId = nodeId;
            r.getStatus().admitted.networkRef = "findinglan";
            r.getStatus().phase = suspended ? Phase.Suspended : Phase.Active;
            r.getStatus().suspendedFor = suspended ? MemberFinding.NeverViaRouteServers : null;
            r.getStatus().conditions.add(new Condition(JoinRequest.COND_MEMBER_CHECK, status, reason,
                    "The PeeringDB network of AS" + asn + " now says info_never_via_route_servers"));
        });
        return name;
    }
}
