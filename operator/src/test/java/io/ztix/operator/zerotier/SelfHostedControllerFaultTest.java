package io.ztix.operator.zerotier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.zerotier.ZeroTierException.Kind;
import io.ztix.operator.zerotier.fake.FakeController;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import io.ztix.operator.zerotier.fake.RecordedRequest;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SelfHostedControllerFaultTest extends ZeroTierControllerFaultContract {

    private static final String NETWORK = "b23b7482a7abcdef";

    private final SelfHostedFake fake = SelfHostedFake.started("b23b7482a7", TOKEN);

    SelfHostedControllerFaultTest() {
        fake.createNetwork(NETWORK);
    }

    @Override
    protected FakeController fake() {
        return fake;
    }

    @Override
    protected ZeroTierController client(Supplier<String> token, Timeouts timeouts) {
        return new SelfHostedController(fake.url(), token, timeouts);
    }

    @Override
    protected String networkId() {
        return NETWORK;
    }

    @Test
    void databaseNotReadyShowsInStatusWhileTheControllerAnswers() {
        fake.setDatabaseReady(false);
        ControllerStatus status = client().status();
        assertFalse(status.databaseReady());
        assertEquals("b23b7482a7", status.controllerAddress());
        assertEquals("1.14.1", status.version());
        fake.setDatabaseReady(true);
        assertTrue(client().status().databaseReady());
    }

    @Test
    void unauthorizedIsBadTokenWithItsStatus() {
        fake.setToken("other-token-0a1b2c");
        ZeroTierException error = failure(() -> client().status());
        assertEquals(Kind.BAD_TOKEN, error.kind());
        assertEquals(OptionalInt.of(401), error.httpStatus());
    }

    @Test
    void aNodeWithoutControllerIsAPermanentError() {
        fake.failNext(200, java.util.Map.of(), "{\"address\":\"b23b7482a7\",\"version\":\"1.14.1\"}");
        fake.failNext(404);
        ZeroTierException error = failure(() -> client().status());
        assertEquals(Kind.PERMANENT, error.kind());
        assertTrue(error.getMessage().contains("no network controller"), error.getMessage());
    }

    /** zerotier-one reads {@code X-ZT1-Auth} (the client sends that header). */
    @Override
    protected Optional<String> tokenSent(RecordedRequest request) {
        return request.header("X-ZT1-Auth");
    }
}
