package io.ztix.operator.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.smallrye.config.SmallRyeConfig;
import io.ztix.testing.config.KnownProperties;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Records every configuration property the running operator knows in target/config-properties/zt-ix-operator.txt,
 * for the chart's test that each environment variable it sets names one (helm: ChartEnvironmentMatchesConfigTest).
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class ConfigPropertiesRecordTest {

    @Test
    void recordsTheConfigurationPropertiesTheOperatorKnows() {
        assertThat(KnownProperties.record(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class), "zt-ix-operator"))
                .contains("ztix.operator.lease-name", "ztix.zerotier.request-timeout", "quarkus.log.level");
    }
}
