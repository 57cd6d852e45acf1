package io.ztix.api.reading;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Map;
import java.util.Optional;

/**
 * Reading ZT-IX resources so that one bad object never stops a watch. An object the model cannot read (an
 * unknown enum value such as {@code decision: Maybe}, a string where a number belongs, written by an older CRD,
 * a hand edit or a buggy pipeline) is still delivered, but <em>quarantined</em>: with its metadata, its status
 * if that part is readable, no spec at all, and the in-memory annotation {@link #UNREADABLE_ANNOTATION} saying
 * what could not be read. Callers must treat it as frozen: a missing spec is never "no decision".
 *
 * <p>Register {@link #module()} on the ObjectMapper of the Kubernetes client (operator and portal do).
 */
public final class TolerantReading {

    /** Set only in memory on a quarantined object; never written to the API server by ZT-IX. */
    public static final String UNREADABLE_ANNOTATION = "ztix.io/unreadable";

    private TolerantReading() {
    }

    /** A Jackson module that quarantines unreadable ZT-IX custom resources instead of failing. */
    public static Module module() {
        SimpleModule module = new SimpleModule("ztix-tolerant-reading");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (CustomResource.class.isAssignableFrom(type) && type.getName().startsWith("io.ztix.api.")) {
                    return new QuarantiningDeserializer(deserializer, type);
                }
                return deserializer;
            }
        });
        return module;
    }

    /** What could not be read, when the object is quarantined. */
    public static Optional<String> problem(HasMetadata resource) {
        Map<String, String> annotations = resource.getMetadata() == null ? null : resource.getMetadata().getAnnotations();
        return annotations == null ? Optional.empty() : Optional.ofNullable(annotations.get(UNREADABLE_ANNOTATION));
    }

    public static boolean isUnreadable(HasMetadata resource) {
        return problem(resource).isPresent();
    }
}
