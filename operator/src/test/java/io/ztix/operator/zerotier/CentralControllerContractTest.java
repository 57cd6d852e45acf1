package io.ztix.operator.zerotier;

import io.ztix.operator.zerotier.fake.CentralFake;

/** The contract against the Central fake (always runs). */
class CentralControllerContractTest extends CentralControllerContract {

    private static final String TOKEN = "fake-central-token-77e2";
    private static final String NETWORK = "8056c2e21c000001";

    private final CentralFake fake = new CentralFake(TOKEN).start();

    CentralControllerContractTest() {
        fake.createNetwork(NETWORK, "adopted-by-ztix");
    }

    @Override
    protected String url() {
        return fake.url();
    }

    @Override
    protected String validToken() {
        return TOKEN;
    }

    @Override
    protected String networkId() {
        return NETWORK;
    }

    @Override
    protected void releaseController() {
        fake.stop();
    }
}
