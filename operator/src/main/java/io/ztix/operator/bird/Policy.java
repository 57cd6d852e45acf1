package io.ztix.operator.bird;

import java.util.Objects;

/**
 * Route-server policy knobs that apply to every member session.
 *
 * @param asPathMaxLength longest AS_PATH accepted from a member, prepends included (1..255)
 * @param maxPrefixAction what BIRD does when a member exceeds its max-prefix limit
 * @param bgpRole         announce the BGP role {@code rs_server} (RFC 9234) on member sessions
 */
public record Policy(int asPathMaxLength, MaxPrefixAction maxPrefixAction, boolean bgpRole) {

    public Policy {
        Objects.requireNonNull(maxPrefixAction, "maxPrefixAction");
        if (asPathMaxLength < 1 || asPathMaxLength > 255) {
            throw new IllegalArgumentException("asPathMaxLength must be between 1 and 255, got " + asPathMaxLength);
        }
    }

    /** AS_PATH up to 32 hops, disable a session that exceeds its limit, announce the rs_server role. */
    public static Policy defaults() {
        return new Policy(32, MaxPrefixAction.Disable, true);
    }
}
