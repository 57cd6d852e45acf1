package io.ztix.operator.bird;

import io.ztix.api.routeserver.RouteServerCommunity;

/**
 * The templates' view of {@link RouteServerCommunity}, the one table of the communities the route server sets:
 * {@code {communities.BOGON_PREFIX}} renders {@code (ZTIX_RS_ASN, 1101, 3)}, relative to the route server's ASN.
 */
final class Communities {

    private Communities() {
    }

    /** As a BIRD large-community literal relative to the route server's ASN. */
    static String bird(RouteServerCommunity community) {
        return "(ZTIX_RS_ASN, " + community.function() + ", " + community.value() + ")";
    }

    /** The constants for templates; {@code null} (so strict rendering fails) for a name the table lacks. */
    static final TemplateView TEMPLATE_VIEW = name -> {
        for (RouteServerCommunity community : RouteServerCommunity.values()) {
            if (community.name().equals(name)) {
                return bird(community);
            }
        }
        return null;
    };
}
