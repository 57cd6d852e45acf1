package io.ztix.operator.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControllerUrlPolicyTest {

    private final ControllerUrlPolicy defaults = new ControllerUrlPolicy(false, Optional.empty(), "cluster.local");

    @Test
    void httpsGoesAnywhere() {
        assertThat(defaults.refusal("https://api.zerotier.com/api/v1")).isEmpty();
        assertThat(defaults.refusal("https://zt.example.net:9443")).isEmpty();
    }

    @Test
    void plainHttpOnlyToLoopbackAndClusterLocalHosts() {
        for (String ok : new String[] {"http://127.0.0.1:9993", "http://localhost:9993", "http://[::1]:9993",
                "http://zt-controller:9993", "http://zt-controller.ztix.svc:9993", "http://zt.ztix.svc.cluster.local:9993"}) {
            assertThat(defaults.refusal(ok)).as(ok).isEmpty();
        }
        for (String refused : new String[] {"http://zt.example.net:9993", "http://192.0.2.7:9993", "http://[2001:db8::7]:9993",
                "http://zt.ztix.svc.attacker.example:9993", "http://zt.cluster.local.attacker.example"}) {
            assertThat(defaults.refusal(refused)).as(refused).hasValueSatisfying(why -> assertThat(why).contains("plain http"));
        }
    }

    @Test
    void theAdminMayAllowPlainHttp() {
        assertThat(new ControllerUrlPolicy(true, Optional.empty(), "cluster.local").refusal("http://zt.example.net:9993")).isEmpty();
    }

    @Test
    void anAllowListKeepsEveryOtherHostOutEvenOverHttps() {
        ControllerUrlPolicy listed = new ControllerUrlPolicy(false, Optional.of(Set.of("api.zerotier.com", "*.zt.example.net")),
                "cluster.local");
        assertThat(listed.refusal("https://api.zerotier.com/api/v1")).isEmpty();
        assertThat(listed.refusal("https://c1.zt.example.net")).isEmpty();
        assertThat(listed.refusal("https://zt.example.net.attacker.example")).hasValueSatisfying(why -> assertThat(why)
                .contains("allowed controller hosts"));
        assertThat(listed.refusal("https://attacker.example")).isPresent();
    }

    @Test
    void somethingThatIsNoUrlIsRefused() {
        assertThat(defaults.refusal("not a url")).isPresent();
        assertThat(defaults.refusal("http:///path")).isPresent();
    }

    @Test
    void onlyHttpsAndHttpAreSchemesATokenIsSentOver() {
        // the CRD's pattern says so too, but the operator must not rely on every writer having passed it
        ControllerUrlPolicy lenient = new ControllerUrlPolicy(true, Optional.empty(), "cluster.local");
        for (String refused : new String[] {"ftp://zt.example.net/api", "//zt.example.net/api", "gopher://127.0.0.1:9993",
                "ws://zt-controller:9993", "file://localhost/etc/passwd"}) {
            assertThat(defaults.refusal(refused)).as(refused).hasValueSatisfying(why -> assertThat(why).contains("https"));
            assertThat(lenient.refusal(refused)).as("%s with plain http allowed", refused).isPresent();
        }
        assertThat(defaults.refusal("HTTPS://api.zerotier.com/api/v1")).as("the scheme's case does not matter").isEmpty();
    }
}
