package io.ztix.testing.kubeapi.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.PemTrustOptions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The stand-in's first TLS connections, made by the stand-in itself before it hands out its port. In a cold JVM
 * the first handshakes load and interpret the JDK's TLS and elliptic-curve code, on both ends (the application's
 * client runs in the same JVM). On a loaded machine (2 cores, load average 13) the operator's three informers
 * doing that at once as its first calls took longer than the fabric8 client's 10 s connect timeout
 * (HealthAndMetricsTest, the first Quarkus test of its module, could not start). Paid here, that cost comes before
 * any client's timeout runs; how long it took is logged, so a slow machine shows in the test output.
 */
final class TlsWarmUp {

    private static final Logger LOG = Logger.getLogger(TlsWarmUp.class.getName());
    /** One handshake is not enough for the JIT to look at the hot code; a few are still cheap once warm. */
    private static final int CONNECTIONS = 4;

    private TlsWarmUp() {
    }

    static void connect(Vertx vertx, int port, ServerCertificate certificate) {
        byte[] pem = Base64.getDecoder().decode(certificate.certificateAuthorityData());
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setKeepAlive(false)
                .setConnectTimeout((int) TimeUnit.SECONDS.toMillis(60))
                .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(pem))));
        List<Long> millis = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                long start = System.nanoTime();
                int status = client.request(HttpMethod.GET, port, "127.0.0.1", "/version")
                        .compose(request -> request.send())
                        .compose(response -> response.body().map(body -> response.statusCode()))
                        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
                if (status != 200) {
                    throw new IllegalStateException("GET /version answered " + status);
                }
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            LOG.info("the Kubernetes API stand-in's first TLS connections took " + millis + " ms");
        } catch (Exception e) {
            // not fatal: the clients will connect cold, as they did before there was a warm-up
            LOG.log(Level.WARNING, "the Kubernetes API stand-in could not connect to itself over TLS after "
                    + millis + " ms", e);
        } finally {
            client.close();
        }
    }
}
