package io.ztix.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.portal.auth.NetworkAffiliation;
import io.ztix.portal.auth.PortalUser;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The request quotas hold however many submits arrive at once (one member clicking fast, or two portal replicas):
 * the count and the create happen under a database lock, against the API server rather than the portal's cache.
 * Test profile: 8 live requests per ASN on one LAN.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class RequestQuotaRaceTest {

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    ResourceCache cache;

    @Inject
    JoinRequestService service;

    @Inject
    RequestQuotaConfig quota;

    @Inject
    DataSource dataSource;

    private static final PortalUser RACER = new PortalUser(null, "quota-racer", "Quota racer", null, false, false,
            List.of(new NetworkAffiliation(64501, null, 15, null)), List.of());

    @Test
    void sixteenSubmitsOfOneAsnAtTheSameMomentCreateExactlyItsQuotaAndTellTheOthersTheLimit() throws Exception {
        new Cluster(client, api, cache).network("quotarace", "Quota race LAN", true);
        int submits = 2 * quota.perAsn();
        ExecutorService pool = Executors.newFixedThreadPool(submits);
        List<Object> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < submits; i++) {
                String nodeId = String.format("00000e0c%02x", i);
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return service.create(RACER, new NewRequest(64501, "quotarace", nodeId));
                    } catch (InvalidRequest e) {
                        return e.messageKey() + ": " + e.detail();
                    }
                }));
            }
            start.countDown();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<JoinRequest> inCluster = client.resources(JoinRequest.class).inNamespace(Cluster.NAMESPACE).list().getItems()
                .stream().filter(r -> "quotarace".equals(r.getSpec().networkRef)).toList();
        assertThat(inCluster).as("requests of AS64501 on the LAN").hasSize(quota.perAsn());
        assertThat(outcomes).filteredOn(JoinRequest.class::isInstance).hasSize(quota.perAsn());
        assertThat(outcomes).filteredOn(String.class::isInstance).hasSize(submits - quota.perAsn())
                .allMatch(("error_quota_asn: " + quota.perAsn())::equals);
    }

    @Test
    void whenAnotherSubmitHoldsTheLanTooLongTheMemberIsAskedToTryAgainAndNothingIsCreated() throws Exception {
        new Cluster(client, api, cache).network("quotabusy", "Busy LAN", true);
        String nodeId = "00000e0d01";
        Object outcome;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                ps.setLong(1, SubmitLocks.id("network/quotabusy"));
                ps.executeQuery().close();
            }
            try {
                outcome = service.create(RACER, new NewRequest(64501, "quotabusy", nodeId));
            } catch (InvalidRequest e) {
                outcome = e.messageKey();
            } finally {
                other.rollback();
            }
        }
        assertThat(outcome).isEqualTo("error_busy");
        assertThat(client.resources(JoinRequest.class).inNamespace(Cluster.NAMESPACE)
                .withName(JoinRequest.nameFor("quotabusy", 64501, nodeId)).get()).as("nothing created").isNull();
        assertThat(service.create(RACER, new NewRequest(64501, "quotabusy", nodeId))).as("the node's claim was let go")
                .isNotNull();
    }
}
