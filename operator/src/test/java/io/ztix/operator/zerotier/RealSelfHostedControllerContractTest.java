package io.ztix.operator.zerotier;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract against a real zerotier-one controller, only when ZTIX_IT_ZT_URL (e.g.
 * http://127.0.0.1:9993) and ZTIX_IT_ZT_TOKEN (its authtoken.secret) are set. Creates and deletes its
 * own networks with random IDs under the controller's address.
 */
@EnabledIfEnvironmentVariable(named = "ZTIX_IT_ZT_URL", matches = ".+")
@EnabledIfEnvironmentVariable(named = "ZTIX_IT_ZT_TOKEN", matches = ".+")
class RealSelfHostedControllerContractTest extends SelfHostedControllerContract {

    @Override
    protected String url() {
        return System.getenv("ZTIX_IT_ZT_URL");
    }

    @Override
    protected String validToken() {
        return System.getenv("ZTIX_IT_ZT_TOKEN").strip();
    }
}
