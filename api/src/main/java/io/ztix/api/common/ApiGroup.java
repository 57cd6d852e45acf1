package io.ztix.api.common;

/** Names shared by every ZT-IX resource. */
public final class ApiGroup {
    public static final String GROUP = "ztix.io";
    public static final String VERSION = "v1alpha1";

    /**
     * Annotation an admin sets on a Failed JoinRequest to make the operator try again; on a RouteServer whose
     * configuration was rolled back, a new value ends the hold and applies the desired configuration again (still
     * health-gated).
     */
    public static final String RETRY_ANNOTATION = "ztix.io/retry";
    /**
     * Annotation an admin sets on a JoinRequest being deleted to let deletion finish even though the
     * ZeroTier controller or a route server cannot be reached (the member may stay behind there).
     */
    public static final String FORCE_DELETE_ANNOTATION = "ztix.io/force-delete";

    /**
     * Annotation an admin sets on a RouteServer (a new value each time) to apply its desired configuration once
     * without the health gate, for a change that drops sessions on purpose (e.g. renumbering the route server).
     */
    public static final String SKIP_HEALTH_GATE_ANNOTATION = "ztix.io/skip-health-gate";

    /**
     * Annotation an admin sets on a JoinRequest (a new value each time) to accept the member's IRR lists that a
     * refresh found much smaller than the applied ones (status.irr outcome ShrunkHeld); without it they stay held.
     */
    public static final String ACCEPT_IRR_LISTS_ANNOTATION = "ztix.io/accept-irr-lists";

    private ApiGroup() {
    }
}
