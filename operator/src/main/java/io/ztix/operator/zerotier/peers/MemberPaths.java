package io.ztix.operator.zerotier.peers;

import io.ztix.api.routeserver.MemberPath;
import io.ztix.api.routeserver.ZeroTierPath;
import io.ztix.api.routeserver.ZeroTierPath.Reach;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Each member node's path as one route server's node sees it, for RouteServer and JoinRequest status. */
public final class MemberPaths {

    private MemberPaths() {
    }

    private static final int LATENCY_SLACK_MS = 5;
    private static final double LATENCY_SLACK_RATIO = 0.2;

    /**
     * @param members  node ID -> JoinRequest name of every member configured on the route server
     * @param previous what status held before (its latencies are kept while they stay close)
     * @return one entry per member, ordered by node ID
     */
    public static List<MemberPath> of(PathProbe.Observation observation, Map<String, String> members,
                                      List<MemberPath> previous) {
        Map<String, ZeroTierPath> before = new TreeMap<>();
        previous.stream().filter(p -> p.nodeId != null && p.path != null).forEach(p -> before.put(p.nodeId, p.path));
        List<MemberPath> paths = new ArrayList<>();
        new TreeMap<>(members).forEach((node, joinRequest) -> {
            MemberPath entry = new MemberPath();
            entry.nodeId = node.toLowerCase(Locale.ROOT);
            entry.joinRequest = joinRequest;
            entry.path = path(observation, entry.nodeId);
            keepCloseLatency(entry.path, before.get(entry.nodeId));
            paths.add(entry);
        });
        return paths;
    }

    /** A latency that moved only a little keeps its old value, so a steady path does not rewrite status. */
    private static void keepCloseLatency(ZeroTierPath now, ZeroTierPath before) {
        if (before == null || now.latencyMs == null || before.latencyMs == null || now.reach != before.reach) {
            return;
        }
        int delta = Math.abs(now.latencyMs - before.latencyMs);
        if (delta <= LATENCY_SLACK_MS || delta <= before.latencyMs * LATENCY_SLACK_RATIO) {
            now.latencyMs = before.latencyMs;
        }
    }

    private static ZeroTierPath path(PathProbe.Observation observation, String node) {
        ZeroTierPath path = new ZeroTierPath();
        if (!observation.available()) {
            path.reach = Reach.Unknown;
            path.message = observation.problem();
            return path;
        }
        Peer peer = observation.peers().get(node);
        if (peer == null) {
            path.reach = Reach.Unreachable;
            path.message = "the route server's ZeroTier node has no contact with this node";
            return path;
        }
        path.reach = peer.reach();
        path.latencyMs = peer.latencyMs();
        path.version = peer.version();
        if (peer.reach() == Reach.Unreachable) {
            path.message = "the route server's ZeroTier node knows this node but has no working path to it";
        }
        return path;
    }
}
