package io.ztix.operator.zerotier;

import java.util.Optional;

/**
 * Tells whether what a controller holds differs from what ZT-IX wants, with exactly the comparisons used
 * to verify writes, so that a reconcile writes only when something really differs (idempotence).
 */
public final class Drift {

    private Drift() {
    }

    public static boolean networkDiffers(NetworkSettings desired, NetworkInfo actual) {
        return networkDifference(desired, actual).isPresent();
    }

    /** The first ZT-IX-owned network field (e.g. {@code mtu}, {@code rules}) that differs, if any. */
    public static Optional<String> networkDifference(NetworkSettings desired, NetworkInfo actual) {
        try {
            ReadBack.verifyNetwork(null, desired, actual);
            return Optional.empty();
        } catch (ReadBackMismatchException e) {
            return Optional.of(e.field());
        }
    }

    public static boolean memberDiffers(String networkId, String nodeId, MemberSettings desired, Member actual) {
        try {
            ReadBack.verifyMember(networkId, nodeId, desired, actual);
            return false;
        } catch (ReadBackMismatchException e) {
            return true;
        }
    }
}
