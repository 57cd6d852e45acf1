package io.ztix.operator.caching;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestStatus;
import java.util.List;
import java.util.stream.Stream;

/**
 * The route servers' cache of JoinRequests keeps only what they read: metadata (without managedFields), the spec
 * the admitted record and a suspension. The JoinRequest controller keeps the full objects in its own cache, so without this
 * every request was held twice in full; its status (conditions with messages, every route server's sessions and
 * paths) is most of its size. With 10,000 requests that is the difference between one and two full copies.
 */
public final class RouteServerViewOfRequests implements ItemStore<JoinRequest> {

    private final BasicItemStore<JoinRequest> store = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);

    /** The part of a request the route servers use (a new object; the given one is not changed). */
    public static JoinRequest trimmed(JoinRequest request) {
        JoinRequest copy = new JoinRequest();
        copy.setMetadata(request.getMetadata() == null ? null
                : new ObjectMetaBuilder(request.getMetadata()).withManagedFields(List.of()).build());
        copy.setSpec(request.getSpec());
        if (request.getStatus() != null) {
            JoinRequestStatus status = new JoinRequestStatus();
            status.phase = request.getStatus().phase;
            status.observedGeneration = request.getStatus().observedGeneration;
            status.admitted = request.getStatus().admitted;
            status.suspendedFor = request.getStatus().suspendedFor;
            copy.setStatus(status);
        }
        return copy;
    }

    @Override
    public String getKey(JoinRequest request) {
        return store.getKey(request);
    }

    @Override
    public JoinRequest put(String key, JoinRequest request) {
        return store.put(key, trimmed(request));
    }

    @Override
    public JoinRequest remove(String key) {
        return store.remove(key);
    }

    @Override
    public Stream<String> keySet() {
        return store.keySet();
    }

    @Override
    public Stream<JoinRequest> values() {
        return store.values();
    }

    @Override
    public int size() {
        return store.size();
    }

    @Override
    public JoinRequest get(String key) {
        return store.get(key);
    }
}
