package io.ztix.portal.lookingglass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztix.api.routeserver.RouteServerCommunity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a member session's routes from the operator's looking-glass API (docs/operations.md "The looking-glass
 * API"). The caller has already decided that the user may see that session: this client only names sessions the
 * JoinRequest's own status lists.
 */
@ApplicationScoped
public class LookingGlassClient {

    /** The API is not configured, not reachable, busy, or answered something else. */
    public static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private final LookingGlassConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public LookingGlassClient(LookingGlassConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    public boolean configured() {
        return config.url().isPresent();
    }

    public RoutePage routes(String namespace, String routeServer, String protocol, boolean filtered, int page)
            throws Unavailable {
        return get("/api/v1/routeservers/" + segment(namespace) + "/" + segment(routeServer) + "/routes/"
                + (filtered ? "filtered/" : "protocol/") + segment(protocol) + "?page=" + page + "&page_size="
                + config.pageSize());
    }

    /** Every route (accepted and filtered, of every member) the route server has for exactly {@code prefix}. */
    public RoutePage prefix(String namespace, String routeServer, String prefix, int page) throws Unavailable {
        return get("/api/v1/routeservers/" + segment(namespace) + "/" + segment(routeServer) + "/routes/prefix?prefix="
                + segment(prefix) + "&page=" + page + "&page_size=" + config.pageSize());
    }

    private RoutePage get(String pathAndQuery) throws Unavailable {
        if (config.url().isEmpty()) {
            throw new Unavailable("the looking glass is not configured (ztix.portal.looking-glass.url)");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.url().get().replaceAll("/+$", "") + pathAndQuery))
                .timeout(config.timeout()).header("Accept", "application/json");
        config.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("the looking glass cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new Unavailable("the looking glass answered " + response.statusCode());
        }
        try {
            return parse(json.readTree(response.body()));
        } catch (IOException | RuntimeException e) {
            throw new Unavailable("the looking glass answered something unreadable: " + e.getMessage());
        }
    }

    static RoutePage parse(JsonNode body) {
        List<RoutePage.RouteLine> routes = new ArrayList<>();
        for (JsonNode route : body.path("routes")) {
            List<String> path = new ArrayList<>();
            route.at("/bgp/as_path").forEach(as -> path.add(as.asText()));
            List<RouteServerCommunity> reasons = new ArrayList<>();
            for (JsonNode reason : route.path("reject_reasons")) {
                JsonNode community = reason.path("community");
                RouteServerCommunity.of(community.path(1).asLong(), community.path(2).asLong()).ifPresent(reasons::add);
            }
            List<String> large = new ArrayList<>();
            route.at("/bgp/large_communities").forEach(c -> large.add(c.path(0).asText() + ":" + c.path(1).asText() + ":"
                    + c.path(2).asText()));
            routes.add(new RoutePage.RouteLine(route.path("network").asText(), String.join(" ", path),
                    route.at("/bgp/next_hop").asText(null), route.path("rpki").asText(null), List.copyOf(reasons), List.copyOf(large),
                    route.path("from_protocol").asText(null), route.path("filtered").asBoolean(false)));
        }
        JsonNode pagination = body.path("pagination");
        return new RoutePage(List.copyOf(routes), pagination.path("page").asInt(), pagination.path("total_pages").asInt(),
                pagination.path("total_results").asInt());
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
