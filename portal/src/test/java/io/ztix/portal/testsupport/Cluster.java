package io.ztix.portal.testsupport;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ztix.api.common.SecretKeyRef;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.network.ControllerSpec;
import io.ztix.api.network.PeeringLan;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkSpec;
import io.ztix.api.network.ZtNetworkStatus;
import io.ztix.api.routeserver.PeeringAddresses;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerSpec;
import io.ztix.portal.kube.ResourceCache;
import java.time.Duration;
import java.util.function.Consumer;

/** Builds ZT-IX resources in the mock Kubernetes API and waits until the portal's informers saw them. */
public final class Cluster {

    public static final String NAMESPACE = "test";

    private final KubernetesClient client;
    private final ResourceCache cache;

    public Cluster(KubernetesClient client, ResourceCache cache) {
        this.client = client;
        this.cache = cache;
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
        ZtNetwork created = client.resource(n).inNamespace(NAMESPACE).createOr(e -> e.update());
        ZtNetworkStatus status = new ZtNetworkStatus();
        status.networkId = "8056c2e21c000001";
        created.setStatus(status);
        client.resource(created).inNamespace(NAMESPACE).updateStatus();
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
        rs.setSpec(spec);
        RouteServer created = client.resource(rs).inNamespace(NAMESPACE).createOr(e -> e.update());
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
        JoinRequest updated = client.resource(jr).inNamespace(NAMESPACE).updateStatus();
        String version = updated.getMetadata().getResourceVersion();
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.joinRequest(name)
                .map(c -> version.equals(c.getMetadata().getResourceVersion())).orElse(false));
    }

    public void awaitCached(String name) {
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.joinRequest(name).isPresent());
    }

    public void create(JoinRequest jr) {
        client.resource(jr).inNamespace(NAMESPACE).create();
        awaitCached(jr.getMetadata().getName());
    }
}
