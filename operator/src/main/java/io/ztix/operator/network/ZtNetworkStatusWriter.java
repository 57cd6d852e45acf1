package io.ztix.operator.network;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkStatus;
import jakarta.enterprise.context.ApplicationScoped;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The one way a ZtNetwork's status is written. The status holds the never-reused address counters, so
 * every write starts from the latest stored object and is sent with its resourceVersion (optimistic
 * concurrency): a concurrent writer makes the write fail, and the change is re-applied to the newer object. Nobody can overwrite a counter with a stale value.
 */
@ApplicationScoped
public class ZtNetworkStatusWriter {

    private static final int MAX_ATTEMPTS = 50;

    private final KubernetesClient client;
    private final Map<String, ZtNetwork> lastWritten = new ConcurrentHashMap<>();

    public ZtNetworkStatusWriter(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Applies {@code change} to the latest status and stores it.
     *
     * @param change mutates the status and returns a result; called again after every conflict, so it must
     *               only depend on the status it is given
     * @return the change's result from the attempt that was stored
     */
    public <T> T update(String namespace, String name, Function<ZtNetworkStatus, T> change) {
        String key = namespace + "/" + name;
        for (int attempt = 1; ; attempt++) {
            // the object this operator wrote last is the latest unless somebody else wrote since: then the guarded
            // patch fails and the next attempt reads it (a burst of batches thus costs one write each, no read)
            ZtNetwork remembered = attempt == 1 ? lastWritten.remove(key) : null;
            ZtNetwork latest = remembered != null ? remembered
                    : client.resources(ZtNetwork.class).inNamespace(namespace).withName(name).get();
            if (latest == null) {
                throw new IllegalStateException("ZtNetwork '" + name + "' no longer exists in namespace '" + namespace + "'");
            }
            if (latest.getStatus() == null) {
                latest.setStatus(new ZtNetworkStatus());
            }
            String before = Serialization.asJson(latest.getStatus());
            T result = change.apply(latest.getStatus());
            if (before.equals(Serialization.asJson(latest.getStatus()))) {
                if (remembered != null) {
                    lastWritten.putIfAbsent(key, remembered);
                }
                return result; // nothing to store (a change that hands out numbers always stores, guarded)
            }
            try {
                ZtNetwork stored = client.resources(ZtNetwork.class).inNamespace(namespace).withName(name).subresource("status")
                        .patch(PatchContext.of(PatchType.JSON), guardedStatusPatch(latest));
                if (stored != null && stored.getMetadata() != null && stored.getMetadata().getResourceVersion() != null) {
                    lastWritten.put(key, stored);
                }
                return result;
            } catch (KubernetesClientException e) {
                if (!isConflict(e) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /**
     * A JSON Patch that replaces the status only if the object is still at the resourceVersion it was read
     * at: the "test" operation makes the API server refuse the patch when anybody wrote in between.
     */
    private static String guardedStatusPatch(ZtNetwork latest) {
        return Serialization.asJson(List.of(
                Map.of("op", "test", "path", "/metadata/resourceVersion", "value", latest.getMetadata().getResourceVersion()),
                Map.of("op", "add", "path", "/status", "value", latest.getStatus())));
    }

    /** 409 Conflict, or 422 for a failed "test" operation of a JSON Patch. */
    private static boolean isConflict(KubernetesClientException e) {
        return e.getCode() == HttpURLConnection.HTTP_CONFLICT || e.getCode() == 422;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a ZtNetwork status update", e);
        }
    }
}
