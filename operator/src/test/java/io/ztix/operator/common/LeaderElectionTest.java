package io.ztix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubeApiStandIn(component = "operator", setup = LeaderElectionTest.LeaseAccessAllowed.class)
@TestProfile(LeaderElectionTest.LeaderElectionOn.class)
class LeaderElectionTest {

    public static class LeaderElectionOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.operator-sdk.activate-leader-election-for-profiles", "test",
                    "ztix.operator.lease-namespace", "ztix-system",
                    // the test's mock API server goes away at shutdown; exiting the JVM would end the test run
                    "ztix.operator.exit-on-lost-lease", "false");
        }
    }

    /** The operator checks its Lease permissions with a SelfSubjectRulesReview first, as on a real cluster. */
    public static class LeaseAccessAllowed implements Consumer<KubeApiStandIn> {
        @Override
        public void accept(KubeApiStandIn server) {
            server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                    .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewStatus()
                            .addNewResourceRule().withApiGroups("coordination.k8s.io").withResources("leases")
                            .withVerbs("get", "create", "update").endResourceRule()
                            .withIncomplete(false).endStatus().build())
                    .always();
        }
    }

    @Inject
    KubernetesClient client;

    @Test
    void operatorHoldsTheLease() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Lease lease = client.leases().inNamespace("ztix-system").withName("zt-ix-operator").get();
            assertThat(lease).isNotNull();
            assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
        });
    }
}
