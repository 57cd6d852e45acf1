package io.ztix.portal.auth;

/**
 * One network a user may act for: from the PeeringDB {@code networks} claim, or from a local account's grant
 * (then {@code networkRef} may restrict it to one ZtNetwork).
 */
public record NetworkAffiliation(long asn, String name, int perms, String networkRef) {

    public static final int READ = 1;
    public static final int UPDATE = 2;
    public static final int CREATE = 4;
    public static final int DELETE = 8;

    public boolean hasPerms(int required) {
        return (perms & required) == required;
    }

    public boolean coversNetwork(String ref) {
        return networkRef == null || networkRef.equals(ref);
    }
}
