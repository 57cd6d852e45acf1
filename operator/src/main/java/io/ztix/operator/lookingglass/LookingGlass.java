package io.ztix.operator.lookingglass;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ztix.addressing.IpLiterals;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.routeserver.detail.RouteServerDetails;
import io.ztix.operator.routeserver.RouteServerConnection;
import io.ztix.operator.routeserver.apply.BirdCommands;
import io.ztix.operator.ssh.CommandResult;
import io.ztix.operator.ssh.SshException;
import io.ztix.operator.ssh.SshSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the looking-glass API answers: one member session's accepted or filtered routes, and a prefix lookup on one
 * route server, read with {@code birdc show route ... all} over SSH (the route server's key and pinned host key,
 * as the operator's polls use), parsed, annotated with reject reasons and RPKI state, and cached
 * ({@link RouteCache}). Route lists never go into a custom resource.
 */
@ApplicationScoped
public class LookingGlass {

    private final KubernetesClient client;
    private final RouteServerConnection connection;
    private final RouteCache cache;
    private final Clock clock;
    private final RouteServerDetails details;
    private final Map<String, Read> routeServers = new ConcurrentHashMap<>();
    static final Duration ROUTE_SERVER_TIME = Duration.ofSeconds(5);

    public LookingGlass(KubernetesClient client, RouteServerConnection connection, LookingGlassConfig config, Clock clock,
            RouteServerDetails details) {
        this.client = client;
        this.details = details;
        this.connection = connection;
        this.clock = clock;
        this.cache = new RouteCache(config.cacheTime(), config.maxConcurrentFetches(), config.fetchWait(),
                config.maxCachedRoutes(), clock);
    }

    /** A query that names nothing the API serves (404) or is malformed (400). */
    public static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    public static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    /**
     * The RouteServer, read from the API at most every {@link #ROUTE_SERVER_TIME} per route server (50 viewers
     * refreshing do not become 50 API reads). Only route servers that exist are remembered: names from the URL are
     * the client's, and a miss kept would let any list of names grow this map without end.
     *
     * @throws NotFound when there is no such route server
     */
    public RouteServer routeServer(String namespace, String name) {
        String key = namespace + "/" + name;
        Instant now = Instant.now(clock);
        Read cached = routeServers.get(key);
        if (cached == null || !now.isBefore(cached.at().plus(ROUTE_SERVER_TIME))) {
            RouteServer read = client.resources(RouteServer.class).inNamespace(namespace).withName(name).get();
            if (read == null || read.getSpec() == null) {
                routeServers.remove(key);
                throw new NotFound("no RouteServer " + namespace + "/" + name);
            }
            cached = new Read(read, now);
            routeServers.put(key, cached);
        }
        // the status lists only a part of the sessions above 100 members: every one the operator knows
        return details.detailed(cached.routeServer());
    }

    private record Read(RouteServer routeServer, Instant at) {
    }

    /** The member sessions BIRD runs on this route server (as last recorded: no birdc call). */
    public List<PeerStatus> sessions(RouteServer routeServer) {
        return routeServer.getStatus() == null ? List.of() : routeServer.getStatus().peers;
    }

    /** @throws NotFound when the route server runs no such member session */
    public RouteCache.Answer sessionRoutes(RouteServer routeServer, String protocol, boolean filtered) {
        Optional<PeerStatus> session = sessions(routeServer).stream().filter(p -> p.protocol.equals(protocol)).findFirst();
        if (session.isEmpty() && RouteServerDetails.partial(routeServer.getStatus())) {
            throw new NotFound("route server " + routeServer.getMetadata().getName() + ": its sessions were not read yet "
                    + "since the operator started, and " + protocol + " is not among those its status lists; try again shortly");
        }
        if (session.isEmpty()) {
            throw new NotFound("route server " + routeServer.getMetadata().getName() + " has no member session " + protocol);
        }
        return cache.get(new RouteCache.Key(key(routeServer), filtered ? "filtered" : "accepted", protocol),
                () -> read(routeServer, List.of(commands(routeServer).routesOf(protocol, filtered)), filtered));
    }

    /** Every route (accepted and filtered) for exactly this network. @throws BadRequest when it is not a prefix */
    public RouteCache.Answer prefix(RouteServer routeServer, String prefix) {
        String canonical = canonicalPrefix(prefix);
        BirdCommands commands = commands(routeServer);
        return cache.get(new RouteCache.Key(key(routeServer), "prefix", canonical),
                () -> read(routeServer, List.of(commands.routesFor(canonical, false), commands.routesFor(canonical, true)), null));
    }

    /**
     * Reads routes in one SSH session; with two commands (a prefix lookup) the second one's routes are the
     * filtered ones. {@code filtered} says what the single command's routes are.
     */
    private List<Route> read(RouteServer routeServer, List<String> commandLines, Boolean filtered) {
        try (SshSession session = connection.open(routeServer)) {
            return read(session, commandLines, filtered, routeServer.getSpec().asn);
        }
    }

    /** Runs the route commands in one SSH session and parses and annotates their routes. */
    static List<Route> read(SshSession session, List<String> commandLines, Boolean filtered, long routeServerAsn) {
        List<Route> routes = new ArrayList<>();
        try {
            for (int i = 0; i < commandLines.size(); i++) {
                CommandResult result = session.exec(commandLines.get(i));
                // a lookup of a network BIRD does not have is an error reply (non-zero exit), not a failure
                boolean notFound = result.stdout().contains("Network not found");
                if (!result.succeeded() && !notFound) {
                    throw new SshException(SshException.Kind.COMMAND_FAILED, "birdc failed on the route server: "
                            + result.output().strip().lines().findFirst().orElse(""));
                }
                boolean isFiltered = filtered != null ? filtered : i == 1;
                for (Route route : BirdRouteParser.parse(result.stdout())) {
                    routes.add(RouteReasons.annotate(route, routeServerAsn, isFiltered));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new SshException(SshException.Kind.COMMAND_FAILED, e.getMessage());
        }
        return routes;
    }

    private static BirdCommands commands(RouteServer routeServer) {
        return new BirdCommands(RouteServerConnection.bird(routeServer));
    }

    private static String key(RouteServer routeServer) {
        return routeServer.getMetadata().getNamespace() + "/" + routeServer.getMetadata().getName();
    }

    /** The network in BIRD's form (host bits must be zero), e.g. {@code 193.0.10.0/24}, {@code 2001:db8::/32}. */
    static String canonicalPrefix(String text) {
        try {
            return IpLiterals.network(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    int inFlight(RouteServer routeServer) {
        return cache.inFlight(key(routeServer));
    }
}
