package io.ztix.operator.zerotier;

import io.ztix.operator.zerotier.fake.SelfHostedFake;

/** The contract against the self-hosted fake (always runs). */
class SelfHostedControllerContractTest extends SelfHostedControllerContract {

    private static final String TOKEN = "fake-authtoken-3f9a1c";

    private final SelfHostedFake fake = SelfHostedFake.started("b23b7482a7", TOKEN);

    @Override
    protected String url() {
        return fake.url();
    }

    @Override
    protected String validToken() {
        return TOKEN;
    }

    @Override
    protected void releaseController() {
        fake.stop();
    }
}
