package io.ztix.operator.zerotier;

import java.util.Locale;

/**
 * ZeroTier identifiers: network IDs are 16 hex digits, node (member) IDs 10. ZT-IX sends them in lower
 * case; controllers may answer in upper case, so compare with {@link #same}.
 */
public final class ZeroTierIds {

    private ZeroTierIds() {
    }

    public static boolean isNetworkId(String id) {
        return isHex(id, 16);
    }

    public static boolean isNodeId(String id) {
        return isHex(id, 10);
    }

    /** The network ID in lower case; IllegalArgumentException unless it is 16 hex digits. */
    public static String networkId(String id) {
        if (!isNetworkId(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a ZeroTier network ID (16 hex digits)");
        }
        return id.toLowerCase(Locale.ROOT);
    }

    /** The node ID in lower case; IllegalArgumentException unless it is 10 hex digits. */
    public static String nodeId(String id) {
        if (!isNodeId(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a ZeroTier node ID (10 hex digits)");
        }
        return id.toLowerCase(Locale.ROOT);
    }

    /** The 6-hex-digit suffix of a self-hosted network ID, in lower case. */
    public static String idSuffix(String suffix) {
        if (!isHex(suffix, 6)) {
            throw new IllegalArgumentException("'" + suffix + "' is not a network ID suffix (6 hex digits)");
        }
        return suffix.toLowerCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }

    private static boolean isHex(String id, int length) {
        return id != null && id.length() == length && id.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
