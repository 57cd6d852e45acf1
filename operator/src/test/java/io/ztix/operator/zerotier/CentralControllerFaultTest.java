package io.ztix.operator.zerotier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ztix.operator.zerotier.ZeroTierException.Kind;
import io.ztix.operator.zerotier.fake.CentralFake;
import io.ztix.operator.zerotier.fake.FakeController;
import io.ztix.operator.zerotier.fake.RecordedRequest;
import java.util.Optional;
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

    /** Central reads {@code Authorization: token <t>} (the client sends the {@code token} scheme). */
    @Override
    protected Optional<String> tokenSent(RecordedRequest request) {
        return request.header("Authorization").filter(value -> value.startsWith("token ")).map(value -> value.substring(6));
    }

    @Test
    void statusOfAnAdoptedNetworkThatVanishedStillShowsTheApiIsReachable() {
        fake.wipe();
        assertEquals(true, client().status().databaseReady());
    }
}
