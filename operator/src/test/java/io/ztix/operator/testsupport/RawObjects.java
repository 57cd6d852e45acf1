package io.ztix.operator.testsupport;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * Writes ZT-IX objects as raw JSON to the (mock) API server, as an older CRD, a hand edit or a buggy pipeline
 * could: the typed client cannot produce values the model does not allow ({@code decision: Maybe},
 * {@code asn: "abc"}).
 */
public final class RawObjects {

    private RawObjects() {
    }

    /** POST {@code json} to {@code /apis/ztix.io/v1alpha1/namespaces/NS/PLURAL}. */
    public static void create(KubernetesClient client, String namespace, String plural, String json) {
        send(client, client.getHttpClient().newHttpRequestBuilder().uri(url(client, namespace, plural, null))
                .post("application/json", json).build());
    }

    /** PUT {@code json} (a whole object) to {@code .../PLURAL/NAME}, as a forced replace (no resourceVersion). */
    public static void replace(KubernetesClient client, String namespace, String plural, String name, String json) {
        json = json.replaceAll(",\\s*\"resourceVersion\"\\s*:\\s*\"[^\"]*\"", "")
                .replaceAll("\"resourceVersion\"\\s*:\\s*\"[^\"]*\"\\s*,?", "");
        send(client, client.getHttpClient().newHttpRequestBuilder().uri(url(client, namespace, plural, name))
                .put("application/json", json).build());
    }

    private static String url(KubernetesClient client, String namespace, String plural, String name) {
        String base = client.getMasterUrl().toString().replaceAll("/$", "");
        return base + "/apis/ztix.io/v1alpha1/namespaces/" + namespace + "/" + plural + (name == null ? "" : "/" + name);
    }

    private static void send(KubernetesClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.getHttpClient().sendAsync(request, String.class).get(30, TimeUnit.SECONDS);
            if (response.code() >= 300) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.code()
                        + ": " + response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("raw write failed: " + e.getMessage(), e);
        }
    }
}
