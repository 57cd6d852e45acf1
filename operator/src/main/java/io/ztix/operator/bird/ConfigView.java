package io.ztix.operator.bird;

import io.ztix.operator.irr.IrrPrefix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The validated, sorted form of a {@link RouteServerConfig} that the templates render. Building it is
 * where bad input is rejected: every address and number is parsed again, every name made safe.
 */
record ConfigView(
        long rsAsn,
        String routerId,
        int asPathMaxLength,
        boolean rsAsnIs16Bit,
        List<RtrView> rtrServers,
        List<SessionView> sessions,
        BirdVersion birdVersion,
        AspaPolicy aspa,
        Policy policy,
        Blackholing blackholing) implements TemplateView {

    static final long MAX_RECEIVE_LIMIT = 10_000_000L;

    private static final Pattern NODE_ID = Pattern.compile("[0-9a-f]{10}");
    private static final Comparator<Member> MEMBER_ORDER = Comparator.comparingLong(Member::asn)
            .thenComparing(Member::nodeId);

    static ConfigView of(RouteServerConfig config, BirdVersion version) {
        if (config == null) {
            throw new IllegalArgumentException("route server configuration must not be null");
        }
        if (config.policy() == null) {
            throw new IllegalArgumentException("policy must not be null");
        }
        if (version == null) {
            throw new IllegalArgumentException("BIRD version must not be null");
        }
        version.unsupportedReason().ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        config.policy().unsupportedOn(version).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        long rsAsn = Asns.sessionAsn(config.rsAsn(), "route server ASN");
        String routerId = IpAddresses.ipv4(config.routerId(), "router ID");
        String rsIpv6 = IpAddresses.ipv6(config.rsIpv6(), "route server IPv6 address");
        String rsIpv4 = config.rsIpv4() == null ? null : IpAddresses.ipv4(config.rsIpv4(), "route server IPv4 address");
        Blackholing blackholing = config.policy().blackholing() == null ? null
                : config.policy().blackholing().validated(rsIpv4, rsIpv6);
        return new ConfigView(rsAsn, routerId, config.policy().asPathMaxLength(), rsAsn <= 65535,
                rtrViews(config.rtrServers()), sessions(config, rsIpv4, rsIpv6), version,
                config.policy().aspa(), config.policy(), blackholing);
    }

    private static List<RtrView> rtrViews(List<RtrEndpoint> endpoints) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one RTR server is required: without an RTR feed every "
                    + "route is RPKI-unknown and origin validation filters nothing");
        }
        List<RtrView> views = new ArrayList<>();
        for (RtrEndpoint endpoint : endpoints) {
            views.add(RtrView.of(endpoint, views.size() + 1));
        }
        // Numbered in a stable order, so that the order of the RouteServer's list does not matter.
        views.sort(Comparator.comparing(RtrView::remote).thenComparingInt(RtrView::port));
        List<RtrView> numbered = new ArrayList<>();
        for (RtrView view : views) {
            if (!numbered.isEmpty() && numbered.get(numbered.size() - 1).sameServer(view)) {
                throw new IllegalArgumentException("RTR server " + view.remote() + " port " + view.port() + " is listed twice");
            }
            numbered.add(view.renumbered(numbered.size() + 1));
        }
        return List.copyOf(numbered);
    }

    private static List<SessionView> sessions(RouteServerConfig config, String rsIpv4, String rsIpv6) {
        List<Member> members = sortedMembers(config.members());
        Map<String, String> addressOwners = new HashMap<>();
        addressOwners.put(rsIpv6, "the route server");
        if (rsIpv4 != null) {
            addressOwners.put(rsIpv4, "the route server");
        }
        List<SessionView> sessions = new ArrayList<>(members.size() * 2);
        for (Member member : members) {
            String who = "member AS" + member.asn() + " node " + member.nodeId();
            if (Asns.sessionAsn(member.asn(), who + ": ASN") == config.rsAsn()) {
                throw new IllegalArgumentException(who + ": ASN is the route server's own ASN");
            }
            MemberText text = MemberText.of(member);
            boolean held = member.joinRequestName() != null && config.heldMembers().contains(member.joinRequestName());
            boolean suspended = member.joinRequestName() != null && config.suspendedMembers().contains(member.joinRequestName());
            if (member.ipv4() != null) {
                if (rsIpv4 == null) {
                    throw new IllegalArgumentException(who + " has an IPv4 address but the route server has none");
                }
                String address = claim(addressOwners, IpAddresses.ipv4(member.ipv4(), who + ": IPv4 address"), who);
                sessions.add(session(member, text, config.policy(), "ipv4", "v4", address, rsIpv4,
                        limit(member.effectiveMaxPrefixes4(), who + ": IPv4 max-prefix limit"), held, suspended));
            }
            String address = claim(addressOwners, IpAddresses.ipv6(member.ipv6(), who + ": IPv6 address"), who);
            sessions.add(session(member, text, config.policy(), "ipv6", "v6", address, rsIpv6,
                    limit(member.effectiveMaxPrefixes6(), who + ": IPv6 max-prefix limit"), held, suspended));
        }
        return List.copyOf(sessions);
    }

    /** Members by ASN, then node ID; each (ASN, node) once, since it names the protocols. */
    private static List<Member> sortedMembers(List<Member> input) {
        List<Member> members = new ArrayList<>(input.size());
        for (Member member : input) {
            if (member == null) {
                throw new IllegalArgumentException("member must not be null");
            }
            if (member.nodeId() == null || !NODE_ID.matcher(member.nodeId()).matches()) {
                throw new IllegalArgumentException("member AS" + member.asn() + ": ZeroTier node ID "
                        + BirdText.quoteForMessage(member.nodeId()) + " is invalid: expected 10 lower-case hex digits");
            }
            members.add(member);
        }
        members.sort(MEMBER_ORDER);
        for (int i = 1; i < members.size(); i++) {
            if (MEMBER_ORDER.compare(members.get(i - 1), members.get(i)) == 0) {
                throw new IllegalArgumentException("member AS" + members.get(i).asn() + " node "
                        + members.get(i).nodeId() + " is listed twice");
            }
        }
        return members;
    }

    private static SessionView session(Member member, MemberText text, Policy policy, String family, String suffix,
            String neighbor, String local, long receiveLimit, boolean held, boolean suspended) {
        return new SessionView(
                member.protocolName(suffix),
                family,
                suffix,
                member.asn(),
                member.nodeId(),
                neighbor,
                local,
                text.networkName(),
                text.joinRequestName(),
                text.description(),
                receiveLimit,
                policy.maxPrefixAction().birdKeyword(),
                policy.bgpRole(),
                text.irrAsSets(),
                member.irr() != null,
                member.irr() == null ? "" : member.irr().summary(suffix),
                member.irr() == null ? "" : IrrFilter.setElements(member.irr().entries(suffix).stream()
                        .map(IrrPrefix::bird).toList()),
                member.irr() == null ? "" : IrrFilter.setElements(member.irr().origins().stream().map(String::valueOf).toList()),
                member.irr() != null && policy.roasAsRouteObjects(),
                policy.blackholing() != null,
                member.irr() != null && policy.blackholing() != null,
                member.irr() == null || policy.blackholing() == null ? "" : IrrFilter.setElements(member.irr().entries(suffix)
                        .stream().map(p -> p.orLonger(suffix.equals("v4") ? 32 : 128)).toList()),
                member.acceptsBlackholes(),
                policy.aspa() != AspaPolicy.Off,
                held,
                suspended);
    }

    /** A member's untrusted text, made safe once for both of its sessions. */
    private record MemberText(String networkName, String joinRequestName, String description, List<String> irrAsSets) {

        static MemberText of(Member member) {
            String name = BirdText.safe(member.networkName());
            return new MemberText(
                    name.isEmpty() ? "(no name)" : name,
                    BirdText.safe(member.joinRequestName()),
                    name.isEmpty() ? "AS" + member.asn() : "AS" + member.asn() + " " + name,
                    BirdText.asSets(member.asSet()));
        }
    }

    private static String claim(Map<String, String> owners, String address, String who) {
        String owner = owners.putIfAbsent(address, who);
        if (owner != null) {
            throw new IllegalArgumentException(who + ": address " + address + " is already used by " + owner);
        }
        return address;
    }

    private static long limit(long value, String what) {
        if (value < 1 || value > MAX_RECEIVE_LIMIT) {
            throw new IllegalArgumentException(what + " " + value + " is invalid: must be 1.." + MAX_RECEIVE_LIMIT);
        }
        return value;
    }

    /** {@code " -> bool"} where the version declares function return types, else nothing. */
    String returnsBool() {
        return birdVersion.declaresReturnTypes() ? " -> bool" : "";
    }

    @Override
    public Object property(String name) {
        return switch (name) {
            case "rsAsn" -> rsAsn;
            case "routerId" -> routerId;
            case "asPathMaxLength" -> asPathMaxLength;
            case "rsAsnIs16Bit" -> rsAsnIs16Bit;
            case "rtrServers" -> rtrServers;
            case "sessions" -> sessions;
            case "birdVersion" -> birdVersion.toString();
            case "returnsBool" -> returnsBool();
            case "aspa" -> aspa != AspaPolicy.Off;
            case "aspaReject" -> aspa == AspaPolicy.Reject;
            case "aspaPolicy" -> aspa.name();
            // BIRD 2.16+ and 3.x open RTR at version 2 (ASPA); without ASPA they are kept at version 1
            case "rtrVersion1" -> aspa == AspaPolicy.Off && birdVersion.hasAspa();
            case "communities" -> Communities.TEMPLATE_VIEW;
            case "transitFree" -> !policy.transitFreeAsns().isEmpty();
            case "blackholing" -> blackholing != null;
            case "blackholeNextHop4" -> blackholing == null ? null : blackholing.nextHop4();
            case "blackholeNextHop6" -> blackholing == null ? null : blackholing.nextHop6();
            case "transitFreeAsns" -> IrrFilter.setElements(policy.transitFreeAsns().stream().map(String::valueOf).toList());
            default -> null;
        };
    }
}
