package io.ztix.operator.zerotier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ztix.operator.zerotier.ZeroTierException.Kind;
import io.ztix.operator.zerotier.fake.CentralFake;
import io.ztix.operator.zerotier.fake.FakeController;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CentralControllerFaultTest extends ZeroTierControllerFaultContract {

    private static final String NETWORK = "8056c2e21c000001";

    private final CentralFake fake = new CentralFake(TOKEN).start();

    CentralControllerFaultTest() {
        fake.createNetwork(NETWORK, "adopted");
    }

    @Override
    protected FakeController fake() {
        return fake;
    }

    @Override
    protected ZeroTierController client(Supplier<String> token, Timeouts timeouts) {
        return new CentralController(fake.url(), NETWORK, token, timeouts);
    }

    @Override
    protected String networkId() {
        return NETWORK;
    }

    @Test
    void forbiddenIsBadTokenOnCentral() {
        fake.setToken("other-token-0a1b2c");
        ZeroTierException error = failure(() -> client().status());
        assertEquals(Kind.BAD_TOKEN, error.kind());
        assertEquals(OptionalInt.of(403), error.httpStatus());
    }

    @Test
    void theTokenTravelsAsAuthorizationToken() {
        fake.clearRequests();
        client().getNetwork(NETWORK);
        assertEquals("token " + TOKEN, fake.requests().get(0).header("Authorization").orElseThrow());
    }

    @Test
    void statusOfAnAdoptedNetworkThatVanishedStillShowsTheApiIsReachable() {
        fake.wipe();
        assertEquals(true, client().status().databaseReady());
    }
}
