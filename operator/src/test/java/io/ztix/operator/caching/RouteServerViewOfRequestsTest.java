package io.ztix.operator.caching;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.joinrequest.RouteServerEntry;
import io.ztix.api.reading.TolerantReading;
import io.ztix.operator.joinrequest.Membership;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteServerViewOfRequestsTest {

    private static JoinRequest activeRequest() {
        JoinRequest request = request("ix", "ix", 64501, "aabbccdd01", peeringDbUser(1, true));
        request.getSpec().approval = approved("alice");
        request.getMetadata().setUid("uid-1");
        request.getMetadata().setResourceVersion("42");
        request.getMetadata().setAnnotations(Map.of(TolerantReading.UNREADABLE_ANNOTATION, "status: bad"));
        request.getMetadata().setManagedFields(List.of(new ManagedFieldsEntry()));
        JoinRequestStatus status = new JoinRequestStatus();
        status.phase = Phase.Active;
        status.admitted = new AdmittedMember();
        status.admitted.networkRef = "ix";
        status.admitted.asn = 64501L;
        status.admitted.nodeId = "aabbccdd01";
        status.conditions.add(new Condition("Ready", "True", "Active", "a long message ".repeat(20)));
        status.routeServers.add(new RouteServerEntry());
        request.setStatus(status);
        return request;
    }

    @Test
    void theRouteServersCopyKeepsMetadataSpecAndTheAdmittedRecordButNotTheRestOfTheStatus() {
        JoinRequest full = activeRequest();

        JoinRequest kept = RouteServerViewOfRequests.trimmed(full);

        assertThat(kept.getMetadata().getName()).isEqualTo(full.getMetadata().getName());
        assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("42");
        assertThat(TolerantReading.isUnreadable(kept)).isTrue();
        assertThat(kept.getMetadata().getManagedFields()).isEmpty();
        assertThat(kept.getSpec()).isSameAs(full.getSpec());
        assertThat(kept.getStatus().admitted).isSameAs(full.getStatus().admitted);
        assertThat(Membership.networkOf(kept)).isEqualTo("ix");
        assertThat(Membership.onRouteServers(kept)).isEqualTo(Membership.onRouteServers(full));
        assertThat(kept.getStatus().conditions).isEmpty();
        assertThat(kept.getStatus().routeServers).isEmpty();
        assertThat(full.getStatus().conditions).hasSize(1);
        assertThat(full.getMetadata().getManagedFields()).hasSize(1);
    }

    @Test
    void theStoreHandsBackTheTrimmedCopyUnderTheInformersKey() {
        RouteServerViewOfRequests store = new RouteServerViewOfRequests();
        JoinRequest full = activeRequest();
        String key = store.getKey(full);

        store.put(key, full);

        assertThat(key).isEqualTo(Cache.metaNamespaceKeyFunc(full));
        assertThat(store.get(key).getStatus().conditions).isEmpty();
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.values()).hasSize(1);
        assertThat(store.remove(key)).isNotNull();
        assertThat(store.size()).isZero();
    }
}
