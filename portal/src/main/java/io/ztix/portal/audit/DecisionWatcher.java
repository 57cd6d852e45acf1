package io.ztix.portal.audit;

import io.quarkus.runtime.StartupEvent;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.portal.kube.ResourceCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.annotation.Priority;
import org.jboss.logging.Logger;

/** Writes each approval decision the portal sees on a JoinRequest to the audit log, once. */
@ApplicationScoped
public class DecisionWatcher {

    private static final Logger LOG = Logger.getLogger(DecisionWatcher.class);

    @Inject
    ResourceCache cache;

    @Inject
    AuditLog audit;

    void register(@Observes @Priority(1) StartupEvent event) {
        cache.onJoinRequestSeen(this::seen);
    }

    private void seen(JoinRequest r) {
        Approval approval = r.getSpec() == null ? null : r.getSpec().approval;
        if (approval == null || approval.decision == null) {
            return;
        }
        String actor = approval.decidedBy == null || approval.decidedBy.isBlank() ? "unknown" : approval.decidedBy;
        String details = approval.decision.name() + (approval.reason == null ? "" : ": " + approval.reason)
                + " (uid " + r.getMetadata().getUid() + ")";
        try {
            audit.recordOnce("kubernetes:" + actor, "request.decision-seen", r.getMetadata().getName(), details);
        } catch (RuntimeException e) {
            LOG.warnf("could not audit the decision on %s: %s", r.getMetadata().getName(), e.getMessage());
        }
    }
}
