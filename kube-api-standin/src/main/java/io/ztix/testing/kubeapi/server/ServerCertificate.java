package io.ztix.testing.kubeapi.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in's TLS certificate: a real API server is HTTPS-only, and kubectl sends no bearer token over plain
 * HTTP. A self-signed certificate for 127.0.0.1 and localhost, made with the JDK's keytool and kept in
 * {@code target/kube-api-standin/} until it nears expiry. Clients trust it through the kubeconfig's
 * certificate-authority-data.
 */
public final class ServerCertificate {

    static final String PASSWORD = "kube-api-standin";
    private static final String ALIAS = "kube-api-standin";

    private final Path keyStore;
    private final X509Certificate certificate;

    private ServerCertificate(Path keyStore, X509Certificate certificate) {
        this.keyStore = keyStore;
        this.certificate = certificate;
    }

    public static synchronized ServerCertificate in(Path directory) {
        Path file = directory.resolve("tls.p12");
        try {
            Files.createDirectories(directory);
            X509Certificate existing = Files.isRegularFile(file) ? load(file) : null;
            if (existing == null || existing.getNotAfter().before(new Date(System.currentTimeMillis()
                    + TimeUnit.DAYS.toMillis(1)))) {
                Files.deleteIfExists(file);
                generate(file);
                existing = load(file);
            }
            return new ServerCertificate(file, existing);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the stand-in's TLS certificate in " + directory, e);
        }
    }

    private static void generate(Path file) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path temporary = Files.createTempFile(file.getParent(), "tls-", ".p12");
        Files.delete(temporary);
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30", "-dname", "CN=kube-api-standin",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", temporary.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static X509Certificate load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return (X509Certificate) store.getCertificate(ALIAS);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    Path keyStore() {
        return keyStore;
    }

    /** The certificate as PEM, base64 again: what a kubeconfig's certificate-authority-data holds. */
    public String certificateAuthorityData() {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return Base64.getEncoder().encodeToString(pem.getBytes());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stand-in's certificate cannot be encoded", e);
        }
    }
}
