package io.ztix.operator.zerotier;

/** Which addresses the controller assigns by itself. ZT-IX assigns every address itself: {@link #NONE}. */
public record AssignModes(boolean v4Zt, boolean v6Zt, boolean v6SixPlane, boolean v6Rfc4193) {

    public static final AssignModes NONE = new AssignModes(false, false, false, false);
}
