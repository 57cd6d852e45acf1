package io.ztix.operator.routeserver.gate;

import io.ztix.operator.bird.RenderedConfig;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The health check of one apply. Before BIRD takes a new configuration, the sessions that are Established and
 * stay configured form the baseline; of those, the gate <em>watches</em> the ones the change touches (their block
 * differs, or the shared part differs, or the running configuration's parts are unknown, e.g. after a restart):
 * BIRD restarts only protocols whose configuration changed, so a session the change did not touch going down is
 * its own router's doing.
 *
 * <p>Verdict: as soon as every watched session is Established, the configuration is confirmed (a change that only
 * adds members watches nothing and is confirmed at once). At the deadline, the sessions still down are a
 * rollback when they belong to at least {@link GateSettings#minMembers()} members <em>and</em> are at least
 * {@link GateSettings#minPercent()} % of the baseline; otherwise they are kept as a member-side problem.
 *
 * @param configHash        the applied configuration
 * @param previousConfigHash what ran before (null: no file)
 * @param startedAt         when BIRD took it
 * @param deadline          when the verdict is due at the latest
 * @param establishedBefore size of the baseline
 * @param watched           the sessions that must come back
 */
public record HealthGate(String configHash, String previousConfigHash, Instant startedAt, Instant deadline,
        int establishedBefore, Set<String> watched) {

    public HealthGate {
        watched = Set.copyOf(watched);
    }

    /**
     * Plans the check of {@code applied}.
     *
     * @param running           parts of the configuration BIRD ran before, null if unknown
     * @param establishedBefore BGP protocols Established just before the apply
     */
    public static HealthGate plan(RenderedConfig applied, String previousConfigHash, RenderedConfig running,
            Set<String> establishedBefore, Instant now, GateSettings settings) {
        Set<String> baseline = new HashSet<>(establishedBefore);
        baseline.retainAll(applied.sessionSha256().keySet());
        Set<String> watched = new HashSet<>();
        boolean everything = running == null || !running.sharedSha256().equals(applied.sharedSha256());
        for (String protocol : baseline) {
            if (everything || !Objects.equals(running.sessionSha256().get(protocol), applied.sessionSha256().get(protocol))) {
                watched.add(protocol);
            }
        }
        return new HealthGate(applied.sha256(), previousConfigHash, now, now.plus(settings.settleTime()),
                baseline.size(), watched);
    }

    /**
     * @param establishedNow BGP protocols Established now
     * @param memberOf       protocol name to the member (JoinRequest) it belongs to
     */
    public Verdict evaluate(Set<String> establishedNow, Map<String, String> memberOf, Instant now,
            GateSettings settings) {
        TreeSet<String> down = new TreeSet<>(watched);
        down.removeAll(establishedNow);
        Set<String> members = new HashSet<>();
        for (String protocol : down) {
            members.add(memberOf.getOrDefault(protocol, protocol));
        }
        if (down.isEmpty()) {
            return new Verdict(Verdict.Outcome.CONFIRMED, List.of(), 0);
        }
        if (now.isBefore(deadline)) {
            return new Verdict(Verdict.Outcome.WAIT, List.copyOf(down), members.size());
        }
        boolean enoughMembers = members.size() >= settings.minMembers();
        boolean enoughShare = down.size() * 100L >= (long) settings.minPercent() * Math.max(1, establishedBefore);
        return new Verdict(enoughMembers && enoughShare ? Verdict.Outcome.ROLL_BACK : Verdict.Outcome.CONFIRMED_WITH_LOSSES,
                List.copyOf(down), members.size());
    }
}
