package io.ztix.operator.testsupport.rtr;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * Runs an {@link RtrCache} as its own process, so a test can start it inside a network namespace:
 * {@code java -cp <test class path> io.ztix.operator.testsupport.rtr.RtrCacheMain <address> <port> <data file>}.
 * It re-reads the data file when it changes (checked every 200 ms) and notifies the routers; it ends when its
 * parent closes its standard input or it is killed.
 */
public final class RtrCacheMain {

    private RtrCacheMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: RtrCacheMain <address> <port> <data file>");
            System.exit(2);
        }
        Path file = Path.of(args[2]);
        FileTime seen = Files.getLastModifiedTime(file);
        RtrCache cache = RtrCache.start(InetAddress.getByName(args[0]), Integer.parseInt(args[1]),
                RtrData.parse(Files.readString(file)), System.out);
        Thread stdinWatch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is expected on stdin; its end means the test is gone
                }
            } catch (IOException e) {
                // treated as end of input
            }
            cache.close();
            System.exit(0);
        }, "rtr-cache-stdin");
        stdinWatch.setDaemon(true);
        stdinWatch.start();
        while (true) {
            Thread.sleep(200);
            FileTime now = Files.getLastModifiedTime(file);
            if (!now.equals(seen)) {
                seen = now;
                cache.update(RtrData.parse(Files.readString(file)));
            }
        }
    }
}
