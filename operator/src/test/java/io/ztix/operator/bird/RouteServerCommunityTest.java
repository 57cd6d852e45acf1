package io.ztix.operator.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.api.routeserver.RouteServerCommunity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The community table is defined once, rendered from it, and documented where members and admins look. */
class RouteServerCommunityTest {

    @Test
    void everyCommunityIsDocumentedInTheTemplatesReadme() throws IOException {
        String readme = Files.readString(Path.of("src/main/resources/bird/README.md"));
        for (RouteServerCommunity community : RouteServerCommunity.values()) {
            assertTrue(readme.contains("| `" + community.documented() + "`"), community + " is missing from bird/README.md");
        }
    }

    @Test
    void noTwoCommunitiesShareANumber() {
        Set<String> seen = new HashSet<>();
        Arrays.stream(RouteServerCommunity.values())
                .forEach(c -> assertTrue(seen.add(c.documented()), c.documented() + " is used twice"));
    }

    @Test
    void theTemplatesSetExactlyTheCommunitiesTheTableMarksAsRendered() {
        String tagging = new BirdConfigRenderer().render(BirdFixtures.routeServer(BirdFixtures.threeMembers().members(),
                Policy.defaults().withAspa(AspaPolicy.Tag)), BirdVersion.parse("3.1.8"));
        String rejecting = new BirdConfigRenderer().render(BirdFixtures.routeServer(BirdFixtures.threeMembers().members(),
                Policy.defaults().withAspa(AspaPolicy.Reject)), BirdVersion.parse("3.1.8"));
        String irr = new BirdConfigRenderer().render(BirdFixtures.threeMembersWithIrr(), BirdVersion.parse("3.1.8"));
        RouteServerConfig plain = BirdFixtures.threeMembersWithIrr();
        String roas = new BirdConfigRenderer().render(new RouteServerConfig(plain.rsAsn(), plain.routerId(), plain.rsIpv4(),
                plain.rsIpv6(), plain.rtrServers(), plain.policy().withRoasAsRouteObjects(true), plain.members()),
                BirdVersion.parse("3.1.8"));
        for (RouteServerCommunity community : RouteServerCommunity.values()) {
            String added = "bgp_large_community.add(" + Communities.bird(community) + ")";
            assertEquals(community.rendered(), tagging.contains(added) || rejecting.contains(added) || irr.contains(added)
                    || roas.contains(added),
                    community + (community.rendered() ? " is marked rendered but no template sets it"
                            : " is set by a template but not marked rendered"));
        }
    }

    @Test
    void everyRejectReasonIsInTheFilteredFunctionAndEveryInformationOutsideIt() {
        for (RouteServerCommunity community : RouteServerCommunity.values()) {
            assertEquals(community.kind() == RouteServerCommunity.Kind.FILTERED,
                    community.function() == RouteServerCommunity.FILTERED_FUNCTION, community.toString());
        }
    }

    @Test
    void communitiesAreReadBackByTheirNumbers() {
        assertEquals(RouteServerCommunity.BOGON_PREFIX, RouteServerCommunity.of(1101, 3).orElseThrow());
        assertTrue(RouteServerCommunity.of(1101, 999).isEmpty());
    }

    @Test
    void templatesNameCommunitiesRelativeToTheRouteServerAsn() {
        assertEquals("(ZTIX_RS_ASN, 1101, 16)", Communities.TEMPLATE_VIEW.property("ASPA_INVALID"));
        assertEquals(null, Communities.TEMPLATE_VIEW.property("NO_SUCH_COMMUNITY"));
    }
}
