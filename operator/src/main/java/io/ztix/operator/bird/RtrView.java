package io.ztix.operator.bird;

import java.util.regex.Pattern;

/** One {@code protocol rpki} block. */
record RtrView(String protocolName, String remote, int port) implements TemplateView {

    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    /** Validates the endpoint; the protocol is named {@code ztix_rpki_<number>}. */
    static RtrView of(RtrEndpoint endpoint, int number) {
        if (endpoint == null) {
            throw new IllegalArgumentException("RTR server must not be null");
        }
        if (endpoint.port() < 1 || endpoint.port() > 65535) {
            throw new IllegalArgumentException("RTR server port " + endpoint.port() + " is invalid: must be 1..65535");
        }
        return new RtrView("ztix_rpki_" + number, remote(endpoint.host()), endpoint.port());
    }

    private static String remote(String host) {
        if (IpAddresses.isIpv4Literal(host)) {
            return IpAddresses.ipv4AllowingLoopback(host, "RTR server address");
        }
        if (IpAddresses.isIpv6Literal(host)) {
            return IpAddresses.ipv6AllowingLoopback(host, "RTR server address");
        }
        if (host == null || !HOST_NAME.matcher(host).matches() || host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            throw new IllegalArgumentException("RTR server host " + BirdText.quoteForMessage(host)
                    + " is invalid: expected an IP address or a DNS host name");
        }
        return "\"" + host + "\"";
    }

    /** The server as an endpoint again (a host name without BIRD's quotes). */
    RtrEndpoint endpoint() {
        return new RtrEndpoint(remote.startsWith("\"") ? remote.substring(1, remote.length() - 1) : remote, port);
    }

    RtrView renumbered(int number) {
        return new RtrView("ztix_rpki_" + number, remote, port);
    }

    boolean sameServer(RtrView other) {
        return remote.equals(other.remote) && port == other.port;
    }

    @Override
    public Object property(String name) {
        return switch (name) {
            case "protocolName" -> protocolName;
            case "remote" -> remote;
            case "port" -> port;
            default -> null;
        };
    }
}
