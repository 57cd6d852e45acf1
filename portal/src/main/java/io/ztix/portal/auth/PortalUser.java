package io.ztix.portal.auth;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The logged-in person as the portal sees them, whatever the login method.
 *
 * @param peeringdbId PeeringDB user id, or null for a local account
 * @param localUser local account name, or null for a PeeringDB user
 * @param verified PeeringDB vouches for the user (verified_user and email_verified); local accounts are
 *        trusted because an admin created them
 * @param eligible networks the user may act for (enough perms)
 * @param insufficient networks the user is affiliated with but without enough perms (shown to explain)
 */
public record PortalUser(Long peeringdbId, String localUser, String name, String email, boolean verified,
        boolean admin, List<NetworkAffiliation> eligible, List<NetworkAffiliation> insufficient) {

    public static final String ATTRIBUTE = "ztix.portal-user";

    public boolean isLocal() {
        return localUser != null;
    }

    /** A stable, human-readable actor name for the audit log. */
    public String actor() {
        return isLocal() ? "local:" + localUser : "peeringdb:" + peeringdbId;
    }

    public String displayName() {
        return name != null && !name.isBlank() ? name : (isLocal() ? localUser : "PeeringDB user " + peeringdbId);
    }

    /** May submit new requests: PeeringDB users must be verified; local accounts always may. */
    public boolean maySubmit() {
        return (isLocal() || verified) && !eligible.isEmpty();
    }

    public Set<Long> asns() {
        Set<Long> asns = new TreeSet<>();
        eligible.forEach(n -> asns.add(n.asn()));
        return asns;
    }

    public boolean mayActFor(long asn, String networkRef) {
        return eligible.stream().anyMatch(n -> n.asn() == asn && n.coversNetwork(networkRef));
    }

    /** May act for the ASN on the network with at least these PeeringDB perms bits. */
    public boolean mayActFor(long asn, String networkRef, int perms) {
        return eligible.stream().anyMatch(n -> n.asn() == asn && n.coversNetwork(networkRef) && n.hasPerms(perms));
    }
}
