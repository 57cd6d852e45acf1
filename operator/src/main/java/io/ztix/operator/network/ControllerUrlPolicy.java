package io.ztix.operator.network;

import io.ztix.operator.common.ZeroTierConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where the operator sends a controller's API token: https anywhere, plain http only to loopback or
 * cluster-local hosts unless the admin allowed it, no other scheme, and, when the admin set an allow-list, only
 * to those hosts.
 * A ZtNetwork writer can therefore not make the operator hand a token to a host of their choice.
 */
final class ControllerUrlPolicy {

    private final boolean allowPlainHttp;
    private final Optional<Set<String>> allowedHosts;
    private final String clusterDomain;

    ControllerUrlPolicy(ZeroTierConfig config) {
        this(config.allowPlainHttp(), config.allowedHosts(), config.clusterDomain());
    }

    ControllerUrlPolicy(boolean allowPlainHttp, Optional<Set<String>> allowedHosts, String clusterDomain) {
        this.allowPlainHttp = allowPlainHttp;
        this.allowedHosts = allowedHosts;
        this.clusterDomain = clusterDomain.toLowerCase(Locale.ROOT);
    }

    /** Why the operator will not send a token to {@code url}, or empty when it will. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("the controller URL '" + url + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("the controller URL '" + url + "' is neither https:// nor http://");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            return Optional.of("the controller URL '" + url + "' has no host");
        }
        if (allowedHosts.isPresent() && allowedHosts.get().stream().noneMatch(pattern -> hostMatches(host, pattern))) {
            return Optional.of("the operator sends API tokens only to the allowed controller hosts ("
                    + String.join(", ", allowedHosts.get()) + "), not to " + host
                    + " (the chart's operator.controllers.allowedHosts)");
        }
        if (scheme.equals("http") && !allowPlainHttp && !loopbackOrClusterLocal(host)) {
            return Optional.of("the operator sends API tokens over plain http only to loopback or cluster-local hosts, "
                    + "not to " + host + ": use https, or allow plain http (the chart's operator.controllers.allowPlainHttp)");
        }
        return Optional.empty();
    }

    private boolean loopbackOrClusterLocal(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equals("localhost") || bare.equals("::1") || bare.matches("127(\\.\\d{1,3}){3}")
                || (!bare.contains(".") && !bare.contains(":"))
                || bare.endsWith(".svc") || bare.endsWith(".svc." + clusterDomain);
    }

    private static boolean hostMatches(String host, String pattern) {
        String p = pattern.trim().toLowerCase(Locale.ROOT);
        return p.startsWith("*.") ? host.endsWith(p.substring(1)) : host.equals(p);
    }
}
