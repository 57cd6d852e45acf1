package io.ztix.operator.testsupport.lab;

import io.ztix.operator.testsupport.BirdInstallation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The whole lab: namespaces {@code lan} (a bridge), {@code rs} (route server BIRD and StayRTR),
 * {@code a} and {@code b} (member routers), each of rs, a and b attached to the bridge with
 * interface {@value #LAN_INTERFACE} and its {@link LanPeer} addresses. The route server starts with
 * an empty include file, StayRTR with no VRPs, the members announcing nothing.
 *
 * <p>{@link #startWithTwoRouteServers()} adds namespace {@code rs2} with a second route server BIRD
 * ({@link LanPeer#ROUTE_SERVER_2}) and its own StayRTR; the members peer with the first one only.
 *
 * <p>Use one per test class ({@code @BeforeAll} / {@code @AfterAll}); {@link #close()} stops
 * every process and deletes every namespace and file it created, even after a failed start.
 */
public final class IxLab implements AutoCloseable {

    public static final String LAN_INTERFACE = "lan0";
    private static final String BRIDGE = "br-lan";

    private final Netns netns;
    private final Path workDir;
    private final BirdInstallation routeServerBird;
    private RouteServerHost routeServer;
    private Stayrtr stayrtr;
    private RouteServerHost routeServer2;
    private Stayrtr stayrtr2;
    private MemberRouter memberA;
    private MemberRouter memberB;

    private IxLab(Netns netns, Path workDir, BirdInstallation routeServerBird) {
        this.netns = netns;
        this.workDir = workDir;
        this.routeServerBird = routeServerBird;
    }

    /** A lab whose route server runs the host's BIRD 2.0. */
    public static IxLab start() {
        return start(BirdInstallation.HOST_2_0);
    }

    /**
     * Builds and starts the lab, the route server (and its StayRTR) from {@code routeServerBird}; skips (or fails in
     * CI) without root, ip, bird, birdc or stayrtr.
     */
    public static IxLab start(BirdInstallation routeServerBird) {
        return start(routeServerBird, false);
    }

    /** Like {@link #start()}, with a second route server (and StayRTR) on the LAN. */
    public static IxLab startWithTwoRouteServers() {
        return start(BirdInstallation.HOST_2_0, true);
    }

    private static IxLab start(BirdInstallation routeServerBird, boolean twoRouteServers) {
        Netns netns = Netns.create();
        IxLab lab;
        try {
            Path workDir = routeServerBird.tempDirectory("ztix-lab-" + netns.runId() + "-");
            // rwxr-xr-x rather than the temp-dir default rwx------: the files are root's, but a process
            // of another user (e.g. an SSH session in a test) may at least find and read them
            Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            lab = new IxLab(netns, workDir, routeServerBird);
        } catch (IOException e) {
            netns.close();
            throw new UncheckedIOException("cannot create the lab's work directory", e);
        } catch (RuntimeException | Error e) {
            netns.close();
            throw e;
        }
        try {
            lab.build(twoRouteServers);
            return lab;
        } catch (RuntimeException | Error e) {
            try {
                lab.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void build(boolean twoRouteServers) {
        String lan = netns.createNamespace("lan");
        netns.createBridge(lan, BRIDGE);
        String rs = attach(LanPeer.ROUTE_SERVER, lan);
        String a = attach(LanPeer.MEMBER_A, lan);
        String b = attach(LanPeer.MEMBER_B, lan);
        stayrtr = new Stayrtr(netns, rs, directory("rtr"), routeServerBird);
        stayrtr.start(List.of());
        routeServer = new RouteServerHost(netns, rs, LanPeer.ROUTE_SERVER, directory("rs"), routeServerBird);
        routeServer.start();
        memberA = new MemberRouter(netns, a, LanPeer.MEMBER_A, LanPeer.ROUTE_SERVER, directory("a"));
        memberA.start();
        memberB = new MemberRouter(netns, b, LanPeer.MEMBER_B, LanPeer.ROUTE_SERVER, directory("b"));
        memberB.start();
        if (twoRouteServers) {
            String rs2 = attach(LanPeer.ROUTE_SERVER_2, lan);
            stayrtr2 = new Stayrtr(netns, rs2, directory("rtr2"), routeServerBird);
            stayrtr2.start(List.of());
            routeServer2 = new RouteServerHost(netns, rs2, LanPeer.ROUTE_SERVER_2, directory("rs2"), routeServerBird);
            routeServer2.start();
        }
    }

    private String attach(LanPeer peer, String lan) {
        String ns = netns.createNamespace(peer.role());
        netns.connectToBridge(ns, LAN_INTERFACE, lan, BRIDGE, List.of(peer.ipv4Cidr(), peer.ipv6Cidr()));
        return ns;
    }

    private Path directory(String name) {
        try {
            return Files.createDirectory(workDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workDir.resolve(name), e);
        }
    }

    public Netns netns() {
        return netns;
    }

    public Path workDir() {
        return workDir;
    }

    public RouteServerHost routeServer() {
        return routeServer;
    }

    public Stayrtr stayrtr() {
        return stayrtr;
    }

    /** The second route server; only with {@link #startWithTwoRouteServers()}. */
    public RouteServerHost routeServer2() {
        if (routeServer2 == null) {
            throw new IllegalStateException("this lab has one route server; use IxLab.startWithTwoRouteServers()");
        }
        return routeServer2;
    }

    /** The second route server's StayRTR (in its namespace, on its 127.0.0.1). */
    public Stayrtr stayrtr2() {
        routeServer2();
        return stayrtr2;
    }

    public MemberRouter memberA() {
        return memberA;
    }

    public MemberRouter memberB() {
        return memberB;
    }

    /** Stops all lab processes, deletes the namespaces, then the work directory. */
    @Override
    public void close() {
        try {
            netns.close();
        } finally {
            deleteRecursively(workDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the lab's work directory " + dir, e);
        }
    }
}
