package io.ztix.portal.requests;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.api.joinrequest.Requester;
import io.ztix.portal.auth.NetworkAffiliation;
import io.ztix.portal.auth.PortalUser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestQuotasTest {

    record Limits(int perUser, int perAsn, int perNetwork) implements RequestQuotaConfig {
    }

    private static final PortalUser ALICE = new PortalUser(1001L, null, "Alice", null, true, false,
            List.of(new NetworkAffiliation(64501, "Example", 15, null)), List.of());

    @Test
    void aPersonWithTheMostLiveRequestsIsRefusedAcrossNetworks() {
        List<JoinRequest> existing = List.of(request("lan1", 64501, "0000000001", 1001L, null),
                request("lan2", 64502, "0000000002", 1001L, null));

        assertThatThrownBy(() -> RequestQuotas.check(new Limits(2, 0, 0), ALICE, new NewRequest(64501, "lan3", "0000000003"), existing))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.messageKey()).isEqualTo("error_quota_user");
                    org.assertj.core.api.Assertions.assertThat(e.detail()).isEqualTo("2");
                });
        assertThatCode(() -> RequestQuotas.check(new Limits(3, 0, 0), ALICE, new NewRequest(64501, "lan3", "0000000003"), existing))
                .doesNotThrowAnyException();
    }

    @Test
    void anAsnWithTheMostLiveRequestsOnALanIsRefusedThereButNotOnAnotherLan() {
        List<JoinRequest> existing = List.of(request("lan1", 64501, "0000000001", 7L, null),
                request("lan1", 64501, "0000000002", 8L, null));

        assertThatThrownBy(() -> RequestQuotas.check(new Limits(0, 2, 0), ALICE, new NewRequest(64501, "lan1", "0000000003"), existing))
                .isInstanceOfSatisfying(InvalidRequest.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.messageKey()).isEqualTo("error_quota_asn"));
        assertThatCode(() -> RequestQuotas.check(new Limits(0, 2, 0), ALICE, new NewRequest(64501, "lan2", "0000000003"), existing))
                .doesNotThrowAnyException();
    }

    @Test
    void aFullLanIsRefusedForEveryone() {
        List<JoinRequest> existing = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            existing.add(request("lan1", 64600 + i, "000000010" + i, 2000L + i, null));
        }
        assertThatThrownBy(() -> RequestQuotas.check(new Limits(0, 0, 5), ALICE, new NewRequest(64501, "lan1", "0000000003"), existing))
                .isInstanceOfSatisfying(InvalidRequest.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.messageKey()).isEqualTo("error_quota_network"));
    }

    @Test
    void rejectedAndDeletedRequestsDoNotCount() {
        JoinRequest rejected = request("lan1", 64501, "0000000001", 1001L, new Approval(Approval.Decision.Rejected, "no", "bob"));
        JoinRequest deleting = request("lan1", 64501, "0000000002", 1001L, null);
        deleting.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");

        assertThatCode(() -> RequestQuotas.check(new Limits(1, 1, 1), ALICE, new NewRequest(64501, "lan1", "0000000003"),
                List.of(rejected, deleting))).doesNotThrowAnyException();
    }

    @Test
    void zeroMeansNoLimit() {
        List<JoinRequest> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(request("lan1", 64501, String.format("%010x", i + 1), 1001L, null));
        }
        assertThatCode(() -> RequestQuotas.check(new Limits(0, 0, 0), ALICE, new NewRequest(64501, "lan1", "00000000ff"), many))
                .doesNotThrowAnyException();
    }

    private static JoinRequest request(String network, long asn, String nodeId, Long peeringDbUser, Approval approval) {
        JoinRequest jr = new JoinRequest();
        jr.setMetadata(new ObjectMetaBuilder().withName(JoinRequest.nameFor(network, asn, nodeId)).build());
        JoinRequestSpec spec = new JoinRequestSpec();
        spec.asn = asn;
        spec.networkRef = network;
        spec.nodeId = nodeId;
        spec.requester = new Requester();
        spec.requester.peeringdbUserId = peeringDbUser;
        spec.approval = approval;
        jr.setSpec(spec);
        return jr;
    }
}
