package io.ztix.api.reading;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.CustomResource;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.stream.Collectors;

/**
 * Reads a custom resource strictly; when that fails, returns it quarantined (see {@link TolerantReading})
 * instead of throwing, which would end the watch or fail the whole list.
 */
final class QuarantiningDeserializer extends DelegatingDeserializer {

    private static final int MAX_PROBLEM = 300;

    private final Class<?> type;

    QuarantiningDeserializer(JsonDeserializer<?> strict, Class<?> type) {
        super(strict);
        this.type = type;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new QuarantiningDeserializer(newDelegatee, type);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode tree = context.readTree(parser);
        try (JsonParser strict = tree.traverse(parser.getCodec())) {
            strict.nextToken();
            return _delegatee.deserialize(strict, context);
        } catch (JsonMappingException | IllegalArgumentException e) {
            return quarantined(tree, e, context);
        }
    }

    private Object quarantined(JsonNode tree, Exception problem, DeserializationContext context) throws IOException {
        CustomResource<Object, Object> resource;
        try {
            @SuppressWarnings("unchecked")
            CustomResource<Object, Object> created = (CustomResource<Object, Object>) type.getDeclaredConstructor().newInstance();
            resource = created;
        } catch (ReflectiveOperationException e) {
            throw JsonMappingException.from(context, "cannot create " + type.getName(), e);
        }
        // metadata is validated by every API server; without it the object cannot even be named
        ObjectMeta metadata = context.readTreeAsValue(tree.path("metadata"), ObjectMeta.class);
        if (metadata == null) {
            throw JsonMappingException.from(context, "unreadable object without metadata: " + describe(problem));
        }
        if (tree.hasNonNull("apiVersion")) {
            resource.setApiVersion(tree.get("apiVersion").asText());
        }
        resource.setMetadata(metadata);
        resource.setSpec(null);
        resource.setStatus(readableStatus(tree, context));
        if (metadata.getAnnotations() == null) {
            metadata.setAnnotations(new HashMap<>());
        }
        metadata.getAnnotations().put(TolerantReading.UNREADABLE_ANNOTATION, describe(problem));
        return resource;
    }

    /** The status, when that part can be read (the operator wrote it); null otherwise. */
    private Object readableStatus(JsonNode tree, DeserializationContext context) {
        JsonNode status = tree.get("status");
        Type statusType = statusType();
        if (status == null || status.isNull() || statusType == null) {
            return null;
        }
        try {
            return context.readTreeAsValue(status, context.getTypeFactory().constructType(statusType));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private Type statusType() {
        Type superclass = type.getGenericSuperclass();
        return superclass instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : null;
    }

    /** "spec.approval.decision: Cannot deserialize value of type Decision from String "Maybe" ...". */
    private static String describe(Exception problem) {
        String text;
        if (problem instanceof JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            text = (path.isEmpty() ? "" : path + ": ") + e.getOriginalMessage();
        } else {
            text = problem.getMessage();
        }
        text = text.replaceAll("io\\.ztix\\.api\\.[a-z.]+\\.", "").replace("java.lang.", "").replace('`', '\'')
                .replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_PROBLEM ? text : text.substring(0, MAX_PROBLEM - 3) + "...";
    }
}
