package io.ztix.operator.irr;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The IRR whois server bgpq4 asks ({@code -h host:port}) and the sources it may use, in order ({@code -S}); from a
 * RouteServer's or ZtNetwork's {@code irr} settings, checked here because they end up in bgpq4's arguments.
 *
 * @param host    a DNS name or an IPv4 address (bgpq4's {@code host:port} form cannot carry an IPv6 literal)
 * @param port    1..65535, usually 43
 * @param sources IRR source names ({@code RIPE}, {@code ARIN}, ...); empty: the server's default sources
 */
public record IrrServer(String host, int port, List<String> sources) {

    /** rr.ntt.net, bgpq4's own default, with the sources IXP operators commonly trust. */
    public static final String DEFAULT_HOST = "rr.ntt.net";

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?");
    /** An IRR source name, upper case; also the rule for the source inside AS-SET text ({@link AsSetText}). */
    static final Pattern SOURCE = Pattern.compile("[A-Z][A-Z0-9-]{0,31}");

    public IrrServer {
        if (host == null || host.length() > 253 || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("IRR server host '" + host + "' is not a DNS name or IPv4 address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("IRR server port " + port + " is not 1..65535");
        }
        sources = sources == null ? List.of() : sources.stream().map(s -> s == null ? "" : s.toUpperCase(Locale.ROOT)).toList();
        for (String source : sources) {
            if (!SOURCE.matcher(source).matches()) {
                throw new IllegalArgumentException("IRR source '" + source + "' is not a source name such as RIPE or ARIN");
            }
        }
        if (sources.size() > 20) {
            throw new IllegalArgumentException("at most 20 IRR sources, got " + sources.size());
        }
    }

    /** bgpq4's {@code -h} value. */
    String hostAndPort() {
        return host + ":" + port;
    }
}
