package io.ztix.operator.testsupport.lab;

import io.ztix.testing.RealTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Network namespaces for one test run, named {@code ztix-<random>-<role>}, with a bridge and veth
 * pairs between them, and the long-running processes started inside them.
 *
 * <p>Interfaces are created directly inside the namespaces ({@code ip link add ... netns}), so the
 * host namespace is never touched. {@link #close()} stops only the processes started here (by pid)
 * and deletes only the namespaces created here, which removes their veths and bridge with them; a
 * JVM shutdown hook does the same if a test run is killed before {@code close()}.
 */
public final class Netns implements AutoCloseable {

    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9]{0,11}");

    private final String ip;
    private final String runId;
    private final List<String> namespaces = new ArrayList<>();
    private final Map<Long, Process> processes = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::closeQuietly, "ztix-lab-netns-cleanup");
    private boolean closed;

    private Netns(String ip, String runId) {
        this.ip = ip;
        this.runId = runId;
    }

    /** Starts an empty set of namespaces; skips (or fails in CI) without root or {@code ip}. */
    public static Netns create() {
        RealTools.requireRoot();
        Path ip = RealTools.require("ip", "/usr/sbin/ip", "/sbin/ip");
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        Netns netns = new Netns(ip.toString(), HexFormat.of().formatHex(random));
        Runtime.getRuntime().addShutdownHook(netns.shutdownHook);
        return netns;
    }

    /** The random part shared by all names of this run. */
    public String runId() {
        return runId;
    }

    /** The namespaces created so far, in creation order. */
    public synchronized List<String> namespaces() {
        return List.copyOf(namespaces);
    }

    /**
     * Creates namespace {@code ztix-<runId>-<role>} with {@code lo} up and IPv6 duplicate address
     * detection off (addresses are usable at once), and returns its name.
     */
    public synchronized String createNamespace(String role) {
        requireOpen();
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("namespace role must match " + ROLE + ": " + role);
        }
        String name = "ztix-" + runId + "-" + role;
        Commands.run(List.of(ip, "netns", "add", name)).orThrow();
        namespaces.add(name);
        exec(name, ip, "link", "set", "lo", "up").orThrow();
        exec(name, "sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0",
                "net.ipv6.conf.default.accept_dad=0").orThrow();
        return name;
    }

    /** Creates a Linux bridge in namespace {@code ns} and brings it up. */
    public void createBridge(String ns, String bridge) {
        requireOwn(ns);
        exec(ns, ip, "link", "add", "name", bridge, "type", "bridge").orThrow();
        exec(ns, ip, "link", "set", bridge, "up").orThrow();
    }

    /**
     * Connects namespace {@code ns} to {@code bridge} in {@code bridgeNs} with a veth pair: interface
     * {@code iface} in {@code ns} gets {@code addresses} (CIDR notation), the other end (named
     * {@code p-<role of ns>}) becomes a bridge port.
     */
    public void connectToBridge(String ns, String iface, String bridgeNs, String bridge, List<String> addresses) {
        requireOwn(ns);
        requireOwn(bridgeNs);
        String port = "p-" + ns.substring(ns.lastIndexOf('-') + 1);
        Commands.run(List.of(ip, "link", "add", "name", iface, "netns", ns, "type", "veth",
                "peer", "name", port, "netns", bridgeNs)).orThrow();
        exec(bridgeNs, ip, "link", "set", port, "master", bridge).orThrow();
        exec(bridgeNs, ip, "link", "set", port, "up").orThrow();
        for (String address : addresses) {
            List<String> command = new ArrayList<>(List.of(ip, "addr", "add", address, "dev", iface));
            if (address.contains(":")) {
                command.add("nodad");
            }
            exec(ns, command.toArray(String[]::new)).orThrow();
        }
        exec(ns, ip, "link", "set", iface, "up").orThrow();
    }

    /** Runs a short command inside {@code ns} and returns its exit code and output. */
    public ExecResult exec(String ns, String... command) {
        requireOwn(ns);
        return Commands.run(inNamespace(ns, command));
    }

    /**
     * Starts a long-running (foreground) process inside {@code ns}, its stdout and stderr going to
     * {@code log}, and returns its pid; {@link #close()} stops it.
     */
    public synchronized long start(String ns, Path log, String... command) {
        requireOpen();
        requireOwn(ns);
        try {
            Process process = new ProcessBuilder(inNamespace(ns, command))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            processes.put(process.pid(), process);
            return process.pid();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + List.of(command) + " in " + ns, e);
        }
    }

    /** Whether a process started here is still running. */
    public synchronized boolean isRunning(long pid) {
        Process process = processes.get(pid);
        return process != null && process.isAlive();
    }

    /** Stops a process started here: SIGTERM, then SIGKILL after 5 s; waits until it is gone. */
    public synchronized void stop(long pid) {
        Process process = processes.remove(pid);
        if (process == null) {
            throw new IllegalArgumentException("pid " + pid + " was not started by this lab");
        }
        terminate(process);
    }

    /** Stops the processes started here, then deletes the namespaces created here. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<String> failures = new ArrayList<>();
        List<Process> running = new ArrayList<>(processes.values());
        Collections.reverse(running);
        running.forEach(Netns::terminate);
        processes.clear();
        List<String> toDelete = new ArrayList<>(namespaces);
        Collections.reverse(toDelete);
        for (String ns : toDelete) {
            ExecResult deleted = Commands.run(List.of(ip, "netns", "delete", ns));
            if (deleted.succeeded()) {
                namespaces.remove(ns);
            } else {
                failures.add(ns + ": " + deleted.output().strip());
            }
        }
        removeShutdownHook();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("could not delete namespaces " + failures);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("ztix lab cleanup: " + e.getMessage());
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // close() is running from the hook itself
        }
    }

    private static void terminate(Process process) {
        try {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private List<String> inNamespace(String ns, String... command) {
        List<String> full = new ArrayList<>(List.of(ip, "netns", "exec", ns));
        full.addAll(List.of(command));
        return full;
    }

    private synchronized void requireOwn(String ns) {
        if (!namespaces.contains(ns)) {
            throw new IllegalArgumentException("namespace " + ns + " was not created by this lab");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this lab is closed");
        }
    }
}
