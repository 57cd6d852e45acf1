package io.ztix.api.joinrequest;

/** Where a JoinRequest stands. */
public enum Phase {
    /** No decision yet, or the request cannot be decided yet (e.g. its network does not exist). */
    Pending,
    /** Approved; provisioning has not started. */
    Approved,
    /** Approved; the member is being authorized and configured on the route servers. */
    Provisioning,
    /** Authorized and configured on every route server of the network. */
    Active,
    /**
     * Admitted, but its sessions are disabled on the route servers: a PeeringDB re-check found something and the
     * network suspends members for it (spec.memberChecks.onFinding: Suspend); see status.suspendedFor.
     */
    Suspended,
    /** Rejected (or revoked) with a reason. */
    Rejected,
    /** A permanent error; see status.lastError. Retry with the ztix.io/retry annotation. */
    Failed
}
