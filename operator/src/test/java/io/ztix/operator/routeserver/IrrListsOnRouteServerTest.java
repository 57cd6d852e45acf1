package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.Identity;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.routeserver.IrrListStatus;
import io.ztix.api.routeserver.IrrSpec;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.irr.IrrdStandIn;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.testing.RealTools;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A RouteServer with spec.irr pointing at the IRRd stand-in and three admitted members: one with a real AS-SET, one
 * whose AS-SET the IRR does not know, one with hostile AS-SET text. The operator looks their lists up with the real
 * bgpq4 and says per member in status.irr what it has; applied lists are kept in ConfigMaps. (The route server itself is
 * unreachable: the lists are planned before BIRD is contacted. Filtering with them is BirdIrrFilterTest's.)
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class IrrListsOnRouteServerTest {

    private static final String NS = "irr-lists";
    private static IrrdStandIn irrd;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @BeforeAll
    static void startIrrd() {
        RealTools.require("bgpq4", "/usr/bin/bgpq4");
        irrd = new IrrdStandIn()
                .asSet("RIPE", "AS-FOO", "AS3333", "AS15562")
                .routes("RIPE", 3333, "193.0.0.0/21", "2001:67c:2e8::/48")
                .routes("RIPE", 15562, "185.1.2.0/24");
    }

    @AfterAll
    static void stopIrrd() {
        if (irrd != null) {
            irrd.close();
        }
    }

    @Test
    void eachMembersListsOrWhyNotAreInTheRouteServerStatus() throws Exception {
        RouteServer rs = RouteServerFailurePathsTest.routeServer(NS, RouteServerFailurePathsTest.closedPort());
        rs.getSpec().irr = new IrrSpec();
        rs.getSpec().irr.host = "127.0.0.1";
        rs.getSpec().irr.port = irrd.port();
        client.resource(rs).create();
        String goodName = admitted(3333, "AS-FOO", "aaaa000001", "2001:db8:ff::11");
        String unknownName = admitted(15562, "AS-NOPE", "bbbb000002", "2001:db8:ff::12");
        String hostileName = admitted(3320, "AS-FOO;$(reboot)", "cccc000003", "2001:db8:ff::13");

        await().atMost(Cluster.WAIT).ignoreExceptions().untilAsserted(() -> {
            List<IrrListStatus> irr = routeServer().getStatus().irr;
            assertThat(irr).extracting(s -> s.joinRequest + " " + s.outcome)
                    .containsExactlyInAnyOrder(goodName + " Applied", unknownName + " Failed", hostileName + " Applied");
        });
        List<IrrListStatus> irr = routeServer().getStatus().irr;
        IrrListStatus good = irr.stream().filter(s -> s.joinRequest.equals(goodName)).findFirst().orElseThrow();
        assertThat(good.objects).containsExactly("AS-FOO");
        assertThat(List.of(good.originAsns, good.ipv4Entries, good.ipv6Entries)).containsExactly(2, 2, 1);
        assertThat(good.refreshedTime).isNotNull();
        IrrListStatus unknown = irr.stream().filter(s -> s.joinRequest.equals(unknownName)).findFirst().orElseThrow();
        assertThat(unknown.message).contains("AS-NOPE gave no origin ASN");
        assertThat(unknown.ipv4Entries).isNull();
        IrrListStatus hostile = irr.stream().filter(s -> s.joinRequest.equals(hostileName)).findFirst().orElseThrow();
        assertThat(hostile.objects).containsExactly("AS3320");
        assertThat(hostile.asSetRefused).isTrue();
        assertThat(hostile.message).contains("'AS-FOO;$(reboot)' in the AS-SET text is not an AS-SET name")
                .contains("AS3320 is looked up instead");

        Condition current = Conditions.find(routeServer().getStatus().conditions, RouteServer.COND_IRR_LISTS_CURRENT).orElseThrow();
        assertThat(current.status).isEqualTo(Condition.FALSE);
        assertThat(current.reason).isEqualTo("Failed");
        await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(new Cluster(client, api, NS).events())
                .anyMatch(e -> "IrrListsFailed".equals(e.getReason())));
        assertThat(client.configMaps().inAnyNamespace().withLabel("ztix.io/irr-lists", "true").list().getItems())
                .extracting(m -> m.getMetadata().getAnnotations().get("ztix.io/irr-key"))
                .containsExactlyInAnyOrder("127.0.0.1:" + irrd.port() + " sources= objects=AS-FOO",
                        "127.0.0.1:" + irrd.port() + " sources= objects=AS3320");
    }

    /** An approved request (named as the CRD demands) with its admitted record; returns its name. */
    private String admitted(long asn, String asSet, String node, String ipv6) {
        String name = JoinRequest.nameFor("ix", asn, node);
        JoinRequest request = new JoinRequest();
        request.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(name).build());
        JoinRequestSpec spec = new JoinRequestSpec();
        spec.asn = asn;
        spec.networkRef = "ix";
        spec.nodeId = node;
        spec.asSet = asSet;
        spec.approval = new Approval(Approval.Decision.Approved, "test", "admin");
        request.setSpec(spec);
        // an admin creates it approved, as with kubectl apply (the chart's policy: decidedBy is their own name)
        api.client(Identity.approver("admin")).resource(request).create();
        AdmittedMember admitted = new AdmittedMember();
        admitted.networkRef = "ix";
        admitted.asn = asn;
        admitted.nodeId = node;
        admitted.ipv6 = ipv6;
        admitted.asSet = asSet;
        // the operator writes the new request's first status meanwhile, as a whole (its copy had none), which would
        // drop an admitted record written before it: wait for that write, then try a conflict again with the latest
        await().atMost(Cluster.WAIT).until(() -> client.resources(JoinRequest.class).inNamespace(NS).withName(name).get()
                .getStatus() != null);
        await().atMost(Cluster.WAIT).ignoreExceptions().until(() -> {
            client.resources(JoinRequest.class).inNamespace(NS).withName(name).editStatus(current -> {
                if (current.getStatus() == null) {
                    current.setStatus(new JoinRequestStatus());
                }
                current.getStatus().admitted = admitted;
                return current;
            });
            return true;
        });
        return name;
    }

    private RouteServer routeServer() {
        return client.resources(RouteServer.class).inNamespace(NS).withName("rs1").get();
    }
}
