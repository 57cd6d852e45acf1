package io.ztix.operator.zerotier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.zerotier.ZeroTierException.Kind;
import io.ztix.operator.zerotier.rules.RuleSet;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ZeroTierController} does, whatever is behind it: run against the fakes in CI and
 * against a real controller when one is configured. Subclasses provide the controller and a network
 * that exists for the duration of each test.
 */
abstract class ZeroTierControllerContract {

    /**
     * One HTTP client (and connection pool) for the whole suite, as the operator has: a client per call leaves
     * idle keep-alive connections behind that each hold one of a real controller's 8 workers for 5 s.
     */
    protected static final ZeroTierControllers CONTROLLERS = new ZeroTierControllers(Timeouts.DEFAULT);


    protected static final NetworkSettings SETTINGS =
            NetworkSettings.forPeeringLan("ztix-contract", "2001:db8:ff::/64", "203.0.113.0/24", 2800);

    private static final SecureRandom RANDOM = new SecureRandom();
    private final List<String> membersToRemove = new ArrayList<>();

    /** A client for the controller under test that uses this token supplier. */
    protected abstract ZeroTierController controller(Supplier<String> token);

    protected abstract String validToken();

    /** A network that exists during each test. */
    protected abstract String networkId();

    protected ZeroTierController controller() {
        return controller(this::validToken);
    }

    /** A fresh node ID, removed again after the test. */
    protected String newNodeId() {
        String node = String.format("ee%08x", RANDOM.nextInt());
        membersToRemove.add(node);
        return node;
    }

    protected static String unknownNetworkId(String prefix) {
        return prefix + String.format("%06x", RANDOM.nextInt(0xfffff) + 1);
    }

    /** Removes what the test made (members, then networks), then lets the subclass release its controller. */
    @AfterEach
    void tearDown() {
        try {
            for (String node : membersToRemove) {
                try {
                    controller().deleteMember(networkId(), node);
                } catch (ZeroTierException e) {
                    // best effort: the test itself reports what went wrong
                }
            }
            removeTestNetworks();
        } finally {
            releaseController();
        }
    }

    /** Deletes networks the test created; nothing by default. */
    protected void removeTestNetworks() {
    }

    /** Stops a fake; nothing by default. */
    protected void releaseController() {
    }

    @Test
    void statusShowsTheControllerIsReachable() {
        assertTrue(controller().status().databaseReady());
    }

    @Test
    void wrongTokenIsReportedAsBadTokenWithoutRevealingIt() {
        String wrong = "wrong-token-" + Long.toHexString(RANDOM.nextLong());
        ZeroTierException error = assertThrows(ZeroTierException.class,
                () -> controller(() -> wrong).getNetwork(networkId()));
        assertEquals(Kind.BAD_TOKEN, error.kind());
        assertFalse(error.getMessage().contains(wrong), error.getMessage());
        assertFalse(error.getMessage().contains(validToken()), error.getMessage());
    }

    @Test
    void unknownNetworkIsEmpty() {
        assertEquals(Optional.empty(), controller().getNetwork(unknownNetworkId(networkId().substring(0, 10))));
    }

    @Test
    void membersOfAnUnknownNetworkAreNotFound() {
        ZeroTierException error = assertThrows(ZeroTierException.class,
                () -> controller().listMembers(unknownNetworkId(networkId().substring(0, 10))));
        assertEquals(Kind.NOT_FOUND, error.kind());
    }

    @Test
    void unknownMemberIsEmpty() {
        assertEquals(Optional.empty(), controller().getMember(networkId(), newNodeId()));
    }

    @Test
    void networkSettingsAreWrittenAndReadBack() {
        NetworkInfo written = controller().updateNetwork(networkId(), SETTINGS);
        assertEquals("ztix-contract", written.name());
        assertTrue(written.privateNetwork());
        assertEquals(List.of(Route.onLink("2001:db8:ff::/64"), Route.onLink("203.0.113.0/24")), written.routes());
        assertEquals(2800, written.mtu());
        assertEquals(AssignModes.NONE, written.assignModes());
        assertEquals(List.of(), written.ipAssignmentPools());
        assertEquals(Optional.of(written), controller().getNetwork(networkId()));
    }

    @Test
    void networkRoutesAreReplacedNotMerged() {
        controller().updateNetwork(networkId(), SETTINGS);
        NetworkSettings ipv6Only = NetworkSettings.forPeeringLan("ztix-contract", "2001:db8:ff::/64", null, 1400);
        controller().updateNetwork(networkId(), ipv6Only);
        NetworkInfo read = controller().getNetwork(networkId()).orElseThrow();
        assertEquals(List.of(Route.onLink("2001:db8:ff::/64")), read.routes());
        assertEquals(1400, read.mtu());
    }

    @Test
    void flowRulesAreWrittenAndReadBack() {
        RuleSet rules = RuleSet.compile("""
                drop not ethertype ipv4 and not ethertype arp and not ethertype ipv6;
                drop ethertype ipv6 and ipprotocol icmp6 and icmp 134 -1;
                drop ipsrc 203.0.113.0/24 and not chr ipauth;
                accept;
                """);
        NetworkInfo written = controller().updateNetwork(networkId(), SETTINGS.withRules(rules));
        assertTrue(rules.sameAs(written.rules()), written.rules().toString());
        assertTrue(rules.sameAs(controller().getNetwork(networkId()).orElseThrow().rules()));
    }

