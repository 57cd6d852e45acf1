package io.ztix.operator.bird;

/**
 * The large communities {@code (RS, function, value)} the route server itself puts on member routes, in the
 * numbering looking glasses and members know (Euro-IX route-server workshop, IXP Manager): {@code RS:1101:n} on
 * routes kept as filtered (the reject reason), {@code RS:100x:n} as information on accepted ones. Defined here once;
 * the templates refer to the constants by name ({@code {communities.ASPA_INVALID}}) and bird/README.md lists them
 * (a test checks that it does). Numbers above 15 are ZT-IX's own and stay stable once published.
 */
public enum RouteServerCommunity {

    /** Filtered: ASPA path verification says invalid (only with {@link AspaPolicy#Reject}). */
    ASPA_INVALID(1101, 16, "filtered: ASPA path verification failed (a provider the customer's ASPA does not list)"),
    /** Information: ASPA path verification says valid. */
    ASPA_VALID_INFO(1002, 1, "information: ASPA valid"),
    /** Information: ASPA says unknown (an AS on the path publishes no ASPA). */
    ASPA_UNKNOWN_INFO(1002, 2, "information: ASPA unknown"),
    /** Information: ASPA says invalid, route accepted anyway (only with {@link AspaPolicy#Tag}). */
    ASPA_INVALID_INFO(1002, 3, "information: ASPA invalid, accepted because the policy only tags");

    private final int function;
    private final int value;
    private final String meaning;

    RouteServerCommunity(int function, int value, String meaning) {
        this.function = function;
        this.value = value;
        this.meaning = meaning;
    }

    public int function() {
        return function;
    }

    public int value() {
        return value;
    }

    public String meaning() {
        return meaning;
    }

    /** As written in the documentation: {@code RS:1101:16}. */
    public String documented() {
        return "RS:" + function + ":" + value;
    }

    /** As a BIRD large-community literal relative to the route server's ASN. */
    String bird() {
        return "(ZTIX_RS_ASN, " + function + ", " + value + ")";
    }

    /** The constants for templates: {@code {communities.ASPA_INVALID}} renders {@code (ZTIX_RS_ASN, 1101, 16)}. */
    static final TemplateView TEMPLATE_VIEW = name -> {
        for (RouteServerCommunity community : values()) {
            if (community.name().equals(name)) {
                return community.bird();
            }
        }
        return null;
    };
}
