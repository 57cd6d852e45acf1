package io.ztix.operator.routeserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ztix.api.routeserver.EntrySummary;
import io.ztix.api.routeserver.IrrListStatus;
import io.ztix.api.routeserver.MemberPath;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServerStatus;
import io.ztix.api.routeserver.ZeroTierPath.Reach;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The RouteServer status as it is written to the API: per-member lists complete up to {@link RouteServerStatus#LISTED}
 * entries, above only the entries that need attention (at most that many), each with its counts
 * ({@link EntrySummary}), so that the object stays far below etcd's limit at 10,000 members. The complete lists stay
 * in memory ({@link io.ztix.operator.routeserver.detail.RouteServerDetails}) and in each JoinRequest's status.
 */
final class StatusBounds {

    private static final List<String> COUNTERS = List.of("imported", "filtered", "exported");

    private StatusBounds() {
    }

    /**
     * Bounds the lists of a status recorded from complete lists. A list that still holds only the part the API had
     * (its summary says truncated: not read again since the operator started) stays as it is, counts included.
     */
    static void bound(RouteServerStatus status) {
        boolean peersKnown = !truncated(status.peerSummary);
        boolean pathsKnown = !truncated(status.memberPathSummary);
        if (peersKnown && pathsKnown) {
            status.memberDetailHash = memberDetailHash(status.peers, status.memberPaths);
        }
        if (peersKnown) {
            status.peerSummary = summary(status.peers, StatusBounds::sessionState, StatusBounds::sessionNeedsAttention);
            status.peers = listed(status.peers, status.peerSummary, StatusBounds::sessionNeedsAttention);
        }
        if (pathsKnown) {
            status.memberPathSummary = summary(status.memberPaths, StatusBounds::reach, StatusBounds::pathNeedsAttention);
            status.memberPaths = listed(status.memberPaths, status.memberPathSummary, StatusBounds::pathNeedsAttention);
        }
        if (status.irr == null) {
            status.irrSummary = null;
        } else if (!truncated(status.irrSummary)) {
            status.irrSummary = summary(status.irr, i -> String.valueOf(i.outcome), StatusBounds::irrNeedsAttention);
            status.irr = listed(status.irr, status.irrSummary, StatusBounds::irrNeedsAttention);
        }
    }

    private static boolean truncated(EntrySummary summary) {
        return summary != null && Boolean.TRUE.equals(summary.truncated);
    }

    static boolean sessionNeedsAttention(PeerStatus peer) {
        return !"Established".equals(peer.state) || Boolean.TRUE.equals(peer.held);
    }

    private static String sessionState(PeerStatus peer) {
        return Boolean.TRUE.equals(peer.held) ? "Held" : peer.state == null ? "Unknown" : peer.state;
    }

    private static String reach(MemberPath path) {
        return path.path == null || path.path.reach == null ? Reach.Unknown.name() : path.path.reach.name();
    }

    private static boolean pathNeedsAttention(MemberPath path) {
        return !Reach.Direct.name().equals(reach(path));
    }

    private static boolean irrNeedsAttention(IrrListStatus irr) {
        return !IrrListStatus.APPLIED.equals(irr.outcome) || Boolean.TRUE.equals(irr.asSetRefused);
    }

    private static <T> EntrySummary summary(List<T> entries, Function<T, String> state, Predicate<T> attention) {
        EntrySummary summary = new EntrySummary();
        summary.total = entries.size();
        entries.forEach(e -> summary.byState.merge(state.apply(e), 1, Integer::sum));
        summary.needingAttention = (int) entries.stream().filter(attention).count();
        summary.truncated = entries.size() > RouteServerStatus.LISTED;
        return summary;
    }

    private static <T> List<T> listed(List<T> entries, EntrySummary summary, Predicate<T> attention) {
        List<T> listed = Boolean.TRUE.equals(summary.truncated)
                ? entries.stream().filter(attention).limit(RouteServerStatus.LISTED).toList() : entries;
        summary.listed = listed.size();
        return new ArrayList<>(listed);
    }

    /** SHA-256 over the sessions without their route counters and the paths: what the JoinRequests copy. */
    static String memberDetailHash(List<PeerStatus> peers, List<MemberPath> paths) {
        ArrayNode sessions = Serialization.jsonMapper().valueToTree(peers);
        sessions.forEach(peer -> ((ObjectNode) peer).remove(COUNTERS));
        String text = sessions + "\n" + Serialization.asJson(paths);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