    @Test
    void flowRulesAreReplacedNotMerged() {
        controller().updateNetwork(networkId(), SETTINGS.withRules(RuleSet.compile(
                "drop ethertype arp and not chr ipauth; drop chr multicast and not ethertype arp; accept;")));
        RuleSet shorter = RuleSet.compile("drop not ethertype ipv6; accept;");
        controller().updateNetwork(networkId(), SETTINGS.withRules(shorter));
        NetworkInfo read = controller().getNetwork(networkId()).orElseThrow();
        assertEquals(3, read.rules().size(), read.rules().toString());
        assertTrue(shorter.sameAs(read.rules()));
    }

    @Test
    void settingsWithoutRulesLeaveTheNetworksRulesAlone() {
        RuleSet rules = RuleSet.compile("drop not ethertype ipv6; accept;");
        controller().updateNetwork(networkId(), SETTINGS.withRules(rules));
        controller().updateNetwork(networkId(), SETTINGS);
        assertTrue(rules.sameAs(controller().getNetwork(networkId()).orElseThrow().rules()));
    }

    @Test
    void memberIsAuthorizedWithExactlyTheGivenAddresses() {
        String node = newNodeId();
        Member member = controller().upsertMember(networkId(), node,
                MemberSettings.authorized(List.of("2001:db8:ff:0:6:4501:0:1", "203.0.113.3"), "AS64501"));
        assertEquals(node, member.nodeId());
        assertTrue(member.authorized());
        assertTrue(member.noAutoAssignIps());
        assertEquals(List.of("2001:db8:ff:0:6:4501:0:1", "203.0.113.3").stream().sorted().toList(),
                member.ipAssignments().stream().sorted().toList());
        assertEquals(Optional.of(member), controller().getMember(networkId(), node));
    }

    @Test
    void memberAddressesAreReplacedNotMerged() {
        String node = newNodeId();
        controller().upsertMember(networkId(), node, MemberSettings.authorized(List.of("2001:db8:ff:0:6:4501:0:1",
                "203.0.113.3"), "AS64501"));
        controller().upsertMember(networkId(), node, MemberSettings.authorized(List.of("2001:db8:ff:0:6:4501:0:2"),
                "AS64501"));
        assertEquals(List.of("2001:db8:ff:0:6:4501:0:2"),
                controller().getMember(networkId(), node).orElseThrow().ipAssignments());
    }

    @Test
    void secondIdenticalUpsertChangesNothingVisible() {
        String node = newNodeId();
        MemberSettings settings = MemberSettings.authorized(List.of("2001:db8:ff:0:6:4501:0:1"), "AS64501");
        Member first = controller().upsertMember(networkId(), node, settings);
        Member second = controller().upsertMember(networkId(), node, settings);
        assertEquals(first, second);
        assertEquals(Optional.of(first), controller().getMember(networkId(), node));
    }

    @Test
    void aChangedMemberGetsANewRevision() {
        String node = newNodeId();
        Member first = controller().upsertMember(networkId(), node, MemberSettings.authorized(List.of("203.0.113.3"), null));
        Member second = controller().upsertMember(networkId(), node,
                new MemberSettings(false, List.of("203.0.113.3"), true, null));
        assertFalse(second.authorized());
        assertNotEquals(first.revision(), second.revision());
    }

    @Test
    void upperCaseIdsFromTheCallerAreSentInLowerCase() {
        String node = newNodeId();
        Member member = controller().upsertMember(networkId().toUpperCase(Locale.ROOT), node.toUpperCase(Locale.ROOT),
                MemberSettings.authorized(List.of("203.0.113.4"), null));
        assertEquals(node, member.nodeId());
        assertTrue(controller().getMember(networkId(), node).isPresent());
        assertTrue(controller().listMembers(networkId()).contains(node));
    }

    @Test
    void deletedMemberIsGone() {
        String node = newNodeId();
        controller().upsertMember(networkId(), node, MemberSettings.authorized(List.of("203.0.113.5"), null));
        controller().deleteMember(networkId(), node);
        assertEquals(Optional.empty(), controller().getMember(networkId(), node));
        assertFalse(controller().listMembers(networkId()).contains(node));
    }

    @Test
    void deletingAMissingMemberIsFine() {
        String node = newNodeId();
        controller().deleteMember(networkId(), node);
        assertEquals(Optional.empty(), controller().getMember(networkId(), node));
    }

    @Test
    void deletingAMemberOfAMissingNetworkIsFine() {
        controller().deleteMember(unknownNetworkId(networkId().substring(0, 10)), newNodeId());
    }

    @Test
    void listedMemberIdsAreLowerCaseAndSorted() {
        String first = newNodeId();
        String second = newNodeId();
        controller().upsertMember(networkId(), second, MemberSettings.authorized(List.of("203.0.113.6"), null));
        controller().upsertMember(networkId(), first, MemberSettings.authorized(List.of("203.0.113.7"), null));
        List<String> listed = controller().listMembers(networkId());
        assertTrue(listed.containsAll(List.of(first, second)), listed.toString());
        assertEquals(listed.stream().sorted().toList(), listed);
        assertTrue(listed.stream().allMatch(id -> id.equals(id.toLowerCase(Locale.ROOT))), listed.toString());
    }

    @Test
    void malformedIdsAreRejectedBeforeAnythingIsSent() {
        assertThrows(IllegalArgumentException.class, () -> controller().getNetwork("not-a-network"));
        assertThrows(IllegalArgumentException.class, () -> controller().getMember(networkId(), "xyz"));
        assertThrows(IllegalArgumentException.class, () -> controller().getMember(networkId(), "aabbccdd0"));
    }

    @Test
    void toStringNeverShowsTheToken() {
        assertFalse(controller().toString().contains(validToken()), controller().toString());
    }
}
