package io.ztix.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.joinrequest.RouteServerEntry;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.portal.i18n.StatusMessages;
import io.ztix.portal.testsupport.PortalTestResources;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A session that is not up says what the member can do about it, in the member's language; one that is up says nothing. */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class SessionHintsTest {

    @Inject
    StatusMessages en;

    @Inject
    @Localized("he")
    StatusMessages he;

    @Test
    void aWaitingSessionTellsTheMemberToConnectItsRouterAndAnEstablishedOneSaysNothingMore() {
        String line = RequestViews.of(request(session("Active", "Socket: Connection refused"),
                session("Established", null)), en).routeServers().get(0).line();

        assertThat(line).contains("Active (trying to connect) \u2066Socket: Connection refused\u2069 — waiting for your"
                + " router to connect").contains("Established");
        assertThat(line.split("waiting for your router").length).as("one hint, for the waiting session").isEqualTo(2);
    }

    @Test
    void aSessionShutDownOverItsLimitSaysSo() {
        String line = RequestViews.of(request(session("Down", "Route limit exceeded")), en).routeServers().get(0).line();

        assertThat(line).contains("shut down: your router sent more routes than its limit").doesNotContain("waiting for");
        assertThat(RequestViews.of(request(session("Down", "Route limit exceeded")), he).routeServers().get(0).line())
                .contains("הושבת: הנתב שלך שלח יותר נתיבים מהמגבלה");
        PeerStatus limited = session("Down", "Route limit exceeded");
        limited.receiveLimit = 120L;
        assertThat(RequestViews.of(request(limited), en).routeServers().get(0).line())
                .contains("shut down: your router sent more than 120 routes, its limit here");
    }

    private static PeerStatus session(String state, String info) {
        PeerStatus peer = new PeerStatus();
        peer.family = "ipv4";
        peer.state = state;
        peer.info = info;
        return peer;
    }

    private static JoinRequest request(PeerStatus... sessions) {
        JoinRequest request = new JoinRequest();
        request.setMetadata(new ObjectMetaBuilder().withName("lan1-as64501-0000000e01").withNamespace("test").build());
        JoinRequestSpec spec = new JoinRequestSpec();
        spec.asn = 64501L;
        spec.networkRef = "lan1";
        spec.nodeId = "0000000e01";
        request.setSpec(spec);
        request.setStatus(new JoinRequestStatus());
        RouteServerEntry entry = new RouteServerEntry();
        entry.name = "rs1";
        entry.configured = true;
        entry.sessions.addAll(java.util.List.of(sessions));
        request.getStatus().routeServers.add(entry);
        return request;
    }
}
