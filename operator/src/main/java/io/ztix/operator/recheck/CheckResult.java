package io.ztix.operator.recheck;

import io.ztix.api.joinrequest.MemberFinding;
import java.time.Instant;
import java.util.Optional;

/**
 * The last successful re-check of one ASN.
 *
 * @param finding   what was found; null when PeeringDB lists the network and it does not ask to stay off route servers
 * @param checkedAt when PeeringDB gave the answer
 */
public record CheckResult(MemberFinding finding, Instant checkedAt) {

    public Optional<MemberFinding> findingIfAny() {
        return Optional.ofNullable(finding);
    }
}
