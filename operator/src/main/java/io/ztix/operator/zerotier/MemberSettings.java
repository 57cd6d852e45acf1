package io.ztix.operator.zerotier;

import io.ztix.addressing.IpLiterals;
import java.util.List;

/**
 * What ZT-IX wants a member to look like.
 *
 * @param authorized      may the node join
 * @param ipAssignments   bare IPv4/IPv6 addresses (no prefix length), stored in canonical text
 * @param noAutoAssignIps true keeps the controller from adding addresses of its own
 * @param name            member name shown by ZeroTier; null leaves it as it is
 */
public record MemberSettings(boolean authorized, List<String> ipAssignments, boolean noAutoAssignIps, String name) {

    public MemberSettings {
        ipAssignments = ipAssignments.stream().map(MemberSettings::bareAddress).toList();
    }

    /** An authorized member holding exactly these addresses and nothing auto-assigned. */
    public static MemberSettings authorized(List<String> ipAssignments, String name) {
        return new MemberSettings(true, ipAssignments, true, name);
    }

    private static String bareAddress(String address) {
        if (address == null || address.contains("/")) {
            throw new IllegalArgumentException("member address '" + address + "' must be a bare IP address without "
                    + "a prefix length (ZeroTier drops the length)");
        }
        return IpLiterals.canonical(address).orElseThrow(
                () -> new IllegalArgumentException("member address '" + address + "' is not an IPv4 or IPv6 address"));
    }
}
