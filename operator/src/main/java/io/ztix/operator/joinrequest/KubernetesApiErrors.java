package io.ztix.operator.joinrequest;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.common.RetryTracker;
import io.ztix.operator.common.StatusSnapshot;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.Optional;

/**
 * A Kubernetes API call failed while an admitted member was reconciled (its status write, clearing an admin's
 * annotation): the member stays exactly as it is, since nothing here touches the controller or the admitted record.
 * Its {@code Degraded} condition says {@code KubernetesApiError} from the first status write the API accepts again,
 * a {@code Degraded} event says it once, and the reconciliation is retried with the operator's backoff for as long
 * as the API keeps failing (JOSDK's own retry would give up after a few attempts).
 */
final class KubernetesApiErrors {

    private final EventRecorder events;
    private final OperatorConfig config;
    private final RetryTracker retries;
    private final Clock clock;

    KubernetesApiErrors(EventRecorder events, OperatorConfig config, RetryTracker retries, Clock clock) {
        this.events = events;
        this.config = config;
        this.retries = retries;
        this.clock = clock;
    }

    /**
     * @param request the request as the failed reconciliation left it
     * @param stored  the request as the API last showed it (null if not known)
     */
    ErrorStatusUpdateControl<JoinRequest> record(JoinRequest request, JoinRequest stored, Exception failure) {
        Optional<KubernetesClientException> apiError = cause(failure);
        if (apiError.isEmpty() || request.getStatus() == null || request.getStatus().admitted == null
                || apiError.get().getCode() == HttpURLConnection.HTTP_CONFLICT) {
            // not a member yet, or a write that lost a race (the next attempt reads the newer object): JOSDK's retry
            return ErrorStatusUpdateControl.defaultErrorProcessing();
        }
        Degradation degradation = Degradation.of(apiError.get());
        JoinRequestStatusRecorder status = new JoinRequestStatusRecorder(request, clock);
        status.lastErrorFrom(degradation);
        status.degradedMember(degradation);
        if (!degradation.reason().name().equals(degradedReason(stored))) {
            events.warning(request, "Degraded", degradation.message());
        }
        ErrorStatusUpdateControl<JoinRequest> control = StatusSnapshot.of(stored == null ? null : stored.getStatus())
                .changed(request.getStatus()) ? ErrorStatusUpdateControl.patchStatus(request)
                : ErrorStatusUpdateControl.noStatusUpdate();
        return control.withNoRetry().rescheduleAfter(retries.nextDelay(request, config.backoff(), null));
    }

    private static Optional<KubernetesClientException> cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException k) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static String degradedReason(JoinRequest stored) {
        return stored == null || stored.getStatus() == null ? null : Conditions.find(stored.getStatus().conditions,
                JoinRequest.COND_DEGRADED).filter(Condition::isTrue).map(c -> c.reason).orElse(null);
    }
}
