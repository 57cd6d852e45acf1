package io.ztix.operator.routeserver.apply;

import static io.ztix.operator.ssh.ShellQuoting.path;
import static io.ztix.operator.ssh.ShellQuoting.quote;

import java.util.regex.Pattern;

/**
 * The remote shell commands an apply runs, built from a {@link BirdTarget}. Every path is validated and
 * single-quoted; with {@code sudo} every program (test, sha256sum, cat, tee, cp, mv, rm, bird, birdc) runs under
 * {@code sudo -n}, so a sudoers entry for exactly those programs is enough.
 */
public final class BirdCommands {

    /** Printed between the sections of {@link #observe()}. */
    public static final String SECTION = "@@ztix-section@@";
    /** Printed before the route counters in {@link #observe(boolean)} (after the other sections). */
    public static final String ROUTES_SECTION = "@@ztix-routes@@";

    private static final Pattern MEMBER_PROTOCOL = Pattern.compile("m_as[0-9]{1,10}_[0-9a-f]{10}_v[46]");
    private static final Pattern PREFIX = Pattern.compile("[0-9a-f:.]{2,39}/[0-9]{1,3}");

    private final BirdTarget target;
    private final String sudo;

    public BirdCommands(BirdTarget target) {
        this.target = target;
        this.sudo = target.sudo() ? "sudo -n " : "";
    }

    /** Prints "hash  path" if the file exists, nothing if it does not. */
    String sha256(String file) {
        return "if " + sudo + "test -e " + path(file) + "; then " + sudo + "sha256sum " + path(file) + "; fi";
    }

    /** Prints the file if it exists, nothing if it does not. */
    String readIfExists(String file) {
        return "if " + sudo + "test -e " + path(file) + "; then " + sudo + "cat " + path(file) + "; fi";
    }

    String read(String file) {
        return sudo + "cat " + path(file);
    }

    /** Writes stdin to the file. */
    String write(String file) {
        return sudo + "tee " + path(file) + " > /dev/null";
    }

    /**
     * Starts {@code to} as a copy of {@code from} (keeping mode and owner) when {@code from} exists, so that
     * writing into it afterwards keeps the live file's permissions; otherwise does nothing.
     */
    String copyAttributes(String from, String to) {
        return "if " + sudo + "test -e " + path(from) + "; then " + sudo + "cp -p " + path(from) + " " + path(to)
                + "; fi";
    }

    /** Copies {@code from} to {@code to} keeping mode and owner, or creates an empty {@code to} if there is no {@code from}. */
    String backup(String from, String to) {
        return "if " + sudo + "test -e " + path(from) + "; then " + sudo + "cp -p " + path(from) + " " + path(to)
                + "; else " + sudo + "tee " + path(to) + " < /dev/null > /dev/null; fi";
    }

    /** An atomic rename (both paths are in the same directory, hence on the same file system). */
    String move(String from, String to) {
        return sudo + "mv -f " + path(from) + " " + path(to);
    }

    String remove(String file) {
        return sudo + "rm -f " + path(file);
    }

    /** Parses a configuration with the bird binary without touching the running daemon. */
    String parseOnly(String mainConfig) {
        return sudo + quote(target.birdCommand()) + " -p -c " + path(mainConfig);
    }

    /** Asks the running daemon to parse a configuration file without activating it. */
    String configureCheck(String mainConfig) {
        return birdc() + " configure check " + quote("\"" + mainConfig + "\"");
    }

    /** Asks the running daemon to reload its own configuration file. */
    String configure() {
        return birdc() + " configure";
    }

    String showProtocols() {
        return birdc() + " show protocols";
    }

    /**
     * One round trip that reads everything the operator observes: {@code show protocols} (every session's state),
     * then {@link #SECTION}, then {@code show protocols all "ztix_rpki*"} (RTR details; BIRD answers "No protocols
     * match" before the first apply), then {@link #SECTION} and {@code show status} (the BIRD version the
     * configuration is rendered for). Fails when the first birdc fails.
     */
    public String observe() {
        return observe(false);
    }

    /**
     * {@link #observe()}, and with {@code routeCounts} after it {@link #ROUTES_SECTION} and the member sessions' route
     * counters: {@code show protocols all "m_as*"} filtered on the route server to each protocol's row and its
     * channel's {@code Routes:} line (two lines per session cross SSH instead of about 45). The same birdc
     * session table, so still one round trip; a failure of this part leaves the section empty.
     */
    public String observe(boolean routeCounts) {
        String rpki = "echo " + SECTION + "; " + birdc() + " show protocols all " + quote("\"ztix_rpki*\"") + " 2>&1; ";
        String status = "echo " + SECTION + "; " + birdc() + " show status 2>&1; ";
        String routes = routeCounts ? "echo " + ROUTES_SECTION + "; " + birdc() + " show protocols all "
                + quote("\"m_as*\"") + " 2>&1 | grep -E " + quote("^[^ ]|^ +Routes: ") + "; " : "";
        return showProtocols() + " && { " + rpki + status + routes + "true; }";
    }

    /**
     * The looking glass: {@code show route [filtered] protocol P all} for one member session (P must be a member
     * session's protocol name, so it is safe on the command line).
     */
    public String routesOf(String protocol, boolean filtered) {
        if (!MEMBER_PROTOCOL.matcher(protocol).matches()) {
            throw new IllegalArgumentException("not a member session: " + protocol);
        }
        return birdc() + " show route" + (filtered ? " filtered" : "") + " protocol " + protocol + " all";
    }

    /** The looking glass: {@code show route <prefix> [filtered] all}, every route for exactly that network. */
    public String routesFor(String prefix, boolean filtered) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("not a prefix: " + prefix);
        }
        return birdc() + " show route " + prefix + (filtered ? " filtered" : "") + " all";
    }

    /** Prints "yes" when the route server can resolve {@code host} (getent ahosts), else "no". */
    public String resolves(String host) {
        if (!host.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("not a host name: " + host);
        }
        return "if getent ahosts " + quote(host) + " > /dev/null 2>&1; then echo yes; else echo no; fi";
    }

    private String birdc() {
        return sudo + quote(target.birdcCommand()) + " -s " + path(target.socket());
    }
}
