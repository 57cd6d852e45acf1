package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.testsupport.lab.IxLab;
import io.ztix.operator.testsupport.lab.LanPeer;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator reads the route server's BIRD version in its poll (birdc show status, same SSH session), records it
 * in status.birdVersion and renders for it; a version ZT-IX does not support is refused loudly and nothing is
 * applied (fail static).
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class RouteServerBirdVersionTest {

    private static final Duration LONG = LabExchange.WAIT;

    private static LabParts parts;
    private static IxLab lab;
    private LabExchange exchange;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @BeforeAll
    static void startLab() {
        parts = LabParts.start("b1d0000001", "zt-token-bird-version");
        lab = parts.lab();
    }

    @AfterAll
    static void stopLab() {
        LabParts.closeIfStarted(parts);
    }

    @AfterEach
    void stopDrivingTheLab() {
        if (exchange != null) {
            exchange.deleteRouteServers();
        }
    }

    @Test
    void aBirdVersionZtixDoesNotSupportIsRefusedAndTheRunningConfigurationStays() throws Exception {
        exchange = parts.exchange(client, api, "bird-version");
        exchange.create(RouteServers.labRouteServer(exchange.namespace(), "rs1", LabExchange.NETWORK, parts.sshd(), lab));
        String a = exchange.approve(LanPeer.MEMBER_A, "aaaa000001");
        exchange.awaitPhase(a, Phase.Active);
        String realVersion = lab.routeServer().installation().version();
        await().atMost(LONG).untilAsserted(() -> {
            assertThat(exchange.status("rs1").birdVersion).isEqualTo(realVersion);
            assertThat(exchange.condition("rs1", RouteServer.COND_CONFIG_APPLIED).status).isEqualTo(Condition.TRUE);
        });
        Path include = lab.routeServer().includeFile();
        String running = Files.readString(include);
        assertThat(running).contains("# Rendered for BIRD " + realVersion + ".");

        // the same BIRD behind a birdc that reports 3.0.1 (no BIRD 3.0 here): a release ZT-IX refuses
        exchange.patchSpec("rs1", Map.of("bird", Map.of("birdcCommand", birdcReporting("3.0.1").toString())));
        String b = exchange.approve(LanPeer.MEMBER_B, "bbbb000002");

        await().atMost(LONG).untilAsserted(() -> {
            Condition applied = exchange.condition("rs1", RouteServer.COND_CONFIG_APPLIED);
            assertThat(applied.status).isEqualTo(Condition.FALSE);
            assertThat(applied.reason).isEqualTo("UnsupportedBirdVersion");
            assertThat(applied.message).contains("BIRD 3.0.1", "3.1 or later", "running configuration stays");
            assertThat(exchange.status("rs1").birdVersion).isEqualTo("3.0.1");
        });
        exchange.assertRefusedKeeping("rs1", "UnsupportedBirdVersion", "3.0.1", include, running, b, a);

        exchange.patchSpec("rs1", Map.of("bird", Map.of("birdcCommand",
                lab.routeServer().installation().birdcExecutable().toString())));

        exchange.awaitPhase(b, Phase.Active);
        await().atMost(LONG).untilAsserted(() -> {
            assertThat(exchange.status("rs1").birdVersion).isEqualTo(realVersion);
            assertThat(exchange.condition("rs1", RouteServer.COND_CONFIG_APPLIED).status).isEqualTo(Condition.TRUE);
        });
    }

    /** A birdc wrapper whose {@code show status} (and banner) reports {@code version}; the rest is the real birdc. */
    private static Path birdcReporting(String version) throws Exception {
        Path script = lab.routeServer().configDir().resolve("birdc-reports-" + version);
        String real = lab.routeServer().installation().birdcExecutable().toString();
        Files.writeString(script, String.join("\n",
                "#!/bin/sh",
                "case \"$*\" in",
                "  *'show status'*) '" + real + "' \"$@\" | sed -E 's/^BIRD [0-9]+\\.[0-9]+(\\.[0-9]+)?/BIRD " + version + "/'; exit 0 ;;",
                "esac",
                "exec '" + real + "' \"$@\"",
                ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
