package io.ztix.sandbox;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.ztix.portal.testsupport.FakePeeringDb;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources an IX admin would apply (as in examples/), pointed at the sandbox's controller and route
 * server: the controller token Secret, the ZtNetwork and, with a local route server, its SSH key Secret and
 * the RouteServer.
 */
final class ExampleResources {

    private ExampleResources() {
    }

    /** The Secret with the PeeringDB API key the operator re-checks members with (named in its configuration). */
    static final String PEERINGDB_API_KEY_SECRET = "peeringdb-api-key";

    /** The operator uses a Secret only when it is labelled for the purpose (operator: common/SecretPurpose). */
    private static final String SECRET_FOR = "ztix.io/secret-for";

    static void apply(KubernetesClient client, String namespace, String network, String controllerUrl,
            String controllerToken, Optional<LocalRouteServer> routeServer) {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
                .withName(PEERINGDB_API_KEY_SECRET).endMetadata()
                .addToStringData("api-key", FakePeeringDb.API_KEY).build())
                .create();
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
                .withName("zt-controller-token").addToLabels(SECRET_FOR, "zerotier-token").endMetadata()
                .addToStringData("token", controllerToken).build())
                .create();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("controller", Map.of("provider", "SelfHosted", "url", controllerUrl,
                "tokenSecretRef", Map.of("name", "zt-controller-token", "key", "token")));
        spec.put("idSuffix", "000001");
        spec.put("name", "ZT-IX sandbox");
        spec.put("description", "Peering LAN of the local ZT-IX sandbox");
        spec.put("peeringLan", Map.of("ipv6", "2001:db8:ff::/64", "ipv4", "203.0.113.0/24"));
        spec.put("approval", "Manual");
        client.resource(resource("ZtNetwork", namespace, network, spec)).create();
        routeServer.ifPresent(rs -> applyRouteServer(client, namespace, network, rs));
    }

    private static void applyRouteServer(KubernetesClient client, String namespace, String network,
            LocalRouteServer rs) {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("rs1-ssh")
                .addToLabels(SECRET_FOR, "ssh-key").endMetadata().addToStringData("id_ed25519", rs.operatorPrivateKey())
                .build()).create();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("networkRef", network);
        spec.put("asn", 64500);
        spec.put("routerId", LocalRouteServer.ROUTER_ID);
        spec.put("peeringAddresses", Map.of("ipv6", "2001:db8:ff::1", "ipv4", LocalRouteServer.ROUTER_ID));
        spec.put("ssh", Map.of("host", "127.0.0.1", "port", rs.sshPort(), "user", rs.user(),
                "privateKeySecretRef", Map.of("name", "rs1-ssh", "key", "id_ed25519"), "hostKey", rs.hostPublicKey()));
        spec.put("bird", Map.of("configDirectory", rs.directory().toString(), "mainConfig", "bird.conf",
                "includeFile", rs.includeFile().getFileName().toString(), "birdCommand", LocalRouteServer.BIRD,
                "birdcCommand", LocalRouteServer.BIRDC, "socket", rs.socket().toString(), "sudo", false));
        spec.put("rpki", Map.of("servers", List.of(Map.of("host", "127.0.0.1", "port", rs.rtrPort()))));
        client.resource(resource("RouteServer", namespace, "rs1", spec)).create();
    }

    private static GenericKubernetesResource resource(String kind, String namespace, String name,
            Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder().withApiVersion("ztix.io/v1alpha1").withKind(kind)
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withAdditionalProperties(Map.of("spec", spec)).build();
    }

}
