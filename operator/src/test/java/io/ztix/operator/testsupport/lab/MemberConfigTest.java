package io.ztix.operator.testsupport.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztix.testing.RealTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The member config the lab renders: BIRD accepts it, and bad announcements are refused early. */
class MemberConfigTest {

    private static final List<Announcement> EVERY_ATTRIBUTE = List.of(
            Announcement.of("198.51.100.0/24").withPrepend(64501, 64999).withCommunities("64501:100")
                    .withLargeCommunities("64500:0:64502").withNextHop("203.0.113.99"),
            Announcement.of("2001:db8:a000::/48").withNextHop("2001:db8:ff::99"));

    @Test
    void birdAcceptsAMemberConfigUsingEveryAnnouncementAttribute(@TempDir Path dir) throws Exception {
        Path bird = RealTools.require("bird", "/usr/sbin/bird");
        Path conf = dir.resolve("bird.conf");
        Files.writeString(conf, MemberConfig.render(LanPeer.MEMBER_A, LanPeer.ROUTE_SERVER, dir.resolve("bird.log"),
                EVERY_ATTRIBUTE));

        ExecResult parsed = Commands.run(List.of(bird.toString(), "-p", "-c", conf.toString()));

        assertThat(parsed.exitCode()).as(parsed.output()).isZero();
    }

    @Test
    void prependedAsnsFollowTheMembersOwnAsnInTheGivenOrder() {
        String conf = MemberConfig.render(LanPeer.MEMBER_A, LanPeer.ROUTE_SERVER, Path.of("/tmp/x.log"), EVERY_ATTRIBUTE);

        assertThat(conf).contains("bgp_path.prepend(64999);\n    bgp_path.prepend(64501);");
        assertThat(conf).contains("enforce first as off;");
        assertThat(conf).contains("bgp_next_hop = 2001:db8:ff::99;");
    }

    @Test
    void malformedAnnouncementsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Announcement.of("198.51.100.0"))
                .hasMessageContaining("CIDR");
        assertThatThrownBy(() -> Announcement.of("198.51.100.0/24").withCommunities("64501:70000"))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> Announcement.of("198.51.100.0/24").withLargeCommunities("64500:1"))
                .hasMessageContaining("large community");
        assertThatThrownBy(() -> Announcement.of("198.51.100.0/24").withNextHop("2001:db8:ff::99"))
                .hasMessageContaining("family");
    }
}
