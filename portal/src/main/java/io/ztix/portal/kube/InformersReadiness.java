package io.ztix.portal.kube;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the informer caches hold the cluster's ZT-IX resources. */
@Readiness
@ApplicationScoped
public class InformersReadiness implements HealthCheck {

    @Inject
    ResourceCache cache;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ztix-resource-cache").status(cache.synced()).build();
    }
}
