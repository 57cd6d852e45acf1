package io.ztix.portal.testsupport;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ztix.api.common.SecretKeyRef;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.network.ControllerSpec;
import io.ztix.api.network.PeeringLan;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkSpec;
import io.ztix.api.network.ZtNetworkStatus;
import io.ztix.api.routeserver.PeeringAddresses;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerSpec;
import io.ztix.api.routeserver.RpkiSpec;
import io.ztix.api.routeserver.RtrServer;
import io.ztix.api.routeserver.SshSpec;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.testing.kubeapi.Identity;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds ZT-IX resources in the Kubernetes API stand-in and waits until the portal's informers saw them. Each
 * write is made by whoever makes it in a cluster with the chart installed: the portal creates JoinRequests
 * ({@code client} is the portal's own, its service account), an approver decides (the user the decision names,
 * in the chart's approver group), the operator writes status.
 */
public final class Cluster {

    public static final String NAMESPACE = "test";

    private final KubernetesClient client;
    private final KubeApiStandIn api;
    private final ResourceCache cache;

    public Cluster(KubernetesClient client, KubeApiStandIn api, ResourceCache cache) {
        this.client = client;
        this.api = api;
        this.cache = cache;
    }

    /** A client of a member of the chart's approver group. */
    public KubernetesClient admin(String user) {
        return api.client(Identity.approver(user));
    }

    private KubernetesClient operator() {
        return api.client(api.serviceAccount("operator"));
    }

    public ZtNetwork network(String name, String description, boolean open) {
        ZtNetwork n = new ZtNetwork();
        n.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        ZtNetworkSpec spec = new ZtNetworkSpec();
        spec.controller = new ControllerSpec();
        spec.controller.provider = ControllerSpec.Provider.SelfHosted;
        spec.controller.tokenSecretRef = new SecretKeyRef("zt-token", "token");
        spec.description = description;
        spec.peeringLan = new PeeringLan("2001:db8:ff::/64", "203.0.113.0/24");
        spec.openForRequests = open;
        n.setSpec(spec);
        ZtNetwork created = admin("alice").resource(n).inNamespace(NAMESPACE).createOr(e -> e.update());
        ZtNetworkStatus status = new ZtNetworkStatus();
        status.networkId = "8056c2e21c000001";
        created.setStatus(status);
        operator().resource(created).inNamespace(NAMESPACE).updateStatus();
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.network(name)
                .map(c -> c.getStatus() != null && "8056c2e21c000001".equals(c.getStatus().networkId)).orElse(false));
        return created;
    }

    public RouteServer routeServer(String name, String networkRef, long asn, String ipv6, String ipv4) {
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        RouteServerSpec spec = new RouteServerSpec();
        spec.networkRef = networkRef;
        spec.asn = asn;
        spec.routerId = "203.0.113.1";
        spec.peeringAddresses = new PeeringAddresses();
        spec.peeringAddresses.ipv6 = ipv6;
        spec.peeringAddresses.ipv4 = ipv4;
        // required by the CRD; the portal reads none of it
        spec.ssh = new SshSpec();
        spec.ssh.host = "rs.example.net";
        spec.ssh.privateKeySecretRef = new SecretKeyRef("rs-ssh", "id_ed25519");
        spec.ssh.hostKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
        spec.rpki = new RpkiSpec();
        spec.rpki.servers.add(new RtrServer("rtr.example.net", 323));
        rs.setSpec(spec);
        RouteServer created = admin("alice").resource(rs).inNamespace(NAMESPACE).createOr(e -> e.update());
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.routeServers(networkRef).stream()
                .anyMatch(r -> r.getMetadata().getName().equals(name)));
        return created;
    }

    /** A JoinRequest for (network, ASN, node) with its required name, not yet created; add what the test needs. */
    public static JoinRequest newRequest(String networkRef, long asn, String nodeId) {
        JoinRequest jr = new JoinRequest();
        jr.setMetadata(new ObjectMetaBuilder().withName(JoinRequest.nameFor(networkRef, asn, nodeId))
                .withNamespace(NAMESPACE).build());
        jr.setSpec(new io.ztix.api.joinrequest.JoinRequestSpec());
        jr.getSpec().asn = asn;
        jr.getSpec().networkRef = networkRef;
        jr.getSpec().nodeId = nodeId;
        return jr;
    }

    public JoinRequest get(String name) {
        return client.resources(JoinRequest.class).inNamespace(NAMESPACE).withName(name).get();
    }

    /** Changes a JoinRequest's status the way the operator would, and waits for the informer to see it. */
    public void patchStatus(String name, Consumer<JoinRequest> change) {
        JoinRequest jr = get(name);
        if (jr.getStatus() == null) {
            jr.setStatus(new io.ztix.api.joinrequest.JoinRequestStatus());
        }
        change.accept(jr);
        JoinRequest updated = operator().resource(jr).inNamespace(NAMESPACE).updateStatus();
        String version = updated.getMetadata().getResourceVersion();
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.joinRequest(name)
                .map(c -> version.equals(c.getMetadata().getResourceVersion())).orElse(false));
    }

    /** Changes a ZtNetwork's status the way the operator would (e.g. its address counters), and waits for the cache. */
    public void patchNetworkStatus(String name, Consumer<ZtNetworkStatus> change) {
        ZtNetwork network = client.resources(ZtNetwork.class).inNamespace(NAMESPACE).withName(name).get();
        change.accept(network.getStatus());
        String version = operator().resource(network).inNamespace(NAMESPACE).updateStatus().getMetadata().getResourceVersion();
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.network(name)
                .map(c -> version.equals(c.getMetadata().getResourceVersion())).orElse(false));
    }

    /** Changes a RouteServer's status the way the operator would (e.g. its sessions), and waits for the cache. */
    public void patchRouteServerStatus(String name, String networkRef, Consumer<io.ztix.api.routeserver.RouteServerStatus> change) {
        RouteServer rs = client.resources(RouteServer.class).inNamespace(NAMESPACE).withName(name).get();
        if (rs.getStatus() == null) {
            rs.setStatus(new io.ztix.api.routeserver.RouteServerStatus());
        }
        change.accept(rs.getStatus());
        String version = operator().resource(rs).inNamespace(NAMESPACE).updateStatus().getMetadata().getResourceVersion();
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.routeServers(networkRef).stream()
                .anyMatch(c -> c.getMetadata().getName().equals(name) && version.equals(c.getMetadata().getResourceVersion())));
    }

    public void awaitCached(String name) {
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.joinRequest(name).isPresent());
    }

    /**
     * Creates a JoinRequest as the portal does (without a decision: the chart's policy lets the portal create
     * nothing else); a decision it carries is then made by the approver it names.
     */
    public void create(JoinRequest jr) {
        Approval approval = jr.getSpec().approval;
        jr.getSpec().approval = null;
        client.resource(jr).inNamespace(NAMESPACE).create();
        jr.getSpec().approval = approval;
        if (approval != null) {
            decide(jr.getMetadata().getName(), approval);
        } else {
            awaitCached(jr.getMetadata().getName());
        }
    }

    /** As {@code kubectl patch joinrequest NAME --type=merge -p '{"spec":{"approval":...}}'} by approval.decidedBy. */
    public void decide(String name, Approval approval) {
        String patch = Serialization.asJson(Map.of("spec", Map.of("approval", approval)));
        JoinRequest decided = admin(approval.decidedBy).resources(JoinRequest.class).inNamespace(NAMESPACE)
                .withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        String version = decided.getMetadata().getResourceVersion();
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.joinRequest(name)
                .map(c -> version.equals(c.getMetadata().getResourceVersion())).orElse(false));
    }
}
