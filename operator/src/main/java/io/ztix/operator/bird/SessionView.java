package io.ztix.operator.bird;

import java.util.List;

/** One member BGP session (one address family) with its import and export filters. */
record SessionView(
        String protocolName,
        String family,
        String familySuffix,
        long memberAsn,
        String nodeId,
        String neighbor,
        String local,
        String networkName,
        String joinRequestName,
        String description,
        long receiveLimit,
        String limitAction,
        boolean bgpRole,
        List<String> irrAsSets,
        boolean irr,
        String irrSummary,
        String irrPrefixes,
        String irrOrigins,
        boolean roasAsRouteObjects,
        boolean blackholingRouteServer,
        boolean blackholing,
        String irrBlackholePrefixes,
        boolean acceptsBlackholes,
        boolean aspa,
        boolean held,
        boolean suspended) implements TemplateView {

    String importFilter() {
        return protocolName + "_in";
    }

    String exportFilter() {
        return protocolName + "_out";
    }

    @Override
    public Object property(String name) {
        return switch (name) {
            case "protocolName" -> protocolName;
            case "family" -> family;
            case "familySuffix" -> familySuffix;
            case "memberAsn" -> memberAsn;
            case "nodeId" -> nodeId;
            case "neighbor" -> neighbor;
            case "local" -> local;
            case "networkName" -> networkName;
            case "joinRequestName" -> joinRequestName;
            case "description" -> description;
            case "receiveLimit" -> receiveLimit;
            case "limitAction" -> limitAction;
            case "bgpRole" -> bgpRole;
            case "irrAsSets" -> irrAsSets;
            case "irr" -> irr;
            case "irrSummary" -> irrSummary;
            case "irrPrefixes" -> irrPrefixes;
            case "irrOrigins" -> irrOrigins;
            case "roasAsRouteObjects" -> roasAsRouteObjects;
            case "blackholingRouteServer" -> blackholingRouteServer;
            case "blackholing" -> blackholing;
            case "irrBlackholePrefixes" -> irrBlackholePrefixes;
            case "acceptsBlackholes" -> acceptsBlackholes;
            case "blackholeNextHop" -> "ZTIX_BLACKHOLE_NEXT_HOP_" + familySuffix.toUpperCase(java.util.Locale.ROOT);
            case "roaTable" -> "ztix_roa" + familySuffix.substring(1);
            case "aspa" -> aspa;
            case "held" -> held;
            case "suspended" -> suspended;
            case "communities" -> Communities.TEMPLATE_VIEW;
            case "importFilter" -> importFilter();
            case "exportFilter" -> exportFilter();
            default -> null;
        };
    }
}
