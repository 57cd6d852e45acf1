package io.ztix.operator.routeserver;

import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.ztix.operator.common.SecretPurpose;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerStatus;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.lab.IxLab;
import io.ztix.operator.testsupport.lab.LanPeer;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One exchange on the lab, in its own test namespace: network {@code ix} on a fake self-hosted controller, the
 * route server's SSH key Secret, and members approved one after the other so that the lab's members get their
 * lab addresses (A .11, B .12: the never-reused IPv4 counter starts at 10, as for an IX migrating its members).
 */
record LabExchange(KubernetesClient client, String namespace, Cluster cluster) {

    static final String NETWORK = "ix";
    /** Applies over SSH take seconds each on a loaded machine; a new route server needs two (RPKI first). */
    static final Duration WAIT = Duration.ofSeconds(120);

    static LabExchange create(KubernetesClient client, KubeApiStandIn api, String prefix, OpenSshServer sshd,
            SelfHostedFake controller,
            String token) {
        String namespace = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        LabExchange exchange = new LabExchange(client, namespace, new Cluster(client, api, namespace));
        client.resource(tokenSecret(namespace, token)).create();
        client.resource(new SecretBuilder().withNewMetadata().withNamespace(namespace).withName("rs-ssh")
                .addToLabels(SecretPurpose.LABEL, SecretPurpose.SSH_KEY.label()).endMetadata()
                .addToStringData("id_ed25519", sshd.clientPrivateKey()).build()).create();
        client.resource(selfHostedNetwork(namespace, NETWORK, controller.url(), UUID.randomUUID().toString().substring(0, 6)))
                .create();
        exchange.cluster.awaitNetworkReady(NETWORK);
        client.resources(ZtNetwork.class).inNamespace(namespace).withName(NETWORK).subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"allocation\":{\"lastIpv4Offset\":10}}}");
        return exchange;
    }

    RouteServer create(RouteServer routeServer) {
        return client.resource(routeServer).create();
    }

    /** Creates and approves a request for the lab member; waits until it has its addresses. */
    String approve(LanPeer member, String nodeId) {
        String name = cluster.submitApproved(NETWORK, member.asn(), nodeId, member.asn());
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            JoinRequest seen = cluster.request(name);
            assertThat(seen.getStatus()).isNotNull();
            assertThat(seen.getStatus().assignedIps).isNotNull();
            assertThat(seen.getStatus().assignedIps.ipv4).isEqualTo(member.ipv4());
        });
        return name;
    }

    /**
     * Approves the lab's members A (node aaaa000001) and B (bbbb000002), one after the other so that A gets .11 and B
     * .12, and waits until both are Active and their routers' sessions are Established.
     *
     * @return the names of A's and B's JoinRequests
     */
    List<String> approveMembersAAndB(IxLab lab, Duration bgpWait) {
        List<String> members = approveMembersAAndB();
        lab.memberA().awaitEstablished(bgpWait);
        lab.memberB().awaitEstablished(bgpWait);
        return members;
    }

    /**
     * Approves the lab's members A (node aaaa000001) and B (bbbb000002), one after the other so that A gets .11 and B
     * .12, and waits until both are Active (not for their routers' BGP sessions).
     *
     * @return the names of A's and B's JoinRequests
     */
    List<String> approveMembersAAndB() {
        String a = approve(LanPeer.MEMBER_A, "aaaa000001");
        String b = approve(LanPeer.MEMBER_B, "bbbb000002");
        awaitPhase(a, Phase.Active);
        awaitPhase(b, Phase.Active);
        return List.of(a, b);
    }

    JoinRequest awaitPhase(String name, Phase phase) {
        await().atMost(WAIT).untilAsserted(() -> {
            JoinRequest seen = cluster.request(name);
            assertThat(seen.getStatus()).isNotNull();
            assertThat(seen.getStatus().phase).as(() -> "phase of " + name + "; " + routeServersSeen()).isEqualTo(phase);
        });
        return cluster.request(name);
    }

    /**
     * {@code routeServer} refuses what is desired, loudly, and keeps what it runs: a Warning Event with {@code reason}
     * mentioning {@code eventText}, Ready False, and after two more observations of the route server (each a later
     * {@code lastObservedTime}, so cycles that saw the refused configuration) {@code include} still holds
     * {@code running}, {@code waiting} is not Active and {@code active} still is.
     */
    void assertRefusedKeeping(String routeServer, String reason, String eventText, Path include, String running,
            String waiting, String active) throws IOException {
        assertThat(cluster.events()).anyMatch(e -> reason.equals(e.getReason()) && e.getMessage().contains(eventText));
        assertThat(condition(routeServer, RouteServer.COND_READY).status).isEqualTo(Condition.FALSE);
        for (int i = 0; i < 2; i++) {
            Instant observed = Instant.parse(status(routeServer).lastObservedTime);
            await().atMost(WAIT).until(() -> Instant.parse(status(routeServer).lastObservedTime).isAfter(observed));
        }
        assertThat(Files.readString(include)).as("the running configuration").isEqualTo(running);
        assertThat(cluster.request(waiting).getStatus().phase).isNotEqualTo(Phase.Active);
        assertThat(cluster.request(active).getStatus().phase).isEqualTo(Phase.Active);
    }

    /** What the route servers' status says (for a failure message: why a member did not get where it should). */
    String routeServersSeen() {
        StringBuilder seen = new StringBuilder("route servers:");
        for (RouteServer rs : client.resources(RouteServer.class).inNamespace(namespace).list().getItems()) {
            RouteServerStatus status = rs.getStatus();
            seen.append("\n  ").append(rs.getMetadata().getName());
            if (status == null) {
                seen.append(": no status");
                continue;
            }
            seen.append(": BIRD ").append(status.birdVersion).append(", applied ").append(status.appliedConfigHash)
                    .append(", lastError ").append(status.lastError);
            status.conditions.forEach(c -> seen.append("\n    ").append(c.type).append('=').append(c.status).append(' ')
                    .append(c.reason).append(": ").append(c.message));
            status.rpki.forEach(r -> seen.append("\n    rtr ").append(r.protocol).append(" inSync=").append(r.inSync)
                    .append(" state=").append(r.state).append(" lastError=").append(r.lastError));
            status.peers.forEach(p -> seen.append("\n    peer ").append(p.protocol).append(' ').append(p.state)
                    .append(Boolean.TRUE.equals(p.held) ? " held" : ""));
            if (status.rollout != null) {
                seen.append("\n    rollout ").append(status.rollout.phase).append(": ").append(status.rollout.message);
            }
        }
        return seen.toString();
    }

    RouteServer routeServer(String name) {
        return client.resources(RouteServer.class).inNamespace(namespace).withName(name).get();
    }

    RouteServerStatus status(String name) {
        RouteServer rs = routeServer(name);
        assertThat(rs.getStatus()).as("status of RouteServer %s", name).isNotNull();
        return rs.getStatus();
    }

    Condition condition(String routeServer, String type) {
        return Conditions.find(status(routeServer).conditions, type)
                .orElseThrow(() -> new AssertionError("RouteServer " + routeServer + " has no condition " + type));
    }

    PeerStatus peer(String routeServer, String joinRequest, String family) {
        return status(routeServer).peers.stream().filter(p -> p.joinRequest.equals(joinRequest) && p.family.equals(family))
                .findFirst().orElseThrow(() -> new AssertionError("no " + family + " session of " + joinRequest));
    }

    /** As {@code kubectl patch ztrs NAME --type=merge -p '{"spec": ...}'}. */
    void patchSpec(String routeServer, Map<String, Object> spec) {
        mergePatch(routeServer, Map.of("spec", spec));
    }

    /** As {@code kubectl annotate ztrs NAME key=value --overwrite}. */
    void annotate(String routeServer, String key, String value) {
        mergePatch(routeServer, Map.of("metadata", Map.of("annotations", Map.of(key, value))));
    }

    private void mergePatch(String routeServer, Object patch) {
        client.resources(RouteServer.class).inNamespace(namespace).withName(routeServer)
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
    }

    /** Deletes the exchange's RouteServers so that the operator stops driving the lab's BIRDs. */
    void deleteRouteServers() {
        client.resources(RouteServer.class).inNamespace(namespace).delete();
        await().atMost(Cluster.WAIT).until(() -> client.resources(RouteServer.class).inNamespace(namespace).list()
                .getItems().isEmpty());
    }
}
