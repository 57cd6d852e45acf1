package io.ztix.testing.kubeapi.server;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.CrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * fabric8's CRUD store of one resource that finds one object by its namespace and name in an index
 * ({@link ObjectsByName}) instead of scanning every object it holds: the GET of an object and the lookup that
 * create, replace and patch make first. Everything else is fabric8's own: lists and label selectors, the list's
 * resourceVersion, watches and the order of their events, generation and status handling, deletes (which still
 * scan: they are rare), and its read/write lock (an object read waits for a write in progress, as before). Its
 * resourceVersion counter is the one all resources share.
 */
final class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

    private final ObjectsByName objects = new ObjectsByName();
    private final ReadWriteLock lock;

    IndexedCrudDispatcher(AtomicLong resourceVersions) {
        replace(CrudDispatcher.class, "map", objects);
        replace(KubernetesCrudDispatcher.class, "resourceVersion", resourceVersions);
        this.lock = (ReadWriteLock) read(KubernetesCrudDispatcher.class, "lock");
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
        Optional<List<Map.Entry<AttributeSet, String>>> candidates = objects.candidates(query);
        if (candidates.isEmpty()) {
            return super.findResource(query);
        }
        return candidates.get().stream().filter(entry -> entry.getKey().matches(query)).findFirst().orElse(null);
    }

    @Override
    public MockResponse handleGet(String path) {
        AttributeSet query = attributeExtractor.fromPath(path);
        if (path.contains("watch=true") || objects.candidates(query).isEmpty()) {
            return super.handleGet(path);
        }
        Lock read = lock.readLock();
        read.lock();
        try {
            Map.Entry<AttributeSet, String> found = findResource(query);
            return found == null ? new MockResponse().setResponseCode(404)
                    : new MockResponse().setResponseCode(200).setBody(found.getValue());
        } finally {
            read.unlock();
        }
    }

    private void replace(Class<?> owner, String name, Object value) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            field.set(this, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(missing(owner, name), e);
        }
    }

    private Object read(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(missing(owner, name), e);
        }
    }

    private static String missing(Class<?> owner, String name) {
        return "fabric8's " + owner.getSimpleName() + " no longer keeps a field '" + name + "': the stand-in's indexed"
                + " store (one counter for all resources, objects by namespace and name) needs it";
    }
}
