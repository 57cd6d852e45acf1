package io.ztix.portal.requests;

/**
 * What the user asked for in the new-request form.
 *
 * @param acceptBlackholes receive other members' blackhole routes (spec.routing.acceptBlackholes)
 */
public record NewRequest(long asn, String networkRef, String nodeId, boolean acceptBlackholes) {

    /** A request that does not ask for blackhole routes. */
    public NewRequest(long asn, String networkRef, String nodeId) {
        this(asn, networkRef, nodeId, false);
    }
}
