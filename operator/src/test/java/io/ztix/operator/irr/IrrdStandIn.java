package io.ztix.operator.irr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An IRRd whois server on loopback for bgpq4, answering the IRRd-style queries bgpq4 1.9 really sends (captured
 * from the binary, see the note of issue 13) in IRRd's documented format: {@code A<length>\n<data>\nC\n} for data,
 * {@code C\n} for success without data, {@code D\n} for a key not found, {@code F <message>\n} for an error.
 *
 * <ul>
 *   <li>{@code !!} multiple-command mode (no answer), {@code !n<client>} identification, {@code !q} quit;</li>
 *   <li>{@code !s-lc} the current sources, {@code !s<list>} select sources ({@code F} for an unknown one);</li>
 *   <li>{@code !a} with no set: {@code F Missing required set name for A query}, which bgpq4 takes as support of
 *       {@code !a4<set>} / {@code !a6<set>}: all prefixes of the set's ASNs, recursively;</li>
 *   <li>{@code !i<set>} the set's direct members, {@code !i<set>,1} its ASNs, recursively, loops ignored;</li>
 *   <li>{@code !gas<n>} / {@code !6as<n>} the route / route6 objects of an origin.</li>
 * </ul>
 * Objects live per source; queries see the selected sources only. Failure modes: {@link #slow(Duration)} (every
 * answer late), {@link #silent()} (never answers), {@link #failing(String)} (every lookup answered with {@code F}),
 * {@link #cutMidAnswer()} (closes the connection inside a data answer), and {@link #close()} (down: refused).
 */
public final class IrrdStandIn implements AutoCloseable {

    private final Map<String, Map<String, List<String>>> sets = new LinkedHashMap<>();
    private final Map<String, Map<Long, List<String>>> routes = new LinkedHashMap<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final ServerSocket server;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean silent;
    private volatile String failure;
    private volatile boolean cut;

    public IrrdStandIn() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::accept, "irrd-stand-in-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public IrrServer address(String... sources) {
        return new IrrServer("127.0.0.1", port(), List.of(sources));
    }

    /** An as-set object in {@code source} with these members (ASNs and other sets). */
    public synchronized IrrdStandIn asSet(String source, String name, String... members) {
        sets.computeIfAbsent(source, s -> new LinkedHashMap<>()).put(name.toUpperCase(Locale.ROOT), List.of(members));
        return this;
    }

    /** route/route6 objects in {@code source} with origin {@code asn}. */
    public synchronized IrrdStandIn routes(String source, long asn, Collection<String> prefixes) {
        routes.computeIfAbsent(source, s -> new LinkedHashMap<>()).computeIfAbsent(asn, a -> new ArrayList<>())
                .addAll(prefixes);
        sets.computeIfAbsent(source, s -> new LinkedHashMap<>());
        return this;
    }

    public synchronized IrrdStandIn routes(String source, long asn, String... prefixes) {
        return routes(source, asn, List.of(prefixes));
    }

    /** Removes every object, e.g. to play a registry that lost a member's route objects. */
    public synchronized void clearRoutes(long asn) {
        routes.values().forEach(bySource -> bySource.remove(asn));
    }

    public IrrdStandIn slow(Duration perAnswer) {
        this.delay = perAnswer;
        return this;
    }

    public IrrdStandIn silent() {
        this.silent = true;
        return this;
    }

    public IrrdStandIn failing(String message) {
        this.failure = message;
        return this;
    }

    public IrrdStandIn cutMidAnswer() {
        this.cut = true;
        return this;
    }

    /** Back to normal answers. */
    public IrrdStandIn healthy() {
        delay = Duration.ZERO;
        silent = false;
        failure = null;
        cut = false;
        return this;
    }

    /** Every query line received, in order, over all connections. */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    /** The most connections that were open at once. */
    public int mostConcurrentConnections() {
        return mostOpen.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread worker = new Thread(() -> serve(socket), "irrd-stand-in-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        List<String> selected = new ArrayList<>(allSources());
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
            boolean multiple = false;
            String line;
            while ((line = in.readLine()) != null) {
                queries.add(line);
                if (line.equals("!!")) {
                    multiple = true;
                    continue;
                }
                if (line.equals("!q")) {
                    return;
                }
                if (silent) {
                    continue;
                }
                if (!delay.isZero()) {
                    Thread.sleep(delay.toMillis());
                }
                String answer = answer(line, selected);
                if (cut && answer.startsWith("A")) {
                    out.write(answer.substring(0, Math.min(answer.length(), answer.indexOf('\n') + 3))
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    return;
                }
                out.write(answer.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (!multiple) {
                    return;
                }
            }
        } catch (SocketException e) {
            // the client went away
        } catch (IOException | InterruptedException e) {
            // stopping
        } finally {
            open.decrementAndGet();
            connections.remove(socket);
        }
    }

    private synchronized String answer(String query, List<String> selected) {
        if (query.startsWith("!n") || query.startsWith("!t")) {
            return "C\n";
        }
        if (query.equals("!s-lc")) {
            return data(String.join(",", selected));
        }
        if (query.startsWith("!s")) {
            List<String> wanted = List.of(query.substring(2).toUpperCase(Locale.ROOT).split(","));
            for (String source : wanted) {
                if (!sets.containsKey(source)) {
                    return "F Unknown source " + source + "\n";
                }
            }
            selected.clear();
            selected.addAll(wanted);
            return "C\n";
        }
        if (failure != null) {
            return "F " + failure + "\n";
        }
        if (query.equals("!a")) {
            return "F Missing required set name for A query\n";
        }
        String upper = query.toUpperCase(Locale.ROOT);
        if (upper.startsWith("!A4") || upper.startsWith("!A6")) {
            boolean v6 = upper.charAt(2) == '6';
            Set<Long> asns = expand(upper.substring(3), selected);
            if (asns == null) {
                return "D\n";
            }
            List<String> prefixes = new ArrayList<>();
            asns.forEach(asn -> prefixes.addAll(prefixes(asn, v6, selected)));
            return data(String.join(" ", new LinkedHashSet<>(prefixes)));
        }
        if (upper.startsWith("!I")) {
            String name = upper.substring(2);
            boolean recursive = name.endsWith(",1");
            name = recursive ? name.substring(0, name.length() - 2) : name;
            if (recursive) {
                Set<Long> asns = expand(name, selected);
                return asns == null ? "D\n" : data(String.join(" ", asns.stream().map(a -> "AS" + a).toList()));
            }
            List<String> members = set(name, selected);
            return members == null ? "D\n" : data(String.join(" ", members));
        }
        if (upper.startsWith("!GAS") || upper.startsWith("!6AS")) {
            long asn;
            try {
                asn = Long.parseLong(upper.substring(4));
            } catch (NumberFormatException e) {
                return "F Invalid AS number\n";
            }
            return data(String.join(" ", new LinkedHashSet<>(prefixes(asn, upper.startsWith("!6"), selected))));
        }
        return "F Unrecognised command " + query + "\n";
    }

    /** The ASNs of a set or ASN, recursively; null when the set does not exist. */
    private Set<Long> expand(String name, List<String> selected) {
        if (name.matches("AS[0-9]+")) {
            return Set.of(Long.parseLong(name.substring(2)));
        }
        if (set(name, selected) == null) {
            return null;
        }
        Set<Long> asns = new LinkedHashSet<>();
        expand(name, selected, new LinkedHashSet<>(), asns);
        return asns;
    }

    private void expand(String name, List<String> selected, Set<String> seen, Set<Long> asns) {
        if (!seen.add(name)) {
            return;
        }
        List<String> members = set(name, selected);
        if (members == null) {
            return;
        }
        for (String member : members) {
            String upper = member.toUpperCase(Locale.ROOT);
            if (upper.matches("AS[0-9]+")) {
                asns.add(Long.parseLong(upper.substring(2)));
            } else {
                expand(upper, selected, seen, asns);
            }
        }
    }

    private List<String> set(String name, List<String> selected) {
        for (String source : selected) {
            List<String> members = sets.getOrDefault(source, Map.of()).get(name);
            if (members != null) {
                return members;
            }
        }
        return null;
    }

    private List<String> prefixes(long asn, boolean v6, List<String> selected) {
        List<String> found = new ArrayList<>();
        for (String source : selected) {
            for (String prefix : routes.getOrDefault(source, Map.of()).getOrDefault(asn, List.of())) {
                if (prefix.contains(":") == v6) {
                    found.add(prefix);
                }
            }
        }
        return found;
    }

    private Set<String> allSources() {
        synchronized (this) {
            return new LinkedHashSet<>(sets.keySet());
        }
    }

    private static String data(String text) {
        if (text.isEmpty()) {
            return "C\n";
        }
        return "A" + (text.getBytes(StandardCharsets.UTF_8).length + 1) + "\n" + text + "\nC\n";
    }
}
