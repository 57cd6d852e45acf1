package io.ztix.operator.testsupport.lab;

import io.ztix.operator.testsupport.BirdInstallation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's BIRD in its lab namespace, with BGP sessions {@value #SESSION_V4} and
 * {@value #SESSION_V6} to the route server's IPv4 and IPv6 addresses. It announces what
 * {@link #announce(List)} was last given and imports everything the route server sends. Members run the host's
 * BIRD 2.0 whatever the route server runs, as real IX members run whatever they like.
 */
public final class MemberRouter {

    public static final String SESSION_V4 = MemberConfig.SESSION_V4;
    public static final String SESSION_V6 = MemberConfig.SESSION_V6;

    private final LanPeer self;
    private final LanPeer routeServer;
    private final BirdDaemon bird;
    private List<Announcement> announcements = List.of();
    private boolean requireRole;

    /** A member router in {@code namespace}, its files in {@code dir} (which must exist). */
    public MemberRouter(Netns netns, String namespace, LanPeer self, LanPeer routeServer, Path dir) {
        this.self = self;
        this.routeServer = routeServer;
        this.bird = new BirdDaemon(netns, namespace, dir, BirdInstallation.HOST_2_0);
    }

    /** Starts BIRD announcing nothing. */
    public void start() {
        bird.writeConfig(MemberConfig.render(self, routeServer, bird.logFile(), List.of()));
        bird.start();
    }

    /** Replaces what this member announces (and with which attributes), and reconfigures BIRD. */
    public void announce(List<Announcement> announcements) {
        this.announcements = List.copyOf(announcements);
        reconfigure();
    }

    /**
     * From now on this member's router insists on the route server's BGP role (RFC 9234 strict mode): its sessions
     * restart now, and do not come up again with a route server that stops announcing {@code rs_server}.
     */
    public void requireRouteServerRole() {
        this.requireRole = true;
        reconfigure();
    }

    private void reconfigure() {
        bird.writeConfig(MemberConfig.render(self, routeServer, bird.logFile(), announcements, requireRole));
        bird.checkConfig();
        bird.configure();
    }

    public LanPeer peer() {
        return self;
    }

    /** Routes in a BIRD table ({@code master4}, {@code master6}), parsed from {@code show route all}. */
    public List<BirdRoute> routes(String table) {
        return bird.routes(table);
    }

    /** The IPv4 and IPv6 routes received from the route server. */
    public List<BirdRoute> receivedRoutes() {
        List<BirdRoute> received = new ArrayList<>();
        for (BirdRoute route : concat(routes("master4"), routes("master6"))) {
            if (route.fromProtocol().equals(SESSION_V4) || route.fromProtocol().equals(SESSION_V6)) {
                received.add(route);
            }
        }
        return received;
    }

    /** The received route for {@code prefix}, if any. */
    public java.util.Optional<BirdRoute> receivedRoute(String prefix) {
        return receivedRoutes().stream().filter(r -> r.prefix().equals(prefix)).findFirst();
    }

    /** The state column of {@code show protocols} for {@code name} ({@code up}, {@code start}, ...). */
    public String protocolState(String name) {
        return protocol(name).state();
    }

    public BirdProtocol protocol(String name) {
        return bird.protocol(name).orElseThrow(() ->
                new IllegalArgumentException("member " + self.role() + " has no protocol " + name));
    }

    /** Waits until both sessions to the route server are Established; returns how long it took. */
    public Duration awaitEstablished(Duration timeout) {
        return Wait.until("member " + self.role() + " has both sessions to the route server Established", timeout,
                () -> protocol(SESSION_V4).isEstablished() && protocol(SESSION_V6).isEstablished());
    }

    public String showProtocols() {
        return bird.showProtocols();
    }

    /** Runs {@code birdc} against this member. */
    public ExecResult birdc(String... args) {
        return bird.birdc(args);
    }

    public Path socket() {
        return bird.socket();
    }

    public Path configFile() {
        return bird.configFile();
    }

    public Path logFile() {
        return bird.logFile();
    }

    private static List<BirdRoute> concat(List<BirdRoute> a, List<BirdRoute> b) {
        List<BirdRoute> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
