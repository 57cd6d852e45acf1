package io.ztix.operator.bird;

import static org.awaitility.Awaitility.await;

import io.ztix.testing.RealTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two fresh network namespaces joined by a veth pair, each end with one IPv4 and one IPv6 address of a
 * documentation prefix: a private peering LAN for a route server and one member. {@link #close()}
 * deletes exactly the two namespaces this object created (which removes the veth pair with them).
 */
final class NamespacePair implements AutoCloseable {

    final String left;
    final String right;
    private final Path ip;
    private final List<String> created = new ArrayList<>();

    private NamespacePair(Path ip, String suffix) {
        this.ip = ip;
        this.left = "ztix-rs-" + suffix;
        this.right = "ztix-m-" + suffix;
    }

    /** Creates the namespaces; {@code leftV4}/{@code rightV4} are /24 and the IPv6 addresses /64. */
    static NamespacePair create(String leftV4, String leftV6, String rightV4, String rightV6) {
        RealTools.requireRoot();
        Path ip = RealTools.require("ip", "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip");
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String suffix = HexFormat.of().formatHex(random);
        NamespacePair pair = new NamespacePair(ip, suffix);
        try {
            pair.run("netns", "add", pair.left);
            pair.created.add(pair.left);
            pair.run("netns", "add", pair.right);
            pair.created.add(pair.right);
            String leftLink = "zrs" + suffix;
            String rightLink = "zm" + suffix;
            pair.run("link", "add", leftLink, "netns", pair.left, "type", "veth", "peer", "name", rightLink,
                    "netns", pair.right);
            pair.configure(pair.left, leftLink, leftV4, leftV6);
            pair.configure(pair.right, rightLink, rightV4, rightV6);
            pair.awaitLinkLocal(pair.left, leftLink);
            pair.awaitLinkLocal(pair.right, rightLink);
            return pair;
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    private void configure(String netns, String link, String v4, String v6) {
        run("-n", netns, "link", "set", "lo", "up");
        run("-n", netns, "addr", "add", v4 + "/24", "dev", link);
        run("-n", netns, "addr", "add", v6 + "/64", "dev", link, "nodad");
        run("-n", netns, "link", "set", link, "up");
    }

    /** IPv6 BGP sends a link-local next hop too, as on a real LAN: wait until duplicate detection is done. */
    private void awaitLinkLocal(String netns, String link) {
        await("link-local address on " + link).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String addresses = run("-n", netns, "-6", "addr", "show", "dev", link, "scope", "link");
                    return addresses.contains("fe80:") && !addresses.contains("tentative");
                });
    }

    @Override
    public void close() {
        for (String netns : created) {
            try {
                run("netns", "delete", netns);
            } catch (RuntimeException e) {
                System.err.println("could not delete network namespace " + netns + ": " + e.getMessage());
            }
        }
        created.clear();
    }

    private String run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(ip.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
