package io.ztix.operator.routeserver;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.rejected;
import static io.ztix.operator.testsupport.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.AssignedIps;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.joinrequest.MaxPrefixes;
import io.ztix.api.joinrequest.MemberFinding;
import io.ztix.api.routeserver.PeeringAddresses;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerSpec;
import io.ztix.api.routeserver.RpkiSpec;
import io.ztix.api.routeserver.RtrServer;
import io.ztix.operator.bird.IrrFilter;
import io.ztix.operator.caching.RouteServerViewOfRequests;
import io.ztix.operator.bird.Member;
import io.ztix.operator.irr.IrrPrefix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The route servers render admitted records whose decision stands, and nothing else. */
class DesiredConfigTest {

    @Test
    void anAdmittedMemberIsRenderedFromItsRecordEvenWhenEveryHealthConditionIsFalse() {
        JoinRequest member = admitted(64501, "aabbccdd01", "2001:db8:ff:0:6:4501:0:1", "203.0.113.11");
        member.getStatus().conditions.add(new Condition(JoinRequest.COND_MEMBER_AUTHORIZED, Condition.FALSE,
                "NetworkNotReady", "controller down"));
        member.getStatus().conditions.add(new Condition(JoinRequest.COND_READY, Condition.FALSE, "ControllerUnavailable", "down"));

        assertThat(members(member)).singleElement().satisfies(m -> {
            assertThat(m.asn()).isEqualTo(64501);
            assertThat(m.ipv6()).isEqualTo("2001:db8:ff:0:6:4501:0:1");
            assertThat(m.ipv4()).isEqualTo("203.0.113.11");
        });
    }

    @Test
    void aChangedSpecAsnKeepsTheAdmittedAsnAddressesAndLimits() {
        JoinRequest member = admitted(64501, "aabbccdd01", "2001:db8:ff:0:6:4501:0:1", "203.0.113.11");
        member.getStatus().admitted.maxPrefixes = new MaxPrefixes(100L, 50L);
        member.getSpec().asn = 64999L;
        member.getSpec().maxPrefixes = new MaxPrefixes(5000L, 5000L);
        member.getSpec().asSet = "AS-EVIL";

        assertThat(members(member)).singleElement().satisfies(m -> {
            assertThat(m.asn()).isEqualTo(64501);
            assertThat(m.asSet()).isNull();
            assertThat(m.maxPrefixes4()).isEqualTo(120); // 100 plus the default 20 % head-room
            assertThat(m.ipv6()).isEqualTo("2001:db8:ff:0:6:4501:0:1");
        });
    }

    @Test
    void aMembersIrrListsReachItsSessionsAndOnlyItsOwn() {
        JoinRequest a = admitted(64501, "aabbccdd01", "2001:db8:ff:0:6:4501:0:1", "203.0.113.11");
        JoinRequest b = admitted(64502, "aabbccdd02", "2001:db8:ff:0:6:4502:0:1", "203.0.113.12");
        b.getMetadata().setName("other");
        IrrFilter lists = new IrrFilter(List.of(3333L), List.of(new IrrPrefix("193.0.0.0", 21, 21, 24)), List.of());

        List<Member> members = DesiredConfig.of(routeServer(), List.of(a, b), Map.of(a.getMetadata().getName(), lists))
                .model().members();

        assertThat(members).extracting(Member::irr).containsExactly(lists, null);
    }

    @Test
    void aSuspendedMemberStaysConfiguredWithItsSessionsSuspendedAndTheRouteServersCacheKeepsTheSuspension() {
        JoinRequest a = admitted(64501, "aabbccdd01", "2001:db8:ff:0:6:4501:0:1", "203.0.113.11");
        JoinRequest b = admitted(64502, "aabbccdd02", "2001:db8:ff:0:6:4502:0:1", "203.0.113.12");
        b.getMetadata().setName("other");
        a.getStatus().suspendedFor = MemberFinding.NeverViaRouteServers;

        var model = DesiredConfig.of(routeServer(), List.of(RouteServerViewOfRequests.trimmed(a), b)).model();

        assertThat(model.members()).extracting(Member::asn).containsExactly(64501L, 64502L);
        assertThat(model.suspendedMembers()).containsExactly(a.getMetadata().getName());
    }

    @Test
    void eachSessionCarriesItsReceiveLimitForThePortalToName() {
        JoinRequest member = admitted(64501, "aabbccdd01", "2001:db8:ff:0:6:4501:0:1", "203.0.113.11");
        member.getStatus().admitted.maxPrefixes = new MaxPrefixes(100L, 50L);

        var sessions = DesiredConfig.of(routeServer(), List.of(member)).sessionsByProtocol().values();

        assertThat(sessions).extracting(p -> p.family + " " + p.receiveLimit).containsExactlyInAnyOrder("ipv4 120", "ipv6 60");
    }

    @Test
    void roasAreRouteObjectsOnlyWhenThePolicySaysSo() {
        JoinRequest a = admitted(64501, "aabbccdd01", "2001:db8:ff:0:6:4501:0:1", "203.0.113.11");
        RouteServer on = routeServer();
        on.getSpec().policy = new io.ztix.api.routeserver.PolicySpec();
        on.getSpec().policy.rpkiRoasAsRouteObjects = true;

        assertThat(DesiredConfig.of(routeServer(), List.of(a)).model().policy().roasAsRouteObjects()).isFalse();
        assertThat(DesiredConfig.of(on, List.of(a)).model().policy().roasAsRouteObjects()).isTrue();
    }

