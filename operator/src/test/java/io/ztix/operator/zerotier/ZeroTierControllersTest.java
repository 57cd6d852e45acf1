package io.ztix.operator.zerotier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.api.network.ControllerSpec.Provider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ZeroTierControllersTest {

    private final ZeroTierControllers factory = new ZeroTierControllers(Timeouts.DEFAULT);

    @Test
    void theProviderChoosesTheImplementation() {
        assertInstanceOf(SelfHostedController.class,
                factory.forNetwork(Provider.SelfHosted, "http://127.0.0.1:9993", null, () -> "t0ken-1"));
        assertInstanceOf(CentralController.class, factory.forNetwork(Provider.Central,
                "https://api.zerotier.com/api/v1", "8056c2e21c000001", () -> "t0ken-1"));
    }

    @Test
    void aCentralControllerNeedsTheAdoptedNetwork() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> factory.forNetwork(Provider.Central, "https://api.zerotier.com/api/v1", null, () -> "t0ken-1"));
        assertTrue(error.getMessage().contains("adopted"), error.getMessage());
    }

    @Test
    void urlsWithCredentialsOrQueriesAreRejectedWithoutEchoingThem() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> factory.forNetwork(
                Provider.SelfHosted, "http://admin:hunter2@127.0.0.1:9993", null, () -> "t0ken-1"));
        assertFalse(error.getMessage().contains("hunter2"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> factory.forNetwork(Provider.SelfHosted,
                "http://127.0.0.1:9993/?auth=abc", null, () -> "t0ken-1"));
        assertThrows(IllegalArgumentException.class, () -> factory.forNetwork(Provider.SelfHosted,
                "ftp://127.0.0.1:9993", null, () -> "t0ken-1"));
    }

    @Test
    void toStringShowsWhereButNeverTheToken() {
        ZeroTierController controller = factory.forNetwork(Provider.SelfHosted, "http://127.0.0.1:9993/", null,
                () -> "very-secret-token");
        assertTrue(controller.toString().contains("http://127.0.0.1:9993"), controller.toString());
        assertFalse(controller.toString().contains("very-secret-token"), controller.toString());
    }

    @Test
    void timeoutsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Timeouts(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Timeouts(Duration.ofSeconds(1), null));
    }
}
