package io.ztix.operator.routeserver.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.routeserver.apply.BirdApplyException.Rollback;
import io.ztix.operator.routeserver.apply.BirdApplyException.Stage;
import io.ztix.operator.ssh.SshSession;
import io.ztix.operator.testsupport.BirdDaemon;
import io.ztix.operator.testsupport.FaultySudo;
import io.ztix.operator.testsupport.FaultySudo.Fault;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.RecordingBirdc;
import io.ztix.operator.testsupport.SameSince;
import io.ztix.operator.testsupport.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The steps of an apply that a real BIRD and sshd cannot be made to fail on demand, failed one at a time by a
 * {@code sudo} wrapper on the route server ({@link FaultySudo}; the target uses {@code sudo: true}): a candidate
 * that is not what was sent, a refused swap, {@code birdc configure} exiting non-zero, a rollback that fails too,
 * and a marker that cannot be written. Real BIRD (host), real sshd.
 */
class BirdApplierFaultsTest {

    private static final String GOOD = "protocol static s1 { ipv6; route 2001:db8:1::/48 unreachable; }\n";
    private static final String WITH_PEER = GOOD
            + "protocol bgp member_64501 { local 2001:db8::1 as 64500; neighbor 2001:db8::2 as 64501; "
            + "ipv6 { import all; export none; }; }\n";

    private static Path bin;
    private static OpenSshServer sshd;
    private BirdDaemon bird;
    private RecordingBirdc birdc;
    private FaultySudo sudo;
    private final BirdApplier applier = new BirdApplier();

    @BeforeAll
    static void startSshd() {
        bin = TempDirs.create("ztix-faulty-sudo-");
        sshd = OpenSshServer.startWithCommandsFirstFrom(bin);
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
        TempDirs.delete(bin);
    }

    @BeforeEach
    void startBirdWithAGoodConfig() {
        bird = BirdDaemon.start();
        birdc = RecordingBirdc.install(bird);
        sudo = FaultySudo.install(bin, bird.includeFile());
        assertEquals(ApplyResult.Outcome.APPLIED, apply(GOOD).outcome());
        assertTrue(sudo.calls().stream().anyMatch(c -> c.endsWith(" configure")),
                "the apply ran through the wrapper: " + sudo.calls());
    }

    @AfterEach
    void stopBird() {
        if (bird != null) {
            bird.close();
        }
    }

    @Test
    void aCandidateThatIsNotWhatWasSentFailsAtUploadAndChangesNothing() throws Exception {
        sudo.arm(Fault.UPLOAD);

        BirdApplyException e = assertThrows(BirdApplyException.class, () -> apply(WITH_PEER));

        assertFalse(sudo.armed(Fault.UPLOAD), "the fault fired");
        assertEquals(Stage.UPLOAD, e.stage());
        assertEquals(Rollback.NOT_NEEDED, e.rollback());
        assertTrue(e.birdMessage().contains("after upload, expected"), e.birdMessage());
        assertEquals(GOOD, Files.readString(bird.includeFile()));
        assertEquals(1, birdc.configureCheckCalls(), "never checked, never configured: " + birdc.calls());
        assertEquals(1, birdc.configureCalls());
    }

    @Test
    void aSwapTheRouteServerRefusesIsRolledBackAndBirdKeepsThePreviousFile() throws Exception {
        sudo.arm(Fault.SWAP);

        BirdApplyException e = assertThrows(BirdApplyException.class, () -> apply(WITH_PEER));

        assertFalse(sudo.armed(Fault.SWAP));
        assertEquals(Stage.SWAP, e.stage());
        assertEquals(Rollback.RESTORED, e.rollback());
        assertTrue(e.birdMessage().contains("Operation not permitted"), e.birdMessage());
        assertEquals(GOOD, Files.readString(bird.includeFile()));
        assertEquals(List.of("device1", "s1"), protocolNames());
    }

