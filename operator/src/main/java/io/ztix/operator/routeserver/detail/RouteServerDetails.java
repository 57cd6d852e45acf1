package io.ztix.operator.routeserver.detail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ztix.api.routeserver.IrrListStatus;
import io.ztix.api.routeserver.MemberPath;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every member's session, path and IRR lists as the operator last recorded them for each route server, kept in memory
 * because the RouteServer's status lists only a bounded part of them above {@link RouteServerStatus#LISTED} members
 * (a status with 20,000 sessions is larger than etcd takes). The route-server controller remembers them after each
 * reconciliation and starts the next one from them; the JoinRequest controller and the looking glass read them.
 *
 * <p>After an operator restart nothing is remembered: up to {@link RouteServerStatus#LISTED} members the status
 * lists are complete and serve as before; above, the status holds only a part ({@link #partial}) until the
 * route-server controller has read BIRD once, and readers keep what they had (fail-static).
 */
@ApplicationScoped
public class RouteServerDetails {

    /** The complete lists of one route server (never changed once handed out). */
    public record Detail(List<PeerStatus> peers, List<MemberPath> memberPaths, List<IrrListStatus> irr) {
    }

    private record Kept(String uid, Detail detail) {
    }

    private static final ObjectMapper JSON = Serialization.jsonMapper();
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /** Whether the status lists only a part of the sessions (more than {@link RouteServerStatus#LISTED}). */
    public static boolean partial(RouteServerStatus status) {
        return status != null && status.peerSummary != null && Boolean.TRUE.equals(status.peerSummary.truncated);
    }

    /** Remembers the lists of the status just recorded (complete, before they are bounded for the API). */
    public void remember(RouteServer routeServer) {
        RouteServerStatus status = routeServer.getStatus();
        if (status == null || partial(status)) {
            return; // a part is no better than what the status itself says
        }
        kept.put(key(routeServer), new Kept(routeServer.getMetadata().getUid(), new Detail(List.copyOf(copy(status.peers, PEERS)),
                List.copyOf(copy(status.memberPaths, PATHS)), status.irr == null ? null : List.copyOf(copy(status.irr, IRR)))));
    }

    /**
     * Puts the remembered lists (copies, to be changed by the reconciliation) into the status of the RouteServer being
     * reconciled. @return false when nothing is remembered (the status's own lists stay)
     */
    public boolean restore(RouteServer routeServer) {
        Optional<Detail> detail = remembered(routeServer);
        if (detail.isEmpty() || routeServer.getStatus() == null) {
            return false;
        }
        RouteServerStatus status = routeServer.getStatus();
        status.peers = copy(detail.get().peers(), PEERS);
        status.memberPaths = copy(detail.get().memberPaths(), PATHS);
        status.irr = detail.get().irr() == null ? null : copy(detail.get().irr(), IRR);
        status.peerSummary = null;
        status.memberPathSummary = null;
        status.irrSummary = null;
        return true;
    }

    /** The complete lists: remembered, or the status's own when they are complete; empty while only a part is known. */
    public Optional<Detail> complete(RouteServer routeServer) {
        Optional<Detail> detail = remembered(routeServer);
        RouteServerStatus status = routeServer.getStatus();
        if (detail.isPresent() || status == null || partial(status)) {
            return detail;
        }
        return Optional.of(new Detail(status.peers, status.memberPaths, status.irr));
    }

    /**
     * The RouteServer as the JoinRequests read it: with its complete lists where they are remembered (a copy; the
     * cached object is not changed), else as it is.
     */
    public RouteServer detailed(RouteServer routeServer) {
        Optional<Detail> detail = remembered(routeServer);
        if (detail.isEmpty() || routeServer.getStatus() == null) {
            return routeServer;
        }
        RouteServer copy = new RouteServer();
        copy.setMetadata(routeServer.getMetadata());
        copy.setSpec(routeServer.getSpec());
        RouteServerStatus from = routeServer.getStatus();
        RouteServerStatus status = new RouteServerStatus();
        status.observedGeneration = from.observedGeneration;
        status.appliedConfigHash = from.appliedConfigHash;
        status.lastAppliedTime = from.lastAppliedTime;
        status.lastError = from.lastError;
        status.peerCount = from.peerCount;
        status.lastObservedTime = from.lastObservedTime;
        status.unreachableSince = from.unreachableSince;
        status.birdVersion = from.birdVersion;
        status.rpki = from.rpki;
        status.rollout = from.rollout;
        status.conditions = from.conditions;
        status.memberDetailHash = from.memberDetailHash;
        status.peers = detail.get().peers();
        status.memberPaths = detail.get().memberPaths();
        status.irr = detail.get().irr();
        copy.setStatus(status);
        return copy;
    }

    /** The sessions of one member on this route server; empty when they are not known (see {@link #complete}). */
    public Optional<List<PeerStatus>> sessionsOf(RouteServer routeServer, String joinRequest) {
        return complete(routeServer).map(d -> d.peers().stream().filter(p -> joinRequest.equals(p.joinRequest)).toList());
    }

    /** Forgets a deleted route server ({@code namespace/name}). */
    public void forget(String namespacedName) {
        kept.remove(namespacedName);
    }

    private Optional<Detail> remembered(RouteServer routeServer) {
        Kept entry = kept.get(key(routeServer));
        return entry == null || !Objects.equals(entry.uid(), routeServer.getMetadata().getUid()) ? Optional.empty()
                : Optional.of(entry.detail());
    }

    private static String key(RouteServer routeServer) {
        return routeServer.getMetadata().getNamespace() + "/" + routeServer.getMetadata().getName();
    }

    private static final TypeReference<List<PeerStatus>> PEERS = new TypeReference<>() { };
    private static final TypeReference<List<MemberPath>> PATHS = new TypeReference<>() { };
    private static final TypeReference<List<IrrListStatus>> IRR = new TypeReference<>() { };

    private static <T> List<T> copy(List<T> list, TypeReference<List<T>> type) {
        return list == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(JSON.convertValue(list, type));
    }
}
