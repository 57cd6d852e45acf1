package io.ztix.operator.routeserver;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.operator.testsupport.BirdInstallation;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.lab.IxLab;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import java.util.Locale;

/**
 * The real parts a route-server test class drives: the lab (BIRDs, StayRTR, namespaces), an OpenSSH server and a
 * fake self-hosted ZeroTier controller. Start in {@code @BeforeAll}, {@link #close()} in {@code @AfterAll}.
 */
record LabParts(IxLab lab, OpenSshServer sshd, SelfHostedFake controller, String token) implements AutoCloseable {

    static LabParts start(String controllerAddress, String token) {
        return start(IxLab.start(), controllerAddress, token);
    }

    /** The lab with its route server running {@code routeServerBird} (the members run the host's BIRD 2.0). */
    static LabParts start(BirdInstallation routeServerBird, String controllerAddress, String token) {
        return start(IxLab.start(routeServerBird), controllerAddress, token);
    }

    static LabParts startWithTwoRouteServers(String controllerAddress, String token) {
        return start(IxLab.startWithTwoRouteServers(), controllerAddress, token);
    }

    private static LabParts start(IxLab lab, String controllerAddress, String token) {
        OpenSshServer sshd = null;
        try {
            sshd = OpenSshServer.start();
            return new LabParts(lab, sshd, SelfHostedFake.started(controllerAddress, token), token);
        } catch (RuntimeException | Error e) {
            if (sshd != null) {
                sshd.close();
            }
            lab.close();
            throw e;
        }
    }

    /** A new exchange (network "ix" in a new namespace) on these parts. */
    LabExchange exchange(KubernetesClient client, KubeApiStandIn api, String namespacePrefix) {
        return LabExchange.create(client, api, namespacePrefix, sshd, controller, token);
    }

    /**
     * A new exchange for one BIRD line under test ({@code <prefix>-<line>-...}): a new lab and namespace per line, so
     * the runs of a parameterized test cannot see each other's resources.
     */
    LabExchange exchange(KubernetesClient client, KubeApiStandIn api, String namespacePrefix, BirdInstallation bird) {
        return exchange(client, api, namespacePrefix + "-" + bird.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** RouteServer {@code name} of the exchange's network, for the lab's route server over this sshd (not created). */
    RouteServer routeServer(LabExchange exchange, String name) {
        return RouteServers.labRouteServer(exchange.namespace(), name, LabExchange.NETWORK, sshd, lab);
    }

    /** Stops what the tests started: controller, sshd, then the lab. */
    @Override
    public void close() {
        try {
            controller.close();
            sshd.close();
        } finally {
            lab.close();
        }
    }

    /** Closes {@code parts} if it was started (for {@code @AfterAll}). */
    static void closeIfStarted(LabParts parts) {
        if (parts != null) {
            parts.close();
        }
    }
}
