package io.ztix.operator.routeserver;

import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RpkiSpec.NewMembersPolicy;
import io.ztix.api.routeserver.RtrServerStatus;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.bird.Member;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.routeserver.apply.BirdTarget;
import io.ztix.operator.routeserver.detail.RouteServerDetails;
import io.ztix.operator.routeserver.observe.BirdObservation;
import io.ztix.operator.routeserver.observe.BirdObserver;
import io.ztix.operator.routeserver.rpki.RpkiHealth;
import io.ztix.operator.routeserver.rpki.RpkiReport;
import io.ztix.operator.ssh.ShellQuoting;
import io.ztix.operator.ssh.SshException;
import io.ztix.operator.ssh.SshSession;
import io.ztix.operator.zerotier.peers.MemberPaths;
import io.ztix.operator.zerotier.peers.PathProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The observe step: reads BIRD once ({@link BirdObserver}) and records it (session states, RTR servers,
 * RpkiReady, last observed time), with Events and metrics for what changed: an RTR server out of or back in sync,
 * the route server unreachable or reachable again.
 */
@ApplicationScoped
public class RouteServerObservations {

    private final BirdObserver observer;
    private final RpkiHealth rpkiHealth;
    private final RouteServerMetrics metrics;
    private final EventRecorder events;
    private final boolean memberRouteMetrics;

    public RouteServerObservations(RouteServerMetrics metrics, EventRecorder events, OperatorConfig config, Clock clock) {
        this.memberRouteMetrics = config.memberRouteMetrics();
        this.observer = new BirdObserver(clock);
        this.rpkiHealth = new RpkiHealth(config.rpkiGraceTime());
        this.metrics = metrics;
        this.events = events;
    }

    /** Reads BIRD and records what it saw. */
    BirdObservation observe(RouteServer routeServer, SshSession session, BirdTarget target, RouteServerCycle.Planned plan,
            RouteServerStatusRecorder status) {
        return observe(routeServer, session, target, plan, status, false);
    }

    /** @param routeCounts also read the sessions' route counters (the session poll) */
    BirdObservation observe(RouteServer routeServer, SshSession session, BirdTarget target, RouteServerCycle.Planned plan,
            RouteServerStatusRecorder status, boolean routeCounts) {
        BirdObservation observation = read(session, target, plan, routeCounts);
        record(routeServer, observation, plan, status);
        return observation;
    }

    /** Reads BIRD without recording (the caller records once it knows which sessions BIRD runs). */
    BirdObservation read(SshSession session, BirdTarget target, RouteServerCycle.Planned plan) {
        return read(session, target, plan, false);
    }

    private BirdObservation read(SshSession session, BirdTarget target, RouteServerCycle.Planned plan, boolean routeCounts) {
        Map<String, String> rtrHosts = new LinkedHashMap<>();
        plan.rendered().rtrProtocols().forEach((protocol, endpoint) -> rtrHosts.put(protocol, endpoint.host()));
        return observer.observe(session, target, rtrHosts, routeCounts);
    }

    /** Records an observation made in this reconciliation (again, e.g. after the peers list changed). */
    void record(RouteServer routeServer, BirdObservation observation, RouteServerCycle.Planned plan,
            RouteServerStatusRecorder status) {
        String unreachableSince = routeServer.getStatus().unreachableSince;
        String lastObserved = routeServer.getStatus().lastObservedTime;
        List<RtrServerStatus> previous = List.copyOf(routeServer.getStatus().rpki);
        boolean hold = routeServer.getSpec().rpki == null || routeServer.getSpec().rpki.newMembersWhileNotInSync != NewMembersPolicy.Configure;
        RpkiReport rpki = rpkiHealth.report(plan.rendered().rtrProtocols(), observation, previous,
                lastObserved == null ? null : Instant.parse(lastObserved), hold);
        if (RouteServerDetails.partial(routeServer.getStatus())) {
            status.sessionsRebuilt(RunningSessions.of(observation, plan.sessions(), routeServer.getSpec().networkRef,
                    routeServer.getStatus().peers));
        }
        status.observed(observation, rpki);
        for (RpkiReport.Notice notice : rpki.notices()) {
            if (notice.warning()) {
                events.warning(routeServer, notice.reason(), notice.message());
            } else {
                events.normal(routeServer, notice.reason(), notice.message());
            }
        }
        if (unreachableSince != null) {
            Duration down = Duration.between(Instant.parse(unreachableSince), observation.observedAt());
            events.normal(routeServer, "Reachable", "The route server answers again after " + down.toSeconds()
                    + " s (unreachable since " + unreachableSince + "); its sessions were left alone meanwhile");
        }
        long held = routeServer.getStatus().peers.stream().filter(p -> Boolean.TRUE.equals(p.held)).count();
        metrics.observed(routeServer, observation.observedAt().getEpochSecond(), routeServer.getStatus().rpki, (int) held);
        if (observation.routesRead()) {
            metrics.routes(routeServer, routeServer.getStatus().peers, memberRouteMetrics);
        }
    }

