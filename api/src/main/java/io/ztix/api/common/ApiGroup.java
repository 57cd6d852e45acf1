package io.ztix.api.common;

/** Names shared by every ZT-IX resource. */
public final class ApiGroup {
    public static final String GROUP = "ztix.io";
    public static final String VERSION = "v1alpha1";

    /** Annotation an admin sets on a Failed JoinRequest to make the operator try again. */
    public static final String RETRY_ANNOTATION = "ztix.io/retry";
    /**
     * Annotation an admin sets on a JoinRequest being deleted to let deletion finish even though the
     * ZeroTier controller or a route server cannot be reached (the member may stay behind there).
     */
    public static final String FORCE_DELETE_ANNOTATION = "ztix.io/force-delete";

    private ApiGroup() {
    }
}
