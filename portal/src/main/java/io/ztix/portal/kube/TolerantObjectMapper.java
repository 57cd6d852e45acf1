package io.ztix.portal.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapperCustomizer;
import io.ztix.api.reading.TolerantReading;
import jakarta.inject.Singleton;

/** The portal's informers read ZT-IX resources tolerantly: one unreadable object never stops a watch. */
@Singleton
public class TolerantObjectMapper implements KubernetesClientObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(TolerantReading.module());
    }
}
