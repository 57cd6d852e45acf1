package io.ztix.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Requester;
import io.ztix.portal.i18n.AdminMessages;
import io.ztix.portal.requests.RequestQuotaConfig;
import io.ztix.portal.testsupport.Cluster;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which quotas a pending request is over, counted as the form counts: live requests per person, ASN on a LAN, LAN. */
class QueueFlagsTest {

    record Limits(int perUser, int perAsn, int perNetwork) implements RequestQuotaConfig {
    }

    /** Each text is its key and arguments, so the test sees which message was chosen with which numbers. */
    private static final AdminMessages KEYS = (AdminMessages) Proxy.newProxyInstance(AdminMessages.class.getClassLoader(),
            new Class<?>[] {AdminMessages.class}, (proxy, method, args) -> method.getName() + Arrays.toString(args));

    @Test
    void aPersonOverTheirQuotaAcrossLansIsFlaggedWithTheirOtherLiveRequestsOnly() {
        JoinRequest mine = request("lan1", 64501, "0000000001", 1001L, null);
        List<JoinRequest> all = List.of(mine, request("lan2", 64502, "0000000002", 1001L, null),
                request("lan3", 64503, "0000000003", 1001L, null),
                request("lan3", 64503, "0000000004", 1001L, Approval.Decision.Rejected),
                request("lan1", 64504, "0000000005", 2002L, null));

        List<QueueFlags.QuotaFlag> flags = QueueFlags.quotas(mine, all, new Limits(2, 0, 0), KEYS);

        assertThat(flags).containsExactly(new QueueFlags.QuotaFlag("admin_quota_user[3, 2]",
                List.of(name("lan2", 64502, "0000000002"), name("lan3", 64503, "0000000003"))));
        assertThat(QueueFlags.quotas(mine, all, new Limits(3, 0, 0), KEYS)).as("3 live requests, 3 allowed").isEmpty();
    }

    @Test
    void aLocalAccountCountsByItsUserNameAndNoLimitMeansNone() {
        JoinRequest mine = request("lan1", 64501, "0000000001", null, null);
        mine.getSpec().requester.localUser = "alice";
        JoinRequest other = request("lan1", 64502, "0000000002", null, null);
        other.getSpec().requester.localUser = "alice";
        JoinRequest stranger = request("lan1", 64503, "0000000003", null, null);
        stranger.getSpec().requester.localUser = "bob";
        List<JoinRequest> all = List.of(mine, other, stranger);

        assertThat(QueueFlags.quotas(mine, all, new Limits(1, 0, 0), KEYS)).extracting(QueueFlags.QuotaFlag::others)
                .containsExactly(List.of(other.getMetadata().getName()));
        assertThat(QueueFlags.quotas(mine, all, new Limits(0, 0, 0), KEYS)).isEmpty();
    }

    @Test
    void aFullLanIsFlaggedWithItsCountButWithoutNamingEveryRequest() {
        JoinRequest mine = request("lan1", 64501, "0000000001", 1L, null);
        List<JoinRequest> all = List.of(mine, request("lan1", 64502, "0000000002", 2L, null),
                request("lan2", 64503, "0000000003", 3L, null));

        assertThat(QueueFlags.quotas(mine, all, new Limits(0, 0, 1), KEYS))
                .containsExactly(new QueueFlags.QuotaFlag("admin_quota_network[2, 1]", List.of()));
    }

    private static String name(String network, long asn, String node) {
        return JoinRequest.nameFor(network, asn, node);
    }

    private static JoinRequest request(String network, long asn, String node, Long peeringdbUser,
            Approval.Decision decision) {
        JoinRequest jr = Cluster.newRequest(network, asn, node);
        jr.getSpec().requester = new Requester();
        jr.getSpec().requester.peeringdbUserId = peeringdbUser;
        if (decision != null) {
            jr.getSpec().approval = new Approval(decision, "test", "kube-admin");
        }
        return jr;
    }
}
