package io.ztix.operator.bird;

import io.ztix.api.routeserver.PolicySpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Route-server policy knobs that apply to every member session.
 *
 * @param asPathMaxLength longest AS_PATH accepted from a member, prepends included (1..255)
 * @param maxPrefixAction what BIRD does when a member exceeds its max-prefix limit
 * @param bgpRole         announce the BGP role {@code rs_server} (RFC 9234) on member sessions
 * @param aspa            ASPA path verification of member routes (BIRD 2.16+ and 3.x only)
 * @param transitFreeAsns ASNs that must not appear in a path behind the member (RS:1101:14); empty: no such check
 */
public record Policy(int asPathMaxLength, MaxPrefixAction maxPrefixAction, boolean bgpRole, AspaPolicy aspa,
        List<Long> transitFreeAsns, boolean roasAsRouteObjects, Blackholing blackholing) {

    public Policy {
        Objects.requireNonNull(maxPrefixAction, "maxPrefixAction");
        Objects.requireNonNull(aspa, "aspa");
        if (asPathMaxLength < 1 || asPathMaxLength > 255) {
            throw new IllegalArgumentException("asPathMaxLength must be between 1 and 255, got " + asPathMaxLength);
        }
        transitFreeAsns = transitFreeAsns == null ? List.of() : transitFreeAsns.stream()
                .map(asn -> Asns.sessionAsn(asn == null ? 0 : asn, "transit-free ASN")).distinct().sorted().toList();
    }

    /** ROAs not used as route objects, no blackholing. */
    public Policy(int asPathMaxLength, MaxPrefixAction maxPrefixAction, boolean bgpRole, AspaPolicy aspa,
            List<Long> transitFreeAsns) {
        this(asPathMaxLength, maxPrefixAction, bgpRole, aspa, transitFreeAsns, false, null);
    }

    /** With the default transit-free ASNs. */
    public Policy(int asPathMaxLength, MaxPrefixAction maxPrefixAction, boolean bgpRole, AspaPolicy aspa) {
        this(asPathMaxLength, maxPrefixAction, bgpRole, aspa, PolicySpec.DEFAULT_TRANSIT_FREE_ASNS);
    }

    /** Without ASPA, with the default transit-free ASNs. */
    public Policy(int asPathMaxLength, MaxPrefixAction maxPrefixAction, boolean bgpRole) {
        this(asPathMaxLength, maxPrefixAction, bgpRole, AspaPolicy.Off);
    }

    /** AS_PATH up to 32 hops, disable a session that exceeds its limit, announce the rs_server role, no ASPA. */
    public static Policy defaults() {
        return new Policy(32, MaxPrefixAction.Disable, true);
    }

    /**
     * Why a route server on BIRD {@code version} cannot run this policy (it asks for a feature that release lacks),
     * or empty: such a policy is refused, never rendered without the feature.
     */
    public Optional<String> unsupportedOn(BirdVersion version) {
        if (aspa != AspaPolicy.Off && !version.hasAspa()) {
            return Optional.of("ASPA path verification (policy aspa: " + aspa + ") needs BIRD 2.16 or later or BIRD 3; "
                    + "this route server runs BIRD " + version + ": upgrade it or turn ASPA off (spec.policy.aspa: Disabled)");
        }
        return Optional.empty();
    }

    /** The same policy with another ASPA setting. */
    public Policy withAspa(AspaPolicy aspaPolicy) {
        return new Policy(asPathMaxLength, maxPrefixAction, bgpRole, aspaPolicy, transitFreeAsns, roasAsRouteObjects, blackholing);
    }

    /** The same policy with other transit-free ASNs. */
    public Policy withTransitFreeAsns(List<Long> asns) {
        return new Policy(asPathMaxLength, maxPrefixAction, bgpRole, aspa, asns, roasAsRouteObjects, blackholing);
    }

    /** The same policy, with or without ROAs as route objects for the IRR check. */
    public Policy withRoasAsRouteObjects(boolean on) {
        return new Policy(asPathMaxLength, maxPrefixAction, bgpRole, aspa, transitFreeAsns, on, blackholing);
    }

    /** The same policy with RFC 7999 blackholing ({@code null}: off). */
    public Policy withBlackholing(Blackholing rule) {
        return new Policy(asPathMaxLength, maxPrefixAction, bgpRole, aspa, transitFreeAsns, roasAsRouteObjects, rule);
    }
}
