package io.ztix.portal.kube;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the informer caches hold the cluster's ZT-IX resources and keep watching. Unreadable objects do not
 * make the portal unready (everything else is served); they are listed for admins.
 */
@Readiness
@ApplicationScoped
public class InformersReadiness implements HealthCheck {

    @Inject
    ResourceCache cache;

    @Override
    public HealthCheckResponse call() {
        var stopped = cache.stoppedInformers();
        var unreadable = cache.unreadableJoinRequests();
        return HealthCheckResponse.named("ztix-resource-cache").status(cache.synced() && stopped.isEmpty())
                .withData("stoppedInformers", String.join(",", stopped))
                .withData("unreadableJoinRequests", String.join(",", unreadable))
                .build();
    }
}
