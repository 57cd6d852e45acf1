package io.ztix.operator.routeserver.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The route-counter section as it crosses SSH (BIRD's output after the route server's grep). */
class SessionRoutesTest {

    /** Captured from BIRD 2.0.12 (BIRD 3.1.8 prints the same lines apart from its banner). */
    private static final String BIRD_2 = """
            BIRD 2.0.12 ready.
            Name       Proto      Table      State  Since         Info
            m_as64501_aaaa000001_v4 BGP        ---        up     17:28:45.580  Established  \s
                Routes:         2 imported, 1 filtered, 2 exported, 2 preferred
            m_as64502_bbbb000002_v4 BGP        ---        start  17:28:41.350  Active        Socket: Connection refused
            m_as64502_bbbb000002_v6 BGP        ---        up     2026-12-01 17:28:45  Established
                Routes:         0 imported, 0 filtered, 12000 exported, 0 preferred
            """;

    @Test
    void eachEstablishedSessionHasItsImportedFilteredAndExportedRoutesAndADownOneHasNone() {
        Map<String, RouteCounts> counts = SessionRoutes.parse(BIRD_2).orElseThrow();

        assertThat(counts).containsExactly(
                Map.entry("m_as64501_aaaa000001_v4", new RouteCounts(2, 1, 2)),
                Map.entry("m_as64502_bbbb000002_v6", new RouteCounts(0, 0, 12000)));
    }

    @Test
    void beforeTheFirstMemberThereAreNoSessionsButTheCountersWereRead() {
        assertThat(SessionRoutes.parse("BIRD 2.0.12 ready.\nNo protocols match\n")).contains(Map.of());
    }

    @Test
    void anAnswerThatIsNotBirdcsMeansTheCountersWereNotRead() {
        assertThat(SessionRoutes.parse("Unable to connect to server control socket (/run/bird/bird.ctl): "
                + "No such file or directory\n")).isEmpty();
        assertThat(SessionRoutes.parse("")).isEmpty();
    }

    @Test
    void aRoutesLineThatIsNotAChannelsOwnIsNotCounted() {
        // a member's description cannot pose as a channel line: it is indented by two and starts with its label
        String output = """
                BIRD 2.0.12 ready.
                Name       Proto      Table      State  Since         Info
                m_as64501_aaaa000001_v4 BGP        ---        down   17:28:45.580
                  Description:    Routes:         9 imported, 9 filtered, 9 exported, 9 preferred
                """;

        assertThat(SessionRoutes.parse(output).orElseThrow()).isEmpty();
    }
}
