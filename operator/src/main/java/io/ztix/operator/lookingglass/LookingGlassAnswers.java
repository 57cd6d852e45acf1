package io.ztix.operator.lookingglass;

import io.ztix.api.common.Conditions;
import io.ztix.api.routeserver.MemberPath;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies, in birdwatcher's shapes where they fit ({@code api}, {@code status}, {@code protocols},
 * {@code routes}), plus {@code pagination} (Alice-LG's names). Session states, counters and ZeroTier paths come
 * from the RouteServer's status (as of its last poll: no birdc call); routes from BIRD.
 */
final class LookingGlassAnswers {

    private LookingGlassAnswers() {
    }

    /** A page of a list: number from 0, size bounded by the configuration. */
    record Page(int page, int size) {

        static Page of(String page, String size, int defaultSize, int maxSize) {
            int number = parse(page, 0, "page");
            int pageSize = parse(size, defaultSize, "page_size");
            if (number < 0 || pageSize < 1 || pageSize > maxSize) {
                throw new LookingGlass.BadRequest("page must be 0 or more and page_size between 1 and " + maxSize);
            }
            return new Page(number, pageSize);
        }

        private static int parse(String text, int fallback, String name) {
            if (text == null || text.isEmpty()) {
                return fallback;
            }
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new LookingGlass.BadRequest(name + " is not a number: " + text);
            }
        }
    }

    static Map<String, Object> status(RouteServer routeServer) {
        RouteServerStatus status = routeServer.getStatus() == null ? new RouteServerStatus() : routeServer.getStatus();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api", api(false, null, null));
        Map<String, Object> bird = new LinkedHashMap<>();
        bird.put("router_id", routeServer.getSpec().routerId);
        bird.put("asn", routeServer.getSpec().asn);
        bird.put("last_observed", status.lastObservedTime);
        bird.put("last_reconfig", status.lastAppliedTime);
        bird.put("ready", Conditions.isTrue(status.conditions, RouteServer.COND_READY));
        bird.put("reachable", Conditions.isTrue(status.conditions, RouteServer.COND_REACHABLE));
        bird.put("message", Conditions.find(status.conditions, RouteServer.COND_READY).map(c -> c.message).orElse(null));
        body.put("status", bird);
        return body;
    }

    /** birdwatcher's {@code /protocols/bgp}: one entry per member session, keyed by BIRD protocol name. */
    static Map<String, Object> protocols(RouteServer routeServer) {
        RouteServerStatus status = routeServer.getStatus() == null ? new RouteServerStatus() : routeServer.getStatus();
        Map<String, MemberPath> paths = new LinkedHashMap<>();
        status.memberPaths.forEach(p -> paths.put(p.joinRequest, p));
        Map<String, Object> protocols = new LinkedHashMap<>();
        for (PeerStatus peer : status.peers) {
            Map<String, Object> protocol = new LinkedHashMap<>();
            protocol.put("bird_protocol", "BGP");
            protocol.put("state", "Established".equals(peer.state) ? "up" : "down");
            protocol.put("connection", peer.state);
            protocol.put("state_changed", peer.since);
            protocol.put("info", peer.info);
            protocol.put("neighbor_address", peer.address);
            protocol.put("neighbor_as", peer.asn);
            protocol.put("address_family", peer.family);
            protocol.put("join_request", peer.joinRequest);
            protocol.put("held", Boolean.TRUE.equals(peer.held));
            if (peer.imported != null) {
                protocol.put("routes", Map.of("imported", peer.imported, "filtered", peer.filtered, "exported", peer.exported));
            }
            MemberPath path = paths.get(peer.joinRequest);
            if (path != null && path.path != null) {
                protocol.put("zerotier_path", path.path);
            }
            protocols.put(peer.protocol, protocol);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api", api(false, status.lastObservedTime, null));
        body.put("protocols", protocols);
        return body;
    }

    static Map<String, Object> routes(RouteCache.Answer answer, Page page, Duration cacheTime) {
        List<Route> all = answer.routes();
        // in long: a page number near Integer.MAX_VALUE times the page size must not wrap round to a negative index
        int from = (int) Math.min(all.size(), (long) page.page() * page.size());
        int to = Math.min(all.size(), from + page.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api", api(answer.fromCache(), answer.fetchedAt().toString(), cacheTime));
        body.put("routes", all.subList(from, to));
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("page", page.page());
        pagination.put("page_size", page.size());
        pagination.put("total_pages", (all.size() + page.size() - 1) / page.size());
        pagination.put("total_results", all.size());
        body.put("pagination", pagination);
        return body;
    }

    private static Map<String, Object> api(boolean fromCache, String cachedAt, Duration ttl) {
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("Version", "zt-ix/1");
        api.put("result_from_cache", fromCache);
        Map<String, Object> cache = new LinkedHashMap<>();
        cache.put("cached_at", cachedAt);
        if (ttl != null) {
            cache.put("ttl", ttl.toSeconds());
        }
        api.put("cache_status", cache);
        return api;
    }
}
