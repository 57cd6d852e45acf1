package io.ztix.operator.testsupport;

import io.ztix.testing.RealTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Generates real OpenSSH keys with ssh-keygen, for tests. */
public final class SshKeygen {

    /** A generated key: the private key in OpenSSH format and the public key line ("ssh-ed25519 AAAA... comment"). */
    public record GeneratedKey(Path privateKeyFile, String privateKey, String publicKeyLine) {

        /** "SHA256:..." as printed by {@code ssh-keygen -lf}. */
        public String fingerprint() {
            return SshKeygen.fingerprint(privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub"));
        }
    }

    private SshKeygen() {
    }

    /** Creates {@code dir/name} and {@code dir/name.pub}: an unencrypted ed25519 key pair. */
    public static GeneratedKey ed25519(Path dir, String name) {
        Path keygen = RealTools.require("ssh-keygen", "/usr/bin/ssh-keygen");
        Path file = dir.resolve(name);
        run(List.of(keygen.toString(), "-q", "-t", "ed25519", "-N", "", "-C", name + "@ztix-test", "-f", file.toString()));
        try {
            return new GeneratedKey(file, Files.readString(file),
                    Files.readString(dir.resolve(name + ".pub")).strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read generated key " + file, e);
        }
    }

    static String fingerprint(Path publicKeyFile) {
        Path keygen = RealTools.require("ssh-keygen", "/usr/bin/ssh-keygen");
        String output = run(List.of(keygen.toString(), "-l", "-E", "sha256", "-f", publicKeyFile.toString()));
        return output.split("\\s+")[1];
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }
}
