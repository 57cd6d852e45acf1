package io.ztix.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SandboxOptionsTest {

    private static final Path REPO = Path.of("/tmp/ztix");

    @Test
    void withoutOptionsTheStandInControllerAndPort8480AreUsed() {
        SandboxOptions options = SandboxOptions.parse(REPO);
        assertThat(options.portalPort()).isEqualTo(8480);
        assertThat(options.zeroTierUrl()).isEmpty();
        assertThat(options.workDirectory()).isEqualTo(REPO.resolve("target/sandbox"));
        assertThat(options.routeServer()).isTrue();
        assertThat(SandboxOptions.parse(REPO, "--no-route-server", "--portal-port", "0").routeServer()).isFalse();
    }

    @Test
    void aRealControllerNeedsBothUrlAndToken() {
        assertThatThrownBy(() -> SandboxOptions.parse(REPO, "--zt-url", "http://10.0.0.1:9993"))
                .hasMessageContaining("--zt-url and --zt-token go together");
        SandboxOptions options = SandboxOptions.parse(REPO, "--zt-url", "http://zt.example.net:9993", "--zt-token", "s3cret");
        assertThat(options.zeroTierUrl()).contains("http://zt.example.net:9993");
        assertThat(options.zeroTierToken()).contains("s3cret");
    }

    @Test
    void badValuesAndUnknownOptionsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> SandboxOptions.parse(REPO, "--portal-port", "eighty"))
                .hasMessageContaining("--portal-port must be a number");
        assertThatThrownBy(() -> SandboxOptions.parse(REPO, "--portal-port", "70000"))
                .hasMessageContaining("0..65535");
        assertThatThrownBy(() -> SandboxOptions.parse(REPO, "--zt-url", "zt.example.net", "--zt-token", "t"))
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> SandboxOptions.parse(REPO, "--colour", "blue")).hasMessageContaining("usage:");
        assertThatThrownBy(() -> SandboxOptions.parse(REPO, "--portal-port")).hasMessageContaining("missing value");
    }
}
