package io.ztix.addressing;

import java.util.ArrayList;
import java.util.List;

/**
 * IPv6 literals parsed into eight 16-bit hextets without ever touching DNS, and written back in the
 * RFC 5952 canonical text form (lower case, no leading zeros, the longest run of two or more zero
 * hextets shortened to {@code ::}). Accepts every RFC 4291 text form including a trailing dotted quad;
 * rejects zone identifiers and prefix lengths.
 */
public final class Ipv6Literal {

    private Ipv6Literal() {
    }

    public static int[] parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("IPv6 address is empty");
        }
        if (!text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address: only hex digits, ':' and a "
                    + "trailing dotted quad are allowed");
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address: '::' may appear only once");
        }
        List<Integer> head = groups(text, gap < 0 ? text : text.substring(0, gap), gap >= 0, gap < 0);
        List<Integer> tail = gap < 0 ? List.of() : groups(text, text.substring(gap + 2), true, true);
        int count = head.size() + tail.size();
        if (gap < 0 && count != 8) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address: it has " + count
                    + " groups instead of 8");
        }
        if (gap >= 0 && count > 7) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address: '::' must stand for at least one group");
        }
        int[] hextets = new int[8];
        for (int i = 0; i < head.size(); i++) {
            hextets[i] = head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            hextets[8 - tail.size() + i] = tail.get(i);
        }
        return hextets;
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** RFC 5952 text of eight hextets. */
    public static String format(int[] hextets) {
        if (hextets.length != 8) {
            throw new IllegalArgumentException("an IPv6 address has 8 hextets, not " + hextets.length);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && hextets[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(hextets[i]));
        }
        return text.toString();
    }

    private static List<Integer> groups(String text, String part, boolean besideGap, boolean endsAddress) {
        List<Integer> result = new ArrayList<>();
        if (part.isEmpty()) {
            if (!besideGap) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv6 address");
            }
            return result;
        }
        String[] groups = part.split(":", -1);
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            boolean last = endsAddress && i == groups.length - 1;
            if (group.contains(".")) {
                if (!last) {
                    throw new IllegalArgumentException("'" + text + "' is not an IPv6 address: a dotted quad may "
                            + "only end the address");
                }
                long v4 = Ipv4Literal.parse(group);
                result.add((int) (v4 >> 16));
                result.add((int) (v4 & 0xFFFF));
            } else if (group.isEmpty() || group.length() > 4) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv6 address: group '" + group
                        + "' must have 1 to 4 hex digits");
            } else {
                result.add(Integer.parseInt(group, 16));
            }
        }
        return result;
    }
}
