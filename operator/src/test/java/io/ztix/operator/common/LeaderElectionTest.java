package io.ztix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkSpec.ApprovalPolicy;
import io.ztix.operator.testsupport.Fixtures;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.testing.kubeapi.server.RequestLog;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Two replicas: while another replica holds the Lease this operator reconciles nothing, and it takes over once
 * the Lease runs out. The Lease of "the other replica" exists before the operator starts (test-server setup).
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator", setup = LeaderElectionTest.HeldByAnotherReplica.class)
@TestProfile(LeaderElectionTest.LeaderElectionOn.class)
class LeaderElectionTest {

    static final String LEASE_NAMESPACE = "ztix-system";
    static final String LEASE = "zt-ix-operator";
    static final String OTHER = "zt-ix-operator-7f9c-other-replica";
    static final String LEASE_PATH = "/apis/coordination.k8s.io/v1/namespaces/" + LEASE_NAMESPACE + "/leases/" + LEASE;

    public static class LeaderElectionOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.operator-sdk.activate-leader-election-for-profiles", "test",
                    "ztix.operator.lease-namespace", LEASE_NAMESPACE,
                    // the test's API stand-in goes away at shutdown; exiting the JVM would end the test run
                    "ztix.operator.exit-on-lost-lease", "false");
        }
    }

    /**
     * The operator checks its Lease permissions with a SelfSubjectRulesReview first, as on a real cluster; and
     * another replica (the operator's service account too) renewed the Lease a moment ago (renewTime in the future:
     * it stays held until the test lets it run out).
     */
    public static class HeldByAnotherReplica implements Consumer<KubeApiStandIn> {
        @Override
        public void accept(KubeApiStandIn server) {
            server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                    .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewStatus()
                            .addNewResourceRule().withApiGroups("coordination.k8s.io").withResources("leases")
                            .withVerbs("get", "create", "update").endResourceRule()
                            .withIncomplete(false).endStatus().build())
                    .always();
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            server.client(server.serviceAccount("operator")).resource(new LeaseBuilder()
                    .withMetadata(new ObjectMetaBuilder().withName(LEASE).withNamespace(LEASE_NAMESPACE).build())
                    .withNewSpec().withHolderIdentity(OTHER).withLeaseDurationSeconds(15).withAcquireTime(now)
                    .withRenewTime(now.plusHours(1)).withLeaseTransitions(0).endSpec().build()).create();
        }
    }

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Test
    void aFollowerReconcilesNothingUntilTheLeaseRunsOutAndThenTakesOver() throws Exception {
        api.requests().clear(); // forget what happened before the network exists
        client.resource(Fixtures.network("follower", "ix", ApprovalPolicy.Manual)).create();

        // positive signal: the operator is running and has asked for the Lease twice since the network exists
        int leaseReads = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (leaseReads < 2 && System.nanoTime() < deadline) {
            RequestLog.Entry request = api.requests().take(1, TimeUnit.SECONDS);
            if (request != null && "GET".equals(request.method()) && LEASE_PATH.equals(request.path())
                    && api.serviceAccount("operator").equals(request.caller())) {
                leaseReads++;
            }
        }
        assertThat(leaseReads).as("the follower keeps asking for the Lease").isEqualTo(2);
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo(OTHER);
        assertThat(network().getStatus()).as("a follower does not reconcile").isNull();

        // the other replica stops renewing: its Lease runs out
        client.leases().inNamespace(LEASE_NAMESPACE).withName(LEASE)
                .edit(l -> { l.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(5)); return l; });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(lease().getSpec().getHolderIdentity()).isNotBlank().isNotEqualTo(OTHER));
        Instant acquired = lease().getSpec().getAcquireTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(network().getStatus()).as("the new leader reconciles").isNotNull();
            assertThat(network().getStatus().conditions).isNotEmpty();
        });
        assertThat(network().getStatus().conditions).allSatisfy(c -> assertThat(Instant.parse(c.lastTransitionTime))
                .as("%s was first written after the Lease was taken", c.type).isAfterOrEqualTo(acquired));

        // the leader whose Lease disappears (deleted by hand) creates it again and keeps leading
        String leader = lease().getSpec().getHolderIdentity();
        client.leases().inNamespace(LEASE_NAMESPACE).withName(LEASE).delete();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(lease()).isNotNull();
            assertThat(lease().getSpec().getHolderIdentity()).isEqualTo(leader);
        });
    }

    private Lease lease() {
        return client.leases().inNamespace(LEASE_NAMESPACE).withName(LEASE).get();
    }

    private ZtNetwork network() {
        return client.resources(ZtNetwork.class).inNamespace("follower").withName("ix").get();
    }
}
