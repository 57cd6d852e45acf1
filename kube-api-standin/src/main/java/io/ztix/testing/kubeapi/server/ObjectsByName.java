package io.ztix.testing.kubeapi.server;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The objects of one fabric8 store (its attribute sets and JSON texts, in the order they were stored, as fabric8's
 * own map keeps them) with an index by namespace and name beside them, so that the store finds one object without
 * scanning all of them. Every change goes through {@link #put} or {@link #remove}, which keep the index; the map
 * cannot be changed through its views.
 */
final class ObjectsByName extends AbstractMap<AttributeSet, String> {

    private static final String NAME = "name";
    private static final String NAMESPACE = "namespace";

    private final Map<AttributeSet, String> objects = new LinkedHashMap<>();
    private final Map<String, Set<AttributeSet>> byName = new HashMap<>();

    /**
     * The stored objects a query can match if it names one object (a name and a namespace, each one exact value),
     * in store order; empty if it names none (a list, a cluster-scoped path, a selector), so the caller scans.
     */
    synchronized Optional<List<Map.Entry<AttributeSet, String>>> candidates(AttributeSet query) {
        Optional<String> key = exact(query);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        List<Map.Entry<AttributeSet, String>> found = new ArrayList<>(1);
        for (AttributeSet stored : byName.getOrDefault(key.get(), Set.of())) {
            found.add(Map.entry(stored, objects.get(stored)));
        }
        return Optional.of(found);
    }

    /** "namespace/name" of a query whose namespace and name are each one exact value. */
    private static Optional<String> exact(AttributeSet query) {
        Attribute namespace = query.getAttribute(NAMESPACE);
        Attribute name = query.getAttribute(NAME);
        if (!single(namespace) || !single(name)) {
            return Optional.empty();
        }
        return Optional.of(namespace.getValues().get(0) + "/" + name.getValues().get(0));
    }

    private static boolean single(Attribute attribute) {
        return attribute != null && attribute.getType() == AttributeType.WITH && attribute.getValues().size() == 1;
    }

    /** The index key of a stored object: its namespace ("" if it has none) and name, null without a name. */
    private static String indexKey(AttributeSet stored) {
        Attribute name = stored.getAttribute(NAME);
        if (name == null || name.getValues().isEmpty()) {
            return null;
        }
        Attribute namespace = stored.getAttribute(NAMESPACE);
        String ns = namespace == null || namespace.getValues().isEmpty() ? "" : namespace.getValues().get(0).toString();
        return ns + "/" + name.getValues().get(0);
    }

    @Override
    public synchronized String put(AttributeSet key, String value) {
        boolean added = !objects.containsKey(key);
        String previous = objects.put(key, value);
        String index = indexKey(key);
        if (added && index != null) {
            byName.computeIfAbsent(index, k -> new LinkedHashSet<>(2)).add(key);
        }
        return previous;
    }

    @Override
    public synchronized String remove(Object key) {
        if (!objects.containsKey(key)) {
            return null;
        }
        String index = indexKey((AttributeSet) key);
        if (index != null) {
            Set<AttributeSet> named = byName.get(index);
            named.remove(key);
            if (named.isEmpty()) {
                byName.remove(index);
            }
        }
        return objects.remove(key);
    }

    @Override
    public synchronized void clear() {
        objects.clear();
        byName.clear();
    }

    @Override
    public synchronized String get(Object key) {
        return objects.get(key);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return objects.containsKey(key);
    }

    @Override
    public synchronized int size() {
        return objects.size();
    }

    /** A read-only view; fabric8 reads it under its store's lock, as it read its own map. */
    @Override
    public Set<Map.Entry<AttributeSet, String>> entrySet() {
        return Collections.unmodifiableMap(objects).entrySet();
    }
}