    @Test
    void birdcConfigureExitingNonZeroIsRolledBack() throws Exception {
        String since = s1Since();
        sudo.arm(Fault.CONFIGURE);

        BirdApplyException e = assertThrows(BirdApplyException.class, () -> apply(WITH_PEER));

        assertFalse(sudo.armed(Fault.CONFIGURE));
        assertEquals(Stage.CONFIGURE, e.stage());
        assertEquals(Rollback.RESTORED, e.rollback());
        assertTrue(e.birdMessage().contains("Unable to connect to server control socket"), e.birdMessage());
        assertEquals(GOOD, Files.readString(bird.includeFile()));
        assertEquals(List.of("device1", "s1"), protocolNames());
        SameSince.assertNotRestarted(since, s1Since(), "running protocols were not restarted");
        assertEquals(ApplyResult.Outcome.APPLIED, apply(WITH_PEER).outcome(), "the next apply goes through");
    }

    @Test
    void aRollbackThatFailsTooIsReportedAsFailedAndBirdStillRunsTheLastGoodConfiguration() throws Exception {
        sudo.arm(Fault.CONFIGURE);
        sudo.arm(Fault.ROLLBACK);

        BirdApplyException e = assertThrows(BirdApplyException.class, () -> apply(WITH_PEER));

        assertFalse(sudo.armed(Fault.ROLLBACK));
        assertEquals(Stage.CONFIGURE, e.stage());
        assertEquals(Rollback.FAILED, e.rollback());
        assertTrue(e.getMessage().contains("ROLLBACK FAILED") && e.getMessage().contains("ztix.conf.previous"),
                e.getMessage());
        assertEquals(List.of("device1", "s1"), protocolNames(), "BIRD never loaded the new file");
        assertFalse(Files.exists(bird.includeFile().resolveSibling("ztix.conf.applied")),
                "nothing claims the live file was applied");
        assertEquals(ApplyResult.Outcome.APPLIED, apply(GOOD).outcome(),
                "the next apply does not trust the live file: it applies the desired one again");
    }

    @Test
    void aMarkerThatCannotBeWrittenStillReportsTheApplyAndTheNextApplyRecordsIt() throws Exception {
        sudo.arm(Fault.MARKER);

        ApplyResult applied = apply(WITH_PEER);

        assertFalse(sudo.armed(Fault.MARKER));
        assertEquals(ApplyResult.Outcome.APPLIED, applied.outcome(), "BIRD runs the new file");
        assertEquals(WITH_PEER, Files.readString(bird.includeFile()));
        assertEquals(List.of("device1", "member_64501", "s1"), protocolNames());
        assertFalse(Files.exists(bird.includeFile().resolveSibling("ztix.conf.applied")));

        String since = s1Since();
        assertEquals(ApplyResult.Outcome.APPLIED, apply(WITH_PEER).outcome(), "no marker: reconfigure again");
        SameSince.assertNotRestarted(since, s1Since(), "the repeated reconfigure restarts nothing");
        assertEquals(ApplyResult.Outcome.UNCHANGED, apply(WITH_PEER).outcome(), "now recorded");
    }

    private BirdTarget target() {
        return new BirdTarget(bird.directory().toString(), BirdDaemon.MAIN_CONFIG, BirdDaemon.INCLUDE_FILE,
                bird.birdBinary().toString(), birdc.command(), bird.socket().toString(), true, Duration.ofSeconds(20));
    }

    private ApplyResult apply(String config) {
        try (SshSession ssh = SshSession.open(sshd.target())) {
            return applier.apply(ssh, target(), config);
        }
    }

    private List<String> protocolNames() {
        return BirdProtocols.parse(bird.birdc("show", "protocols")).stream().map(ProtocolState::name).sorted().toList();
    }

    private String s1Since() {
        return BirdProtocols.parse(bird.birdc("show", "protocols")).stream()
                .filter(state -> state.name().equals("s1")).findFirst().orElseThrow().since();
    }
}