    @Test
    void blackholingIsOnOnlyWhenEnabledWithItsNextHops() {
        JoinRequest a = admitted(64501, "aabbccdd01", "2001:db8:ff:0:6:4501:0:1", "203.0.113.11");
        RouteServer rs = routeServer();
        rs.getSpec().policy = new io.ztix.api.routeserver.PolicySpec();
        rs.getSpec().policy.blackholing = new io.ztix.api.routeserver.BlackholingSpec();
        rs.getSpec().policy.blackholing.nextHop4 = "203.0.113.66";
        rs.getSpec().policy.blackholing.nextHop6 = "2001:db8:ff::66";

        assertThat(DesiredConfig.of(rs, List.of(a)).model().policy().blackholing()).as("not enabled").isNull();
        rs.getSpec().policy.blackholing.enabled = true;
        assertThat(DesiredConfig.of(rs, List.of(a)).model().policy().blackholing())
                .isEqualTo(new io.ztix.operator.bird.Blackholing("203.0.113.66", "2001:db8:ff::66"));
    }

    @Test
    void aMemberReceivesBlackholesAsAdmittedNotAsTheSpecSaysNow() {
        JoinRequest accepting = admitted(64501, "aabbccdd01", "2001:db8:ff:0:6:4501:0:1", null);
        accepting.getStatus().admitted.acceptBlackholes = true;
        JoinRequest notYetAdmitted = admitted(64502, "aabbccdd02", "2001:db8:ff:0:6:4502:0:1", null);
        notYetAdmitted.getSpec().routing = new io.ztix.api.joinrequest.RoutingSpec(true);

        assertThat(members(accepting, notYetAdmitted)).extracting(Member::asn, Member::acceptsBlackholes)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(64501L, true),
                        org.assertj.core.groups.Tuple.tuple(64502L, false));
    }

    @Test
    void anApprovedRequestWithoutARecordIsNotRenderedEvenIfItsConditionsSayAuthorized() {
        JoinRequest request = request("ns", "ix", 64502, "aabbccdd02", peeringDbUser(2, true));
        request.getSpec().approval = approved("alice");
        request.setStatus(new JoinRequestStatus());
        request.getStatus().assignedIps = new AssignedIps("2001:db8:ff:0:6:4502:0:1", null);
        request.getStatus().conditions.add(new Condition(JoinRequest.COND_MEMBER_AUTHORIZED, Condition.TRUE, "Authorized", ""));

        assertThat(members(request)).isEmpty();
    }

    @Test
    void aRejectionAWithdrawalOrADeletionTakesTheRecordOff() {
        JoinRequest rejectedMember = admitted(64501, "aabbccdd01", "2001:db8:ff:0:6:4501:0:1", null);
        rejectedMember.getSpec().approval = rejected("policy", "bob");
        JoinRequest withdrawn = admitted(64502, "aabbccdd02", "2001:db8:ff:0:6:4502:0:1", null);
        withdrawn.getSpec().approval = null;
        JoinRequest deleted = admitted(64503, "aabbccdd03", "2001:db8:ff:0:6:4503:0:1", null);
        deleted.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");
        JoinRequest kept = admitted(64504, "aabbccdd04", "2001:db8:ff:0:6:4504:0:1", null);

        assertThat(members(rejectedMember, withdrawn, deleted, kept)).extracting(Member::asn).containsExactly(64504L);
    }

    @Test
    void aRequestWhoseSpecCannotBeReadKeepsItsRecord() {
        JoinRequest frozen = admitted(64501, "aabbccdd01", "2001:db8:ff:0:6:4501:0:1", null);
        frozen.setSpec(null);

        assertThat(members(frozen)).extracting(Member::asn).containsExactly(64501L);
    }

    @Test
    void aRecordForAnotherNetworkIsNotRenderedHereEvenIfTheSpecWasMovedHere() {
        JoinRequest moved = admitted(64501, "aabbccdd01", "2001:db8:ff:0:6:4501:0:1", null);
        moved.getStatus().admitted.networkRef = "other";

        assertThat(members(moved)).isEmpty();
    }

    private static List<Member> members(JoinRequest... requests) {
        return DesiredConfig.of(routeServer(), List.of(requests)).model().members();
    }

    private static JoinRequest admitted(long asn, String node, String ipv6, String ipv4) {
        JoinRequest request = request("ns", "ix", asn, node, peeringDbUser(asn, true));
        request.getSpec().approval = approved("alice");
        request.setStatus(new JoinRequestStatus());
        request.getStatus().assignedIps = new AssignedIps(ipv6, ipv4);
        AdmittedMember record = new AdmittedMember();
        record.networkRef = "ix";
        record.asn = asn;
        record.nodeId = node;
        record.ipv6 = ipv6;
        record.ipv4 = ipv4;
        record.approval = approved("alice");
        request.getStatus().admitted = record;
        return request;
    }

    private static RouteServer routeServer() {
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withNamespace("ns").withName("rs1").build());
        RouteServerSpec spec = new RouteServerSpec();
        spec.networkRef = "ix";
        spec.asn = 64500L;
        spec.routerId = "203.0.113.1";
        spec.peeringAddresses = new PeeringAddresses();
        spec.peeringAddresses.ipv6 = "2001:db8:ff::1";
        spec.peeringAddresses.ipv4 = "203.0.113.1";
        spec.rpki = new RpkiSpec();
        spec.rpki.servers.add(new RtrServer("127.0.0.1", 3323));
        rs.setSpec(spec);
        return rs;
    }
}
