package io.ztix.operator.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Members re-checked every second (instead of daily) against a {@link PeeringDbStandIn} on a free loopback port the
 * test reads back from {@code ztix.peeringdb.url}, two ASNs a call, the next
 * attempt a second after a failure.
 */
public class FastMemberRechecks implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ztix.peeringdb.url", "http://127.0.0.1:" + FreePorts.pick(), "ztix.recheck.interval", "1s",
                "ztix.recheck.retry-after-failure", "1s", "ztix.peeringdb.batch-size", "2");
    }
}
