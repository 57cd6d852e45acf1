package io.ztix.operator.testsupport.lab;

import io.ztix.operator.testsupport.BirdInstallation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route server's BIRD in its lab namespace. The lab writes the main config ({@code router id},
 * {@code log}, {@code protocol device} and {@code include "<configDir>/ztix.conf"}); everything
 * else comes from the include file, which ZT-IX manages and which starts empty. Replace the include
 * file (here with {@link #writeInclude(String)}, or from outside, e.g. over SSH) and run
 * {@code birdc -s <socket> configure} ({@link #configure()}) to change the sessions.
 */
public final class RouteServerHost {

    public static final String INCLUDE_FILE_NAME = "ztix.conf";

    private static final Pattern ROUTE_COUNT = Pattern.compile("(\\d+) of (\\d+) routes");

    private final LanPeer self;
    private final BirdDaemon bird;

    /** A route server running {@code installation}'s BIRD in {@code namespace}, its files in {@code configDir}. */
    public RouteServerHost(Netns netns, String namespace, LanPeer self, Path configDir, BirdInstallation installation) {
        this.self = self;
        this.bird = new BirdDaemon(netns, namespace, configDir, installation);
    }

    /** Which BIRD the route server runs. */
    public BirdInstallation installation() {
        return bird.installation();
    }

    /** Writes the main config and an empty include file, and starts BIRD. */
    public void start() {
        BirdDaemon.write(includeFile(), "");
        bird.writeConfig(mainConfig());
        bird.start();
    }

    private String mainConfig() {
        return "# Lab route server AS" + self.asn() + ": ZT-IX manages " + includeFile() + "\n"
                + "router id " + self.routerId() + ";\n"
                + "log \"" + bird.logFile() + "\" all;\n"
                + "protocol device { scan time 10; }\n"
                + "include \"" + includeFile() + "\";\n";
    }

    public LanPeer peer() {
        return self;
    }

    public String namespace() {
        return bird.namespace();
    }

    /** The directory holding the main config, the include file, the socket and the log. */
    public Path configDir() {
        return bird.dir();
    }

    public Path mainConfigFile() {
        return bird.configFile();
    }

    /** {@code <configDir>/ztix.conf}, included by the main config. */
    public Path includeFile() {
        return bird.dir().resolve(INCLUDE_FILE_NAME);
    }

    /** BIRD's control socket, for {@code birdc -s}. */
    public Path socket() {
        return bird.socket();
    }

    public Path logFile() {
        return bird.logFile();
    }

    /** Replaces the include file's content (without reconfiguring). */
    public void writeInclude(String content) {
        BirdDaemon.write(includeFile(), content);
    }

    /** {@code birdc configure}; throws with BIRD's message when the configuration is rejected. */
    public void configure() {
        bird.configure();
    }

    /** Runs {@code birdc} against the route server. */
    public ExecResult birdc(String... args) {
        return bird.birdc(args);
    }

    public String showProtocols() {
        return bird.showProtocols();
    }

    public List<BirdProtocol> protocols() {
        return bird.protocols();
    }

    public BirdProtocol protocol(String name) {
        return bird.protocol(name).orElseThrow(() ->
                new IllegalArgumentException("the route server has no protocol " + name + ":\n" + showProtocols()));
    }

    /** The state column of {@code show protocols} for {@code name} ({@code up}, {@code start}, ...). */
    public String protocolState(String name) {
        return protocol(name).state();
    }

    public List<BirdRoute> routes(String table) {
        return bird.routes(table);
    }

    /** Number of routes in {@code table} ({@code show route table T count}), e.g. of a ROA table. */
    public int routeCount(String table) {
        String output = birdc("show", "route", "table", table, "count").orThrow().output();
        Matcher matcher = ROUTE_COUNT.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no route count for table " + table + ":\n" + output);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Entries of a ROA table as BIRD prints them, e.g. {@code 198.51.100.0/24-24 AS64501}. */
    public List<String> roaEntries(String table) {
        String output = birdc("show", "route", "table", table).orThrow().output();
        List<String> entries = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 2 && fields[0].contains("/") && fields[1].startsWith("AS")) {
                entries.add(fields[0] + " " + fields[1]);
            }
        }
        return entries;
    }
}
