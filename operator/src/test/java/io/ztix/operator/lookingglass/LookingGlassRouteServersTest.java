package io.ztix.operator.lookingglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerSpec;
import io.ztix.operator.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which RouteServer the looking glass answers for: read from the API at most every few seconds per route server, and
 * only route servers that exist are remembered (the names come from the client's URL).
 */
class LookingGlassRouteServersTest {

    private static final String PATH = "/apis/ztix.io/v1alpha1/namespaces/ix/routeservers/rs1";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final KubernetesMockServer api = new KubernetesMockServer(false);
    private KubernetesClient client;
    private LookingGlass lookingGlass;

    @BeforeEach
    void startApi() {
        api.init();
        client = api.createClient();
        LookingGlassConfig config = new SmallRyeConfigBuilder().withMapping(LookingGlassConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()).build()
                .getConfigMapping(LookingGlassConfig.class);
        lookingGlass = new LookingGlass(client, null, config, clock, new io.ztix.operator.routeserver.detail.RouteServerDetails());
    }

    @AfterEach
    void stopApi() {
        client.close();
        api.destroy();
    }

    @Test
    void aRouteServerAskedForBeforeItExistedIsFoundAsSoonAsItExists() {
        assertThatThrownBy(() -> lookingGlass.routeServer("ix", "rs1")).isInstanceOf(LookingGlass.NotFound.class);

        api.expect().get().withPath(PATH).andReturn(200, routeServer()).always();

        assertThat(lookingGlass.routeServer("ix", "rs1").getSpec().asn).isEqualTo(64999L);
    }

    @Test
    void aRouteServerThatExistsIsReadOnceEveryFewSeconds() {
        api.expect().get().withPath(PATH).andReturn(200, routeServer()).always();
        int before = api.getRequestCount();

        for (int i = 0; i < 50; i++) {
            lookingGlass.routeServer("ix", "rs1");
        }
        assertThat(api.getRequestCount() - before).isEqualTo(1);
        clock.now = clock.now.plus(LookingGlass.ROUTE_SERVER_TIME);
        lookingGlass.routeServer("ix", "rs1");
        assertThat(api.getRequestCount() - before).isEqualTo(2);
    }

    private static RouteServer routeServer() {
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withNamespace("ix").withName("rs1").build());
        rs.setSpec(new RouteServerSpec());
        rs.getSpec().asn = 64999L;
        return rs;
    }
}
