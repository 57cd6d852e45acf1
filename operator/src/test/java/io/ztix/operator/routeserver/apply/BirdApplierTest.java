package io.ztix.operator.routeserver.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.ssh.SshSession;
import io.ztix.operator.testsupport.BirdDaemon;
import io.ztix.operator.testsupport.BirdInstallation;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.RecordingBirdc;
import io.ztix.operator.testsupport.SameSince;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Applying include files to a real BIRD over a real sshd, on every BIRD line under test. */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ztix.operator.testsupport.BirdInstallation#underTest")
class BirdApplierTest {

    @Parameter
    BirdInstallation installation;

    private static final String STATIC_ONLY = "protocol static s1 { ipv6; route 2001:db8:1::/48 unreachable; }\n";
    private static final String STATIC_AND_PEER = STATIC_ONLY
            + "protocol bgp member_64501 {\n"
            + "  local 2001:db8::1 as 64500;\n"
            + "  neighbor 2001:db8::2 as 64501;\n"
            + "  ipv6 { import all; export none; };\n"
            + "}\n";

    private static OpenSshServer sshd;
    private BirdDaemon bird;
    private RecordingBirdc birdc;
    private BirdTarget target;
    private final BirdApplier applier = new BirdApplier();

    @BeforeAll
    static void startSshd() {
        sshd = OpenSshServer.start();
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @BeforeEach
    void startBird() {
        bird = BirdDaemon.start(installation);
        birdc = RecordingBirdc.install(bird);
        target = bird.target(birdc.command(), Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBird() {
        if (bird != null) {
            bird.close();
        }
    }

    @Test
    void newConfigIsActivatedAndItsProtocolsRun() throws Exception {
        String before = Files.readString(bird.includeFile());

        ApplyResult result = apply(STATIC_AND_PEER);

        assertEquals(ApplyResult.Outcome.APPLIED, result.outcome());
        assertEquals(BirdApplier.sha256(STATIC_AND_PEER.getBytes()), result.sha256());
        assertTrue(result.birdReply().contains("Reconfigured"), result.birdReply());
        assertEquals(STATIC_AND_PEER, Files.readString(bird.includeFile()));
        assertEquals(before, Files.readString(bird.directory().resolve("ztix.conf.previous")));
        ProtocolState peer = state(live(), "member_64501");
        assertEquals("BGP", peer.proto());
        assertEquals("up", state(live(), "s1").state());
        assertEquals(1, birdc.configureCalls());
    }

    @Test
    void replacedFileKeepsThePermissionsOfTheLiveFileAndLeavesNoCheckCopyBehind() throws Exception {
        Files.setPosixFilePermissions(bird.includeFile(), PosixFilePermissions.fromString("rw-r-----"));

        apply(STATIC_ONLY);

        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(bird.includeFile())));
        assertFalse(Files.exists(bird.directory().resolve("bird.conf.ztix-check")));
        assertFalse(Files.exists(bird.directory().resolve("ztix.conf.candidate")));
    }

    @Test
    void sameConfigAgainIsUnchangedAndDoesNotReconfigure() {
        apply(STATIC_AND_PEER);
        String lastReconfiguration = lastReconfiguration();

        ApplyResult again = apply(STATIC_AND_PEER);

        assertEquals(ApplyResult.Outcome.UNCHANGED, again.outcome());
        assertEquals(again.sha256(), again.previousSha256());
        assertEquals(1, birdc.configureCalls(), "only the first apply may reconfigure: " + birdc.calls());
        assertEquals(1, birdc.configureCheckCalls(), "the unchanged file is not even checked: " + birdc.calls());
        assertEquals(lastReconfiguration, lastReconfiguration());
    }

    @Test
    void fileThatBirdNeverConfirmedIsAppliedEvenIfItsContentMatches() throws Exception {
        Files.writeString(bird.includeFile(), STATIC_ONLY);

        ApplyResult result = apply(STATIC_ONLY);

        assertEquals(ApplyResult.Outcome.APPLIED, result.outcome());
        assertEquals(1, birdc.configureCalls());
        assertEquals("up", state(live(), "s1").state());
    }

    @Test
    void addingAMemberKeepsTheOtherProtocolsRunning() throws Exception {
        apply(STATIC_AND_PEER);
        String staticSince = state(live(), "s1").since();
        String memberSince = state(live(), "member_64501").since();
        Thread.sleep(50);

        apply(STATIC_AND_PEER + "protocol bgp member_64502 { local 2001:db8::1 as 64500; "
                + "neighbor 2001:db8::3 as 64502; ipv6 { import all; export none; }; }\n");

        assertNotNull(state(live(), "member_64502"));
        SameSince.assertNotRestarted(staticSince, state(live(), "s1").since(), "s1 must not be restarted");
        SameSince.assertNotRestarted(memberSince, state(live(), "member_64501").since(), "member_64501 must not be restarted");
    }

    @Test
    void changingOneMemberRestartsOnlyThatMember() throws Exception {
        apply(STATIC_AND_PEER);
        String staticSince = state(live(), "s1").since();
        String memberSince = state(live(), "member_64501").since();
        Thread.sleep(50);

        apply(STATIC_AND_PEER.replace("neighbor 2001:db8::2 as 64501", "neighbor 2001:db8::2 as 64511"));

        SameSince.assertNotRestarted(staticSince, state(live(), "s1").since(), "s1 must not be restarted");
        assertNotEquals(memberSince, state(live(), "member_64501").since(),
                "the changed member is reconfigured (this proves 'since' would reveal a restart)");
    }

    @Test
    void rollingBackASuccessfulApplyPutsThePreviousFileBackAndBirdRunsItAgain() throws Exception {
        ApplyResult first = apply(STATIC_ONLY);
        ApplyResult second = apply(STATIC_AND_PEER);
        assertNotNull(state(live(), "member_64501"));

        try (SshSession ssh = SshSession.open(sshd.target())) {
            applier.rollBack(ssh, target, second.sha256(), second.previousSha256());
        }

        assertEquals(STATIC_ONLY, Files.readString(bird.includeFile()));
        assertFalse(live().stream().anyMatch(p -> p.name().equals("member_64501")), "BIRD runs the previous file");
        assertEquals(first.sha256() + "\n", Files.readString(bird.directory().resolve("ztix.conf.applied")));
        assertEquals(ApplyResult.Outcome.UNCHANGED, apply(STATIC_ONLY).outcome(), "the restored file is confirmed");
    }

    @Test
    void rollingBackRefusesWhenTheLiveFileWasChangedSinceAndTouchesNothing() throws Exception {
        apply(STATIC_ONLY);
        ApplyResult second = apply(STATIC_AND_PEER);
        String changedByHand = STATIC_AND_PEER + "# edited by hand\n";
        Files.writeString(bird.includeFile(), changedByHand);

        BirdApplyException refused;
        try (SshSession ssh = SshSession.open(sshd.target())) {
            refused = assertThrows(BirdApplyException.class,
                    () -> applier.rollBack(ssh, target, second.sha256(), second.previousSha256()));
        }

        assertEquals(BirdApplyException.Stage.ROLLBACK, refused.stage());
        assertEquals(BirdApplyException.Rollback.NOT_NEEDED, refused.rollback());
        assertTrue(refused.getMessage().contains("changed since"), refused.getMessage());
        assertEquals(changedByHand, Files.readString(bird.includeFile()));
        assertEquals(STATIC_ONLY, Files.readString(bird.directory().resolve("ztix.conf.previous")));
    }

    private ApplyResult apply(String config) {
        try (SshSession ssh = SshSession.open(sshd.target())) {
            return applier.apply(ssh, target, config);
        }
    }

    private List<ProtocolState> live() {
        return BirdProtocols.parse(bird.birdc("show", "protocols"));
    }

    private String lastReconfiguration() {
        return bird.birdc("show", "status").lines().filter(line -> line.startsWith("Last reconfiguration"))
                .findFirst().orElseThrow();
    }

    private static ProtocolState state(List<ProtocolState> states, String name) {
        return states.stream().filter(state -> state.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no protocol " + name + " in " + states));
    }
}
