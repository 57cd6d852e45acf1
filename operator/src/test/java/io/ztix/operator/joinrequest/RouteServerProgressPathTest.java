package io.ztix.operator.joinrequest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ztix.api.routeserver.MemberPath;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerStatus;
import io.ztix.api.routeserver.ZeroTierPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteServerProgressPathTest {

    private static RouteServer routeServer(String name, MemberPath... paths) {
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withName(name).build());
        rs.setStatus(new RouteServerStatus());
        rs.getStatus().memberPaths.addAll(List.of(paths));
        return rs;
    }

    private static MemberPath path(String joinRequest, ZeroTierPath.Reach reach) {
        MemberPath entry = new MemberPath();
        entry.joinRequest = joinRequest;
        entry.nodeId = "aabbccdd01";
        entry.path = new ZeroTierPath();
        entry.path.reach = reach;
        return entry;
    }

    @Test
    void eachRouteServerEntryCarriesThisMembersPathAndOnlyThisMembers() {
        RouteServerProgress progress = RouteServerProgress.of("ix-as64501-aabbccdd01", List.of(
                routeServer("rs1", path("ix-as64502-aabbccdd02", ZeroTierPath.Reach.Direct),
                        path("ix-as64501-aabbccdd01", ZeroTierPath.Reach.Relayed)),
                routeServer("rs2")));

        assertThat(progress.entries().get(0).path.reach).isEqualTo(ZeroTierPath.Reach.Relayed);
        assertThat(progress.entries().get(1).path).as("rs2 reported no path").isNull();
    }
}
