package io.ztix.operator.routeserver.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.routeserver.apply.BirdApplyException.Rollback;
import io.ztix.operator.routeserver.apply.BirdApplyException.Stage;
import io.ztix.operator.ssh.SshException;
import io.ztix.operator.ssh.SshSession;
import io.ztix.operator.ssh.SshTarget;
import io.ztix.operator.testsupport.BirdDaemon;
import io.ztix.operator.testsupport.BirdInstallation;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.RecordingBirdc;
import io.ztix.operator.testsupport.SameSince;
import java.nio.file.Files;
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

/**
 * The ways an apply fails that real BIRD and a real sshd produce by themselves (unparseable file, hung or refused
 * reconfigure, main config without the include, BIRD or sshd stopped): each leaves BIRD running the last good
 * configuration. Real BIRD (every line under test), real sshd. The steps that need an injected fault (upload hash,
 * swap, non-zero configure exit, failed rollback, marker) are in {@link BirdApplierFaultsTest}.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ztix.operator.testsupport.BirdInstallation#underTest")
class BirdApplierFailureTest {

    @Parameter
    BirdInstallation installation;

    private static final String GOOD = "protocol static s1 { ipv6; route 2001:db8:1::/48 unreachable; }\n";
    private static final String WITH_PEER = GOOD
            + "protocol bgp member_64501 { local 2001:db8::1 as 64500; neighbor 2001:db8::2 as 64501; "
            + "ipv6 { import all; export none; }; }\n";
    private static final String UNPARSEABLE = GOOD + "protocol bgp broken { neighbor 2001:db8::3 as ; }\n";

    private static OpenSshServer sshd;
    private BirdDaemon bird;
    private RecordingBirdc birdc;
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
    void startBirdWithAGoodConfig() {
        bird = BirdDaemon.start(installation);
        birdc = RecordingBirdc.install(bird);
        apply(target(Duration.ofSeconds(20)), GOOD);
    }

    @AfterEach
    void stopBird() {
        if (bird != null) {
            bird.close();
        }
    }

    @Test
    void unparseableConfigFailsAtCheckAndChangesNothing() throws Exception {
        String since = s1Since();

        BirdApplyException e = assertThrows(BirdApplyException.class,
                () -> apply(target(Duration.ofSeconds(20)), UNPARSEABLE));

        assertEquals(Stage.CHECK, e.stage());
        assertEquals(Rollback.NOT_NEEDED, e.rollback());
        assertTrue(e.birdMessage().contains("ztix.conf.candidate:2"), e.birdMessage());
        assertTrue(e.birdMessage().contains("syntax error"), e.birdMessage());
        assertEquals(GOOD, Files.readString(bird.includeFile()));
        SameSince.assertNotRestarted(since, s1Since(), "running protocols must not be restarted");
        assertEquals(1, birdc.configureCalls(), "no reconfigure after a failed check: " + birdc.calls());
        assertEquals(ApplyResult.Outcome.UNCHANGED, apply(target(Duration.ofSeconds(20)), GOOD).outcome(),
                "the last good state is still recorded as applied");
    }

    @Test
    void configureThatTimesOutIsRolledBackToThePreviousFile() throws Exception {
        String since = s1Since();

        BirdApplyException e = assertThrows(BirdApplyException.class,
                () -> apply(target(Duration.ofSeconds(1)), WITH_PEER + RecordingBirdc.HANG_ON_CONFIGURE + "\n"));

        assertEquals(Stage.CONFIGURE, e.stage());
        assertEquals(Rollback.RESTORED, e.rollback());
        assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
        assertEquals(GOOD, Files.readString(bird.includeFile()));
        assertEquals(3, birdc.configureCalls(), "good, hung, rollback: " + birdc.calls());
        assertEquals(List.of("device1", "s1"), protocolNames());
        SameSince.assertNotRestarted(since, s1Since(), "s1 must not be restarted");
    }

    @Test
    void reconfigurationThatBirdDoesNotConfirmIsRolledBack() throws Exception {
        BirdApplyException e = assertThrows(BirdApplyException.class,
                () -> apply(target(Duration.ofSeconds(20)), WITH_PEER + RecordingBirdc.SHUTTING_DOWN + "\n"));

        assertEquals(Stage.CONFIRM, e.stage());
        assertEquals(Rollback.RESTORED, e.rollback());
        assertEquals("Reconfiguration ignored, shutting down", e.birdMessage());
        assertEquals(GOOD, Files.readString(bird.includeFile()));
        assertEquals(List.of("device1", "s1"), protocolNames());
    }

    @Test
    void mainConfigThatDoesNotIncludeTheFileFailsAtCheck() throws Exception {
        Files.writeString(bird.mainConfig(), "router id 198.51.100.1;\nprotocol device {}\n");

        BirdApplyException e = assertThrows(BirdApplyException.class,
                () -> apply(target(Duration.ofSeconds(20)), WITH_PEER));

        assertEquals(Stage.CHECK, e.stage());
        assertTrue(e.birdMessage().contains("include \"" + bird.includeFile() + "\""), e.birdMessage());
        assertEquals(GOOD, Files.readString(bird.includeFile()));
    }

    @Test
    void stoppedBirdFailsAtCheckWithoutSwappingTheFile() throws Exception {
        bird.stop();

        BirdApplyException e = assertThrows(BirdApplyException.class,
                () -> apply(target(Duration.ofSeconds(20)), WITH_PEER));

        assertEquals(Stage.CHECK, e.stage());
        assertEquals(Rollback.NOT_NEEDED, e.rollback());
        assertTrue(e.birdMessage().contains("Unable to connect to server control socket"), e.birdMessage());
        assertEquals(GOOD, Files.readString(bird.includeFile()));
    }

    @Test
    void stoppedSshdIsAConnectFailureAndTouchesNothing() throws Exception {
        SshTarget unreachable;
        try (OpenSshServer other = OpenSshServer.start()) {
            unreachable = other.target(Duration.ofSeconds(5), Duration.ofSeconds(5));
        }

        SshException e = assertThrows(SshException.class,
                () -> apply(unreachable, target(Duration.ofSeconds(20)), WITH_PEER));

        assertEquals(SshException.Kind.CONNECT, e.kind());
        assertEquals(GOOD, Files.readString(bird.includeFile()));
        assertFalse(Files.exists(bird.directory().resolve("ztix.conf.candidate")));
        assertEquals(1, birdc.configureCalls(), "BIRD was not asked anything: " + birdc.calls());
        assertEquals(List.of("device1", "s1"), protocolNames());
    }

    private BirdTarget target(Duration configureTimeout) {
        return bird.target(birdc.command(), configureTimeout);
    }

    private ApplyResult apply(BirdTarget target, String config) {
        return apply(sshd.target(), target, config);
    }

    /** One apply as the route-server reconciler makes it: open a session to the route server, apply over it. */
    private ApplyResult apply(SshTarget routeServer, BirdTarget target, String config) {
        try (SshSession ssh = SshSession.open(routeServer)) {
            return applier.apply(ssh, target, config);
        }
    }

    private List<String> protocolNames() {
        return BirdProtocols.parse(bird.birdc("show", "protocols")).stream().map(ProtocolState::name).toList();
    }

    private String s1Since() {
        return BirdProtocols.parse(bird.birdc("show", "protocols")).stream()
                .filter(state -> state.name().equals("s1")).findFirst().orElseThrow().since();
    }
}
