package io.ztix.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.smallrye.config.SmallRyeConfig;
import io.ztix.portal.testsupport.PortalTestResources;
import io.ztix.testing.config.KnownProperties;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Records every configuration property the running portal knows in target/config-properties/zt-ix-portal.txt,
 * for the chart's test that each environment variable it sets names one (helm: ChartEnvironmentMatchesConfigTest).
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class ConfigPropertiesRecordTest {

    @Test
    void recordsTheConfigurationPropertiesThePortalKnows() {
        assertThat(KnownProperties.record(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class), "zt-ix-portal"))
                .contains("ztix.portal.min-perms", "ztix.branding.name", "ztix.session-secret", "ztix.token-encryption-key",
                        "ztix.token-encryption-previous-keys", "quarkus.datasource.jdbc.url",
                        "quarkus.oidc.client-id", "quarkus.http.proxy.trusted-proxies", "quarkus.flyway.username")
                .doesNotContain("ztix.test.fake-peeringdb-url");
    }
}
