package io.ztix.portal.requests;

import java.util.Locale;
import java.util.regex.Pattern;

/** ZeroTier node IDs: 10 hexadecimal digits, stored lower-case. */
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
        return candidate;
    }
}
