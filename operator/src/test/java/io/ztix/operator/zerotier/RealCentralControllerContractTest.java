package io.ztix.operator.zerotier;

import io.ztix.api.network.ControllerSpec;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract against ZeroTier Central, only when ZTIX_IT_CENTRAL_TOKEN and ZTIX_IT_CENTRAL_NETWORK (a
 * network for testing: its name, routes and MTU are overwritten, test members are added and removed)
 * are set; ZTIX_IT_CENTRAL_URL overrides the API URL.
 */
@EnabledIfEnvironmentVariable(named = "ZTIX_IT_CENTRAL_TOKEN", matches = ".+")
@EnabledIfEnvironmentVariable(named = "ZTIX_IT_CENTRAL_NETWORK", matches = "[0-9a-fA-F]{16}")
class RealCentralControllerContractTest extends CentralControllerContract {

    @Override
    protected String url() {
        String url = System.getenv("ZTIX_IT_CENTRAL_URL");
        return url == null || url.isBlank() ? ControllerSpec.CENTRAL_DEFAULT_URL : url;
    }

    @Override
    protected String validToken() {
        return System.getenv("ZTIX_IT_CENTRAL_TOKEN").strip();
    }

    @Override
    protected String networkId() {
        return System.getenv("ZTIX_IT_CENTRAL_NETWORK").toLowerCase(java.util.Locale.ROOT);
    }
}
