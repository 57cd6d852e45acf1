package io.ztix.portal.requests;

/** What the user asked for in the new-request form. */
public record NewRequest(long asn, String networkRef, String nodeId) {
}