    /**
     * The members' ZeroTier paths as the route server's node sees them ({@code zerotier-cli -j peers} in the same SSH
     * session; see {@link PathProbe}). It never fails the poll: without zerotier-cli every path is Unknown with the
     * reason; when the SSH session fails the previous paths stay (health, not membership).
     */
    void paths(RouteServer routeServer, SshSession session, List<Member> members, RouteServerStatusRecorder status) {
        String command = pathCommand(routeServer);
        PathProbe.Observation seen = command == null
                ? PathProbe.Observation.unavailable("spec.zeroTierCliCommand is not a command name")
                : new PathProbe(command).read(session);
        if (seen.sshFailed()) {
            return;
        }
        Map<String, String> nodes = new LinkedHashMap<>();
        members.forEach(m -> nodes.put(m.nodeId(), m.joinRequestName()));
        status.memberPaths(MemberPaths.of(seen, nodes, routeServer.getStatus().memberPaths));
    }

    /** @return whether a member of the configuration has no path recorded yet (e.g. one an apply just added) */
    boolean pathsMissing(RouteServer routeServer, List<Member> members) {
        Set<String> known = new HashSet<>();
        routeServer.getStatus().memberPaths.forEach(p -> known.add(p.nodeId));
        return members.stream().anyMatch(m -> !known.contains(m.nodeId().toLowerCase(Locale.ROOT)));
    }

    static String pathCommand(RouteServer routeServer) {
        String cli = routeServer.getSpec().zeroTierCliCommand == null ? "zerotier-cli" : routeServer.getSpec().zeroTierCliCommand;
        if (!cli.matches("[A-Za-z0-9._/-]+")) {
            return null; // the CRD refuses it; a hand-made object must not reach the shell
        }
        return ShellQuoting.quote(cli) + " -j peers";
    }

    /** SSH or birdc failed: nothing is changed on the route server; the status says since when it is not observed. */
    void unreachable(RouteServer routeServer, SshException e, RouteServerStatusRecorder status) {
        String reason = ObservedStatusRecorder.unreachableReason(e.kind());
        Optional<String> before = status.unreachableReason();
        Optional<String> transition = status.unreachable(e);
        metrics.observeFailed(routeServer, switch (e.kind()) {
            case HOST_KEY -> "host_key";
            case AUTH -> "auth";
            case CONNECT, CONNECT_TIMEOUT -> "unreachable";
            default -> "command";
        });
        // once per outage, and again when its cause changes (sshd back, but with another host key)
        if (transition.isPresent() || before.isEmpty() || !before.get().equals(reason)) {
            String hint = e.kind() == SshException.Kind.HOST_KEY ? "; if the route server was reinstalled, check its new "
                    + "key out of band and pin it in spec.ssh.hostKey" : "";
            events.warning(routeServer, reason, e.getMessage() + " (" + transition.orElse("before: " + before.orElse("?"))
                    + "); the running configuration and its sessions are left alone, peers[] show the last observed states"
                    + hint);
        }
    }

    /** The sessions of {@code peers} that BIRD has, for a peers list rebuilt after a restart. */
    static List<PeerStatus> present(List<PeerStatus> peers, BirdObservation observation) {
        var protocols = observation.protocolsByName();
        return peers.stream().filter(p -> protocols.containsKey(p.protocol)).toList();
    }
}
