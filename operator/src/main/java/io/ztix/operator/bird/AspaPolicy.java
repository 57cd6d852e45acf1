package io.ztix.operator.bird;

/**
 * What the route server does with ASPA path verification (draft-ietf-sidrops-aspa-verification) of member routes.
 * Needs BIRD 2.16 or 3.x and an RTR server that sends ASPA records (RTR version 2).
 */
public enum AspaPolicy {
    /** No ASPA table, no check: nothing changes. */
    Off,
    /** Every member route gets an informational community saying valid, unknown or invalid; nothing is rejected. */
    Tag,
    /** ASPA-invalid routes are kept as filtered with their reject reason; valid and unknown ones are tagged. */
    Reject
}
