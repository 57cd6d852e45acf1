package io.ztix.operator.common;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.inject.Singleton;

/**
 * Leader election over a coordination.k8s.io Lease, so that two operator replicas can run and only one
 * reconciles. Active in the profiles listed in {@code quarkus.operator-sdk.activate-leader-election-for-profiles}
 * (prod by default). Without {@code ztix.operator.lease-namespace} the Lease lives in the namespace of the
 * operator's own service account.
 */
@Singleton
public class LeaderElection extends LeaderElectionConfiguration {

    public LeaderElection(OperatorConfig config) {
        // A replica that lost its Lease must stop reconciling at once; exiting lets Kubernetes restart it as a follower.
        super(config.leaseName(), config.leaseNamespace().orElse(null), LEASE_DURATION_DEFAULT_VALUE,
                RENEW_DEADLINE_DEFAULT_VALUE, RETRY_PERIOD_DEFAULT_VALUE, null, null, config.exitOnLostLease());
    }
}
