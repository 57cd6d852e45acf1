package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.ZeroTierPath.Reach;
import io.ztix.operator.testsupport.lab.LanPeer;
import io.ztix.operator.testsupport.lab.Vrp;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A member that an apply adds gets its ZeroTier path in the same RouteServer status change as its sessions, so the
 * JoinRequest's Active write already carries it: no second status write per member for the path (the burst
 * benchmark measured 3,152 JoinRequest status writes for 1,000 members when the path waited for the next poll).
 * The session poll is slowed down here so that only the apply's own SSH session can have read the path.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
@TestProfile(MemberPathWithItsSessionsLabTest.SlowPoll.class)
class MemberPathWithItsSessionsLabTest {

    public static class SlowPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ztix.operator.session-poll-interval", "10m");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(60);

    private LabParts parts;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @AfterEach
    void stopLab() {
        LabParts.closeIfStarted(parts);
        parts = null;
    }

    @Test
    void aMemberAnApplyAddsIsActiveWithItsPathAlreadyRecorded() {
        parts = LabParts.start("a0a0000002", "zt-token-path-apply");
        parts.lab().stayrtr().updateVrps(List.of(new Vrp("45.128.10.0/24", 24, 64501)));
        LabExchange exchange = parts.exchange(client, api, "path-apply");
        exchange.create(parts.routeServer(exchange, "rs1"));
        // RPKI in sync first, so the member is not held (a hold makes the poll fast, which would read the path anyway)
        await().atMost(WAIT).untilAsserted(() -> assertThat(exchange.condition("rs1", RouteServer.COND_RPKI_READY).status)
                .isEqualTo(Condition.TRUE));

        String a = exchange.approve(LanPeer.MEMBER_A, "aaaa000001");
        exchange.awaitPhase(a, Phase.Active);

        assertThat(exchange.cluster().request(a).getStatus().routeServers).singleElement()
                .satisfies(e -> assertThat(e.path).as("path in the write that made the member Active").isNotNull()
                        .satisfies(p -> assertThat(p.reach).isEqualTo(Reach.Unknown)));
    }
}
