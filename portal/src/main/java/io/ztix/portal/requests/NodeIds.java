package io.ztix.portal.requests;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ZeroTier node IDs: 10 hexadecimal digits, stored lower-case. ZeroTier never assigns the reserved addresses
 * {@code 0000000000} and {@code ff........} (the reserved prefix), so a request for one of them is a typo or
 * an attempt to confuse the controller.
 */
public final class NodeIds {

    private static final Pattern NODE_ID = Pattern.compile("^[0-9a-f]{10}$");

    private NodeIds() {
    }

    /** The normalized node ID, or an {@link InvalidRequest} explaining where to find the right one. */
    public static String normalize(String input) {
        String candidate = input == null ? "" : input.trim().toLowerCase(Locale.ROOT);
        if (!NODE_ID.matcher(candidate).matches()) {
            throw new InvalidRequest("nodeId", "error_node_id");
        }
        if (reserved(candidate)) {
            throw new InvalidRequest("nodeId", "error_node_id_reserved");
        }
        return candidate;
    }

    /** A ZeroTier address no node can have: all zeros, or the reserved prefix ff. */
    static boolean reserved(String nodeId) {
        return nodeId.equals("0000000000") || nodeId.startsWith("ff");
    }
}
