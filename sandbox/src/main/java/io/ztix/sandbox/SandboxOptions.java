package io.ztix.sandbox;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Command-line options of {@code ./zt-ix sandbox}.
 *
 * @param repository the ZT-IX checkout (CRDs, built operator and portal)
 * @param workDirectory where the kubeconfig, logs and the database live while the sandbox runs
 * @param portalPort the portal's port on 127.0.0.1 (0 = a free one)
 * @param zeroTierUrl a real self-hosted controller to use instead of the stand-in
 * @param zeroTierToken its API token (authtoken.secret)
 * @param routeServer whether to run a local BIRD route server when BIRD is installed
 */
record SandboxOptions(Path repository, Path workDirectory, int portalPort, Optional<String> zeroTierUrl,
        Optional<String> zeroTierToken, boolean routeServer) {

    static final String USAGE = """
            usage: ./zt-ix sandbox [--portal-port N] [--zt-url URL --zt-token TOKEN] [--no-route-server] [--work-dir DIR]
              --portal-port N    the portal listens on http://127.0.0.1:N (default 8480; 0 = any free port)
              --zt-url URL       use this self-hosted ZeroTier controller instead of the local stand-in
              --zt-token TOKEN   its API token (the controller's authtoken.secret); required with --zt-url
              --no-route-server  do not run a local BIRD route server even if BIRD is installed
              --work-dir DIR     kubeconfig, logs and database (default target/sandbox)""";

    SandboxOptions {
        if (zeroTierUrl.isPresent() != zeroTierToken.isPresent()) {
            throw new IllegalArgumentException("--zt-url and --zt-token go together\n" + USAGE);
        }
        zeroTierUrl.ifPresent(url -> {
            if (!url.matches("https?://[^\\s/]+(/.*)?")) {
                throw new IllegalArgumentException("--zt-url must be an http(s) URL, not " + url);
            }
        });
        if (portalPort < 0 || portalPort > 65535) {
            throw new IllegalArgumentException("--portal-port must be 0..65535, not " + portalPort);
        }
    }

    /** {@code --help} or {@code -h} anywhere: print the usage and exit 0. */
    static boolean wantsHelp(String... args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    static SandboxOptions parse(Path repository, String... args) {
        Path work = repository.resolve("target").resolve("sandbox");
        int port = 8480;
        String url = null;
        String token = null;
        boolean routeServer = true;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-route-server")) {
                routeServer = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + option + "\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--portal-port" -> port = parsePort(value);
                case "--zt-url" -> url = value;
                case "--zt-token" -> token = value;
                case "--work-dir" -> work = Path.of(value).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        return new SandboxOptions(repository, work, port, Optional.ofNullable(url), Optional.ofNullable(token),
                routeServer);
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--portal-port must be a number, not " + value);
        }
    }
}
