package io.ztix.operator.bird;

import static io.ztix.operator.bird.PolicyFixture.A;
import static io.ztix.operator.bird.PolicyFixture.A_V4;
import static io.ztix.operator.bird.PolicyFixture.A_V6;
import static io.ztix.operator.bird.PolicyFixture.RS_ASN;
import static io.ztix.operator.bird.PolicyFixture.awaitAccepted;
import static io.ztix.operator.bird.PolicyFixture.awaitFilteredDetails;
import static io.ztix.operator.bird.TestRoutes.path;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.testsupport.BirdInstallation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ASPA path verification of member A's routes with the real rendered filters, on the BIRD lines that have ASPA
 * (2.17 and 3.1 from Debian 13), for both policies. The ASPA table holds static records here, as the ROA tables do
 * in {@link BirdImportPolicyTest}; {@code BirdAspaRtrTest} feeds them over RTR. Origins behind A: 3333 names A as
 * its provider, 4444 names only 174, 5555 publishes no ASPA.
 */
@ParameterizedClass(name = "{0}, aspa {1}")
@MethodSource("linesAndPolicies")
class BirdAspaPolicyTest {

    private static final String V4 = "from_a_v4";
    private static final String V6 = "from_a_v6";
    private static final long CUSTOMER_OF_A = 3333;
    private static final long CUSTOMER_OF_OTHERS = 4444;
    private static final long WITHOUT_ASPA = 5555;

    private static BirdDaemon bird;

    @Parameter(0)
    BirdInstallation installation;

    @Parameter(1)
    AspaPolicy policy;

    static Stream<Arguments> linesAndPolicies() {
        return Stream.of(BirdInstallation.TRIXIE_2_17, BirdInstallation.TRIXIE_3_1)
                .flatMap(line -> Stream.of(Arguments.of(line, AspaPolicy.Tag), Arguments.of(line, AspaPolicy.Reject)));
    }

    @BeforeParameterizedClassInvocation
    static void startBird(BirdInstallation installation, AspaPolicy policy) {
        installation.require();
        String include = new BirdConfigRenderer().render(PolicyFixture.routeServer(Policy.defaults().withAspa(policy)),
                installation.birdVersion());
        String routes = TestRoutes.aspas("t_aspa")
                .aspa(CUSTOMER_OF_A, A)
                .aspa(CUSTOMER_OF_OTHERS, 174)
                .render()
                + TestRoutes.through(V4, "ipv4", PolicyFixture.importFilter(A, "ipv4"))
                .route("45.128.40.0/24", A_V4, path(A, CUSTOMER_OF_A))
                .route("45.128.41.0/24", A_V4, path(A, CUSTOMER_OF_OTHERS))
                .route("45.128.42.0/24", A_V4, path(A, WITHOUT_ASPA))
                .route("45.128.43.0/24", A_V4, path(A, A, CUSTOMER_OF_A, CUSTOMER_OF_A))
                .render()
                + TestRoutes.through(V6, "ipv6", PolicyFixture.importFilter(A, "ipv6"))
                .route("2a0c:9a40:40::/48", A_V6, path(A, CUSTOMER_OF_A))
                .route("2a0c:9a40:41::/48", A_V6, path(A, CUSTOMER_OF_OTHERS))
                .render();
        bird = BirdDaemon.start(installation, include, routes);
    }

    @AfterParameterizedClassInvocation
    static void stopBird() {
        if (bird != null) {
            bird.close();
            bird = null;
        }
    }

    @Test
    void aPathWhoseOriginNamesTheMemberAsProviderIsAcceptedAsValidOnBothFamilies() {
        assertTrue(awaitAccepted(bird, "master4", "45.128.40.0/24", V4).contains(community(1002, 1)));
        assertTrue(awaitAccepted(bird, "master6", "2a0c:9a40:40::/48", V6).contains(community(1002, 1)));
    }

    @Test
    void prependingDoesNotMakeAValidPathInvalid() {
        assertTrue(awaitAccepted(bird, "master4", "45.128.43.0/24", V4).contains(community(1002, 1)));
    }

    @Test
    void aPathThroughAProviderTheCustomersAspaDoesNotListIsTaggedOrRejectedAsConfigured() {
        if (policy == AspaPolicy.Tag) {
            assertTrue(awaitAccepted(bird, "master4", "45.128.41.0/24", V4).contains(community(1002, 3)));
            assertTrue(awaitAccepted(bird, "master6", "2a0c:9a40:41::/48", V6).contains(community(1002, 3)));
        } else {
            String v4 = awaitFilteredDetails(bird, "master4", "45.128.41.0/24", V4);
            String v6 = awaitFilteredDetails(bird, "master6", "2a0c:9a40:41::/48", V6);
            assertTrue(v4.contains(community(1101, 16)), "the reject reason is on the filtered route: " + v4);
            assertTrue(v6.contains(community(1101, 16)), v6);
            assertFalse(v4.contains(community(1002, 3)), v4);
        }
    }

    @Test
    void aPathWithoutAspaRecordsIsUnknownAndAccepted() {
        String details = awaitAccepted(bird, "master4", "45.128.42.0/24", V4);
        assertTrue(details.contains(community(1002, 2)), details);
    }

    private static String community(long function, long value) {
        return "(" + RS_ASN + ", " + function + ", " + value + ")";
    }
}
