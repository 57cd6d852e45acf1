package io.ztix.operator.reading;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapperCustomizer;
import io.ztix.api.reading.TolerantReading;
import jakarta.inject.Singleton;

/**
 * The operator's Kubernetes client (and so every JOSDK informer) reads ZT-IX resources tolerantly: an
 * unreadable object arrives quarantined instead of ending the watch ("watch failed ... will stop").
 */
@Singleton
public class TolerantObjectMapper implements KubernetesClientObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(TolerantReading.module());
    }
}
