package io.ztix.operator.routeserver.observe;

import io.ztix.operator.bird.BirdVersion;
import io.ztix.operator.routeserver.apply.BirdCommands;
import io.ztix.operator.routeserver.apply.BirdProtocols;
import io.ztix.operator.routeserver.apply.BirdTarget;
import io.ztix.operator.ssh.CommandResult;
import io.ztix.operator.ssh.SshException;
import io.ztix.operator.ssh.SshSession;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a route server's BIRD state in one SSH round trip ({@link BirdCommands#observe(boolean)}): the protocol
 * table for the BGP sessions, {@code show protocols all} for the RPKI sessions, {@code show status} for the BIRD
 * version and, at the poll's cadence, the member sessions' route counters. Only when an RTR server given by host
 * name is not in sync does it ask the route server (one more command) whether the name resolves, so that the
 * status can say why.
 */
public final class BirdObserver {

    private final Clock clock;

    public BirdObserver(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param rtrHostsByProtocol the RTR server host of each {@code protocol rpki} of the running configuration
     * @throws SshException when the command cannot run or birdc cannot reach BIRD
     */
    public BirdObservation observe(SshSession ssh, BirdTarget target, Map<String, String> rtrHostsByProtocol) {
        return observe(ssh, target, rtrHostsByProtocol, false);
    }

    /**
     * @param routeCounts also read the member sessions' route counters (same round trip); left out of the
     *        frequent health-check looks, since {@code show protocols all} costs BIRD more than the table
     */
    public BirdObservation observe(SshSession ssh, BirdTarget target, Map<String, String> rtrHostsByProtocol,
            boolean routeCounts) {
        BirdCommands commands = new BirdCommands(target);
        Instant at = Instant.now(clock);
        CommandResult result = ssh.exec(commands.observe(routeCounts));
        if (!result.succeeded()) {
            throw new SshException(SshException.Kind.COMMAND_FAILED, "birdc show protocols failed: "
                    + firstLines(result.output()));
        }
        String output = result.stdout();
        int routesSection = routeCounts ? output.indexOf(BirdCommands.ROUTES_SECTION) : -1;
        String[] sections = (routesSection < 0 ? output : output.substring(0, routesSection))
                .split(Pattern.quote(BirdCommands.SECTION) + "\\R?", -1);
        if (sections.length != 3) {
            throw new SshException(SshException.Kind.COMMAND_FAILED, "unexpected birdc output: " + firstLines(output));
        }
        Map<String, RouteCounts> routes = routesSection < 0 ? null : SessionRoutes.parse(
                output.substring(routesSection + BirdCommands.ROUTES_SECTION.length())).orElse(null);
        Map<String, RpkiState> rpki;
        try {
            rpki = RpkiProtocols.parse(sections[1]);
            return new BirdObservation(at, BirdProtocols.parse(sections[0]), rpki,
                    resolution(ssh, commands, rpki, rtrHostsByProtocol), routes, version(sections[2]));
        } catch (IllegalArgumentException e) {
            throw new SshException(SshException.Kind.COMMAND_FAILED, e.getMessage());
        }
    }

    private static Map<String, Boolean> resolution(SshSession ssh, BirdCommands commands, Map<String, RpkiState> rpki,
            Map<String, String> rtrHostsByProtocol) {
        Map<String, Boolean> resolves = new LinkedHashMap<>();
        for (Map.Entry<String, String> rtr : rtrHostsByProtocol.entrySet()) {
            RpkiState state = rpki.get(rtr.getKey());
            String host = rtr.getValue();
            if (state == null || state.inSync() || isAddress(host) || resolves.containsKey(host)) {
                continue;
            }
            try {
                CommandResult answer = ssh.exec(commands.resolves(host));
                if (answer.succeeded()) {
                    resolves.put(host, answer.stdout().strip().equals("yes"));
                }
            } catch (SshException e) {
                // only a hint for the status message; the observation itself stands
            }
        }
        return resolves;
    }

    /** The version {@code show status} reports ("BIRD 3.1.8"). */
    static BirdVersion version(String showStatus) {
        return BirdVersion.find(showStatus).orElseThrow(() -> new IllegalArgumentException(
                "birdc show status did not report a BIRD version: " + firstLines(showStatus)));
    }

    static boolean isAddress(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static String firstLines(String output) {
        String stripped = output.strip();
        return stripped.length() > 500 ? stripped.substring(0, 500) + "..." : stripped;
    }
}
