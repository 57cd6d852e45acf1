package io.ztix.operator.testsupport.lab;

import java.nio.file.Path;
import java.util.List;

/**
 * Renders a member router's bird.conf: static routes for its announcements, per-family export
 * filters that set their BGP attributes, and one BGP session per family to the route server with
 * tight timers. {@code enforce first as off}: a transparent route server does not put its own ASN
 * first in the path.
 */
final class MemberConfig {

    static final String SESSION_V4 = "rs_v4";
    static final String SESSION_V6 = "rs_v6";

    private MemberConfig() {
    }

    static String render(LanPeer self, LanPeer routeServer, Path log, List<Announcement> announcements) {
        return render(self, routeServer, log, announcements, false);
    }

    /**
     * @param requireRole the member insists on the route server's BGP role (RFC 9234 strict mode: {@code local
     *                    role rs_client; require roles on}); a route server without {@code local role rs_server}
     *                    then gets no session
     */
    static String render(LanPeer self, LanPeer routeServer, Path log, List<Announcement> announcements, boolean requireRole) {
        List<Announcement> v4 = announcements.stream().filter(a -> !a.isIpv6()).toList();
        List<Announcement> v6 = announcements.stream().filter(Announcement::isIpv6).toList();
        StringBuilder conf = new StringBuilder();
        conf.append("# Lab member ").append(self.role()).append(", AS").append(self.asn()).append('\n');
        conf.append("router id ").append(self.routerId()).append(";\n");
        conf.append("log \"").append(log).append("\" all;\n");
        conf.append("protocol device { scan time 10; }\n\n");
        conf.append(staticProtocol("announce_v4", "ipv4", v4));
        conf.append(staticProtocol("announce_v6", "ipv6", v6));
        conf.append(exportFilter("to_rs_v4", v4));
        conf.append(exportFilter("to_rs_v6", v6));
        conf.append("template bgp to_route_server {\n")
                .append("  local as ").append(self.asn()).append(";\n")
                .append("  enforce first as off;\n")
                .append("  hold time 9; keepalive time 3; connect retry time 2;\n")
                .append("  start delay time 1; error wait time 1, 5;\n")
                .append(requireRole ? "  local role rs_client; require roles on;\n" : "")
                .append("}\n\n");
        conf.append(session(SESSION_V4, "ipv4", self.ipv4(), routeServer.ipv4(), routeServer.asn(), "to_rs_v4"));
        conf.append(session(SESSION_V6, "ipv6", self.ipv6(), routeServer.ipv6(), routeServer.asn(), "to_rs_v6"));
        return conf.toString();
    }

    private static String staticProtocol(String name, String family, List<Announcement> announcements) {
        StringBuilder conf = new StringBuilder("protocol static ").append(name).append(" {\n  ").append(family).append(";\n");
        for (Announcement announcement : announcements) {
            conf.append("  route ").append(announcement.prefix()).append(" blackhole;\n");
        }
        return conf.append("}\n\n").toString();
    }

    private static String exportFilter(String name, List<Announcement> announcements) {
        StringBuilder conf = new StringBuilder("filter ").append(name).append(" {\n");
        for (Announcement announcement : announcements) {
            conf.append("  if net = ").append(announcement.prefix()).append(" then {\n");
            List<Long> prepend = announcement.prepend();
            for (int i = prepend.size() - 1; i >= 0; i--) {
                conf.append("    bgp_path.prepend(").append(prepend.get(i)).append(");\n");
            }
            for (String community : announcement.communities()) {
                conf.append("    bgp_community.add((").append(community.replace(':', ',')).append("));\n");
            }
            for (String large : announcement.largeCommunities()) {
                conf.append("    bgp_large_community.add((").append(large.replace(':', ',')).append("));\n");
            }
            if (!announcement.nextHop().isEmpty()) {
                conf.append("    bgp_next_hop = ").append(announcement.nextHop()).append(";\n");
            }
            conf.append("    accept;\n  }\n");
        }
        return conf.append("  reject;\n}\n\n").toString();
    }

    private static String session(String name, String family, String local, String neighbor, long asn, String filter) {
        return "protocol bgp " + name + " from to_route_server {\n"
                + "  local " + local + ";\n"
                + "  neighbor " + neighbor + " as " + asn + ";\n"
                + "  " + family + " { import all; export filter " + filter + "; };\n"
                + "}\n\n";
    }
}
