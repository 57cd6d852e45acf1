package io.ztix.operator.routeserver.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztix.operator.routeserver.apply.BirdTarget;
import io.ztix.operator.ssh.SshException;
import io.ztix.operator.ssh.SshSession;
import io.ztix.operator.testsupport.BirdDaemon;
import io.ztix.operator.testsupport.FreePorts;
import io.ztix.operator.testsupport.OpenSshServer;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One observation of a real BIRD over a real sshd: every protocol, the RPKI details, name resolution. */
class BirdObserverTest {

    private static OpenSshServer sshd;
    private BirdDaemon bird;
    private final BirdObserver observer = new BirdObserver(Clock.systemUTC());

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

    @AfterEach
    void stopBird() {
        if (bird != null) {
            bird.close();
        }
    }

    @Test
    void oneObservationReadsTheSessionsAndTheRtrSessionsAndWhetherAnRtrHostNameResolves() {
        int closed = FreePorts.pick();
        bird = BirdDaemon.start("roa4 table ztix_roa4;\nroa6 table ztix_roa6;\n"
                + rpki("ztix_rpki_1", "\"rtr.does-not-exist.invalid\"", 323)
                + rpki("ztix_rpki_2", "127.0.0.1", closed)
                + "protocol static s1 { ipv6; route 2001:db8:1::/48 unreachable; }\n"
                + "protocol bgp m_as64501_aaaa000001_v6 { local 2001:db8::1 as 64500; neighbor 2001:db8::2 as 64501;"
                + " ipv6 { import all; export none; }; disabled; }\n");

        BirdObservation observation;
        try (SshSession ssh = SshSession.open(sshd.target())) {
            observation = observer.observe(ssh, bird.target(), Map.of("ztix_rpki_1", "rtr.does-not-exist.invalid",
                    "ztix_rpki_2", "127.0.0.1"));
        }

        assertThat(observation.protocols()).extracting(p -> p.name())
                .contains("device1", "ztix_rpki_1", "ztix_rpki_2", "s1", "m_as64501_aaaa000001_v6");
        assertThat(observation.protocol("m_as64501_aaaa000001_v6").orElseThrow().bgpState()).isEqualTo("Down");
        assertThat(observation.established()).isEmpty();
        assertThat(observation.rpki()).containsOnlyKeys("ztix_rpki_1", "ztix_rpki_2");
        assertThat(observation.rpki().get("ztix_rpki_2").cachePort()).isEqualTo(closed);
        assertThat(observation.anyRtrInSync()).isFalse();
        assertThat(observation.hostResolves()).containsExactly(Map.entry("rtr.does-not-exist.invalid", false));
    }

    @Test
    void thePollAlsoReadsRouteCountersAndADownSessionHasNone() {
        bird = BirdDaemon.start("protocol bgp m_as64501_aaaa000001_v6 { local 2001:db8::1 as 64500; neighbor 2001:db8::2 "
                + "as 64501; ipv6 { import keep filtered on; import all; export none; }; disabled; }\n");

        try (SshSession ssh = SshSession.open(sshd.target())) {
            BirdObservation poll = observer.observe(ssh, bird.target(), Map.of(), true);
            BirdObservation look = observer.observe(ssh, bird.target(), Map.of(), false);

            assertThat(poll.routesRead()).isTrue();
            assertThat(poll.routes()).isEmpty();
            assertThat(poll.protocol("m_as64501_aaaa000001_v6")).isPresent();
            assertThat(look.routesRead()).isFalse();
            // the version is read in the same command with or without the counters
            assertThat(poll.birdVersion()).hasToString(bird.installation().version());
            assertThat(look.birdVersion()).hasToString(bird.installation().version());
        }
    }

    @Test
    void theObservationCarriesTheBirdVersionFromShowStatus() {
        bird = BirdDaemon.start();

        try (SshSession ssh = SshSession.open(sshd.target())) {
            BirdObservation observation = observer.observe(ssh, bird.target(), Map.of());
            assertThat(observation.birdVersion()).hasToString(bird.installation().version());
        }
    }

    @Test
    void showStatusOfBird2And3IsReadAsTheirVersion() throws Exception {
        // captured from the host's BIRD 2.0.12 and the Debian 13 root's BIRD 3.1.8 (birdc show status)
        assertThat(BirdObserver.version(fixture("show-status-2.0.12.txt"))).hasToString("2.0.12");
        assertThat(BirdObserver.version(fixture("show-status-3.1.txt"))).hasToString("3.1.8");
    }

    @Test
    void aShowStatusWithoutAVersionIsAnError() {
        assertThatThrownBy(() -> BirdObserver.version("Unable to connect to server control socket (/run/bird/bird.ctl)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did not report a BIRD version");
    }

    private static String fixture(String name) throws Exception {
        try (var in = BirdObserverTest.class.getResourceAsStream("/bird/observe/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void beforeTheFirstApplyThereAreNoRtrSessions() {
        bird = BirdDaemon.start();

        try (SshSession ssh = SshSession.open(sshd.target())) {
            BirdObservation observation = observer.observe(ssh, bird.target(), Map.of());
            assertThat(observation.rpki()).isEmpty();
            assertThat(observation.protocols()).extracting(p -> p.name()).containsExactly("device1");
        }
    }

    @Test
    void aBirdThatDoesNotAnswerIsACommandFailure() {
        bird = BirdDaemon.start();
        bird.stop();

        try (SshSession ssh = SshSession.open(sshd.target())) {
            BirdTarget target = bird.target();
            assertThatThrownBy(() -> observer.observe(ssh, target, Map.of()))
                    .isInstanceOf(SshException.class).hasMessageContaining("birdc show protocols failed");
        }
    }

    private static String rpki(String name, String remote, int port) {
        return "protocol rpki " + name + " { roa4 { table ztix_roa4; }; roa6 { table ztix_roa6; }; remote " + remote
                + " port " + port + "; retry keep 30; }\n";
    }
}
