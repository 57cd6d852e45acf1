package io.ztix.operator.recheck;

import java.time.Instant;
import java.util.Optional;

/**
 * The last successful re-check of one ASN.
 *
 * @param finding   what was found; null when PeeringDB lists the network and it does not ask to stay off route servers
 * @param checkedAt when PeeringDB gave the answer
 */
public record CheckResult(Finding finding, Instant checkedAt) {

    public Optional<Finding> findingIfAny() {
        return Optional.ofNullable(finding);
    }
}
